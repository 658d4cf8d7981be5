import { NinesError } from '../errors.js';
import { dur, readPeriod, tierFromFactor } from './internal.js';
import type { BurnRatePolicy } from './types.js';

const NS_PER_MS = 1_000_000n;
const MINUTE_NS = 60_000_000_000n;

/**
 * Pyrra's `Windows()` (pyrra-dev/pyrra slo/rules.go): each window is the period divided by a
 * fixed integer (the 28-day value is the comment), factors are fixed whatever the period.
 */
const PYRRA_TIERS = [
  // 5m / 1h / for 2m at 28d: half the budget within a day
  {
    name: 'critical-fast',
    severity: 'critical',
    factor: 14,
    short: 28 * 24 * 12,
    long: 28 * 24,
    for: 28 * 24 * 30,
  },
  // 30m / 6h / for 15m: 20% within a day, all of it within 5 days
  {
    name: 'critical-slow',
    severity: 'critical',
    factor: 7,
    short: 28 * 24 * 2,
    long: 28 * 4,
    for: 28 * 24 * 4,
  },
  // 2h / 1d / for 1h: 10% within a day, all of it within 10 days
  { name: 'warning-fast', severity: 'warning', factor: 2, short: 28 * 12, long: 28, for: 28 * 24 },
  // 6h / 4d / for 3h: all of it by the end of the period
  { name: 'warning-slow', severity: 'warning', factor: 1, short: 28 * 4, long: 7, for: 28 * 8 },
] as const;

/**
 * Go's `(period / divisor).Round(time.Minute)`: integer nanosecond division (truncating), then
 * rounding to the nearest minute with halves rounded up.
 */
function scaledWindow(periodNs: bigint, divisor: number): number {
  const quotient = periodNs / BigInt(divisor);
  const rest = quotient % MINUTE_NS;
  const rounded = rest + rest < MINUTE_NS ? quotient - rest : quotient + MINUTE_NS - rest;
  return Number(rounded / NS_PER_MS);
}

/**
 * Pyrra's burn-rate alerts for any period (REFERENCE.md §2.3): windows and `for` are the 28-day
 * values (5m/1h/2m, 30m/6h/15m, 2h/1d/1h, 6h/4d/3h) scaled by `period / 28d` and rounded to the
 * minute exactly as Pyrra's Go code does; factors are fixed at 14, 7, 2 and 1; severities are
 * critical, critical, warning, warning. Each tier's budget share is derived:
 * `factor × long / period × 100` (2.083…% for the first tier).
 *
 * Scaling gives non-round windows for most periods (30 d ⇒ 5m/1h4m/for 2m, 32m/6h26m/16m,
 * 2h9m/1d1h43m/1h4m, 6h26m/4d6h51m/3h13m), which is what Pyrra generates. A `for` that rounds to
 * 0 is left out; a window that rounds to 0 (periods under about 2.8 days) is an error.
 *
 * @param period - the SLO period, as text (`'28d'`) or milliseconds
 * @returns the policy, named `pyrra`
 * @throws NinesError `INVALID_DURATION` for an unreadable period; `INVALID_POLICY` when a window
 * rounds to 0 minutes
 * @example
 * ```ts
 * pyrraPolicy('7d').tiers[0]; // short 1m, long 15m, for 1m, factor 14, severity critical
 * ```
 */
export function pyrraPolicy(period: string | number): BurnRatePolicy {
  const periodMs = readPeriod(period);
  const periodNs = BigInt(periodMs) * NS_PER_MS;
  const tiers = PYRRA_TIERS.map((tier) => {
    const short = scaledWindow(periodNs, tier.short);
    const long = scaledWindow(periodNs, tier.long);
    const forMs = scaledWindow(periodNs, tier.for);
    if (short === 0) {
      throw new NinesError(
        'INVALID_POLICY',
        `period ${dur(periodMs)} is too short for Pyrra's scaled windows: the short window of tier ${tier.name} (period/${tier.short}) rounds to 0 minutes; use a period of at least ${dur(30_000 * tier.short)}`,
        { path: ['period'] },
      );
    }
    return tierFromFactor(
      {
        name: tier.name,
        severity: tier.severity,
        factor: tier.factor,
        long,
        short,
        ...(forMs === 0 ? {} : { for: forMs }),
      },
      periodMs,
    );
  });
  return { name: 'pyrra', period: periodMs, tiers };
}
