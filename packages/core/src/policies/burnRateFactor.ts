import { exactDivide, exactMultiply } from '../decimal.js';
import { isPositiveNumber, showValue } from '../internal/validate.js';

function checkPositive(name: string, value: number): void {
  if (!isPositiveNumber(value)) {
    throw new RangeError(`${name} must be a finite number above 0, got ${showValue(value)}`);
  }
}

/**
 * The burn-rate factor at which a tier spends `budgetPercent` of the period's error budget
 * within its long window: `(budgetPercent × period) / (longWindow × 100)`.
 *
 * Computed exactly on the decimals the inputs print as, so a 28-day period gives 5.6 and 2.8,
 * not the 5.6000000000000005 and 2.8000000000000003 that Sloth's operation order
 * `ebp × hours / 100 / long` produces (REFERENCE.md §2.2, §10 #7, #10); quotients without a
 * short decimal expansion are correctly rounded (10% of 28 d over 3 d ⇒ 14/15 =
 * 0.9333333333333333).
 *
 * @param budgetPercent - share of the period's budget, in percent, the tier may spend before firing (e.g. 2)
 * @param periodMs - SLO period in milliseconds (e.g. 30 days)
 * @param longWindowMs - the tier's long window in milliseconds (e.g. 1 hour)
 * @returns the factor, e.g. 14.4 for 2% of 30 d over 1 h
 * @throws RangeError when an input is not a finite number above 0
 * @example
 * ```ts
 * const HOUR = 3_600_000;
 * burnRateFactor(2, 720 * HOUR, HOUR); // 14.4
 * burnRateFactor(5, 672 * HOUR, 6 * HOUR); // 5.6
 * ```
 */
export function burnRateFactor(
  budgetPercent: number,
  periodMs: number,
  longWindowMs: number,
): number {
  checkPositive('budgetPercent', budgetPercent);
  checkPositive('periodMs', periodMs);
  checkPositive('longWindowMs', longWindowMs);
  return exactDivide(exactMultiply(budgetPercent, periodMs), exactMultiply(longWindowMs, 100));
}
