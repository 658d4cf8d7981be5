import { exactDivide, exactMultiply } from '../decimal.js';
import { toTarget } from '../objectives/target.js';
import type { TargetInput } from '../objectives/target.js';
import { isFiniteNumber, showValue } from '../internal/validate.js';

/**
 * The fewest events per window for which one failure costs at most a share `f` of the error
 * budget: `N ≥ 1 / ((1 − T)·f)`, rounded up (REFERENCE.md §1.6, computed).
 *
 * Below that volume a single failed request swings the SLI, and the burn rate, by more than the
 * share you are willing to lose to one event: at 10 requests per hour a 99.9% objective turns one
 * failure into a burn rate of 100 (REFERENCE.md §10 #37). Use it to pick a window long enough,
 * or to decide that an objective needs synthetic traffic or a Wilson verdict. The arithmetic is
 * exact: for 90% and f = 1 the naive `Math.ceil(1 / ((1 - 0.9) * 1))` is 11, because
 * `1 - 0.9` is 0.09999999999999998; the answer is 10.
 *
 * @param target - the objective as a fraction in (0, 1) or a {@link Target}
 * @param budgetShare - the largest share of the budget one failure may cost, in (0, 1]
 * @returns the minimum number of events, a positive integer
 * @throws RangeError when `budgetShare` is not a number in (0, 1], or so small that the answer
 *   exceeds `Number.MAX_SAFE_INTEGER`; NinesError `INVALID_TARGET` for a bad target
 * @example
 * ```ts
 * minimumEvents(0.999, 1); // 1_000: one failure spends the whole budget
 * minimumEvents(0.999, 0.01); // 100_000
 * minimumEvents(0.9, 1); // 10
 * ```
 */
export function minimumEvents(target: TargetInput, budgetShare: number): number {
  const { errorBudget } = toTarget(target);
  if (!isFiniteNumber(budgetShare) || budgetShare <= 0 || budgetShare > 1) {
    throw new RangeError(
      `budgetShare must be a fraction of the budget in (0, 1] (e.g. 0.01 for 1%), got ${showValue(budgetShare)}`,
    );
  }
  const events = Math.ceil(exactDivide(1, exactMultiply(errorBudget, budgetShare)));
  if (!Number.isSafeInteger(events)) {
    throw new RangeError(
      `minimumEvents(${String(errorBudget)} budget, share ${String(budgetShare)}) needs ${String(events)} events, more than Number.MAX_SAFE_INTEGER; use a larger budgetShare`,
    );
  }
  return events;
}
