import { exactDivide, exactMultiply } from '../decimal.js';
import { checkNonNegative, checkPositive, checkRemaining } from './checks.js';

/**
 * How long until the budget runs out at a steady burn rate: `remaining·W/BR`.
 *
 * With the whole budget (`remaining` 1) this is `W/BR`: a 30-day budget burning at 10× lasts
 * 3 days (SRE Workbook ch. 5; Nobl9 `timeToBurnEntireBudget`). With part of it left it is the
 * time to burn what is left (Nobl9 `timeToBurnBudget`).
 *
 * @param periodMs - the SLO period in milliseconds, finite and `> 0`
 * @param burnRate - the current burn rate, finite and `>= 0`
 * @param remaining - share of the budget left, finite and `<= 1` (default 1, the whole budget)
 * @returns milliseconds until exhaustion: `0` when nothing is left (`remaining <= 0`), even at
 *   burn rate 0; `Infinity` when the budget is not burning (`burnRate` 0)
 * @throws RangeError for a period `<= 0`, a negative burn rate, `remaining > 1`, or non-finite
 *   input
 * @example
 * ```ts
 * timeToExhaustion(30 * 86_400_000, 10); // 259_200_000 (3 days)
 * timeToExhaustion(30 * 86_400_000, 2, 0.5); // 648_000_000 (7.5 days)
 * ```
 */
export function timeToExhaustion(periodMs: number, burnRate: number, remaining = 1): number {
  checkPositive('periodMs', periodMs);
  checkNonNegative('burnRate', burnRate);
  checkRemaining('remaining', remaining);
  if (remaining <= 0) return 0;
  if (burnRate === 0) return Infinity;
  return exactDivide(exactMultiply(remaining, periodMs), burnRate);
}
