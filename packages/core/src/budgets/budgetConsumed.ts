import { exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { toTarget } from '../objectives/target.js';
import type { TargetInput } from '../objectives/target.js';
import { burnRateFromCounts } from './burnRate.js';
import { checkCounts, checkUnitInterval } from './checks.js';
import { checkedTarget, remainingQuotient } from './exactCounts.js';

/**
 * Share of the error budget an SLI has spent: `(1 − SLI)/(1 − T)`.
 *
 * 0 is untouched, 1 exactly spent, above 1 overspent; never clamped (REFERENCE.md §1.1,
 * §11.2 #13). A ratio, not a percent (slo-generator reports the percent: 90.0 for 0.9).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param sli - the measured SLI in [0, 1]
 * @returns the consumed share, `>= 0`, exact to the decimals of the inputs
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError when `sli` is not a finite number in [0, 1]
 * @example
 * ```ts
 * budgetConsumed(0.99, 0.991); // 0.9
 * budgetConsumed(0.99, 0.5); // 50 (5000% spent)
 * ```
 */
export function budgetConsumed(target: TargetInput, sli: number): number {
  const { errorBudget } = toTarget(target);
  checkUnitInterval('sli', sli);
  return exactDivide(exactSubtract(1, sli), errorBudget);
}

/**
 * Share of the error budget left: `(SLI − T)/(1 − T) = 1 − consumed`.
 *
 * May be negative when the budget is overspent, and is never clamped: −1 means the budget was
 * spent twice (Dash0's gauge range is (−∞, 1]; Pyrra shows "-100.000%"; REFERENCE.md §1.1).
 * Computed exactly from the decimals, so `budgetRemaining(0.9, 0.95)` is 0.5, not the
 * 0.49999999999999944 of the float formula (§10 #47); where both results terminate it equals
 * `1 − budgetConsumed(target, sli)` exactly.
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param sli - the measured SLI in [0, 1]
 * @returns the remaining share, `<= 1`, possibly negative
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError when `sli` is not a finite number in [0, 1]
 * @example
 * ```ts
 * budgetRemaining(0.999, 0.9995); // 0.5
 * budgetRemaining(0.99, 0.98); // -1
 * ```
 */
export function budgetRemaining(target: TargetInput, sli: number): number {
  const { fraction, errorBudget } = toTarget(target);
  checkUnitInterval('sli', sli);
  return exactDivide(exactSubtract(sli, fraction), errorBudget);
}

/**
 * Share of the error budget spent by `total − good` bad events: `B/((1 − T)·N)`, or `null` when
 * there were no events.
 *
 * Prefer it to `budgetConsumed(target, good / total)`: it divides the counts once, so a ratio
 * with no short decimal (111/118) does not carry a rounded SLI into the result.
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param good - good events, finite and `>= 0`
 * @param total - valid events, finite and `>= good`
 * @returns the consumed share, or `null` when `total` is 0 (no data)
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError for negative or non-finite counts, or `good > total`
 * @example
 * ```ts
 * budgetConsumedFromCounts(0.999, 9_995, 10_000); // 0.5
 * ```
 */
export function budgetConsumedFromCounts(
  target: TargetInput,
  good: number,
  total: number,
): number | null {
  // Budget spent over the period is the burn rate over the period: B/((1 − T)·N).
  return burnRateFromCounts(target, good, total);
}

/**
 * Share of the error budget left after `total − good` bad events: `(G − T·N)/((1 − T)·N)`, or
 * `null` when there were no events. Negative when overspent, never clamped.
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param good - good events, finite and `>= 0`
 * @param total - valid events, finite and `>= good`
 * @returns the remaining share (`<= 1`), or `null` when `total` is 0 (no data)
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError for negative or non-finite counts, or `good > total`
 * @example
 * ```ts
 * budgetRemainingFromCounts(0.99, 980, 1000); // -1
 * ```
 */
export function budgetRemainingFromCounts(
  target: TargetInput,
  good: number,
  total: number,
): number | null {
  const { fraction, errorBudget, rational } = checkedTarget(target);
  checkCounts(good, total);
  if (total === 0) return null;
  const fast = rational === null ? undefined : remainingQuotient(rational, good, total);
  if (fast !== undefined) return fast;
  return exactDivide(
    exactSubtract(good, exactMultiply(fraction, total)),
    exactMultiply(errorBudget, total),
  );
}

/**
 * Bad events still allowed in the period: `(1 − T)·N − B` (Nobl9 remaining budget in events).
 *
 * Negative when more events failed than the budget allowed; never clamped. Fractional when the
 * allowance is (99.9% of 7,200 allows 7.2).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param good - good events, finite and `>= 0`
 * @param total - valid events, finite and `>= good`
 * @returns allowed bad events minus bad events so far (0 when there were no events)
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError for negative or non-finite counts, or `good > total`
 * @example
 * ```ts
 * remainingBadEvents(0.999, 9_995, 10_000); // 5 (10 allowed, 5 spent)
 * ```
 */
export function remainingBadEvents(target: TargetInput, good: number, total: number): number {
  const { errorBudget } = toTarget(target);
  checkCounts(good, total);
  return exactSubtract(exactMultiply(errorBudget, total), exactSubtract(total, good));
}
