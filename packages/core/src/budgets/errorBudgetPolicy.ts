import { exactMultiply, exactSubtract, formatDecimal } from '../decimal.js';
import { NinesError } from '../errors.js';
import type { NinesIssue } from '../errors.js';
import { describeValue, isFiniteNumber, isRecord } from '../internal/validate.js';
import { checkRemaining } from './checks.js';

/**
 * Thresholds on the remaining error budget (fractions, `<= 1`) that drive
 * {@link errorBudgetStatus} and {@link releaseDecision}.
 */
export interface ErrorBudgetPolicy {
  /** Warn (release with caution) when the remaining share is strictly below this. */
  readonly warnBelow: number;
  /**
   * Freeze releases when the remaining share is at or below this. `0` means "exhausted": nothing
   * left, as Sloth's `ErrorBudgetExhausted` (remaining `<= 0`). May be negative to tolerate some
   * overspend; must not exceed `warnBelow`.
   */
  readonly freezeBelow: number;
}

/**
 * The default policy: freeze when the budget is exhausted, warn when less than a quarter is left.
 *
 * - `freezeBelow: 0`: the SRE Workbook error budget policy freezes all but P0 and security
 *   changes once the budget of the period is spent (https://sre.google/workbook/error-budget-policy/;
 *   REFERENCE.md §8).
 * - `warnBelow: 0.25`: Datadog's error-budget alert fires at 75% consumed, and Harness calls
 *   0–25% remaining "Unhealthy" (REFERENCE.md §8).
 *
 * @example
 * ```ts
 * errorBudgetStatus(0.2, defaultErrorBudgetPolicy); // 'warning'
 * releaseDecision(0.2, { ...defaultErrorBudgetPolicy, warnBelow: 0.1 }).decision; // 'go'
 * ```
 */
export const defaultErrorBudgetPolicy: ErrorBudgetPolicy = Object.freeze({
  warnBelow: 0.25,
  freezeBelow: 0,
});

/** The state of an error budget: no events yet, comfortably in budget, running low, or spent. */
export type ErrorBudgetStatus = 'no-data' | 'healthy' | 'warning' | 'exhausted';

/** What to do with a release, with the status it was derived from and a readable reason. */
export interface ReleaseDecision {
  /** `go`: release; `caution`: release carefully (or look first); `freeze`: only P0/security. */
  readonly decision: 'go' | 'caution' | 'freeze';
  /** The status the decision follows from (see {@link errorBudgetStatus}). */
  readonly status: ErrorBudgetStatus;
  /** One line with the numbers, for logs, CI output and chat. */
  readonly reason: string;
  /** The remaining share the decision was made on, or `null` without data. */
  readonly remaining: number | null;
}

function checkPolicy(policy: ErrorBudgetPolicy): void {
  const given: unknown = policy;
  if (!isRecord(given)) {
    throw new NinesError(
      'INVALID_POLICY',
      `an error budget policy must be an object { warnBelow, freezeBelow } (e.g. defaultErrorBudgetPolicy), got ${describeValue(given)}`,
    );
  }
  const issues: NinesIssue[] = [];
  for (const key of ['warnBelow', 'freezeBelow'] as const) {
    const value = given[key];
    if (!isFiniteNumber(value) || value > 1) {
      issues.push({
        code: 'INVALID_POLICY',
        message: `${key} must be a finite remaining-budget fraction <= 1 (e.g. 0.25), got ${describeValue(value)}`,
        path: [key],
      });
    }
  }
  if (issues.length === 0 && policy.freezeBelow > policy.warnBelow) {
    issues.push({
      code: 'INVALID_POLICY',
      message: `freezeBelow must not exceed warnBelow, got freezeBelow ${String(policy.freezeBelow)} > warnBelow ${String(policy.warnBelow)}`,
      path: ['freezeBelow'],
    });
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);
}

/**
 * Classify a remaining error budget under a policy.
 *
 * `exhausted` when `remaining <= freezeBelow`, `warning` when `remaining < warnBelow`,
 * otherwise `healthy`; `no-data` when there is nothing to judge (no events in the window).
 *
 * @param remaining - remaining share of the budget (`<= 1`, negative when overspent), or `null`
 *   for no data
 * @param policy - thresholds; default {@link defaultErrorBudgetPolicy}
 * @returns the status
 * @throws RangeError when `remaining` is NaN, infinite or above 1
 * @throws NinesError `INVALID_POLICY` for a policy that is not an object, or thresholds that are
 *   not finite, above 1, or with `freezeBelow > warnBelow`
 * @example
 * ```ts
 * errorBudgetStatus(0.5); // 'healthy'
 * errorBudgetStatus(0.2); // 'warning'
 * errorBudgetStatus(-0.125); // 'exhausted'
 * errorBudgetStatus(null); // 'no-data'
 * ```
 */
export function errorBudgetStatus(
  remaining: number | null,
  policy: ErrorBudgetPolicy = defaultErrorBudgetPolicy,
): ErrorBudgetStatus {
  checkPolicy(policy);
  if (remaining === null) return 'no-data';
  checkRemaining('remaining', remaining);
  if (remaining <= policy.freezeBelow) return 'exhausted';
  if (remaining < policy.warnBelow) return 'warning';
  return 'healthy';
}

function percent(share: number): string {
  return `${formatDecimal(exactMultiply(share, 100), 3)}%`;
}

/**
 * Decide whether a release may go out, given the remaining error budget.
 *
 * `healthy` ⇒ `go`; `warning` ⇒ `caution`; `exhausted` ⇒ `freeze` (all but P0 and security
 * fixes, as the SRE Workbook error budget policy says). No data ⇒ `caution`: freezing would
 * block every release of a service that has not seen traffic yet, and `go` would let a broken
 * telemetry pipeline hide an outage, so the caller is told to look before releasing.
 *
 * @param remaining - remaining share of the budget (`<= 1`, negative when overspent), or `null`
 *   for no data
 * @param policy - thresholds; default {@link defaultErrorBudgetPolicy}
 * @returns the decision, the status and a one-line reason with the consumed and remaining
 *   percentages (up to 3 decimals)
 * @throws RangeError when `remaining` is NaN, infinite or above 1
 * @throws NinesError `INVALID_POLICY` for invalid thresholds
 * @example
 * ```ts
 * releaseDecision(-0.125).reason;
 * // "error budget exhausted: 112.5% consumed (remaining -12.5%); freeze all but P0 and security fixes"
 * releaseDecision(0.9).decision; // 'go'
 * ```
 */
export function releaseDecision(
  remaining: number | null,
  policy: ErrorBudgetPolicy = defaultErrorBudgetPolicy,
): ReleaseDecision {
  const status = errorBudgetStatus(remaining, policy);
  if (remaining === null) {
    return {
      decision: 'caution',
      status,
      reason:
        'no data: no valid events in the window, so the error budget is unknown; check telemetry and release with caution',
      remaining,
    };
  }
  const spent = `${percent(exactSubtract(1, remaining))} consumed`;
  const left = `remaining ${percent(remaining)}`;
  switch (status) {
    case 'exhausted': {
      const what =
        policy.freezeBelow === 0
          ? 'error budget exhausted'
          : `error budget at or below the freeze threshold of ${percent(policy.freezeBelow)} remaining`;
      return {
        decision: 'freeze',
        status,
        reason: `${what}: ${spent} (${left}); freeze all but P0 and security fixes`,
        remaining,
      };
    }
    case 'warning':
      return {
        decision: 'caution',
        status,
        reason: `error budget low: ${spent} (${left}, warning below ${percent(policy.warnBelow)}); release with caution`,
        remaining,
      };
    default:
      return {
        decision: 'go',
        status,
        reason: `error budget healthy: ${spent} (${left}); releases may go ahead`,
        remaining,
      };
  }
}
