import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactMultiply, exactSubtract } from '../decimal.js';
import { toDuration } from '../durations/index.js';
import { computeSli, occurrencesSli, ratioTimeslicesSli, timeslicesSli } from './computeSli.js';
import type { SliceCounts } from './computeSli.js';
import { toBudgeting } from './toBudgeting.js';
import type { Budgeting, EmptySlicePolicy } from './types.js';

function slicesOf(good: readonly number[], total: readonly number[]): SliceCounts[] {
  return good.map((g, i) => ({ good: g, total: total[i] ?? Number.NaN }));
}

// Nobl9 gist (REFERENCE.md §10 #42-#44): ten one-minute slices.
const nobl9 = slicesOf(
  [2, 10, 12, 13, 13, 12, 13, 13, 12, 11],
  [4, 10, 12, 13, 14, 15, 14, 13, 12, 11],
);
// Grafana time-based SLI (REFERENCE.md §10 #45): four slices at 10/10, one at 20/40.
const grafana = [...Array<SliceCounts>(4).fill({ good: 10, total: 10 }), { good: 20, total: 40 }];

const occurrences: Budgeting = { method: 'occurrences' };
const nobl9Timeslices: Budgeting = {
  method: 'timeslices',
  slice: 60_000,
  sliceTarget: 0.95,
  op: 'gt',
  emptySlice: 'skip',
};
const ratio: Budgeting = { method: 'ratio-timeslices', slice: 60_000, emptySlice: 'skip' };

describe('computeSli: REFERENCE.md vectors', () => {
  // [budgeting, slices, sli, good, total, unit, source]
  const cases: [Budgeting, SliceCounts[], number, number, number, 'events' | 'slices', string][] = [
    [
      occurrences,
      nobl9,
      111 / 118,
      111,
      118,
      'events',
      '§10 #42 Nobl9 gist, Occurrences: 111/118 = 0.940678',
    ],
    [
      nobl9Timeslices,
      nobl9,
      0.6,
      6,
      10,
      'slices',
      '§10 #43 Nobl9 gist, Timeslices with strict > 0.95: 6/10',
    ],
    [
      ratio,
      nobl9,
      0.915714285714286,
      9.15714285714286,
      10,
      'slices',
      '§10 #44 Nobl9 gist, RatioTimeslices ≈ 0.915714',
    ],
    [occurrences, grafana, 0.75, 60, 80, 'events', '§10 #45 Grafana: event-based 60/80'],
    [ratio, grafana, 0.9, 4.5, 5, 'slices', '§10 #45 Grafana: time-based 4.5/5'],
  ];
  it.each(cases)('%j (%#)', (budgeting, slices, sli, good, total, unit, source) => {
    const result = computeSli(budgeting, slices);
    expect(result.sli, source).toBeCloseTo(sli, 12);
    expect(result.good).toBeCloseTo(good, 12);
    expect(result.total).toBe(total);
    expect(result.unit).toBe(unit);
  });

  it('prints the vectors to six places as the sources do (§10 #42, #44)', () => {
    expect(computeSli(occurrences, nobl9).sli?.toFixed(6)).toBe('0.940678');
    expect(computeSli(ratio, nobl9).sli?.toFixed(6)).toBe('0.915714');
  });

  it('gives the same 6/10 under >= for the gist data: no slice sits exactly on 0.95 (§10 #43)', () => {
    expect(computeSli({ ...nobl9Timeslices, op: 'gte' }, nobl9).sli).toBe(0.6);
  });

  describe('OpenSLO budgeting-method example, 2w, 1-min slices, 95% (§10 #40)', () => {
    const slices = toDuration('2w') / toDuration('1m');
    const normal: SliceCounts = { good: 99, total: 100 }; // the service runs at 99%
    const attack: SliceCounts = { good: 1, total: 100 }; // DDoS: 1% availability
    const period = (attacked: number): SliceCounts[] => [
      ...Array<SliceCounts>(attacked).fill(attack),
      ...Array<SliceCounts>(slices - attacked).fill(normal),
    ];
    const timeslices = toBudgeting({ method: 'timeslices', slice: '1m', sliceTarget: 0.95 });
    const ratioTimeslices = toBudgeting({ method: 'ratio-timeslices', slice: '1m' });

    it('has 20,160 slices and allows 1,008 bad ones = 16 h 48 min', () => {
      expect(slices).toBe(20_160);
      const allowed = exactMultiply(exactSubtract(1, 0.95), slices);
      expect(allowed).toBe(1008);
      expect(allowed * 60_000).toBe(16 * 3_600_000 + 48 * 60_000);
    });

    it('Timeslices: 1,008 attacked minutes leave the SLI at exactly 0.95, 1,009 break it', () => {
      expect(computeSli(timeslices, period(1008))).toEqual({
        sli: 0.95,
        good: 19_152,
        total: 20_160,
        unit: 'slices',
      });
      expect(computeSli(timeslices, period(1009)).sli).toBeLessThan(0.95);
    });

    it('RatioTimeslices: the budget lasts about 13 h 45 min (822 minutes pass, 823 fail)', () => {
      // mean = (0.99·(20160 − x) + 0.01·x)/20160 >= 0.95  ⇔  x <= 822.86 min (computed)
      expect(computeSli(ratioTimeslices, period(822)).sli).toBeGreaterThanOrEqual(0.95);
      expect(computeSli(ratioTimeslices, period(823)).sli).toBeLessThan(0.95);
    });

    it('Occurrences: 336,000 requests, 16,800 failures spend exactly the budget', () => {
      const days = Array.from({ length: 14 }, (_, day) => ({
        good: day === 0 ? 24_000 - 16_800 : 24_000,
        total: 24_000,
      }));
      expect(computeSli(occurrences, days)).toEqual({
        sli: 0.95,
        good: 319_200,
        total: 336_000,
        unit: 'events',
      });
    });
  });
});

describe('empty slices and no data', () => {
  const slices: SliceCounts[] = [
    { good: 0, total: 0 },
    { good: 1, total: 2 },
  ];
  // [policy, timeslices sli (target 0.5), ratio-timeslices sli, counted]
  const cases: [EmptySlicePolicy, number, number, number][] = [
    ['skip', 1, 0.5, 1],
    ['good', 1, 0.75, 2],
    ['bad', 0.5, 0.25, 2],
  ];
  it.each(cases)(
    'emptySlice %s (REFERENCE.md §1.2 Datadog: missing data = uptime)',
    (emptySlice, ts, rts, counted) => {
      const time = timeslicesSli(slices, { sliceTarget: 0.5, emptySlice });
      expect(time.sli).toBe(ts);
      expect(time.total).toBe(counted);
      const mean = ratioTimeslicesSli(slices, { emptySlice });
      expect(mean.sli).toBe(rts);
      expect(mean.total).toBe(counted);
    },
  );

  it('returns null, never 1 or NaN, when nothing was counted (REFERENCE.md §1.1, §11.2 #1)', () => {
    const empty = [{ good: 0, total: 0 }];
    expect(occurrencesSli([])).toEqual({ sli: null, good: 0, total: 0, unit: 'events' });
    expect(occurrencesSli(empty).sli).toBeNull();
    expect(timeslicesSli([], { sliceTarget: 0.9 }).sli).toBeNull();
    expect(timeslicesSli(empty, { sliceTarget: 0.9 }).sli).toBeNull();
    expect(ratioTimeslicesSli(empty)).toEqual({ sli: null, good: 0, total: 0, unit: 'slices' });
    expect(ratioTimeslicesSli(empty, { emptySlice: 'good' }).sli).toBe(1);
  });

  it('keeps float noise out of the mean of ratios', () => {
    const slices = [
      { good: 1, total: 10 },
      { good: 2, total: 10 },
    ];
    expect((0.1 + 0.2) / 2).toBe(0.15000000000000002);
    expect(ratioTimeslicesSli(slices).sli).toBe(0.15);
    expect(ratioTimeslicesSli(slices).good).toBe(0.3);
  });
});

describe('properties', () => {
  const slice = fc
    .tuple(fc.nat({ max: 1_000 }), fc.nat({ max: 1_000 }))
    .map(([a, b]): SliceCounts => ({ good: Math.min(a, b), total: Math.max(a, b) }));
  const slices = fc.array(slice, { maxLength: 60 });

  it('Occurrences is ΣG/ΣN and stays in [0, 1]', () => {
    fc.assert(
      fc.property(slices, (s) => {
        const good = s.reduce((sum, x) => sum + x.good, 0);
        const total = s.reduce((sum, x) => sum + x.total, 0);
        const result = occurrencesSli(s);
        expect(result.sli).toBe(total === 0 ? null : good / total);
        expect(result.good).toBe(good);
        expect(result.total).toBe(total);
      }),
    );
  });

  it('RatioTimeslices lies between the lowest and highest slice ratio', () => {
    fc.assert(
      fc.property(slices, (s) => {
        const ratios = s.filter((x) => x.total > 0).map((x) => x.good / x.total);
        const { sli } = ratioTimeslicesSli(s);
        if (ratios.length === 0) return sli === null;
        return sli !== null && sli >= Math.min(...ratios) && sli <= Math.max(...ratios);
      }),
    );
  });

  it('strict > never counts more good slices than >=', () => {
    fc.assert(
      fc.property(slices, fc.double({ min: 0.01, max: 1, noNaN: true }), (s, sliceTarget) => {
        const strict = timeslicesSli(s, { sliceTarget, op: 'gt' });
        const loose = timeslicesSli(s, { sliceTarget, op: 'gte' });
        return strict.good <= loose.good && strict.total === loose.total;
      }),
    );
  });

  it('computeSli dispatches to the method functions', () => {
    fc.assert(
      fc.property(slices, (s) => {
        expect(computeSli(occurrences, s)).toEqual(occurrencesSli(s));
        expect(computeSli(nobl9Timeslices, s)).toEqual(timeslicesSli(s, nobl9Timeslices));
        expect(computeSli(ratio, s)).toEqual(ratioTimeslicesSli(s, ratio));
      }),
    );
  });
});

describe('edge cases', () => {
  // [slices, message]
  const bad: [SliceCounts[], RegExp][] = [
    [[{ good: 3, total: 2 }], /slices\[0\]\.good must not exceed its total.*3 > total 2/],
    [
      [
        { good: 1, total: 1 },
        { good: -1, total: 2 },
      ],
      /slices\[1\]\.good must be a finite number >= 0, got -1/,
    ],
    [[{ good: 0, total: Number.NaN }], /slices\[0\]\.total must be a finite number >= 0, got NaN/],
    [[{ good: 0, total: Number.POSITIVE_INFINITY }], /slices\[0\]\.total .* got Infinity/],
  ];
  it.each(bad)('rejects %j under every method', (slices, message) => {
    expect(() => occurrencesSli(slices)).toThrow(message);
    expect(() => timeslicesSli(slices, { sliceTarget: 0.9 })).toThrow(message);
    expect(() => ratioTimeslicesSli(slices)).toThrow(message);
    expect(() => occurrencesSli(slices)).toThrow(RangeError);
  });

  it('rejects a bad slice rule', () => {
    expect(() => timeslicesSli([], { sliceTarget: 0 })).toThrow(
      /sliceTarget must be a number in \(0, 1\], got 0/,
    );
    expect(() => timeslicesSli([], { sliceTarget: 0.9, op: 'eq' as 'gt' })).toThrow(/got eq/);
    expect(() => ratioTimeslicesSli([], { emptySlice: 'none' as 'skip' })).toThrow(
      /emptySlice must be one of skip, good, bad, got none/,
    );
  });

  it('rejects an unknown method from untyped callers', () => {
    expect(() => computeSli({ method: 'average' } as unknown as Budgeting, [])).toThrow(
      /got average/,
    );
  });
});

describe('mean of ratios is not the ratio of sums (REFERENCE.md §11.2 #2)', () => {
  it('keeps counts and divides once: Occurrences 0.75 where the mean of slice ratios is 0.9', () => {
    // REFERENCE.md §10 #45 (Grafana time-based SLI) read as the §11.2 #2 pitfall: Sloth's
    // averaged 5m ratios behave like RatioTimeslices, not like the event ratio.
    expect(occurrencesSli(grafana).sli).toBe(0.75);
    expect(ratioTimeslicesSli(grafana).sli).toBe(0.9);
  });
});

describe('input from plain JavaScript', () => {
  it.each([
    [null, /slices must be an array of \{ good, total \}, got null/],
    [{ good: 1, total: 2 }, /slices must be an array of \{ good, total \}, got an object/],
    [[null], /slices\[0\] must be \{ good, total \}, got null/],
    [[{ good: '1', total: 2 }], /slices\[0\]\.good must be a finite number >= 0, got "1"/],
  ])('rejects slices %j with RangeError under every method', (slices, message) => {
    for (const run of [
      () => occurrencesSli(slices as never),
      () => timeslicesSli(slices as never, { sliceTarget: 0.9 }),
      () => ratioTimeslicesSli(slices as never),
      () => computeSli(occurrences, slices as never),
    ]) {
      expect(run).toThrow(RangeError);
      expect(run).toThrow(message);
    }
  });

  it.each([null, 0.95])('rejects rule %j with RangeError', (rule) => {
    expect(() => timeslicesSli([], rule as never)).toThrow(/rule must be an object/);
    expect(() => ratioTimeslicesSli([], rule as never)).toThrow(/rule must be an object/);
  });

  it.each([null, 'occurrences'])('rejects budgeting %j with RangeError', (budgeting) => {
    expect(() => computeSli(budgeting as never, [])).toThrow(
      /budgeting must be a normalised budgeting such as \{ method: 'occurrences' \}/,
    );
  });
});
