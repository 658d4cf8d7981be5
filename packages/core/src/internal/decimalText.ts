/**
 * Scaled-integer decimals read from a number's shortest round-trip text: the representation
 * behind `exactAdd`, `exactMultiply`, … (`../decimal.ts`) and the exact availability products
 * (`../composition/exactProduct.ts`). Internal: not re-exported from the package index.
 *
 * @internal
 * @packageDocumentation
 */

/** A decimal value: `units × 10^-scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * Read a finite number as the decimal it prints as (`String(0.1)` is `"0.1"`, so 0.1 reads as
 * exactly one tenth, not as the binary double nearest to it).
 *
 * @param value - a finite number; callers check finiteness and name the argument themselves
 * @returns the decimal
 * @throws RangeError when the text cannot be read (only for non-finite input)
 * @example
 * ```ts
 * readDecimal(0.999); // { units: 999n, scale: 3 }
 * readDecimal(1e21); // { units: 1000000000000000000000n, scale: 0 }
 * ```
 */
export function readDecimal(value: number): Decimal {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`Cannot read ${text} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  let units = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

/**
 * Write a decimal as plain text, without exponent and without trailing zeros.
 *
 * @param d - the decimal
 * @returns the text, e.g. `"0.001"`, `"-12.5"`, `"1000"`
 * @example
 * ```ts
 * decimalText({ units: 1n, scale: 3 }); // "0.001"
 * ```
 */
export function decimalText(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  if (d.scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-d.scale);
  digits = digits.padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (fraction === '' ? '' : `.${fraction}`);
}

/**
 * The double nearest to a decimal (one rounding, however many digits the decimal has).
 *
 * @param d - the decimal
 * @returns the nearest double; `±Infinity` when the decimal is beyond `Number.MAX_VALUE`
 * @example
 * ```ts
 * decimalToNumber({ units: 999n, scale: 3 }); // 0.999
 * ```
 */
export function decimalToNumber(d: Decimal): number {
  return Number(decimalText(d));
}
