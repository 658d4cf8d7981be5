/**
 * Helpers shared by the policy files. Not re-exported from the barrel.
 *
 * @internal
 */
import { exactDivide, exactMultiply, formatDecimal } from '../decimal.js';
import { formatDuration, parseDuration, toDuration } from '../durations/index.js';
import { NinesError, type NinesIssue, type NinesPath } from '../errors.js';
import { burnRateFactor } from './burnRateFactor.js';
import { describeValue } from '../internal/validate.js';
import type { BurnRateTier } from './types.js';

export { DAY, HOUR, MINUTE, SECOND } from '../durations/units.js';
export { describeValue, isPositiveNumber } from '../internal/validate.js';

/**
 * Relative tolerance used when comparing a given factor with the one derived from a budget share.
 *
 * @example
 * ```ts
 * nearlyEqual(5.6000000000000005, 5.6); // true: within FACTOR_TOLERANCE
 * ```
 */
export const FACTOR_TOLERANCE = 1e-9;

/**
 * Share of the period's budget (percent) a tier spends before it fires on time:
 * `factor × long / period × 100`, computed exactly.
 *
 * @param factor - the tier's burn-rate factor
 * @param periodMs - the SLO period in milliseconds
 * @param longWindowMs - the tier's long window in milliseconds
 * @returns the budget share in percent
 * @throws RangeError from the exact arithmetic when an input is not finite or `periodMs` is 0
 * @example
 * ```ts
 * budgetPercentOf(14.4, 30 * 86_400_000, 3_600_000); // 2
 * ```
 */
export function budgetPercentOf(factor: number, periodMs: number, longWindowMs: number): number {
  return exactDivide(exactMultiply(exactMultiply(factor, longWindowMs), 100), periodMs);
}

/**
 * Tell whether two numbers agree to within {@link FACTOR_TOLERANCE} (relative).
 *
 * @param a - one number
 * @param b - the other
 * @returns `true` when they differ by at most `FACTOR_TOLERANCE × max(|a|, |b|)`
 * @example
 * ```ts
 * nearlyEqual(14.4, 14.400000000000002); // true
 * ```
 */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= FACTOR_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * A number as a user would write it, for messages (`14.4`, `0.0144`).
 *
 * @param value - the number
 * @returns its text without float noise
 * @example
 * ```ts
 * num(0.014399999999999191); // "0.0144"
 * ```
 */
export function num(value: number): string {
  return formatDecimal(value);
}

/**
 * A duration for messages: Prometheus text (`1h30m`), or raw milliseconds when it is not a
 * whole number of them.
 *
 * @param ms - the duration in milliseconds
 * @returns the text
 * @example
 * ```ts
 * dur(5_400_000); // "1h30m"
 * dur(1.5); // "1.5 ms"
 * ```
 */
export function dur(ms: number): string {
  return Number.isSafeInteger(ms) && ms >= 0 ? formatDuration(ms) : `${formatDecimal(ms)} ms`;
}

/**
 * Read a duration (Prometheus text such as `'5m'`, or whole milliseconds) and report a problem
 * as an issue at `path` instead of throwing, so every problem in an input is reported at once.
 *
 * @param value - the duration as given
 * @param path - where it sits in the input, for the issue
 * @param issues - where a problem is reported (`INVALID_DURATION`)
 * @param allowZero - admit `0` and `'0s'` (for `for`); windows must be positive
 * @returns the milliseconds, or `undefined` after reporting a problem
 * @throws only errors that are not `NinesError` (bugs), which it does not catch
 * @example
 * ```ts
 * const issues: NinesIssue[] = [];
 * readDuration('1h', ['longWindow'], issues, false); // 3_600_000
 * readDuration('1M', ['longWindow'], issues, false); // undefined, one issue at longWindow
 * ```
 */
export function readDuration(
  value: unknown,
  path: NinesPath,
  issues: NinesIssue[],
  allowZero: boolean,
): number | undefined {
  try {
    if (allowZero && value === 0) return 0;
    if (allowZero && typeof value === 'string') return parseDuration(value);
    if (typeof value === 'string' || typeof value === 'number') return toDuration(value, path);
    issues.push({
      code: 'INVALID_DURATION',
      message: `Invalid duration ${describeValue(value)}: expected Prometheus duration text such as "5m" or "30d", or whole milliseconds`,
      path,
    });
    return undefined;
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    for (const found of error.issues) issues.push({ ...found, path });
    return undefined;
  }
}

/** The windows, labels and `for` of a preset tier, all in milliseconds. */
interface PresetTierBase {
  readonly name: string;
  readonly severity: string;
  readonly long: number;
  readonly short: number;
  readonly for?: number;
}

/** A preset tier: given its factor and label, the other of factor and budget share is derived. */
function presetTier(spec: PresetTierBase, factor: number, budgetPercent: number): BurnRateTier {
  return {
    name: spec.name,
    severity: spec.severity,
    longWindow: spec.long,
    shortWindow: spec.short,
    factor,
    budgetPercent,
    ...(spec.for === undefined ? {} : { for: spec.for }),
  };
}

/**
 * A preset tier whose factor is derived from the Workbook-style budget share
 * (`percent × period / (long × 100)`, as {@link burnRateFactor} computes it).
 *
 * @param spec - name, severity, windows, optional `for` and the budget share in percent
 * @param periodMs - the SLO period in milliseconds
 * @returns the tier
 * @throws RangeError when the preset's numbers are not positive (a bug in the preset)
 * @example
 * ```ts
 * tierFromBudget({ name: 'page-fast', severity: 'page', long: 3_600_000, short: 300_000, budgetPercent: 2 }, 30 * 86_400_000).factor; // 14.4
 * ```
 */
export function tierFromBudget(
  spec: PresetTierBase & { readonly budgetPercent: number },
  periodMs: number,
): BurnRateTier {
  return presetTier(
    spec,
    burnRateFactor(spec.budgetPercent, periodMs, spec.long),
    spec.budgetPercent,
  );
}

/**
 * A preset tier with a fixed factor; its budget share is derived
 * (`factor × long / period × 100`).
 *
 * @param spec - name, severity, windows, optional `for` and the factor
 * @param periodMs - the SLO period in milliseconds
 * @returns the tier
 * @throws RangeError when the preset's numbers are not finite (a bug in the preset)
 * @example
 * ```ts
 * tierFromFactor({ name: 'fast', severity: 'critical', long: 3_600_000, short: 300_000, factor: 14 }, 28 * 86_400_000).budgetPercent; // 2.0833…
 * ```
 */
export function tierFromFactor(
  spec: PresetTierBase & { readonly factor: number },
  periodMs: number,
): BurnRateTier {
  return presetTier(spec, spec.factor, budgetPercentOf(spec.factor, periodMs, spec.long));
}

/**
 * Read an SLO period (text or milliseconds) for a preset.
 *
 * @param period - the period as given, e.g. `'28d'` or `2_419_200_000`
 * @returns the period in milliseconds
 * @throws NinesError `INVALID_DURATION` at path `period` when it is not a positive duration
 * @example
 * ```ts
 * readPeriod('28d'); // 2_419_200_000
 * ```
 */
export function readPeriod(period: unknown): number {
  const issues: NinesIssue[] = [];
  const ms = readDuration(period, ['period'], issues, false);
  if (ms === undefined) throw NinesError.fromIssues(issues);
  return ms;
}
