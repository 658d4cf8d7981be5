/**
 * Products for the availability formulas, exact on the decimals the inputs print as and rounded
 * once at the end. Internal: not re-exported from the barrel.
 *
 * `exactMultiply` and `exactSubtract` from `../decimal.js` round to a double after every step:
 * over ten factors of 0.9999 those roundings add up to two units in the last place, and
 * `1 − 5e-324` rounds to 1, which would make `1 − Π(1 − Aᵢ)` drop below `max(Aᵢ)`. Carrying
 * the whole computation as a scaled integer and rounding once gives the nearest double.
 */

interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

function parse(value: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`Cannot read ${String(value)} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  let units = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

function toNumber({ units, scale }: Decimal): number {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number((negative ? '-' : '') + text);
}

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

/** `Π vᵢ`, exactly, rounded once; callers have checked that each value is finite. */
export function exactProduct(values: readonly number[]): number {
  return toNumber(product(values.map(parse)));
}

/** `1 − Π(1 − vᵢ)`, exactly, rounded once; callers have checked that each value is finite. */
export function exactParallel(values: readonly number[]): number {
  return toNumber(complement(product(values.map((value) => complement(parse(value))))));
}
