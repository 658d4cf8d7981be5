import { isFiniteNumber, showValue } from '../internal/validate.js';
import { checkSliceOperator, checkSliceTarget, compareSlice } from './checks.js';
import type { SliceOperator } from './types.js';

/**
 * Decide whether one time slice is good: its good/total ratio compared with the slice target.
 *
 * The operator is configurable because sources disagree on the boundary: the Nobl9 gist counts
 * a minute as good only when its ratio is strictly above the target (`gt`), GCP windows-based
 * SLIs use `>=` (`gte`, our default), and OpenSLO allows all four (REFERENCE.md §1.2). A ratio
 * of exactly 0.95 against a 0.95 target is good under `gte` and bad under `gt`.
 *
 * @param ratio - the slice's good/total ratio, in [0, 1]
 * @param sliceTarget - the ratio a slice must reach, in (0, 1] (OpenSLO `timeSliceTarget`)
 * @param op - how `ratio` is compared with `sliceTarget`
 * @returns `true` when the slice is good
 * @throws RangeError when `ratio` is outside [0, 1] or NaN, `sliceTarget` outside (0, 1], or
 *   `op` is not one of `gte`, `gt`, `lte`, `lt`
 * @example
 * ```ts
 * sliceIsGood(0.95, 0.95, 'gte'); // true
 * sliceIsGood(0.95, 0.95, 'gt'); // false (Nobl9 gist rule)
 * ```
 */
export function sliceIsGood(ratio: number, sliceTarget: number, op: SliceOperator): boolean {
  if (!isFiniteNumber(ratio) || ratio < 0 || ratio > 1) {
    throw new RangeError(`ratio must be a number in [0, 1], got ${showValue(ratio)}`);
  }
  checkSliceTarget(sliceTarget);
  checkSliceOperator(op);
  return compareSlice(ratio, sliceTarget, op);
}
