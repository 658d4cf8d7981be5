import { exactSubtract } from '../decimal.js';
import { checkRemaining } from './checks.js';

/**
 * How much of the budget was lost between two readings: `remaining(t − w) − remaining(t)`.
 *
 * Positive when budget was spent, negative when a rolling window regained budget as old bad
 * events left it (Nobl9 `budgetDrop`, Honeycomb "budget rate"; REFERENCE.md §1.1). Exact, so
 * 0.9 → 0.8 is a drop of 0.1, not 0.09999999999999998.
 *
 * @param remainingBefore - remaining share at the start of the lookback, finite and `<= 1`
 * @param remainingNow - remaining share now, finite and `<= 1`
 * @returns the drop as a share of the whole budget
 * @throws RangeError when either value is above 1 or not finite
 * @example
 * ```ts
 * budgetDrop(0.9, 0.8); // 0.1
 * ```
 */
export function budgetDrop(remainingBefore: number, remainingNow: number): number {
  checkRemaining('remainingBefore', remainingBefore);
  checkRemaining('remainingNow', remainingNow);
  return exactSubtract(remainingBefore, remainingNow);
}
