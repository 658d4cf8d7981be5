/**
 * Helpers shared by the policy files. Not re-exported from the barrel.
 *
 * @internal
 */
import { exactDivide, exactMultiply, formatDecimal } from '../decimal.js';
import { formatDuration, parseDuration, toDuration } from '../durations/index.js';
import { NinesError, type NinesIssue, type NinesPath } from '../errors.js';
import type { BurnRateTier } from './types.js';

/** One second in milliseconds. */
export const SECOND = 1_000;
/** One minute in milliseconds. */
export const MINUTE = 60 * SECOND;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One day in milliseconds. */
export const DAY = 24 * HOUR;

/** Relative tolerance used when comparing a given factor with the one derived from a budget share. */
export const FACTOR_TOLERANCE = 1e-9;

/** True for a finite number strictly above zero. */
export function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Share of the period's budget (percent) a tier spends before it fires on time:
 * `factor × long / period × 100`, computed exactly.
 */
export function budgetPercentOf(factor: number, periodMs: number, longWindowMs: number): number {
  return exactDivide(exactMultiply(exactMultiply(factor, longWindowMs), 100), periodMs);
}

/** True when two numbers agree to within {@link FACTOR_TOLERANCE} (relative). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= FACTOR_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** A number as a user would write it, for messages (`14.4`, `0.0144`). */
export function num(value: number): string {
  return formatDecimal(value);
}

/** A duration for messages: Prometheus text (`1h30m`), or raw milliseconds when it is not a whole number of them. */
export function dur(ms: number): string {
  return Number.isSafeInteger(ms) && ms >= 0 ? formatDuration(ms) : `${formatDecimal(ms)} ms`;
}

/** An input value for messages: strings quoted, numbers as written, other things by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Read a duration (Prometheus text such as `'5m'`, or whole milliseconds) and report a problem
 * as an issue at `path` instead of throwing, so every problem in an input is reported at once.
 * `allowZero` admits `0` and `'0s'` (for `for`); windows must be positive.
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

/** A preset tier whose factor is derived from the Workbook-style budget share. */
export function tierFromBudget(
  spec: {
    name: string;
    severity: string;
    long: number;
    short: number;
    budgetPercent: number;
    for?: number;
  },
  periodMs: number,
): BurnRateTier {
  return {
    name: spec.name,
    severity: spec.severity,
    longWindow: spec.long,
    shortWindow: spec.short,
    factor: exactDivide(exactMultiply(spec.budgetPercent, periodMs), exactMultiply(spec.long, 100)),
    budgetPercent: spec.budgetPercent,
    ...(spec.for === undefined ? {} : { for: spec.for }),
  };
}

/** A preset tier with a fixed factor; its budget share is derived. */
export function tierFromFactor(
  spec: {
    name: string;
    severity: string;
    long: number;
    short: number;
    factor: number;
    for?: number;
  },
  periodMs: number,
): BurnRateTier {
  return {
    name: spec.name,
    severity: spec.severity,
    longWindow: spec.long,
    shortWindow: spec.short,
    factor: spec.factor,
    budgetPercent: budgetPercentOf(spec.factor, periodMs, spec.long),
    ...(spec.for === undefined ? {} : { for: spec.for }),
  };
}

/** Read an SLO period (text or milliseconds) for a preset, throwing a NinesError with path `period`. */
export function readPeriod(period: unknown): number {
  const issues: NinesIssue[] = [];
  const ms = readDuration(period, ['period'], issues, false);
  if (ms === undefined) throw NinesError.fromIssues(issues);
  return ms;
}
