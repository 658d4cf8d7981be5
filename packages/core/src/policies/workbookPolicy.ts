import { NinesError, type NinesIssue } from '../errors.js';
import { minEventsIssues } from './checks.js';
import {
  DAY,
  HOUR,
  MINUTE,
  describeValue,
  dur,
  readDuration,
  readPeriod,
  tierFromBudget,
} from './internal.js';
import type { BurnRatePolicy } from './types.js';

/** The four tiers of the SRE Workbook's multiwindow, multi-burn-rate policy. */
export type WorkbookTierName = 'page-fast' | 'page-slow' | 'ticket-fast' | 'ticket-slow';

/** Options for {@link workbookPolicy}. */
export interface WorkbookPolicyOptions {
  /** Minimum events a tier's long window must have seen before it fires (low traffic); default 0. */
  readonly minEvents?: number;
  /**
   * Prometheus-style `for`, for every tier (`'2m'`) or per tier (`{ 'page-fast': '2m' }`).
   * The Workbook uses none: `for` delays every alert by the same amount whatever the burn
   * (approach 3), so keep it short.
   */
  readonly for?: string | number | Readonly<Partial<Record<WorkbookTierName, string | number>>>;
}

/**
 * Workbook tiers: Table 5-8 (2% over 1 h, 5% over 6 h, 10% over 3 d) plus the chapter's example
 * ticket pair 10% over 1 d / 2 h (the one Sloth also ships), each with short = long/12.
 */
const WORKBOOK_TIERS = [
  { name: 'page-fast', severity: 'page', budgetPercent: 2, long: HOUR, short: 5 * MINUTE },
  { name: 'page-slow', severity: 'page', budgetPercent: 5, long: 6 * HOUR, short: 30 * MINUTE },
  { name: 'ticket-fast', severity: 'ticket', budgetPercent: 10, long: DAY, short: 2 * HOUR },
  { name: 'ticket-slow', severity: 'ticket', budgetPercent: 10, long: 3 * DAY, short: 6 * HOUR },
] as const satisfies readonly {
  name: WorkbookTierName;
  severity: string;
  budgetPercent: number;
  long: number;
  short: number;
}[];

const TIER_NAMES: readonly string[] = WORKBOOK_TIERS.map((t) => t.name);

function readFor(option: WorkbookPolicyOptions['for'], issues: NinesIssue[]): Map<string, number> {
  const out = new Map<string, number>();
  if (option === undefined) return out;
  if (typeof option === 'string' || typeof option === 'number') {
    const ms = readDuration(option, ['for'], issues, true);
    if (ms !== undefined) for (const name of TIER_NAMES) out.set(name, ms);
    return out;
  }
  if (typeof option !== 'object' || Array.isArray(option)) {
    issues.push({
      code: 'INVALID_DURATION',
      message: `for must be a duration or an object of durations keyed by tier name, got ${describeValue(option)}`,
      path: ['for'],
    });
    return out;
  }
  for (const [key, value] of Object.entries(option as Record<string, unknown>)) {
    if (!TIER_NAMES.includes(key)) {
      issues.push({
        code: 'INVALID_POLICY',
        message: `for names an unknown tier ${JSON.stringify(key)}; the Workbook tiers are ${TIER_NAMES.join(', ')}`,
        path: ['for', key],
      });
      continue;
    }
    if (value === undefined) continue;
    const ms = readDuration(value, ['for', key], issues, true);
    if (ms !== undefined) out.set(key, ms);
  }
  return out;
}

/**
 * The SRE Workbook's multiwindow, multi-burn-rate alert policy (ch. 5, Table 5-8 and the
 * example rules), with factors derived for any period from each tier's budget share:
 *
 * | tier | severity | budget | long | short | 30 d | 28 d |
 * |---|---|---|---|---|---|---|
 * | `page-fast` | page | 2% | 1 h | 5 min | 14.4 | 13.44 |
 * | `page-slow` | page | 5% | 6 h | 30 min | 6 | 5.6 |
 * | `ticket-fast` | ticket | 10% | 1 d | 2 h | 3 | 2.8 |
 * | `ticket-slow` | ticket | 10% | 3 d | 6 h | 1 | 0.9333333333333333 |
 *
 * The windows stay as the Workbook gives them for every period (they are about detection and
 * reset time, not about the period); only the factors change. A tier whose long window is
 * longer than the period cannot be evaluated and is left out (a 1-day period keeps the first
 * three tiers; a 2-hour period keeps `page-fast` only). For the 7-day budget shares Sloth
 * ships, use {@link slothPolicy}.
 *
 * @param period - the SLO period, as text (`'28d'`) or milliseconds; default 30 days
 * @param options - `minEvents` guard and `for` (for all tiers or per tier)
 * @returns the policy, named `workbook`
 * @throws NinesError `INVALID_DURATION` for an unreadable period or `for`; `INVALID_POLICY` for
 * options that are not an object, a bad `minEvents`, an unknown tier name in `for`, or a period shorter than 1 h (no tier fits)
 * @example
 * ```ts
 * workbookPolicy().tiers.map((t) => t.factor); // [14.4, 6, 3, 1]
 * workbookPolicy('28d').tiers.map((t) => t.factor); // [13.44, 5.6, 2.8, 0.9333333333333333]
 * ```
 */
export function workbookPolicy(
  period: string | number = 30 * DAY,
  options: WorkbookPolicyOptions = {},
): BurnRatePolicy {
  const periodMs = readPeriod(period);
  const given: unknown = options;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new NinesError(
      'INVALID_POLICY',
      `options must be an object { minEvents?, for? }, got ${describeValue(given)}`,
      { path: ['options'] },
    );
  }
  const issues: NinesIssue[] = [];
  const forByTier = readFor(options.for, issues);
  issues.push(...minEventsIssues(options.minEvents));
  const kept = WORKBOOK_TIERS.filter((tier) => tier.long <= periodMs);
  if (kept.length === 0) {
    issues.push({
      code: 'INVALID_POLICY',
      message: `period ${dur(periodMs)} is shorter than the Workbook's shortest long window (1h), so no tier fits; use a period of at least 1h or definePolicy with shorter windows`,
      path: ['period'],
    });
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);
  const tiers = kept.map((tier) => {
    const forMs = forByTier.get(tier.name);
    return tierFromBudget(forMs === undefined ? tier : { ...tier, for: forMs }, periodMs);
  });
  return {
    name: 'workbook',
    period: periodMs,
    tiers,
    ...(options.minEvents === undefined ? {} : { minEvents: options.minEvents }),
  };
}
