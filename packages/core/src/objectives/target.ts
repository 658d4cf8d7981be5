import { exactDivide, exactMultiply, exactSubtract, formatDecimal } from '../decimal.js';
import { NinesError } from '../errors.js';

/**
 * An objective's target, kept exactly as the user wrote it: 99.9 stays 99.9 (percent) and
 * 0.999 (fraction), and the error budget is exactly 0.001, in every output.
 */
export interface Target {
  /** The target as a fraction in (0, 1), e.g. `0.999`. */
  readonly fraction: number;
  /** The target as a percent in (0, 100), e.g. `99.9`. */
  readonly percent: number;
  /** The error-budget fraction `1 - fraction`, computed exactly, e.g. `0.001`. */
  readonly errorBudget: number;
}

/** A target given as a fraction (`0.999`) or an already-built {@link Target}. */
export type TargetInput = number | Target;

function checkFraction(value: number, path: readonly (string | number)[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new NinesError(
      'INVALID_TARGET',
      `target must be a fraction strictly between 0 and 1 (e.g. 0.999), got ${String(value)}`,
      { path },
    );
  }
}

/**
 * Build a target from a fraction in (0, 1).
 *
 * @param fraction - e.g. `0.999`
 * @returns the exact target
 * @throws NinesError `INVALID_TARGET` for 0, 1, NaN or anything outside (0, 1)
 * @example
 * ```ts
 * targetFromFraction(0.999).percent; // 99.9
 * ```
 */
export function targetFromFraction(fraction: number): Target {
  checkFraction(fraction, ['target']);
  return {
    fraction,
    percent: exactMultiply(fraction, 100),
    errorBudget: exactSubtract(1, fraction),
  };
}

/**
 * Build a target from a percent in (0, 100).
 *
 * @param percent - e.g. `99.9`
 * @returns the exact target
 * @throws NinesError `INVALID_TARGET` for 0, 100, NaN or anything outside (0, 100)
 * @example
 * ```ts
 * targetFromPercent(99.9).fraction; // 0.999, never 0.9990000000000001
 * ```
 */
export function targetFromPercent(percent: number): Target {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0 || percent >= 100) {
    throw new NinesError(
      'INVALID_TARGET',
      `targetPercent must be strictly between 0 and 100 (e.g. 99.9), got ${String(percent)}`,
      { path: ['targetPercent'] },
    );
  }
  const fraction = exactDivide(percent, 100);
  return { fraction, percent, errorBudget: exactSubtract(1, fraction) };
}

/**
 * Accept a fraction or a {@link Target} wherever a target is expected.
 *
 * @param input - a fraction in (0, 1) or a target
 * @returns the target
 * @throws NinesError `INVALID_TARGET` when a fraction is out of range
 * @example
 * ```ts
 * toTarget(0.99).errorBudget; // 0.01
 * ```
 */
export function toTarget(input: TargetInput): Target {
  if (typeof input === 'number') return targetFromFraction(input);
  checkFraction(input.fraction, ['target']);
  return input;
}

/**
 * Print a target as a percent the way the user wrote it, e.g. `"99.9%"`.
 *
 * @param target - the target
 * @returns percent text with a `%` sign
 * @example
 * ```ts
 * formatTarget(targetFromFraction(0.9995)); // "99.95%"
 * ```
 */
export function formatTarget(target: TargetInput): string {
  return `${formatDecimal(toTarget(target).percent)}%`;
}
