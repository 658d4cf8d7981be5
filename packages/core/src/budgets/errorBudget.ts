import { exactMultiply } from '../decimal.js';
import { toTarget } from '../objectives/target.js';
import type { TargetInput } from '../objectives/target.js';
import { checkNonNegative } from './checks.js';
import { allowedBadProduct, checkedTarget } from './exactCounts.js';

/**
 * The error-budget fraction `1 − T`: the share of events (or time) allowed to be bad.
 *
 * Read from the target's exact `errorBudget`, so 0.999 gives 0.001, not the
 * 0.0010000000000000009 that `1 - 0.999` gives (REFERENCE.md §1.1, §10 #19).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @returns `1 − T`, exact to the decimals the target was written with
 * @throws NinesError `INVALID_TARGET` when the target is not in (0, 1)
 * @example
 * ```ts
 * errorBudget(0.999); // 0.001
 * errorBudget(targetFromPercent(99.95)); // 0.0005
 * ```
 */
export function errorBudget(target: TargetInput): number {
  return toTarget(target).errorBudget;
}

/**
 * How many of `totalEvents` may be bad before the objective is missed: `(1 − T)·N`.
 *
 * Computed on exact decimals, so 99.9% of 10,000 requests allows exactly 10 bad ones (the float
 * product is 10.000000000000009; REFERENCE.md §10 #48).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param totalEvents - valid events in the period, finite and `>= 0` (may be fractional, as
 *   Prometheus `increase()` results are)
 * @returns the allowed number of bad events (not rounded down: 7.2 means 7 whole failures)
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError when `totalEvents` is negative or not finite
 * @example
 * ```ts
 * allowedBadEvents(0.999, 1_000_000); // 1000 (SRE Workbook error budget policy)
 * ```
 */
export function allowedBadEvents(target: TargetInput, totalEvents: number): number {
  const checked = checkedTarget(target);
  checkNonNegative('totalEvents', totalEvents);
  const rational = checked.rational;
  const fast = rational === null ? undefined : allowedBadProduct(rational, totalEvents);
  return fast ?? exactMultiply(checked.errorBudget, totalEvents);
}

/**
 * How long the service may be fully down in a window without missing the objective:
 * `(1 − T)·W`.
 *
 * Exact: 99.9% over 30 days is 2,592,000 ms = 43.2 min, where the float product is
 * 43.20000000000004 min (REFERENCE.md §10 #1).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @param windowMs - the window (SLO period) in milliseconds, finite and `>= 0`
 * @returns the allowed downtime in milliseconds
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError when `windowMs` is negative or not finite
 * @example
 * ```ts
 * allowedDowntime(0.999, 30 * 24 * 60 * 60 * 1000); // 2_592_000 (43.2 minutes)
 * ```
 */
export function allowedDowntime(target: TargetInput, windowMs: number): number {
  const budget = errorBudget(target);
  checkNonNegative('windowMs', windowMs);
  return exactMultiply(budget, windowMs);
}
