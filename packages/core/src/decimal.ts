/**
 * Exact decimal arithmetic on the numbers a user writes (99.9, 0.999, 14.4), so that values such
 * as `1 - 0.999` or `99.9 / 100` come out as 0.001 and 0.999 instead of binary noise
 * (0.0009999999999999432, 0.9990000000000001; REFERENCE.md §10 #16-#19).
 *
 * Each number is read from its shortest round-trip text (what `String(x)` prints), which is the
 * decimal the user meant, and kept as an integer scaled by a power of ten.
 */
import { decimalText, decimalToNumber, readDecimal } from './internal/decimalText.js';
import type { Decimal } from './internal/decimalText.js';
import { isFiniteNumber, showValue } from './internal/validate.js';

/** Read an argument of `fn` as a decimal, naming it when it is not a finite number. */
function fromNumber(value: number, fn: string, name: string): Decimal {
  if (!isFiniteNumber(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${showValue(value)}`);
  }
  return readDecimal(value);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

/** The double nearest to an exact result, refusing one beyond the range of doubles. */
function result(d: Decimal, fn: string, a: number, b: number): number {
  const value = decimalToNumber(d);
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `${fn}(${String(a)}, ${String(b)}) is beyond the largest double (about 1.8e308)`,
    );
  }
  return value;
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
  const [x, y, scale] = align(
    fromNumber(a, 'exactSubtract', 'a'),
    fromNumber(b, 'exactSubtract', 'b'),
  );
  return result({ units: x - y, scale }, 'exactSubtract', a, b);
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
  const [x, y, scale] = align(fromNumber(a, 'exactAdd', 'a'), fromNumber(b, 'exactAdd', 'b'));
  return result({ units: x + y, scale }, 'exactAdd', a, b);
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
  const x = fromNumber(a, 'exactMultiply', 'a');
  const y = fromNumber(b, 'exactMultiply', 'b');
  return result({ units: x.units * y.units, scale: x.scale + y.scale }, 'exactMultiply', a, b);
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
  const x = fromNumber(a, 'exactDivide', 'a');
  const y = fromNumber(b, 'exactDivide', 'b');
  if (y.units === 0n) throw new RangeError('exactDivide: b must not be 0 (division by zero)');
  // a/b = (x.units / y.units) * 10^(y.scale - x.scale); carry 40 extra digits, then round once.
  const extra = 40;
  const numerator = x.units * 10n ** BigInt(extra);
  const quotient = numerator / y.units;
  const scale = x.scale - y.scale + extra;
  const d: Decimal =
    scale >= 0 ? { units: quotient, scale } : { units: quotient * 10n ** BigInt(-scale), scale: 0 };
  return result(d, 'exactDivide', a, b);
}

/**
 * Remove binary floating-point noise from a computed value by rounding it to `significant`
 * significant digits (default 12), far below any measurement's precision and far above the
 * 15-17 digits where noise lives.
 *
 * @param value - a computed number; `±Infinity` passes through unchanged (an unbounded time to
 *   exhaustion stays unbounded)
 * @param significant - significant digits to keep, an integer from 1 to 15
 * @returns the rounded number
 * @throws RangeError when `value` is NaN or not a number, or `significant` is not an integer
 *   from 1 to 15
 * @example
 * ```ts
 * roundNoise(43.20000000000004); // 43.2
 * roundNoise(5.6000000000000005); // 5.6
 * ```
 */
export function roundNoise(value: number, significant = 12): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`roundNoise: value must be a number, got ${showValue(value)}`);
  }
  if (!Number.isInteger(significant) || significant < 1 || significant > 15) {
    throw new RangeError(
      `roundNoise: significant must be an integer from 1 to 15, got ${showValue(significant)}`,
    );
  }
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(significant));
}

/** Round a decimal to `digits` places after the point, halves away from zero (1.005 ⇒ 1.01). */
function roundDecimal(d: Decimal, digits: number): Decimal {
  if (d.scale <= digits) return d;
  const divisor = 10n ** BigInt(d.scale - digits);
  let units = d.units / divisor;
  const rest = d.units % divisor;
  const twice = (rest < 0n ? -rest : rest) * 2n;
  if (twice >= divisor) units += d.units < 0n ? -1n : 1n;
  return { units, scale: digits };
}

/**
 * Format a number as plain decimal text without exponent or noise: what a user would write.
 *
 * The value is first rounded to 12 significant digits (see {@link roundNoise}); with
 * `maxFractionDigits` it is then rounded on its decimal digits, halves away from zero, so
 * 1.005 prints as `"1.01"` with 2 digits (binary `Math.round(1.005 * 100)` would give 1).
 *
 * @param value - the number to print; `±Infinity` prints as `"Infinity"` / `"-Infinity"`
 * @param maxFractionDigits - at most this many digits after the point, an integer from 0 to 20
 *   (default: as many as needed, up to 12 significant digits)
 * @returns the text, e.g. `"99.9"`, `"0.0144"`, `"0.00001"`; never `"-0"`
 * @throws RangeError when `value` is NaN or not a number, or `maxFractionDigits` is not an
 *   integer from 0 to 20
 * @example
 * ```ts
 * formatDecimal(0.9990000000000001); // "0.999"
 * formatDecimal(1e-7); // "0.0000001"
 * formatDecimal(2 / 3, 3); // "0.667"
 * ```
 */
export function formatDecimal(value: number, maxFractionDigits?: number): string {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`formatDecimal: value must be a number, got ${showValue(value)}`);
  }
  if (
    maxFractionDigits !== undefined &&
    (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0 || maxFractionDigits > 20)
  ) {
    throw new RangeError(
      `formatDecimal: maxFractionDigits must be an integer from 0 to 20, got ${showValue(maxFractionDigits)}`,
    );
  }
  if (!Number.isFinite(value)) return String(value);
  const d = readDecimal(roundNoise(value));
  return decimalText(maxFractionDigits === undefined ? d : roundDecimal(d, maxFractionDigits));
}
