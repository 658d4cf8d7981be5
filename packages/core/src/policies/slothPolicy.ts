import { NinesError } from '../errors.js';
import { DAY, HOUR, MINUTE, describeValue, tierFromBudget } from './internal.js';
import type { BurnRatePolicy } from './types.js';

/** The periods Sloth ships window catalogs for. */
export type SlothPeriod = '30d' | '28d' | '7d';

/** Budget shares (percent) per tier in each Sloth catalog; windows are the same in all three. */
const CATALOGS: Readonly<
  Record<SlothPeriod, { days: number; percents: readonly [number, number, number, number] }>
> = {
  // internal/alert/windows/google-30d.yaml
  '30d': { days: 30, percents: [2, 5, 10, 10] },
  // internal/alert/windows/google-28d.yaml
  '28d': { days: 28, percents: [2, 5, 10, 10] },
  // examples/windows/7d.yaml
  '7d': { days: 7, percents: [8, 12.5, 20, 42] },
};

/**
 * Sloth's alert windows for one of its catalogs (REFERENCE.md §2.2): page (5 min, 1 h) and
 * (30 min, 6 h), ticket (2 h, 1 d) and (6 h, 3 d), with the catalog's budget shares and factors
 * `percent × period / (long × 100)`:
 *
 * | period | page-fast | page-slow | ticket-fast | ticket-slow |
 * |---|---|---|---|---|
 * | 30d | 2% ⇒ 14.4 | 5% ⇒ 6 | 10% ⇒ 3 | 10% ⇒ 1 |
 * | 28d | 2% ⇒ 13.44 | 5% ⇒ 5.6 | 10% ⇒ 2.8 | 10% ⇒ 0.9333333333333333 |
 * | 7d | 8% ⇒ 13.44 | 12.5% ⇒ 3.5 | 20% ⇒ 1.4 | 42% ⇒ 0.98 |
 *
 * Factors are exact: where Sloth's float order prints 5.6000000000000005 or
 * 1.4000000000000001, these are 5.6 and 1.4. Sloth uses no `for`. Sloth refuses other periods,
 * and so does this function; use {@link workbookPolicy} or {@link definePolicy} for them.
 *
 * @param period - `'30d'` (Sloth's default), `'28d'` or `'7d'`
 * @returns the policy, named `sloth-<period>`
 * @throws NinesError `INVALID_POLICY` for any other period
 * @example
 * ```ts
 * slothPolicy('7d').tiers.map((t) => t.factor); // [13.44, 3.5, 1.4, 0.98]
 * ```
 */
export function slothPolicy(period: SlothPeriod): BurnRatePolicy {
  if (!Object.hasOwn(CATALOGS, period)) {
    throw new NinesError(
      'INVALID_POLICY',
      `Sloth ships window catalogs for 30d, 28d and 7d only, got ${describeValue(period)}; use workbookPolicy(period) or definePolicy for other periods`,
      { path: ['period'] },
    );
  }
  const { days, percents } = CATALOGS[period];
  const periodMs = days * DAY;
  const [pageFast, pageSlow, ticketFast, ticketSlow] = percents;
  return {
    name: `sloth-${period}`,
    period: periodMs,
    tiers: [
      tierFromBudget(
        {
          name: 'page-fast',
          severity: 'page',
          budgetPercent: pageFast,
          long: HOUR,
          short: 5 * MINUTE,
        },
        periodMs,
      ),
      tierFromBudget(
        {
          name: 'page-slow',
          severity: 'page',
          budgetPercent: pageSlow,
          long: 6 * HOUR,
          short: 30 * MINUTE,
        },
        periodMs,
      ),
      tierFromBudget(
        {
          name: 'ticket-fast',
          severity: 'ticket',
          budgetPercent: ticketFast,
          long: DAY,
          short: 2 * HOUR,
        },
        periodMs,
      ),
      tierFromBudget(
        {
          name: 'ticket-slow',
          severity: 'ticket',
          budgetPercent: ticketSlow,
          long: 3 * DAY,
          short: 6 * HOUR,
        },
        periodMs,
      ),
    ],
  };
}
