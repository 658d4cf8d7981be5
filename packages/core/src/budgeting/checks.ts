/**
 * Argument checks shared by the budgeting math. Internal: not re-exported from the barrel.
 *
 * The SLI math raises `RangeError` for out-of-domain numbers (like the budget math in
 * `../budgets`); {@link toBudgeting} raises `NinesError` `INVALID_BUDGETING` for configuration.
 *
 * @internal
 */
import {
  checkArray,
  checkCounts,
  describeValue,
  isFiniteNumber,
  isRecord,
  showValue,
} from '../internal/validate.js';
import type { SliceCounts } from './computeSli.js';
import type { EmptySlicePolicy, SliceOperator } from './types.js';

/**
 * The four slice operators, in the order messages list them.
 *
 * @example
 * ```ts
 * SLICE_OPERATORS.join(', '); // "gte, gt, lte, lt"
 * ```
 */
export const SLICE_OPERATORS: readonly SliceOperator[] = ['gte', 'gt', 'lte', 'lt'];

/**
 * The three empty-slice policies, in the order messages list them.
 *
 * @example
 * ```ts
 * EMPTY_SLICE_POLICIES.includes('skip'); // true
 * ```
 */
export const EMPTY_SLICE_POLICIES: readonly EmptySlicePolicy[] = ['skip', 'good', 'bad'];

/**
 * Tell whether a value is one of the four OpenSLO operators.
 *
 * @param value - any value
 * @returns `true` for `gte`, `gt`, `lte` and `lt`
 * @example
 * ```ts
 * isSliceOperator('gt'); // true
 * isSliceOperator('ge'); // false
 * ```
 */
export function isSliceOperator(value: unknown): value is SliceOperator {
  return typeof value === 'string' && (SLICE_OPERATORS as readonly string[]).includes(value);
}

/**
 * Tell whether a value is one of the three empty-slice policies.
 *
 * @param value - any value
 * @returns `true` for `skip`, `good` and `bad`
 * @example
 * ```ts
 * isEmptySlicePolicy('good'); // true
 * ```
 */
export function isEmptySlicePolicy(value: unknown): value is EmptySlicePolicy {
  return typeof value === 'string' && (EMPTY_SLICE_POLICIES as readonly string[]).includes(value);
}

/**
 * Tell whether a value can be a slice target: a finite number in (0, 1].
 *
 * @param value - any value
 * @returns `true` for a finite number in (0, 1]
 * @example
 * ```ts
 * isSliceTarget(0.95); // true
 * isSliceTarget(0); // false
 * ```
 */
export function isSliceTarget(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0 && value <= 1;
}

/**
 * Throw unless `op` is one of the four OpenSLO operators.
 *
 * @param op - the value to check
 * @throws RangeError `op must be one of gte, gt, lte, lt, got <value>`
 * @example
 * ```ts
 * checkSliceOperator('eq'); // throws RangeError
 * ```
 */
export function checkSliceOperator(op: unknown): asserts op is SliceOperator {
  if (!isSliceOperator(op)) {
    throw new RangeError(`op must be one of gte, gt, lte, lt, got ${showValue(op)}`);
  }
}

/**
 * Throw unless `policy` is one of the three empty-slice policies.
 *
 * @param policy - the value to check
 * @throws RangeError `emptySlice must be one of skip, good, bad, got <value>`
 * @example
 * ```ts
 * checkEmptySlicePolicy('none'); // throws RangeError
 * ```
 */
export function checkEmptySlicePolicy(policy: unknown): asserts policy is EmptySlicePolicy {
  if (!isEmptySlicePolicy(policy)) {
    throw new RangeError(`emptySlice must be one of skip, good, bad, got ${showValue(policy)}`);
  }
}

/**
 * Throw unless `sliceTarget` is a finite number in (0, 1].
 *
 * @param sliceTarget - the value to check
 * @throws RangeError `sliceTarget must be a number in (0, 1], got <value>`
 * @example
 * ```ts
 * checkSliceTarget(0); // throws RangeError
 * ```
 */
export function checkSliceTarget(sliceTarget: unknown): asserts sliceTarget is number {
  if (!isSliceTarget(sliceTarget)) {
    throw new RangeError(`sliceTarget must be a number in (0, 1], got ${showValue(sliceTarget)}`);
  }
}

/**
 * Compare a slice ratio with the slice target, without validation; callers have checked their
 * arguments (this runs once per slice).
 *
 * @param ratio - the slice's good/total ratio
 * @param sliceTarget - the ratio a slice must reach
 * @param op - the comparison
 * @returns `true` when the slice is good
 * @example
 * ```ts
 * compareSlice(0.95, 0.95, 'gt'); // false
 * ```
 */
export function compareSlice(ratio: number, sliceTarget: number, op: SliceOperator): boolean {
  switch (op) {
    case 'gte':
      return ratio >= sliceTarget;
    case 'gt':
      return ratio > sliceTarget;
    case 'lte':
      return ratio <= sliceTarget;
    case 'lt':
      return ratio < sliceTarget;
  }
}

/**
 * Throw unless `slices` is an array of `{ good, total }` objects whose counts satisfy
 * `0 <= good <= total` (the count rule every area shares).
 *
 * @param slices - the value to check
 * @throws RangeError naming the offending slice and value
 * @example
 * ```ts
 * checkSlices([{ good: 3, total: 2 }]); // throws: slices[0].good must not exceed its total, ...
 * ```
 */
export function checkSlices(slices: unknown): asserts slices is readonly SliceCounts[] {
  checkArray('slices', slices, '{ good, total }');
  slices.forEach((slice, index) => {
    if (!isRecord(slice)) {
      throw new RangeError(`slices[${index}] must be { good, total }, got ${describeValue(slice)}`);
    }
    checkCounts(slice.good, slice.total, `slices[${index}]`);
  });
}

/**
 * Throw unless a slice rule is an object (its fields are checked one by one afterwards).
 *
 * @param rule - the value to check
 * @throws RangeError `rule must be an object ..., got <value>`
 * @example
 * ```ts
 * checkRule(null); // throws RangeError
 * ```
 */
export function checkRule(rule: unknown): asserts rule is Readonly<Record<string, unknown>> {
  if (!isRecord(rule)) {
    throw new RangeError(
      `rule must be an object such as { sliceTarget: 0.95, op: 'gte', emptySlice: 'skip' }, got ${describeValue(rule)}`,
    );
  }
}
