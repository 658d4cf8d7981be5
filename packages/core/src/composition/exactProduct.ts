/**
 * Products for the availability formulas, exact on the decimals the inputs print as and rounded
 * once at the end. Internal: not re-exported from the barrel.
 *
 * `exactMultiply` and `exactSubtract` from `../decimal.js` round to a double after every step:
 * over ten factors of 0.9999 those roundings add up to two units in the last place, and
 * `1 − 5e-324` rounds to 1, which would make `1 − Π(1 − Aᵢ)` drop below `max(Aᵢ)`. Carrying
 * the whole computation as a scaled integer and rounding once gives the nearest double.
 */
import { decimalToNumber, readDecimal } from '../internal/decimalText.js';
import type { Decimal } from '../internal/decimalText.js';

function product(factors: readonly Decimal[]): Decimal {
  let units = 1n;
  let scale = 0;
  for (const factor of factors) {
    units *= factor.units;
    scale += factor.scale;
  }
  return { units, scale };
}

/** `1 − d`, exactly. */
function complement(d: Decimal): Decimal {
  return { units: 10n ** BigInt(d.scale) - d.units, scale: d.scale };
}

/**
 * `Π vᵢ`, exactly, rounded once; callers have checked that each value is finite.
 *
 * @param values - the factors
 * @returns the nearest double to the exact product
 * @example
 * ```ts
 * exactProduct([0.999, 0.999]); // 0.998001
 * ```
 */
export function exactProduct(values: readonly number[]): number {
  return decimalToNumber(product(values.map(readDecimal)));
}

/**
 * `1 − Π(1 − vᵢ)`, exactly, rounded once; callers have checked that each value is finite.
 *
 * @param values - the availabilities of the redundant components
 * @returns the nearest double to the exact result
 * @example
 * ```ts
 * exactParallel([0.99, 0.99]); // 0.9999
 * ```
 */
export function exactParallel(values: readonly number[]): number {
  return decimalToNumber(
    complement(product(values.map((value) => complement(readDecimal(value))))),
  );
}
