import { DAY, HOUR, MINUTE, tierFromFactor } from './internal.js';
import type { BurnRatePolicy } from './types.js';

/**
 * Grafana SLO's burn-rate alerts (REFERENCE.md §2.4, grafana-slo-app "configure burn rate
 * notifications"), for a 30-day period: fast burn (`critical`) at 14.4 over 5m and 1h or 6 over
 * 30m and 6h; slow burn (`warning`) at 3 over 2h and 24h or 1 over 6h and 72h. Budget shares are
 * derived: 2%, 5%, 10%, 10%.
 *
 * Grafana's extra slow-burn guard (more than 25 estimated failures over 3 d) is not modelled;
 * set `minEvents` on the policy for a similar low-traffic guard on every tier.
 *
 * @returns the policy, named `grafana`, with tiers `fast-burn-1h`, `fast-burn-6h`,
 * `slow-burn-24h` and `slow-burn-72h`
 * @example
 * ```ts
 * grafanaPolicy().tiers.map((t) => t.severity); // ['critical', 'critical', 'warning', 'warning']
 * ```
 */
export function grafanaPolicy(): BurnRatePolicy {
  const period = 30 * DAY;
  return {
    name: 'grafana',
    period,
    tiers: [
      tierFromFactor(
        { name: 'fast-burn-1h', severity: 'critical', factor: 14.4, long: HOUR, short: 5 * MINUTE },
        period,
      ),
      tierFromFactor(
        {
          name: 'fast-burn-6h',
          severity: 'critical',
          factor: 6,
          long: 6 * HOUR,
          short: 30 * MINUTE,
        },
        period,
      ),
      tierFromFactor(
        { name: 'slow-burn-24h', severity: 'warning', factor: 3, long: DAY, short: 2 * HOUR },
        period,
      ),
      tierFromFactor(
        { name: 'slow-burn-72h', severity: 'warning', factor: 1, long: 3 * DAY, short: 6 * HOUR },
        period,
      ),
    ],
  };
}
