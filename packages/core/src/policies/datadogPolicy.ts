import { NinesError } from '../errors.js';
import { DAY, HOUR, describeValue, tierFromBudget } from './internal.js';
import type { BurnRatePolicy } from './types.js';

/** The SLO periods Datadog supports. */
export type DatadogPeriod = '30d' | '7d' | '90d';

/** Datadog's recommended (budget %, long window) pairs per period (burn_rate.md). */
const PRESETS: Readonly<
  Record<DatadogPeriod, { days: number; percents: readonly [number, number, number] }>
> = {
  '30d': { days: 30, percents: [2, 5, 10] },
  '7d': { days: 7, percents: [10, 20, 40] },
  '90d': { days: 90, percents: [1, 3, 5] },
};

/**
 * Datadog's recommended burn-rate alerts (REFERENCE.md §2.4): long windows 1 h, 6 h and 24 h,
 * short window long/12 (Datadog's default: 5 min, 30 min, 2 h), budget shares per period:
 *
 * | period | 1 h | 6 h | 24 h |
 * |---|---|---|---|
 * | 30d | 2% ⇒ 14.4 | 5% ⇒ 6 | 10% ⇒ 3 |
 * | 7d | 10% ⇒ 16.8 | 20% ⇒ 5.6 | 40% ⇒ 2.8 |
 * | 90d | 1% ⇒ 21.6 | 3% ⇒ 10.8 | 5% ⇒ 4.5 |
 *
 * Factors are exact (5.6, 10.8, not the float noise of `ebp × h / 100 / long`). Datadog's table
 * gives no severities; these use the Workbook's: `page-fast`, `page-slow` (page) and
 * `ticket-fast` (ticket).
 *
 * @param period - `'30d'`, `'7d'` or `'90d'`
 * @returns the policy, named `datadog-<period>`
 * @throws NinesError `INVALID_POLICY` for any other period
 * @example
 * ```ts
 * datadogPolicy('90d').tiers.map((t) => t.factor); // [21.6, 10.8, 4.5]
 * ```
 */
export function datadogPolicy(period: DatadogPeriod): BurnRatePolicy {
  if (!Object.hasOwn(PRESETS, period)) {
    throw new NinesError(
      'INVALID_POLICY',
      `Datadog SLOs have 7d, 30d and 90d periods only, got ${describeValue(period)}; use workbookPolicy(period) or definePolicy for other periods`,
      { path: ['period'] },
    );
  }
  const { days, percents } = PRESETS[period];
  const periodMs = days * DAY;
  const [fast, slow, ticket] = percents;
  return {
    name: `datadog-${period}`,
    period: periodMs,
    tiers: [
      tierFromBudget(
        { name: 'page-fast', severity: 'page', budgetPercent: fast, long: HOUR, short: HOUR / 12 },
        periodMs,
      ),
      tierFromBudget(
        {
          name: 'page-slow',
          severity: 'page',
          budgetPercent: slow,
          long: 6 * HOUR,
          short: (6 * HOUR) / 12,
        },
        periodMs,
      ),
      tierFromBudget(
        {
          name: 'ticket-fast',
          severity: 'ticket',
          budgetPercent: ticket,
          long: DAY,
          short: DAY / 12,
        },
        periodMs,
      ),
    ],
  };
}
