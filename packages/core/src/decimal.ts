/**
 * Exact decimal arithmetic on the numbers a user writes (99.9, 0.999, 14.4), so that values such
 * as `1 - 0.999` or `99.9 / 100` come out as 0.001 and 0.999 instead of binary noise
 * (0.0009999999999999432, 0.9990000000000001; REFERENCE.md §10 #16-#19).
 *
 * Each number is read from its shortest round-trip text (what `String(x)` prints), which is the
 * decimal the user meant, and kept as an integer scaled by a power of ten.
 */

/** A decimal value: `units × 10^-scale`. */
interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

function fromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Expected a finite number, got ${String(value)}`);
  }
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

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

function toNumber(d: Decimal): number {
  return Number(toText(d));
}

function toText(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  if (d.scale === 0) return (negative ? '-' : '') + digits;
  digits = digits.padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (fraction === '' ? '' : `.${fraction}`);
}

/**
 * `a - b` computed exactly on the decimals `a` and `b` print as.
 *
 * @param a - minuend
 * @param b - subtrahend
 * @returns the nearest double to the exact decimal difference
 * @throws RangeError when either input is not finite
 * @example
 * ```ts
 * exactSubtract(1, 0.999); // 0.001, where 1 - 0.999 gives 0.0010000000000000009
 * ```
 */
export function exactSubtract(a: number, b: number): number {
  const [x, y, scale] = align(fromNumber(a), fromNumber(b));
  return toNumber({ units: x - y, scale });
}

/**
 * `a + b` computed exactly on the decimals `a` and `b` print as.
 *
 * @param a - first addend
 * @param b - second addend
 * @returns the nearest double to the exact decimal sum
 * @throws RangeError when either input is not finite
 * @example
 * ```ts
 * exactAdd(0.1, 0.2); // 0.3
 * ```
 */
export function exactAdd(a: number, b: number): number {
  const [x, y, scale] = align(fromNumber(a), fromNumber(b));
  return toNumber({ units: x + y, scale });
}

/**
 * `a × b` computed exactly on the decimals `a` and `b` print as.
 *
 * @param a - first factor
 * @param b - second factor
 * @returns the nearest double to the exact decimal product
 * @throws RangeError when either input is not finite
 * @example
 * ```ts
 * exactMultiply(14.4, 0.001); // 0.0144
 * ```
 */
export function exactMultiply(a: number, b: number): number {
  const x = fromNumber(a);
  const y = fromNumber(b);
  return toNumber({ units: x.units * y.units, scale: x.scale + y.scale });
}

/**
 * `a / b` where the exact quotient has a short decimal expansion; otherwise the correctly
 * rounded double of the exact rational (never the noise of dividing two rounded doubles).
 *
 * @param a - dividend
 * @param b - divisor, not zero
 * @returns the quotient
 * @throws RangeError when `b` is zero or an input is not finite
 * @example
 * ```ts
 * exactDivide(99.9, 100); // 0.999, where 99.9 / 100 gives 0.9990000000000001
 * ```
 */
export function exactDivide(a: number, b: number): number {
  const x = fromNumber(a);
  const y = fromNumber(b);
  if (y.units === 0n) throw new RangeError('Division by zero');
  // a/b = (x.units / y.units) * 10^(y.scale - x.scale); carry 40 extra digits, then round once.
  const extra = 40;
  const numerator = x.units * 10n ** BigInt(extra);
  const quotient = numerator / y.units;
  const scale = x.scale - y.scale + extra;
  const d: Decimal =
    scale >= 0 ? { units: quotient, scale } : { units: quotient * 10n ** BigInt(-scale), scale: 0 };
  return Number(toText(d));
}

/**
 * Remove binary floating-point noise from a computed value by rounding it to `significant`
 * significant digits (default 12), far below any measurement's precision and far above the
 * 15-17 digits where noise lives.
 *
 * @param value - a computed number
 * @param significant - significant digits to keep, 1 to 15
 * @returns the rounded number; non-finite values are returned unchanged
 * @example
 * ```ts
 * roundNoise(43.20000000000004); // 43.2
 * roundNoise(5.6000000000000005); // 5.6
 * ```
 */
export function roundNoise(value: number, significant = 12): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(significant));
}

/**
 * Format a number as plain decimal text without exponent or noise: what a user would write.
 *
 * @param value - the number to print
 * @param maxFractionDigits - at most this many digits after the point (default: as needed, up to 12 significant)
 * @returns the text, e.g. `"99.9"`, `"0.0144"`, `"0.00001"`
 * @example
 * ```ts
 * formatDecimal(0.9990000000000001); // "0.999"
 * formatDecimal(1e-7); // "0.0000001"
 * ```
 */
export function formatDecimal(value: number, maxFractionDigits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  let rounded = roundNoise(value);
  if (maxFractionDigits !== undefined) {
    const factor = 10 ** maxFractionDigits;
    rounded = Math.round(rounded * factor) / factor;
    rounded = roundNoise(rounded);
  }
  if (Object.is(rounded, -0)) rounded = 0;
  return toText(fromNumber(rounded));
}
