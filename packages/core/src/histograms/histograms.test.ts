import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apdex,
  fromCumulative,
  goodCountAtThreshold,
  histogramFraction,
  histogramQuantile,
  HTTP_SERVER_DURATION_BOUNDARIES,
  isBucketBoundary,
  toCumulative,
} from './index.js';
import type { ExplicitBucketHistogram } from './index.js';

/** Bucket observations the OpenTelemetry way: bucket i holds (b[i−1], b[i]]. */
function record(boundaries: readonly number[], values: readonly number[]): ExplicitBucketHistogram {
  const counts = Array<number>(boundaries.length + 1).fill(0);
  for (const value of values) {
    let bucket = boundaries.findIndex((bound) => value <= bound);
    if (bucket === -1) bucket = boundaries.length;
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return { boundaries, counts };
}

const sortedBoundaries = fc
  .uniqueArray(fc.integer({ min: -50, max: 1000 }), { minLength: 1, maxLength: 12 })
  .map((values) => [...values].sort((a, b) => a - b).map((v) => v / 100));

describe('HTTP_SERVER_DURATION_BOUNDARIES and isBucketBoundary', () => {
  it('holds the semconv advice for http.server.request.duration (REFERENCE.md §5.2)', () => {
    expect(HTTP_SERVER_DURATION_BOUNDARIES).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
    expect(Object.isFrozen(HTTP_SERVER_DURATION_BOUNDARIES)).toBe(true);
  });

  // [threshold, boundary?, note]
  const cases: [number, boolean, string][] = [
    [0.25, true, 'a semconv boundary'],
    [0.3, false, 'histograms.md example threshold: not a default boundary'],
    [1.0, true, 'Prometheus 3 le="1.0" is the number 1 (REFERENCE.md §1.7)'],
    [0.1 + 0.2, false, '0.30000000000000004 is not 0.3'],
    [Number.POSITIVE_INFINITY, false, 'the +Inf bucket is implicit'],
    [Number.NaN, false, 'NaN is never a boundary'],
  ];
  it.each(cases)('isBucketBoundary(%d) is %s (%s)', (threshold, expected) => {
    expect(isBucketBoundary(HTTP_SERVER_DURATION_BOUNDARIES, threshold)).toBe(expected);
    expect(
      isBucketBoundary(
        { boundaries: HTTP_SERVER_DURATION_BOUNDARIES, counts: Array<number>(15).fill(0) },
        threshold,
      ),
    ).toBe(expected);
  });
});

describe('fromCumulative and toCumulative', () => {
  it('turns Prometheus le buckets into per-bucket counts, any order (REFERENCE.md §1.7)', () => {
    const h = fromCumulative([
      { le: 0.4, count: 95 },
      { le: Number.POSITIVE_INFINITY, count: 100 },
      { le: 0.1, count: 80 },
    ]);
    expect(h).toEqual({ boundaries: [0.1, 0.4], counts: [80, 15, 5] });
    expect(toCumulative(h)).toEqual([
      { le: 0.1, count: 80 },
      { le: 0.4, count: 95 },
      { le: Number.POSITIVE_INFINITY, count: 100 },
    ]);
  });

  it('accepts only the +Inf bucket, and fractional counts from rates without noise', () => {
    expect(fromCumulative([{ le: Number.POSITIVE_INFINITY, count: 3 }])).toEqual({
      boundaries: [],
      counts: [3],
    });
    expect(
      fromCumulative([
        { le: 0.1, count: 0.1 },
        { le: 0.2, count: 0.3 },
        { le: Number.POSITIVE_INFINITY, count: 0.3 },
      ]).counts,
    ).toEqual([0.1, 0.2, 0]);
  });

  it('treats a relative decrease up to 1e-12 as float noise, like Prometheus', () => {
    const h = fromCumulative([
      { le: 1, count: 1000 },
      { le: 2, count: 1000 - 1e-10 },
      { le: Number.POSITIVE_INFINITY, count: 1000 },
    ]);
    expect(h.counts).toEqual([1000, 0, 0]);
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(sortedBoundaries, fc.array(fc.nat({ max: 1000 }), { maxLength: 13 }), (b, c) => {
        const counts = Array.from({ length: b.length + 1 }, (_, i) => c[i] ?? 0);
        const h = { boundaries: b, counts };
        expect(fromCumulative(toCumulative(h))).toEqual(h);
      }),
    );
  });
});

describe('goodCountAtThreshold', () => {
  const h: ExplicitBucketHistogram = { boundaries: [0.1, 0.25, 0.5], counts: [50, 30, 15, 5] };
  // [threshold, semantics, expected, note]
  const cases: [number, 'le' | 'lt', ReturnType<typeof goodCountAtThreshold>, string][] = [
    [0.25, 'le', { exact: true, good: 80 }, 'boundary under le: exact (histograms.md)'],
    [0.3, 'le', { exact: false, lower: 80, upper: 95 }, 'inside (0.25, 0.5]: only bounds'],
    [
      0.25,
      'lt',
      { exact: false, lower: 50, upper: 80 },
      'GCP [0, 0.25): values equal to 0.25 are bad',
    ],
    [0.3, 'lt', { exact: false, lower: 80, upper: 95 }, 'inside a bucket: same bounds as le'],
    [0.05, 'le', { exact: false, lower: 0, upper: 50 }, 'inside the first bucket (−∞, 0.1]'],
    [0.5, 'le', { exact: true, good: 95 }, 'the highest boundary'],
    [9, 'le', { exact: false, lower: 95, upper: 100 }, 'in the +Inf bucket'],
    [Number.POSITIVE_INFINITY, 'le', { exact: true, good: 100 }, 'everything'],
    [Number.POSITIVE_INFINITY, 'lt', { exact: true, good: 100 }, 'everything is < +∞'],
    [Number.NEGATIVE_INFINITY, 'le', { exact: true, good: 0 }, 'nothing'],
  ];
  it.each(cases)('threshold %d (%s) → %j (%s)', (threshold, semantics, expected) => {
    expect(goodCountAtThreshold(h, threshold, semantics)).toEqual(expected);
  });

  it('value 0.3 at bound 0.3: good under le="0.3", bad under GCP [0, 0.3) (REFERENCE.md §10 #62)', () => {
    const one = record([0.25, 0.3, 0.5], [0.3]);
    expect(one.counts).toEqual([0, 1, 0, 0]);
    expect(goodCountAtThreshold(one, 0.3, 'le')).toEqual({ exact: true, good: 1 });
    // The bucket (0.25, 0.3] cannot tell 0.3 from 0.27: under lt only a range is known,
    // and the true count, 0, is its lower end.
    expect(goodCountAtThreshold(one, 0.3, 'lt')).toEqual({ exact: false, lower: 0, upper: 1 });
  });

  it('is exact when the straddled bucket is empty', () => {
    expect(goodCountAtThreshold({ boundaries: [1, 2], counts: [5, 0, 3] }, 1.5)).toEqual({
      exact: true,
      good: 5,
    });
    expect(goodCountAtThreshold({ boundaries: [1, 2], counts: [5, 0, 3] }, 2, 'lt')).toEqual({
      exact: true,
      good: 5,
    });
  });

  it('brackets the true count, exactly at boundaries under le (property)', () => {
    fc.assert(
      fc.property(
        sortedBoundaries,
        fc.array(fc.integer({ min: -100, max: 1200 }), { maxLength: 80 }),
        fc.oneof(
          fc.integer({ min: -100, max: 1200 }).map((v) => v / 100),
          fc.constant(null),
        ),
        fc.nat(),
        fc.constantFrom('le' as const, 'lt' as const),
        (boundaries, raw, free, pick, semantics) => {
          const values = raw.map((v) => v / 100);
          const h = record(boundaries, values);
          // half of the time the threshold is a boundary, otherwise any value
          const threshold = free ?? boundaries[pick % boundaries.length] ?? 0;
          const truth = values.filter((v) =>
            semantics === 'le' ? v <= threshold : v < threshold,
          ).length;
          const result = goodCountAtThreshold(h, threshold, semantics);
          if (result.exact) expect(result.good).toBe(truth);
          else {
            expect(result.lower).toBeLessThanOrEqual(truth);
            expect(result.upper).toBeGreaterThanOrEqual(truth);
          }
          if (semantics === 'le' && boundaries.includes(threshold)) expect(result.exact).toBe(true);
        },
      ),
    );
  });
});

describe('histogramQuantile (Prometheus rules, REFERENCE.md §1.7)', () => {
  const boundaries = [0.1, 0.2, 0.3, 0.45];
  it('100 observations in (0.2, 0.3] give p95 = 0.295; in (0.3, 0.45] 0.4425 (§10 #59)', () => {
    expect(histogramQuantile(0.95, { boundaries, counts: [0, 0, 100, 0, 0] })).toBe(0.295);
    expect(histogramQuantile(0.95, { boundaries, counts: [0, 0, 0, 100, 0] })).toBe(0.4425);
  });

  it('interpolates exactly where float arithmetic leaves noise', () => {
    expect(0.1 + (0.2 - 0.1) * (50 / 100)).toBe(0.15000000000000002); // Prometheus' order
    expect(histogramQuantile(0.5, { boundaries: [0.1, 0.2], counts: [0, 100, 0] })).toBe(0.15);
    expect(0.3 + (0.45 - 0.3) * (90 / 100)).toBe(0.43500000000000005);
    expect(histogramQuantile(0.9, { boundaries, counts: [0, 0, 0, 100, 0] })).toBe(0.435);
  });

  // [q, histogram, expected, rule]
  const h: ExplicitBucketHistogram = { boundaries: [1, 2, 4], counts: [10, 10, 20, 10] };
  const cases: [number, ExplicitBucketHistogram, number | null, string][] = [
    [0.5, h, 2.5, 'linear interpolation: rank 25 is 5 of 20 into (2, 4]'],
    [0.1, h, 0.5, 'lowest bucket starts at 0 when its bound > 0'],
    [0.9, h, 4, 'rank 45 falls in the +Inf bucket: highest finite bound'],
    [1, h, 4, 'q = 1: highest finite bound'],
    [0, h, 0, 'q = 0: start of the lowest bucket'],
    [0.2, h, 1, 'rank exactly at a bucket end returns that bound'],
    [0.5, { boundaries: [-1, 0, 1], counts: [10, 0, 0, 0] }, -1, 'lowest bound <= 0 is returned'],
    [-0.1, h, Number.NEGATIVE_INFINITY, 'q < 0 ⇒ −Inf'],
    [1.1, h, Number.POSITIVE_INFINITY, 'q > 1 ⇒ +Inf'],
    [
      0.5,
      { boundaries: [], counts: [10] },
      null,
      'fewer than 2 buckets: Prometheus NaN, ours null',
    ],
    [
      0.5,
      { boundaries: [1, 2], counts: [0, 0, 0] },
      null,
      'no observations: Prometheus NaN, ours null',
    ],
    [
      0,
      { boundaries: [1, 2], counts: [0, 5, 0] },
      0,
      'q = 0 with an empty lowest bucket: Prometheus 0/0 = NaN, ours 0',
    ],
  ];
  it.each(cases)('q %d of %j → %s (%s)', (q, histogram, expected) => {
    expect(histogramQuantile(q, histogram)).toBe(expected);
  });

  it('is non-decreasing in q and stays within the boundaries (property)', () => {
    fc.assert(
      fc.property(
        sortedBoundaries,
        fc.array(fc.nat({ max: 50 }), { minLength: 13, maxLength: 13 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (b, c, q1, q2) => {
          const h = { boundaries: b, counts: c.slice(0, b.length + 1) };
          const a = histogramQuantile(Math.min(q1, q2), h);
          const z = histogramQuantile(Math.max(q1, q2), h);
          if (a === null || z === null) return a === z;
          const lowest = Math.min(0, b[0] ?? 0);
          return a <= z && a >= lowest && z <= (b[b.length - 1] ?? 0);
        },
      ),
    );
  });
});

describe('histogramFraction', () => {
  const h: ExplicitBucketHistogram = { boundaries: [0.1, 0.25, 0.5], counts: [50, 30, 15, 5] };
  // [lower, upper, expected, note]
  const cases: [number, number, number, string][] = [
    [Number.NEGATIVE_INFINITY, 0.25, 0.8, 'boundary: exact'],
    [0.25, 0.375, 0.075, 'half of (0.25, 0.5] interpolated'],
    [0, 0.05, 0.25, 'lowest bucket from 0: half of (0, 0.1]'],
    [0.5, Number.POSITIVE_INFINITY, 0.05, 'the +Inf bucket counts only towards upper = +Inf'],
    [0.5, 100, 0, 'observations above 0.5 are not placed at any finite value'],
    [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1, 'everything'],
    [0.3, 0.3, 0, 'lower >= upper ⇒ 0 (Prometheus)'],
    [0.4, 0.2, 0, 'lower >= upper ⇒ 0 (Prometheus)'],
  ];
  it.each(cases)('(%d, %d] → %d (%s)', (lower, upper, expected) => {
    expect(histogramFraction(lower, upper, h)).toBe(expected);
  });

  it('returns null without observations', () => {
    expect(histogramFraction(0, 1, { boundaries: [1], counts: [0, 0] })).toBeNull();
  });

  it('inverts histogramQuantile inside the finite buckets (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 11, maxLength: 11 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (raw, c, q) => {
          const boundaries = [...raw].sort((a, b) => a - b).map((v) => v / 100);
          const counts = [...c.slice(0, boundaries.length), 0]; // empty +Inf bucket
          const h = { boundaries, counts };
          const x = histogramQuantile(q, h);
          if (x === null) return false;
          expect(histogramFraction(Number.NEGATIVE_INFINITY, x, h)).toBeCloseTo(q, 9);
          return true;
        },
      ),
    );
  });
});

describe('apdex', () => {
  it('S_cum 80, T_cum 95, N 100 gives 0.875 (REFERENCE.md §10 #61)', () => {
    const h = fromCumulative([
      { le: 0.1, count: 80 },
      { le: 0.4, count: 95 },
      { le: Number.POSITIVE_INFINITY, count: 100 },
    ]);
    expect(apdex(h, 0.1)).toBe(0.875);
    // (satisfied + tolerating/2)/N, the same number
    expect((80 + 15 / 2) / 100).toBe(0.875);
  });

  it('finds 4T among the boundaries: T 0.3 needs 1.2', () => {
    expect(apdex({ boundaries: [0.3, 1.2], counts: [6, 2, 2] }, 0.3)).toBe(0.7);
  });

  it('works with the semconv boundaries at T = 0.25 s (4T = 1 s)', () => {
    const counts = Array<number>(15).fill(0);
    counts[6] = 90; // (0.1, 0.25]
    counts[9] = 10; // (0.75, 1]
    expect(apdex({ boundaries: HTTP_SERVER_DURATION_BOUNDARIES, counts }, 0.25)).toBe(0.95);
  });

  it('returns null without observations', () => {
    expect(apdex({ boundaries: [0.1, 0.4], counts: [0, 0, 0] }, 0.1)).toBeNull();
  });
});

describe('edge cases', () => {
  const ok: ExplicitBucketHistogram = { boundaries: [1, 2], counts: [1, 1, 1] };
  it.each([
    [
      () => histogramQuantile(0.5, { boundaries: [1, 2], counts: [1, 1] }),
      /boundaries.length \+ 1 = 3, got 2/,
    ],
    [
      () => histogramQuantile(0.5, { boundaries: [2, 1], counts: [1, 1, 1] }),
      /strictly increasing, got 1 after 2 at index 1/,
    ],
    [
      () => histogramQuantile(0.5, { boundaries: [1, 1], counts: [1, 1, 1] }),
      /strictly increasing/,
    ],
    [
      () =>
        histogramQuantile(0.5, { boundaries: [1, Number.POSITIVE_INFINITY], counts: [1, 1, 1] }),
      /boundaries\[1\] must be a finite number \(the \+Inf bucket is implicit\), got Infinity/,
    ],
    [
      () => histogramQuantile(0.5, { boundaries: [1], counts: [1, -1] }),
      /counts\[1\] must be a finite number >= 0, got -1/,
    ],
    [() => histogramQuantile(0.5, { boundaries: [1], counts: [1, Number.NaN] }), /got NaN/],
    [
      () => histogramQuantile(0.5, null as unknown as ExplicitBucketHistogram),
      /histogram must be \{ boundaries/,
    ],
    [() => histogramQuantile(Number.NaN, ok), /q must be a number \(±Infinity allowed\), got NaN/],
    [() => goodCountAtThreshold(ok, Number.NaN), /threshold must be a number/],
    [() => goodCountAtThreshold(ok, 1, 'lte' as 'le'), /semantics must be 'le' or 'lt', got lte/],
    [() => histogramFraction(Number.NaN, 1, ok), /lower must be a number/],
    [() => histogramFraction(0, Number.NaN, ok), /upper must be a number/],
    [() => apdex(ok, 0), /thresholdSeconds must be a finite number > 0, got 0/],
    [() => apdex(ok, 0.5), /T = 0.5 is not one of \[1, 2\]/],
    [() => apdex(ok, 1), /4T = 4 is not one of \[1, 2\]/],
    [() => fromCumulative([]), /needs at least the le="\+Inf" bucket/],
    [
      () => fromCumulative([{ le: 1, count: 1 }]),
      /highest bucket must be le="\+Inf" \(Infinity\), got 1/,
    ],
    [
      () =>
        fromCumulative([
          { le: 1, count: 1 },
          { le: 1, count: 1 },
          { le: Number.POSITIVE_INFINITY, count: 1 },
        ]),
      /le 1 appears more than once/,
    ],
    [
      () =>
        fromCumulative([
          { le: 1, count: 5 },
          { le: Number.POSITIVE_INFINITY, count: 4 },
        ]),
      /must not decrease, got 4 at le Infinity after 5 at le 1/,
    ],
    [
      () => fromCumulative([{ le: Number.NaN, count: 1 }]),
      /le\[0\]\.le must be a number or Infinity for \+Inf, got NaN/,
    ],
    [
      () => fromCumulative([{ le: 1, count: -1 }]),
      /le\[0\]\.count must be a finite number >= 0, got -1/,
    ],
    [
      () => isBucketBoundary(null as unknown as number[], 1),
      /needs a histogram or an array of boundaries/,
    ],
  ] as const)('%#: throws RangeError naming the value', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});

describe('in-process latency counts at a boundary (REFERENCE.md §11.2 #12)', () => {
  it('counts latency <= threshold exactly, whatever text Prometheus 3 prints for the bound (le="1.0")', () => {
    const h: ExplicitBucketHistogram = { boundaries: [0.5, 1.0, 2.5], counts: [70, 20, 9, 1] };
    expect(goodCountAtThreshold(h, 1)).toEqual({ exact: true, good: 90 });
    expect(isBucketBoundary(h, Number('1.0'))).toBe(true);
  });
});

describe('input from plain JavaScript', () => {
  it.each([
    [
      () => goodCountAtThreshold(null as never, 1),
      /histogram must be \{ boundaries: number\[\], counts: number\[\] \}.*got null/,
    ],
    [() => histogramQuantile(0.5, [] as never), /got an array/],
    [
      () => toCumulative({ boundaries: [1], counts: [1, '2'] } as never),
      /histogram\.counts\[1\] must be a finite number >= 0, got "2"/,
    ],
    [
      () => fromCumulative(5 as never),
      /fromCumulative needs at least the le="\+Inf" bucket, in an array of \{ le, count \}, got 5/,
    ],
    [() => fromCumulative([null] as never), /le\[0\] must be \{ le, count \}, got null/],
    [
      () => isBucketBoundary({} as never, 1),
      /isBucketBoundary needs a histogram or an array of boundaries, got an object/,
    ],
    [
      () => apdex({ boundaries: [0.1, 0.4], counts: [1, 1, 1] }, '0.1' as never),
      /thresholdSeconds must be a finite number > 0, got "0.1"/,
    ],
  ])('rejects bad input with RangeError naming the value (%#)', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});
