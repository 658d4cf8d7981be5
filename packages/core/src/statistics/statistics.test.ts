import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import {
  minimumEvents,
  normalQuantile,
  sloVerdict,
  wilsonInterval,
  zForConfidence,
} from './index.js';

describe('normalQuantile and zForConfidence', () => {
  // [p, quantile, source]: standard normal quantiles (Python statistics.NormalDist().inv_cdf)
  const quantiles: [number, number][] = [
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.8413447460685429, 1], // Φ(1)
    [0.02425, -1.9729610513118845], // Acklam's region boundary
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
  ];
  it.each(quantiles)('normalQuantile(%d) = %d to 1e-12 (brief: 1e-9)', (p, x) => {
    expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-12);
  });

  // [confidence, z]
  const levels: [number, number][] = [
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
  ];
  it.each(levels)('zForConfidence(%d) = %d', (confidence, z) => {
    expect(Math.abs(zForConfidence(confidence) - z)).toBeLessThan(1e-12);
  });

  it('is odd-symmetric and increasing (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-12, max: 0.5, noNaN: true }),
        (a, b) => {
          const upper = 1 - a; // 1 − a may round; compare with its exact complement
          expect(normalQuantile(upper)).toBeCloseTo(-normalQuantile(1 - upper), 9);
          if (a < b) expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
        },
      ),
    );
  });
});

describe('wilsonInterval', () => {
  // [good, total, lower, upper, digits, source]
  const cases: [number, number, number, number, number, string][] = [
    [9, 10, 0.5958, 0.9821, 4, 'REFERENCE.md §10 #60 (9, 10)'],
    [10, 10, 0.7225, 1, 4, 'REFERENCE.md §10 #60 (10, 10)'],
    [999, 1000, 0.99436, 0.99982, 5, 'REFERENCE.md §10 #60 (999, 1000)'],
    [0, 10, 0, 0.2775, 4, 'REFERENCE.md §10 #60 (0, 10), float lower −2.8e−17 clamped'],
  ];
  it.each(cases)('(%d, %d) → [%d, %d] (%s)', (good, total, lower, upper, digits) => {
    const interval = wilsonInterval(good, total);
    expect(interval.lower).toBeCloseTo(lower, digits);
    expect(interval.upper).toBeCloseTo(upper, digits);
  });

  it('clamps the 0/10 lower bound from −2.8e−17 to exactly 0 (REFERENCE.md §1.6, §10 #60)', () => {
    const z = 1.96;
    const n = 10;
    const denominator = 1 + (z * z) / n;
    const naive =
      (z * z) / (2 * n) / denominator - (z * Math.sqrt((z * z) / (4 * n * n))) / denominator;
    expect(naive).toBeLessThan(0);
    expect(naive).toBeCloseTo(-2.8e-17, 18);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(10, 10).upper).toBe(1);
  });

  it('has the centre as a weighted mean of p̂ and 0.5 (REFERENCE.md §1.6)', () => {
    const { center } = wilsonInterval(9, 10);
    const w = 10 / (10 + 1.96 ** 2);
    expect(center).toBeCloseTo(w * 0.9 + (1 - w) * 0.5, 15);
  });

  it('takes a confidence level instead of z', () => {
    const ninetyFive = wilsonInterval(9, 10, { confidence: 0.95 });
    const byZ = wilsonInterval(9, 10, { z: zForConfidence(0.95) });
    expect(ninetyFive).toEqual(byZ);
    // 1.95996… is a hair narrower than the rounded 1.96
    expect(ninetyFive.lower).toBeGreaterThan(wilsonInterval(9, 10).lower);
    const ninetyNine = wilsonInterval(9, 10, { confidence: 0.99 });
    const ninety = wilsonInterval(9, 10, { confidence: 0.9 });
    expect(ninetyNine.lower).toBeLessThan(ninetyFive.lower);
    expect(ninety.lower).toBeGreaterThan(ninetyFive.lower);
  });

  it('is [0, 1] around 0.5 without data', () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1, center: 0.5 });
  });

  it('contains p̂, stays in [0, 1] and widens with z (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (total, share, z) => {
          const good = Math.floor(share * total);
          const p = good / total;
          const interval = wilsonInterval(good, total, { z });
          expect(interval.lower).toBeGreaterThanOrEqual(0);
          expect(interval.upper).toBeLessThanOrEqual(1);
          expect(interval.lower).toBeLessThanOrEqual(p);
          expect(interval.upper).toBeGreaterThanOrEqual(p);
          expect(interval.center).toBeGreaterThanOrEqual(interval.lower);
          expect(interval.center).toBeLessThanOrEqual(interval.upper);
          const wider = wilsonInterval(good, total, { z: z * 2 });
          expect(wider.lower).toBeLessThanOrEqual(interval.lower);
          expect(wider.upper).toBeGreaterThanOrEqual(interval.upper);
        },
      ),
    );
  });
});

describe('sloVerdict', () => {
  // [good, total, target, verdict, reason]
  const cases: [number, number, number, 'met' | 'violated' | 'inconclusive', string][] = [
    [9, 10, 0.99, 'violated', 'upper 0.9821 < 0.99 (§10 #60)'],
    [10, 10, 0.99, 'inconclusive', 'lower 0.7225 < 0.99 <= upper 1 (§10 #60)'],
    [999, 1000, 0.99, 'met', 'lower 0.99436 >= 0.99 (§10 #60)'],
    [999, 1000, 0.999, 'inconclusive', 'interval [0.99436, 0.99982] straddles 0.999 (§10 #60)'],
    [0, 10, 0.5, 'violated', 'upper 0.2775 < 0.5 (§10 #60)'],
    [0, 0, 0.9, 'inconclusive', 'no data'],
    [3838, 3838, 0.999, 'met', 'all good: lower = N/(N + z²) reaches 0.999 at N = 3838 (computed)'],
    [3837, 3837, 0.999, 'inconclusive', 'one event short (computed)'],
  ];
  it.each(cases)('%d/%d vs %d → %s (%s)', (good, total, target, verdict) => {
    const result = sloVerdict(good, total, target);
    expect(result.verdict).toBe(verdict);
    expect(result.interval).toEqual(wilsonInterval(good, total));
  });

  it('accepts a Target and options', () => {
    expect(sloVerdict(999, 1000, targetFromPercent(99)).verdict).toBe('met');
    // At 99.9% confidence the same data no longer prove 99%.
    expect(sloVerdict(999, 1000, 0.99, { confidence: 0.999 }).verdict).toBe('inconclusive');
  });
});

describe('minimumEvents', () => {
  // [target, budgetShare, events, source]
  const cases: [number, number, number, string][] = [
    [0.999, 1, 1000, 'one failure spends the whole budget: 1/(0.001·1) (§1.6, computed)'],
    [0.999, 0.01, 100_000, '1% of budget per failure (§1.6, computed)'],
    [0.99, 0.03, 3334, '1/(0.01·0.03) = 3333.3 → 3334 (computed)'],
    [0.9, 1, 10, 'exact: the naive float gives 11 (computed)'],
    [0.99999, 0.5, 200_000, '99.999% (computed)'],
  ];
  it.each(cases)('T %d, f %d → %d (%s)', (target, share, events) => {
    expect(minimumEvents(target, share)).toBe(events);
  });

  it('differs from the naive float where 1 − T is inexact', () => {
    expect(Math.ceil(1 / ((1 - 0.9) * 1))).toBe(11);
    expect(minimumEvents(0.9, 1)).toBe(10);
  });

  it('makes one failure cost at most the share (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (target, share) => {
          const n = minimumEvents(target, share);
          // one bad event out of n costs 1/(n·(1 − T)) of the budget
          expect(1 / (n * (1 - target))).toBeLessThanOrEqual(share * (1 + 1e-12));
          expect(1 / ((n - 1) * (1 - target))).toBeGreaterThan(share * (1 - 1e-12));
        },
      ),
    );
  });
});

describe('edge cases', () => {
  it.each([
    [() => normalQuantile(0), /p must be a probability strictly between 0 and 1, got 0/],
    [() => normalQuantile(1), /got 1/],
    [() => normalQuantile(Number.NaN), /got NaN/],
    [() => zForConfidence(1), /confidence must be strictly between 0 and 1 \(e.g. 0.95\), got 1/],
    [() => zForConfidence(95), /got 95/],
    [() => wilsonInterval(11, 10), /good must not exceed total, got good 11 > total 10/],
    [() => wilsonInterval(-1, 10), /good must be a finite number >= 0, got -1/],
    [
      () => wilsonInterval(1, Number.POSITIVE_INFINITY),
      /total must be a finite number >= 0, got Infinity/,
    ],
    [() => wilsonInterval(1, 2, { z: 0 }), /z must be a finite number > 0 \(e.g. 1.96\), got 0/],
    [() => wilsonInterval(1, 2, { z: 1.96, confidence: 0.95 }), /give z or confidence, not both/],
    [() => wilsonInterval(1, 2, { confidence: 0 }), /confidence must be strictly between 0 and 1/],
    [() => sloVerdict(1, 0, 0.9), /good must not exceed total/],
    [
      () => minimumEvents(0.999, 0),
      /budgetShare must be a fraction of the budget in \(0, 1\].*got 0/,
    ],
    [() => minimumEvents(0.999, 1.5), /got 1.5/],
  ] as const)('%#: throws RangeError naming the value', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });

  it('rejects bad targets with NinesError INVALID_TARGET', () => {
    expect(() => sloVerdict(1, 1, 1)).toThrow(NinesError);
    expect(() => minimumEvents(0, 0.5)).toThrow(
      /target must be a fraction strictly between 0 and 1/,
    );
  });
});

describe('low traffic (REFERENCE.md §11.2 #6)', () => {
  it('10 requests/h: one failure is a 10% error ratio, so 99.9% needs 1,000 events before one failure fits the budget (§10 #37)', () => {
    expect(minimumEvents(0.999, 1)).toBe(1000);
    // With 10 of 10 good the Wilson interval cannot call 99.9% met: inconclusive, not 100%.
    expect(sloVerdict(10, 10, 0.999).verdict).toBe('inconclusive');
    expect(sloVerdict(9, 10, 0.999).verdict).toBe('violated');
  });
});

describe('input from plain JavaScript', () => {
  it.each([null, 1.96, 'wide'])('rejects options %j with RangeError', (options) => {
    expect(() => wilsonInterval(9, 10, options as never)).toThrow(
      /options must be an object such as \{ z: 1\.96 \} or \{ confidence: 0\.95 \}/,
    );
    expect(() => sloVerdict(9, 10, 0.9, options as never)).toThrow(RangeError);
  });

  it.each([
    [() => wilsonInterval('9' as never, 10), /good must be a finite number >= 0, got "9"/],
    [() => wilsonInterval(9, {} as never), /total must be a finite number >= 0, got an object/],
    [
      () => normalQuantile([] as never),
      /p must be a probability strictly between 0 and 1, got an array/,
    ],
    [() => zForConfidence('95%' as never), /got "95%"/],
    [() => minimumEvents(0.999, null as never), /budgetShare must be .*got null/],
  ])('names the offending value (%#)', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });

  it('refuses an answer beyond Number.MAX_SAFE_INTEGER instead of returning Infinity', () => {
    expect(() => minimumEvents(0.99999, 1e-300)).toThrow(RangeError);
    expect(() => minimumEvents(0.999, 1e-14)).toThrow(/more than Number.MAX_SAFE_INTEGER/);
  });
});
