import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { formatDuration } from '../durations/index.js';
import { datadogPolicy, type DatadogPeriod } from './datadogPolicy.js';
import { grafanaPolicy } from './grafanaPolicy.js';
import { validatePolicy } from './validatePolicy.js';

const DAY = 86_400_000;

describe('datadogPolicy', () => {
  it.each([
    // REFERENCE.md §2.4 (DD burn_rate.md): 14.4 @ 1h/5m (2%), 6 @ 6h/30m (5%), 3 @ 24h/2h (10%)
    ['30d', 30, [2, 5, 10], [14.4, 6, 3]],
    // REFERENCE.md §10 #10 (DD burn_rate.md): exact 5.6 and 2.8
    ['7d', 7, [10, 20, 40], [16.8, 5.6, 2.8]],
    // REFERENCE.md §10 #11 (DD burn_rate.md): exact 10.8
    ['90d', 90, [1, 3, 5], [21.6, 10.8, 4.5]],
  ] as const)('matches the %s preset', (period, days, percents, factors) => {
    const policy = datadogPolicy(period);
    expect(policy.name).toBe(`datadog-${period}`);
    expect(policy.period).toBe(days * DAY);
    expect(policy.tiers.map((t) => t.budgetPercent)).toEqual(percents);
    expect(policy.tiers.map((t) => t.factor)).toEqual(factors);
    // default short window = long/12 (DD burn_rate.md)
    expect(
      policy.tiers.map((t) => [formatDuration(t.longWindow), formatDuration(t.shortWindow)]),
    ).toEqual([
      ['1h', '5m'],
      ['6h', '30m'],
      ['1d', '2h'],
    ]);
    expect(validatePolicy(policy, 0.999)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses periods Datadog does not have', () => {
    expect(() => datadogPolicy('28d' as DatadogPeriod)).toThrow(NinesError);
    expect(() => datadogPolicy('28d' as DatadogPeriod)).toThrow(
      /7d, 30d and 90d periods only, got "28d"/,
    );
  });
});

describe('grafanaPolicy', () => {
  it('matches Grafana SLO fast and slow burn', () => {
    // REFERENCE.md §2.4 (grafana-slo-app configure-burn-rate-notifications)
    const policy = grafanaPolicy();
    expect(policy.name).toBe('grafana');
    expect(policy.period).toBe(30 * DAY);
    expect(
      policy.tiers.map((t) => [
        t.name,
        t.severity,
        t.factor,
        formatDuration(t.shortWindow),
        formatDuration(t.longWindow),
      ]),
    ).toEqual([
      ['fast-burn-1h', 'critical', 14.4, '5m', '1h'],
      ['fast-burn-6h', 'critical', 6, '30m', '6h'],
      ['slow-burn-24h', 'warning', 3, '2h', '1d'],
      ['slow-burn-72h', 'warning', 1, '6h', '3d'],
    ]);
    expect(policy.tiers.map((t) => t.budgetPercent)).toEqual([2, 5, 10, 10]);
    expect(validatePolicy(policy, 0.999)).toEqual({ errors: [], warnings: [] });
  });
});
