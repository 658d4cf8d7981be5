import { exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { toTarget } from '../objectives/target.js';
import type { TargetInput } from '../objectives/target.js';
import { checkCounts, checkUnitInterval } from './checks.js';
import { checkedTarget, consumedQuotient } from './exactCounts.js';

/**
 * How fast the error budget burns: `BR = errorRatio/(1 − T)`.
 *
 * 1 spends exactly the budget by the end of the period; 10 spends it in a tenth of the period
 * (SRE Workbook ch. 5; REFERENCE.md §1.1).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param errorRatio - bad/valid events over the lookback window, in [0, 1]
 * @returns the burn rate, in [0, {@link maxBurnRate}]
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError when `errorRatio` is not a finite number in [0, 1]
 * @example
 * ```ts
 * burnRate(0.999, 0.01); // 10 (Datadog burn-rate docs)
 * ```
 */
export function burnRate(target: TargetInput, errorRatio: number): number {
  const { errorBudget } = toTarget(target);
  checkUnitInterval('errorRatio', errorRatio);
  return exactDivide(errorRatio, errorBudget);
}

/**
 * Burn rate from event counts, `((N − G)/N)/(1 − T)`, or `null` when there were no events.
 *
 * Divides the counts once, exactly, so no rounded error ratio leaks into the result.
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param good - good events in the window, finite and `>= 0`
 * @param total - valid events in the window, finite and `>= good`
 * @returns the burn rate, or `null` when `total` is 0 (no data, not 0 and not NaN)
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError for negative or non-finite counts, or `good > total`
 * @example
 * ```ts
 * burnRateFromCounts(0.999, 9, 10); // 100 (1 failure in 10 requests)
 * burnRateFromCounts(0.999, 0, 0); // null
 * ```
 */
export function burnRateFromCounts(
  target: TargetInput,
  good: number,
  total: number,
): number | null {
  const { errorBudget, rational } = checkedTarget(target);
  checkCounts(good, total);
  if (total === 0) return null;
  const fast = rational === null ? undefined : consumedQuotient(rational, good, total);
  if (fast !== undefined) return fast;
  return exactDivide(exactSubtract(total, good), exactMultiply(errorBudget, total));
}

/**
 * The highest burn rate a target allows, `1/(1 − T)`: every event failing.
 *
 * An alert threshold above it can never fire (Datadog refuses such thresholds; a 2%-in-1h page
 * at 14.4× is unreachable for a 90% target, whose maximum is 10; REFERENCE.md §10 #38).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @returns the maximum burn rate, e.g. 1000 for 99.9%
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @example
 * ```ts
 * maxBurnRate(0.96); // 25
 * ```
 */
export function maxBurnRate(target: TargetInput): number {
  return exactDivide(1, toTarget(target).errorBudget);
}
