import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burnRateFactor } from './burnRateFactor.js';
import { budgetSpentAtFire } from './timing.js';
import type { BurnRateTier } from './types.js';

const HOUR = 3_600_000;

describe('burnRateFactor', () => {
  // [budget %, period hours, long hours, expected, naive float of Sloth's `ebp*h/100/long` or null, source]
  const rows: [number, number, number, number, number | null, string][] = [
    // REFERENCE.md §10 #6 (alert_test.go; WB-5 Table 5-8)
    [2, 720, 1, 14.4, null, '#6'],
    [5, 720, 6, 6, null, '#6'],
    [10, 720, 24, 3, null, '#6'],
    [10, 720, 72, 1, null, '#6'],
    // REFERENCE.md §10 #7 (alert_test.go): Sloth prints the float noise, we return the exact value
    [2, 672, 1, 13.44, null, '#7'],
    [5, 672, 6, 5.6, 5.6000000000000005, '#7'],
    [10, 672, 24, 2.8, 2.8000000000000003, '#7'],
    [10, 672, 72, 0.9333333333333333, 0.9333333333333333, '#7'],
    // REFERENCE.md §10 #8 (alert_test.go, Sloth 7d catalog)
    [8, 168, 1, 13.44, null, '#8'],
    [12.5, 168, 6, 3.5, null, '#8'],
    [20, 168, 24, 1.4, 1.4000000000000001, '#8'],
    [42, 168, 72, 0.98, null, '#8'],
    // REFERENCE.md §10 #9 (slok/sloth examples/windows/custom-30d.yaml, computed)
    [1, 720, 0.5, 14.4, null, '#9'],
    [2, 720, 3, 4.8, null, '#9'],
    [5, 720, 12, 3, null, '#9'],
    [5, 720, 36, 1, null, '#9'],
    // REFERENCE.md §10 #10 (DD burn_rate.md, Datadog 7d)
    [10, 168, 1, 16.8, null, '#10'],
    [20, 168, 6, 5.6, 5.6000000000000005, '#10'],
    [40, 168, 24, 2.8, 2.8000000000000003, '#10'],
    // REFERENCE.md §10 #11 (DD burn_rate.md, Datadog 90d)
    [1, 2160, 1, 21.6, null, '#11'],
    [3, 2160, 6, 10.8, 10.799999999999999, '#11'],
    [5, 2160, 24, 4.5, null, '#11'],
    // REFERENCE.md §2.1 approach 4 / §10 #12 (WB-5): 5% of 30 d in 1 h
    [5, 720, 1, 36, null, '#12'],
  ];

  it.each(rows)('%s%% of %sh over %sh = %s (%s)', (percent, periodH, longH, expected, naive) => {
    expect(burnRateFactor(percent, periodH * HOUR, longH * HOUR)).toBe(expected);
    if (naive !== null) {
      // the float that Sloth's operation order gives, for contrast
      expect((percent * periodH) / 100 / longH).toBe(naive);
    }
  });

  it('returns the correctly rounded 14/15 for 10% of 28 d over 3 d', () => {
    // REFERENCE.md §10 #7: 0.9333333333333333 is the double nearest to 14/15
    expect(burnRateFactor(10, 672 * HOUR, 72 * HOUR)).toBe(14 / 15);
  });

  describe('edge cases', () => {
    it.each([
      [0, 720 * HOUR, HOUR],
      [-2, 720 * HOUR, HOUR],
      [Number.NaN, 720 * HOUR, HOUR],
      [2, 0, HOUR],
      [2, Number.POSITIVE_INFINITY, HOUR],
      [2, 720 * HOUR, 0],
      [2, 720 * HOUR, -HOUR],
    ])('throws RangeError for (%s, %s, %s)', (percent, period, long) => {
      expect(() => burnRateFactor(percent, period, long)).toThrow(RangeError);
    });

    it('names the offending argument', () => {
      expect(() => burnRateFactor(2, 720 * HOUR, 0)).toThrow(
        /longWindowMs must be a finite number above 0, got 0/,
      );
    });
  });

  it('property: factor × long / period = budgetPercent / 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }).map((n) => n / 100), // 0.01% .. 100%
        fc.integer({ min: 1, max: 400 }), // period in days
        fc.integer({ min: 1, max: 24 * 60 }), // long window in minutes
        (percent, days, minutes) => {
          const period = days * 86_400_000;
          const long = Math.min(minutes * 60_000, period);
          const factor = burnRateFactor(percent, period, long);
          const tier: BurnRateTier = {
            name: 't',
            severity: 'page',
            longWindow: long,
            shortWindow: long / 12,
            factor,
            budgetPercent: percent,
          };
          const spent = budgetSpentAtFire(tier, period);
          expect(Math.abs(spent - percent / 100)).toBeLessThanOrEqual(1e-12 * (percent / 100));
        },
      ),
    );
  });
});
