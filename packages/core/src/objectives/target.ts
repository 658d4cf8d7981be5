import { exactDivide, exactMultiply, exactSubtract, formatDecimal } from '../decimal.js';
import { NinesError } from '../errors.js';
import { describeValue, isFiniteNumber, isRecord } from '../internal/validate.js';

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

function checkFraction(value: unknown, path: readonly (string | number)[], name = 'target'): void {
  if (!isFiniteNumber(value) || value <= 0 || value >= 1) {
    throw new NinesError(
      'INVALID_TARGET',
      `${name} must be a fraction strictly between 0 and 1 (e.g. 0.999), got ${describeValue(value)}`,
      { path },
    );
  }
}

/**
 * Targets known to be consistent, with the numbers they had then: built here, or checked by
 * {@link toTarget}. The budget math calls `toTarget` for every window at every evaluation, so
 * the check must cost next to nothing the second time; a target whose numbers changed since
 * (a hand-built object mutated in plain JavaScript) is checked again.
 */
const checked = new WeakMap<object, Target>();

function remember(target: Target): Target {
  checked.set(target, { ...target });
  return target;
}

function known(target: Target): boolean {
  const seen = checked.get(target);
  return (
    seen !== undefined &&
    seen.fraction === target.fraction &&
    seen.percent === target.percent &&
    seen.errorBudget === target.errorBudget
  );
}

/** Relative tolerance for a hand-built Target's percent and error budget (a few ulps). */
const CONSISTENCY = 1e-12;

function consistent(actual: unknown, expected: number): boolean {
  return (
    isFiniteNumber(actual) &&
    Math.abs(actual - expected) <= CONSISTENCY * Math.max(Math.abs(expected), Number.MIN_VALUE)
  );
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
  const target: Target = {
    fraction,
    percent: exactMultiply(fraction, 100),
    errorBudget: exactSubtract(1, fraction),
  };
  return remember(target);
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
  if (!isFiniteNumber(percent) || percent <= 0 || percent >= 100) {
    throw new NinesError(
      'INVALID_TARGET',
      `targetPercent must be strictly between 0 and 100 (e.g. 99.9), got ${describeValue(percent)}`,
      { path: ['targetPercent'] },
    );
  }
  const fraction = exactDivide(percent, 100);
  return remember({ fraction, percent, errorBudget: exactSubtract(1, fraction) });
}

/**
 * Accept a fraction or a {@link Target} wherever a target is expected.
 *
 * A `Target` is returned as it is, so the decimals it was built with survive; a hand-built one
 * is checked first, because every budget formula reads its `errorBudget` directly.
 *
 * @param input - a fraction in (0, 1) or a target
 * @returns the target
 * @throws NinesError `INVALID_TARGET` when a fraction is out of range, the input is neither a
 *   number nor a target object, or a target's `percent` or `errorBudget` is not `fraction × 100`
 *   or `1 − fraction` (build targets with {@link targetFromFraction} or {@link targetFromPercent})
 * @example
 * ```ts
 * toTarget(0.99).errorBudget; // 0.01
 * toTarget(targetFromPercent(99.95)).fraction; // 0.9995
 * ```
 */
export function toTarget(input: TargetInput): Target {
  if (typeof input === 'number') return targetFromFraction(input);
  if (typeof input === 'object' && known(input)) return input;
  const raw: unknown = input;
  if (!isRecord(raw)) {
    throw new NinesError(
      'INVALID_TARGET',
      `target must be a fraction strictly between 0 and 1 (e.g. 0.999) or a Target from targetFromFraction()/targetFromPercent(), got ${describeValue(raw)}`,
      { path: ['target'] },
    );
  }
  checkFraction(raw.fraction, ['target', 'fraction'], 'target.fraction');
  const { fraction } = input;
  const fields = [
    ['percent', raw.percent, exactMultiply(fraction, 100)],
    ['errorBudget', raw.errorBudget, exactSubtract(1, fraction)],
  ] as const;
  for (const [key, actual, expected] of fields) {
    if (!consistent(actual, expected)) {
      throw new NinesError(
        'INVALID_TARGET',
        `target.${key} must be ${String(expected)} for fraction ${String(fraction)}, got ${describeValue(actual)}; build targets with targetFromFraction() or targetFromPercent()`,
        { path: ['target', key] },
      );
    }
  }
  return remember(input);
}

/**
 * Print a target as a percent the way the user wrote it, e.g. `"99.9%"`.
 *
 * @param target - the target, a fraction in (0, 1) or a `Target`
 * @returns percent text with a `%` sign
 * @throws NinesError `INVALID_TARGET` when the target is invalid (see {@link toTarget})
 * @example
 * ```ts
 * formatTarget(targetFromFraction(0.9995)); // "99.95%"
 * ```
 */
export function formatTarget(target: TargetInput): string {
  return `${formatDecimal(toTarget(target).percent)}%`;
}
