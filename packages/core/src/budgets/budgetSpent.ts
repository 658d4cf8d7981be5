import { exactDivide, exactMultiply } from '../decimal.js';
import { checkNonNegative, checkPositive } from './checks.js';

/**
 * Share of the period's error budget a burn rate spends over a window: `BR·w/W`.
 *
 * @param burnRate - burn rate over the window, finite and `>= 0`
 * @param windowMs - the window in milliseconds, finite and `>= 0`
 * @param periodMs - the SLO period in milliseconds, finite and `> 0`
 * @returns the budget share spent (a ratio: 0.05 is 5%)
 * @throws RangeError for a negative or non-finite burn rate or window, or a period `<= 0`
 * @example
 * ```ts
 * budgetSpentInWindow(36, 3_600_000, 30 * 86_400_000); // 0.05 (5% in 1 h of 30 d)
 * ```
 */
export function budgetSpentInWindow(burnRate: number, windowMs: number, periodMs: number): number {
  checkNonNegative('burnRate', burnRate);
  checkNonNegative('windowMs', windowMs);
  checkPositive('periodMs', periodMs);
  return exactDivide(exactMultiply(burnRate, windowMs), periodMs);
}

/**
 * The burn rate that spends `share` of the period's budget within a window: `share·W/w`.
 *
 * This is how burn-rate alert factors are derived: 2% in 1 h of 30 d is 14.4, 5% in 6 h is 6
 * (SRE Workbook ch. 5, Table 5-8).
 *
 * @param share - the budget share as a ratio (0.05 for 5%), finite and `>= 0`
 * @param windowMs - the window in milliseconds, finite and `> 0`
 * @param periodMs - the SLO period in milliseconds, finite and `> 0`
 * @returns the burn rate
 * @throws RangeError for a negative or non-finite share, or a window or period `<= 0`
 * @example
 * ```ts
 * burnRateForBudgetShare(0.05, 3_600_000, 30 * 86_400_000); // 36
 * ```
 */
export function burnRateForBudgetShare(share: number, windowMs: number, periodMs: number): number {
  checkNonNegative('share', share);
  checkPositive('windowMs', windowMs);
  checkPositive('periodMs', periodMs);
  return exactDivide(exactMultiply(share, periodMs), windowMs);
}
