import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compositeOccurrences,
  compositeRatioTimeslices,
  compositeTimeslices,
  groupedUptime,
  kOfNAvailability,
  normalizeWeights,
  parallelAvailability,
  serialAvailability,
  weightedReliability,
} from './index.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const availabilities = fc.array(probability, { minLength: 1, maxLength: 8 });
const weight = fc.double({ min: 0.001, max: 1000, noNaN: true });

/** Brute force over all 2^n up/down combinations: the definition of k-of-n. */
function bruteForceKOfN(k: number, a: readonly number[]): number {
  let total = 0;
  for (let mask = 0; mask < 2 ** a.length; mask += 1) {
    let p = 1;
    let up = 0;
    a.forEach((ai, i) => {
      if (mask & (1 << i)) {
        p *= ai;
        up += 1;
      } else p *= 1 - ai;
    });
    if (up >= k) total += p;
  }
  return total;
}

describe('normalizeWeights', () => {
  it('normalises Nobl9 weights 8/4/1/2 to 53/27/7/13% (REFERENCE.md §10 #55)', () => {
    const normalised = normalizeWeights([8, 4, 1, 2]);
    expect(normalised.map((w) => w.toFixed(4))).toEqual(['0.5333', '0.2667', '0.0667', '0.1333']);
    expect(normalised.map((w) => Math.round(w * 100))).toEqual([53, 27, 7, 13]);
  });

  it('gives the same result for 24/12/3/6 as for 8/4/1/2 (REFERENCE.md §1.4, composite guide)', () => {
    expect(normalizeWeights([24, 12, 3, 6])).toEqual(normalizeWeights([8, 4, 1, 2]));
  });

  it('sums decimal weights exactly: 0.1 and 0.2 give 1/3 and 2/3', () => {
    expect(normalizeWeights([0.1, 0.2])).toEqual([1 / 3, 2 / 3]);
    expect(normalizeWeights([5])).toEqual([1]);
  });

  it('sums to 1 and keeps proportions (property)', () => {
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 10 }), (weights) => {
        const normalised = normalizeWeights(weights);
        expect(normalised.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        normalised.forEach((w) => {
          expect(w).toBeGreaterThan(0);
          expect(w).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});

describe('weightedReliability', () => {
  // [components, expected, source]
  const cases: [{ reliability: number; weight?: number }[], number, string][] = [
    [[{ reliability: 0.95 }, { reliability: 0.97 }], 0.96, 'unweighted mean, exact'],
    [[{ reliability: 0.99, weight: 3 }, { reliability: 0.95 }], 0.98, 'weights 3:1'],
    [
      [
        { reliability: 0.99, weight: 8 },
        { reliability: 0.98, weight: 4 },
        { reliability: 0.9, weight: 1 },
        { reliability: 0.95, weight: 2 },
      ],
      (0.99 * 8 + 0.98 * 4 + 0.9 + 0.95 * 2) / 15,
      'Nobl9 composite 2.0 weights 8/4/1/2 (REFERENCE.md §1.4, §10 #55)',
    ],
    [
      [
        { reliability: 0.999, weight: 24 },
        { reliability: 0.9, weight: 3 },
      ],
      0.988,
      '24:3 = 8:1',
    ],
  ];
  it.each(cases)('%j → %d (%s)', (components, expected) => {
    expect(weightedReliability(components)).toBeCloseTo(expected, 14);
  });

  it('scaling every weight changes nothing (REFERENCE.md §1.4: normalised weights)', () => {
    const a = weightedReliability([
      { reliability: 0.99, weight: 8 },
      { reliability: 0.9, weight: 1 },
    ]);
    const b = weightedReliability([
      { reliability: 0.99, weight: 24 },
      { reliability: 0.9, weight: 3 },
    ]);
    expect(a).toBe(b);
    expect(a).toBe(0.98);
  });

  it('stays within [min, max] of the components (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ reliability: probability, weight }), { minLength: 1, maxLength: 8 }),
        (components) => {
          const r = weightedReliability(components);
          const rs = components.map((c) => c.reliability);
          return r >= Math.min(...rs) && r <= Math.max(...rs);
        },
      ),
    );
  });
});

describe('OpenSLO composites (REFERENCE.md §1.4)', () => {
  it('RatioTimeslices: two components at 0.95 give 0.90 (§10 #54)', () => {
    expect(
      compositeRatioTimeslices([
        { ratio: 0.95, weight: 1 },
        { ratio: 0.95, weight: 1 },
      ]),
    ).toBe(0.9);
    expect(1 - (1 - 0.95 + (1 - 0.95))).toBe(0.8999999999999999); // the naive float
  });

  // [components, expected, note]
  const ratio: [{ ratio: number; weight?: number }[], number, string][] = [
    [
      [{ ratio: 0.99, weight: 2 }, { ratio: 0.95 }],
      0.93,
      'compositeWeight 2 doubles the missing part',
    ],
    [[{ ratio: 1 }, { ratio: 1 }, { ratio: 1 }], 1, 'all perfect'],
    [
      [{ ratio: 0.5 }, { ratio: 0.5 }, { ratio: 0.5 }],
      -0.5,
      'missing parts over 1: negative, not clamped',
    ],
    [[{ ratio: 0.999, weight: 0.5 }], 0.9995, 'weight below 1 softens a component'],
  ];
  it.each(ratio)('RatioTimeslices %j → %d (%s)', (components, expected) => {
    expect(compositeRatioTimeslices(components)).toBe(expected);
  });

  // [components, expected, note]
  const occurrences: [{ good: number; total: number; weight?: number }[], number | null, string][] =
    [
      [
        [
          { good: 950, total: 1000 },
          { good: 19, total: 20 },
        ],
        0.9,
        'both burn 5%: rates add, traffic does not dilute',
      ],
      [
        [
          { good: 999, total: 1000 },
          { good: 0, total: 0 },
        ],
        0.999,
        'a component without events adds nothing',
      ],
      [[{ good: 0, total: 0 }], null, 'no events anywhere: no data'],
      [[{ good: 990, total: 1000, weight: 3 }], 0.97, 'compositeWeight multiplies the burn'],
      [
        [
          { good: 0, total: 10 },
          { good: 5, total: 10 },
        ],
        -0.5,
        'negative, not clamped',
      ],
    ];
  it.each(occurrences)('Occurrences %j → %s (%s)', (components, expected) => {
    expect(compositeOccurrences(components)).toBe(expected);
  });

  it('Occurrences agrees with RatioTimeslices on the same ratios (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            good: fc.nat({ max: 1000 }),
            extra: fc.nat({ max: 1000 }),
            weight: fc.integer({ min: 1, max: 5 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (rows) => {
          const withData = rows.filter((r) => r.good + r.extra > 0);
          const occ = compositeOccurrences(
            rows.map((r) => ({ good: r.good, total: r.good + r.extra, weight: r.weight })),
          );
          if (withData.length === 0) return occ === null;
          const rat = compositeRatioTimeslices(
            withData.map((r) => ({ ratio: r.good / (r.good + r.extra), weight: r.weight })),
          );
          return occ !== null && Math.abs(occ - rat) < 1e-12;
        },
      ),
    );
  });

  it('Timeslices: a composite slice is bad when any component slice is bad', () => {
    expect(
      compositeTimeslices([
        [true, true, false, true],
        [true, false, false, true],
      ]),
    ).toEqual({ sli: 0.5, good: 2, total: 4 });
    expect(compositeTimeslices([[true, true, true]])).toEqual({ sli: 1, good: 3, total: 3 });
    expect(compositeTimeslices([[], []])).toEqual({ sli: null, good: 0, total: 0 });
  });

  it('Timeslices: the composite is never better than its worst component (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((length) =>
          fc.array(fc.array(fc.boolean(), { minLength: length, maxLength: length }), {
            minLength: 1,
            maxLength: 5,
          }),
        ),
        (components) => {
          const { good } = compositeTimeslices(components);
          return components.every((c) => good <= c.filter(Boolean).length);
        },
      ),
    );
  });
});

describe('dependency composition (REFERENCE.md §1.5)', () => {
  it('serial: ten 99.99% dependencies give ≈ 99.9% (§10 #57: 0.99900045)', () => {
    const a = serialAvailability(Array<number>(10).fill(0.9999));
    expect(a).toBeCloseTo(0.99900045, 8);
    // the double nearest to the exact 0.99900044988002099748…; naive 0.9999 ** 10 is one ulp above
    expect(a).toBe(0.999000449880021);
    expect(0.9999 ** 10).toBe(0.9990004498800211);
  });

  it('serial is exact on decimals: 0.999 × 0.999 = 0.998001', () => {
    expect(serialAvailability([0.999, 0.999])).toBe(0.998001);
    expect(0.999 * 0.999).toBe(0.998001); // happens to round right too
    expect(serialAvailability([0.9, 0.9, 0.9])).toBe(0.729);
    expect(0.9 * 0.9 * 0.9).toBe(0.7290000000000001);
  });

  it('parallel: two 99% replicas give 99.99% (§10 #58)', () => {
    expect(parallelAvailability([0.99, 0.99])).toBe(0.9999);
    expect(parallelAvailability([0.9, 0.5])).toBe(0.95);
    expect(parallelAvailability([0, 0])).toBe(0);
    expect(parallelAvailability([1, 0])).toBe(1);
  });

  // [k, availabilities, expected, note]
  const kOfN: [number, number[], number, string][] = [
    [2, [0.9, 0.9, 0.9], 0.972, 'identical: 3·0.81·0.1 + 0.729 (binomial tail)'],
    [2, [0.99, 0.95, 0.9], 0.9936, 'different: 0.84645 + 0.14715 (computed by enumeration)'],
    [3, [0.99, 0.95, 0.9], 0.84645, 'k = n is serial'],
    [1, [0.99, 0.95, 0.9], 0.99995, 'k = 1 is parallel: 1 − 0.01·0.05·0.1'],
    [
      3,
      [0.999, 0.999, 0.999, 0.999, 0.999],
      0.999999990014994,
      '3-of-5 quorum at 99.9% (computed with exact fractions)',
    ],
    [1, [0.5], 0.5, 'a single component'],
  ];
  it.each(kOfN)('%d-of-%j → %d (%s)', (k, a, expected) => {
    expect(kOfNAvailability(k, a)).toBeCloseTo(expected, 14);
    expect(kOfNAvailability(k, a)).toBeCloseTo(bruteForceKOfN(k, a), 14);
  });

  it('rounds away float noise: 2-of-3 at 0.9 is exactly 0.972', () => {
    expect(kOfNAvailability(2, [0.9, 0.9, 0.9])).toBe(0.972);
  });

  it('serial ≤ min and parallel ≥ max (property)', () => {
    fc.assert(
      fc.property(availabilities, (a) => {
        return serialAvailability(a) <= Math.min(...a) && parallelAvailability(a) >= Math.max(...a);
      }),
    );
  });

  it('k-of-n never increases with k and matches brute force (property)', () => {
    fc.assert(
      fc.property(availabilities, (a) => {
        let previous = 1;
        for (let k = 1; k <= a.length; k += 1) {
          const p = kOfNAvailability(k, a);
          expect(p).toBeLessThanOrEqual(previous);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p - bruteForceKOfN(k, a))).toBeLessThan(1e-12);
          previous = p;
        }
        expect(Math.abs(kOfNAvailability(a.length, a) - serialAvailability(a))).toBeLessThan(1e-12);
        expect(Math.abs(kOfNAvailability(1, a) - parallelAvailability(a))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('groupedUptime (Datadog grouped status)', () => {
  const minute = 60_000;
  it('two groups each down 5 min of 24 h, disjoint: 99.653% each, 99.306% overall (§10 #52)', () => {
    const result = groupedUptime(1440 * minute, [
      [{ start: 60 * minute, end: 65 * minute }],
      [{ start: 600 * minute, end: 605 * minute }],
    ]);
    expect(result.groups.map((g) => (g * 100).toFixed(3))).toEqual(['99.653', '99.653']);
    expect((result.overall * 100).toFixed(3)).toBe('99.306');
    expect(result.overall).toBe(1 - 10 / 1440);
  });

  it('monitors 90%, 90% and 80% can give 70% overall (§10 #53)', () => {
    const result = groupedUptime(100, [
      [{ start: 0, end: 10 }],
      [{ start: 10, end: 20 }],
      [{ start: 10, end: 30 }],
    ]);
    expect(result).toEqual({ overall: 0.7, groups: [0.9, 0.9, 0.8] });
  });

  it('counts overlapping downtime once and accepts no downtime', () => {
    const result = groupedUptime(100, [
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 15, end: 20 },
      ],
      [],
    ]);
    expect(result).toEqual({ overall: 0.8, groups: [0.8, 1] });
  });
});

describe('edge cases', () => {
  it.each([
    [() => normalizeWeights([]), /weights must be a non-empty array/],
    [() => normalizeWeights([1, 0]), /weights\[1\] must be a finite number > 0, got 0/],
    [() => normalizeWeights([1, -2]), /got -2/],
    [() => normalizeWeights([Number.POSITIVE_INFINITY]), /got Infinity/],
    [() => weightedReliability([]), /components must be a non-empty array/],
    [
      () => weightedReliability([{ reliability: 1.2 }]),
      /components\[0\]\.reliability must be a number in \[0, 1\], got 1.2/,
    ],
    [
      () => weightedReliability([{ reliability: 0.9, weight: 0 }]),
      /components\[0\]\.weight must be a finite number > 0, got 0/,
    ],
    [
      () => compositeRatioTimeslices([{ ratio: Number.NaN }]),
      /ratio must be a number in \[0, 1\], got NaN/,
    ],
    [
      () => compositeRatioTimeslices([{ ratio: 0.9, weight: -1 }]),
      /weight must be a finite number > 0, got -1/,
    ],
    [
      () => compositeOccurrences([{ good: 5, total: 4 }]),
      /components\[0\]\.good must not exceed its total, got 5 > 4/,
    ],
    [
      () => compositeOccurrences([{ good: -1, total: 4 }]),
      /good must be a finite number >= 0, got -1/,
    ],
    [() => compositeTimeslices([]), /componentSlicesGood must be a non-empty array/],
    [
      () => compositeTimeslices([[true], [true, false]]),
      /componentSlicesGood\[1\] must be an array of 1 slices.*got 2 slices/,
    ],
    [
      () => compositeTimeslices([[true, 1 as unknown as boolean]]),
      /componentSlicesGood\[0\]\[1\] must be true or false, got 1/,
    ],
    [() => serialAvailability([]), /availabilities must be a non-empty array/],
    [
      () => serialAvailability([0.9, 1.1]),
      /availabilities\[1\] must be a number in \[0, 1\], got 1.1/,
    ],
    [() => parallelAvailability([-0.1]), /got -0.1/],
    [
      () => kOfNAvailability(0, [0.9]),
      /k must be an integer from 1 to the number of components \(1\), got 0/,
    ],
    [() => kOfNAvailability(3, [0.9, 0.9]), /\(2\), got 3/],
    [() => kOfNAvailability(1.5, [0.9, 0.9]), /got 1.5/],
    [() => kOfNAvailability(Number.NaN, [0.9]), /got NaN/],
    [
      () => kOfNAvailability(1, [Number.NaN]),
      /availabilities\[0\] must be a number in \[0, 1\], got NaN/,
    ],
    [() => groupedUptime(0, [[]]), /period must be a finite number of milliseconds > 0, got 0/],
    [() => groupedUptime(100, []), /downtimes must be a non-empty array/],
    [
      () => groupedUptime(100, [[{ start: 20, end: 10 }]]),
      /downtimes\[0\]\[0\] must satisfy 0 <= start <= end <= period \(100\), got start 20, end 10/,
    ],
    [() => groupedUptime(100, [[{ start: 0, end: 101 }]]), /got start 0, end 101/],
  ] as const)('%#: throws RangeError naming the value', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});

describe('groupedUptime with a correction window removed (Datadog monitor-based SLOs)', () => {
  it('1 h down in 7 d with a 1-day correction is 60/8640 = 0.694% down, not 60/10080 (REFERENCE.md §10 #51)', () => {
    const minute = 60_000;
    const corrected = groupedUptime(8640 * minute, [[{ start: 0, end: 60 * minute }]]);
    const uncorrected = groupedUptime(10_080 * minute, [[{ start: 0, end: 60 * minute }]]);
    expect(((1 - corrected.overall) * 100).toFixed(3)).toBe('0.694');
    expect(((1 - uncorrected.overall) * 100).toFixed(3)).toBe('0.595');
  });
});

describe('components from plain JavaScript', () => {
  it.each([
    [
      () => compositeOccurrences([null] as never),
      /components\[0\] must be an object \{ good, total, weight\? \}, got null/,
    ],
    [
      () => compositeRatioTimeslices([5] as never),
      /components\[0\] must be an object \{ ratio, weight\? \}, got 5/,
    ],
    [
      () => weightedReliability([[]] as never),
      /components\[0\] must be an object \{ reliability, weight\? \}, got an array/,
    ],
    [
      () => groupedUptime(100, [[null]] as never),
      /downtimes\[0\]\[0\] must be an object \{ start, end \}, got null/,
    ],
    [() => groupedUptime(100, [5] as never), /downtimes\[0\] must be an array of intervals, got 5/],
    [() => normalizeWeights({} as never), /weights must be a non-empty array, got an object/],
    [() => serialAvailability([]), /availabilities must be a non-empty array, got an empty array/],
    [
      () => kOfNAvailability('2' as never, [0.9, 0.9]),
      /k must be an integer from 1 to the number of components \(2\), got "2"/,
    ],
    [
      () => compositeTimeslices([[true], 'x'] as never),
      /componentSlicesGood\[1\] must be an array of 1 slices .*got "x"/,
    ],
  ])('rejects bad input with RangeError naming the value (%#)', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});
