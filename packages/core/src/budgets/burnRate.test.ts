import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import { burnRate, burnRateFromCounts, maxBurnRate } from './burnRate.js';

describe('burnRate', () => {
  // [target, error ratio, burn rate, source]
  const rows: [number, number, number, string][] = [
    [0.999, 0.01, 10, 'REFERENCE.md §10 #14 (Datadog burn_rate.md)'],
    [0.999, 0.1, 100, 'REFERENCE.md §10 #37 (WB-5: 1 failure in 10 req; source prints 1,000×)'],
    [0.99999, 0.01, 1000, 'REFERENCE.md §10 #39 (WB-5: 1% errors at 99.999%)'],
    [0.99, 0.5, 50, 'REFERENCE.md §10 #31 (slo-generator burn 50.0)'],
    [0.99, 0.009, 0.9, 'REFERENCE.md §10 #32 (slo-generator burn 0.9)'],
    [0.9, 0.5, 5, 'REFERENCE.md §10 #34 (slo-generator burn 5.0)'],
    [0.999, 0.001, 1, 'REFERENCE.md §1.1 BR 1 = on pace (computed)'],
    [0.999, 0, 0, 'REFERENCE.md §1.1 (computed)'],
  ];
  it.each(rows)('T %d at error ratio %d burns at %d (%s)', (target, ratio, expected) => {
    expect(burnRate(target, ratio)).toBe(expected);
  });

  it('has no float noise (REFERENCE.md §10 #14: naive 0.01/(1 − 0.999) = 9.999999999999991)', () => {
    expect(0.01 / (1 - 0.999)).toBe(9.999999999999991);
    expect(burnRate(targetFromPercent(99.9), 0.01)).toBe(10);
  });
});

describe('burnRateFromCounts', () => {
  // [target, good, total, burn rate, source]
  const rows: [number, number, number, number, string][] = [
    [0.999, 9, 10, 100, 'REFERENCE.md §10 #37 (WB-5: 10 req/h, 1 failure)'],
    [0.99, 5, 10, 50, 'REFERENCE.md §10 #31 (slo-generator good 5, bad 5)'],
    [0.99, 991, 1000, 0.9, 'REFERENCE.md §10 #32 (slo-generator sli 0.991)'],
    [0.999, 9_995, 10_000, 0.5, 'REFERENCE.md §10 #48 (computed)'],
    [0.99999, 0, 100, 100_000, 'REFERENCE.md §10 #39 (WB-5: total outage at 99.999%)'],
    [0.999, 10, 10, 0, 'Kibana: G ≥ N ⇒ 0 (REFERENCE.md §1.1)'],
  ];
  it.each(rows)('T %d, %d/%d burns at %d (%s)', (target, good, total, expected) => {
    expect(burnRateFromCounts(target, good, total)).toBe(expected);
  });

  it('is null, not 0 or NaN, without events (REFERENCE.md §11.2 #1)', () => {
    expect(burnRateFromCounts(0.999, 0, 0)).toBeNull();
  });

  it('agrees with burnRate on the error ratio and never exceeds maxBurnRate', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.nat(),
        (target, total, x) => {
          const good = total - (x % (total + 1));
          const fromCounts = burnRateFromCounts(target, good, total)!;
          const fromRatio = burnRate(target, (total - good) / total);
          expect(Math.abs(fromCounts - fromRatio)).toBeLessThanOrEqual(1e-12 * fromCounts);
          expect(fromCounts).toBeLessThanOrEqual(maxBurnRate(target));
          expect(fromCounts).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('maxBurnRate', () => {
  // [target, max burn rate, source]
  const rows: [number, number, string][] = [
    [0.96, 25, 'REFERENCE.md §10 #13 (Datadog burn_rate.md; naive 24.99999999999998)'],
    [0.9, 10, 'REFERENCE.md §10 #38 (WB-5: a 14.4× page can never fire at 90%)'],
    [0.999, 1000, 'REFERENCE.md §1.1 (computed)'],
    [0.99999, 100_000, 'REFERENCE.md §10 #39 (computed)'],
  ];
  it.each(rows)('maxBurnRate(%d) = %d (%s)', (target, expected) => {
    expect(maxBurnRate(target)).toBe(expected);
  });

  it('puts the Workbook 14.4× page out of reach for a 90% target (REFERENCE.md §10 #38, §11.2 #7)', () => {
    expect(1 / (1 - 0.96)).toBe(24.99999999999998);
    expect(maxBurnRate(0.9)).toBeLessThan(14.4);
    expect(maxBurnRate(0.99)).toBeGreaterThan(14.4);
  });
});

describe('edge cases', () => {
  it.each([-0.01, 1.01, Number.NaN, Infinity])(
    'rejects error ratio %d with RangeError',
    (ratio) => {
      expect(() => burnRate(0.999, ratio)).toThrow(RangeError);
      expect(() => burnRate(0.999, ratio)).toThrow(
        /errorRatio must be a finite number in \[0, 1\]/,
      );
    },
  );

  it.each([0, 1, -1, Number.NaN])('rejects target %d with NinesError', (target) => {
    expect(() => burnRate(target, 0.1)).toThrow(NinesError);
    expect(() => burnRateFromCounts(target, 1, 2)).toThrow(NinesError);
    expect(() => maxBurnRate(target)).toThrow(NinesError);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [Number.NaN, 10],
    [1, Infinity],
  ])('rejects counts good %d, total %d with RangeError', (good, total) => {
    expect(() => burnRateFromCounts(0.999, good, total)).toThrow(RangeError);
  });
});

describe('burnRateFromCounts properties', () => {
  it('rises with every bad event for a fixed total (monotonic in errors)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.9, 0.99, 0.999, 0.9999),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.nat(),
        (target, total, x) => {
          const good = total - (x % total);
          expect(burnRateFromCounts(target, good - 1, total)!).toBeGreaterThan(
            burnRateFromCounts(target, good, total)!,
          );
        },
      ),
    );
  });
});
