/**
 * Argument checks shared by the budgeting math. Internal: not re-exported from the barrel.
 *
 * The SLI math raises `RangeError` for out-of-domain numbers (like the budget math in
 * `../budgets`); {@link toBudgeting} raises `NinesError` `INVALID_BUDGETING` for configuration.
 */
import type { EmptySlicePolicy, SliceOperator } from './types.js';

/** The four slice operators, in the order messages list them. */
export const SLICE_OPERATORS: readonly SliceOperator[] = ['gte', 'gt', 'lte', 'lt'];

/** The three empty-slice policies, in the order messages list them. */
export const EMPTY_SLICE_POLICIES: readonly EmptySlicePolicy[] = ['skip', 'good', 'bad'];

/** `true` when `value` is one of the four OpenSLO operators. */
export function isSliceOperator(value: unknown): value is SliceOperator {
  return typeof value === 'string' && (SLICE_OPERATORS as readonly string[]).includes(value);
}

/** `true` when `value` is one of the three empty-slice policies. */
export function isEmptySlicePolicy(value: unknown): value is EmptySlicePolicy {
  return typeof value === 'string' && (EMPTY_SLICE_POLICIES as readonly string[]).includes(value);
}

/** `true` when `value` is a finite number in (0, 1]. */
export function isSliceTarget(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1;
}

/** Throw unless `op` is one of the four OpenSLO operators. */
export function checkSliceOperator(op: unknown): asserts op is SliceOperator {
  if (!isSliceOperator(op)) {
    throw new RangeError(`op must be one of gte, gt, lte, lt, got ${String(op)}`);
  }
}

/** Throw unless `policy` is one of the three empty-slice policies. */
export function checkEmptySlicePolicy(policy: unknown): asserts policy is EmptySlicePolicy {
  if (!isEmptySlicePolicy(policy)) {
    throw new RangeError(`emptySlice must be one of skip, good, bad, got ${String(policy)}`);
  }
}

/** Throw unless `sliceTarget` is a finite number in (0, 1]. */
export function checkSliceTarget(sliceTarget: unknown): asserts sliceTarget is number {
  if (!isSliceTarget(sliceTarget)) {
    throw new RangeError(`sliceTarget must be a number in (0, 1], got ${String(sliceTarget)}`);
  }
}

/** Compare without validation; callers have checked their arguments. */
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

/** Throw unless slice `index` holds counts with `0 <= good <= total`, both finite. */
export function checkSliceCounts(index: number, good: unknown, total: unknown): void {
  if (typeof good !== 'number' || !Number.isFinite(good) || good < 0) {
    throw new RangeError(`slices[${index}].good must be a finite number >= 0, got ${String(good)}`);
  }
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
    throw new RangeError(
      `slices[${index}].total must be a finite number >= 0, got ${String(total)}`,
    );
  }
  if (good > total) {
    throw new RangeError(
      `slices[${index}].good must not exceed its total (good events are a subset of valid events), got good ${good} > total ${total}`,
    );
  }
}
