/**
 * Burn rates of the alert windows, computed at every evaluation for every window.
 *
 * @internal Not re-exported from the barrel.
 */
import { burnRateFromCounts } from '../budgets/index.js';
import type { Target } from '../objectives/target.js';

/** The error budget as `units / scale`, both integers (0.001 = 1 / 1000), or `null`. */
export interface BudgetFraction {
  readonly units: number;
  readonly scale: number;
}

/**
 * Split an error budget into an integer over a power of ten, from the decimal it prints as
 * (`0.001` → 1/1000, `5e-7` → 5/10000000), when both fit in safe integers.
 *
 * @param errorBudget - `target.errorBudget`
 * @returns the fraction, or `null` when it has no short decimal
 * @example
 * ```ts
 * budgetFraction(0.001); // { units: 1, scale: 1000 }
 * ```
 */
export function budgetFraction(errorBudget: number): BudgetFraction | null {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(errorBudget));
  if (match === null) return null;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const digits = fraction.length - Number(exponent);
  if (digits < 0 || digits > 15) return null;
  const units = Number(`${whole}${fraction}`);
  const scale = 10 ** digits;
  if (!Number.isSafeInteger(units) || !Number.isSafeInteger(scale) || units === 0) return null;
  return { units, scale };
}

/**
 * `burnRateFromCounts(target, good, total)`, the same number, faster for whole counts.
 *
 * The burn rate is the exact rational `(N − G)·scale / (units·N)`. When both products are safe
 * integers they are exact doubles, and one IEEE division of exact operands is the correctly
 * rounded quotient: what `burnRateFromCounts` returns via exact decimals, at a hundredth of the
 * cost (it runs for every window at every evaluation). Anything else (fractional counts, huge
 * counts, a budget with no short decimal) goes to `burnRateFromCounts`.
 *
 * @param target - the objective's target
 * @param fraction - `budgetFraction(target.errorBudget)`
 * @param good - good events in the window
 * @param total - valid events in the window
 * @returns the burn rate, or `null` when `total` is 0
 */
export function windowBurnRate(
  target: Target,
  fraction: BudgetFraction | null,
  good: number,
  total: number,
): number | null {
  if (total === 0) return null;
  if (fraction !== null && Number.isSafeInteger(good) && Number.isSafeInteger(total)) {
    const numerator = (total - good) * fraction.scale;
    const denominator = fraction.units * total;
    if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
      return numerator / denominator;
    }
  }
  return burnRateFromCounts(target, good, total);
}
