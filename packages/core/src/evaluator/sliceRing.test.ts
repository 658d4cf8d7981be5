import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Runs } from './runs.js';
import {
  RATIO_EMPTY,
  RATIO_UNOBSERVED,
  SliceRing,
  VERDICT_BAD,
  VERDICT_EMPTY,
  VERDICT_GOOD,
  VERDICT_UNOBSERVED,
} from './sliceRing.js';

const rule = { sliceTarget: 0.9, op: 'gte' } as const;

describe('SliceRing', () => {
  test('closing slices: verdict of the counts, observed empty slices, unobserved gaps', () => {
    const runs = new Runs(0);
    const ring = new SliceRing(1_000, 10, rule, 0);
    ring.add(9, 10); // slice 0: 0.9 >= 0.9, good
    ring.advanceTo(1_500, runs, 1_500);
    ring.add(8, 10); // slice 1: bad
    ring.advanceTo(3_200, runs, 3_200); // slice 2: empty (observed)
    expect([0, 1, 2].map((s) => ring.codeAt(s))).toEqual([
      VERDICT_GOOD,
      VERDICT_BAD,
      VERDICT_EMPTY,
    ]);
    expect(ring.current).toBe(3);
    ring.setLowerBound(0);
    expect(ring.sums('skip')).toEqual({ sli: 0.5, good: 1, counted: 2, empty: 1 });
    expect(ring.sums('good')).toEqual({ sli: 2 / 3, good: 2, counted: 3, empty: 1 });
    expect(ring.sums('bad')).toEqual({ sli: 1 / 3, good: 1, counted: 3, empty: 1 });
  });

  test('slices in a gap between runs (downtime) are unobserved, never counted', () => {
    const runs = new Runs(5_000, [[0, 1_000]]);
    const ring = new SliceRing(1_000, 10, rule, 0);
    ring.advanceTo(6_000, runs, 6_000);
    expect([0, 1, 2, 3, 4, 5].map((s) => ring.codeAt(s))).toEqual([
      VERDICT_EMPTY,
      VERDICT_EMPTY, // slice 1 starts at the run's end instant
      VERDICT_UNOBSERVED,
      VERDICT_UNOBSERVED,
      VERDICT_UNOBSERVED,
      VERDICT_EMPTY,
    ]);
  });

  test('ratios are kept to 9 decimal places, so 0.999 and 1 average to exactly 0.9995', () => {
    const runs = new Runs(0);
    const ring = new SliceRing(1_000, 10, null, 0);
    ring.add(999, 1_000);
    ring.advanceTo(1_000, runs, 1_000);
    ring.add(5, 5);
    ring.advanceTo(3_000, runs, 3_000);
    ring.setLowerBound(0);
    expect(ring.codeAt(2)).toBe(RATIO_EMPTY);
    expect(ring.codeAt(9)).toBe(RATIO_UNOBSERVED);
    expect(ring.sums('skip')).toEqual({ sli: 0.9995, good: 1.999, counted: 2, empty: 1 });
    expect(ring.sums('bad').sli).toBe(0.6663333333333333); // 1.999 / 3
  });

  test('no closed slice: sli is null (no data), not 1 and not NaN', () => {
    const ring = new SliceRing(1_000, 10, rule, 0);
    expect(ring.sums('good')).toEqual({ sli: null, good: 0, counted: 0, empty: 0 });
  });

  test('property: running sums always equal a recount over the same range', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 2, max: 12 }),
        fc.array(
          fc.record({
            dt: fc.integer({ min: 0, max: 4_000 }),
            good: fc.nat(10),
            bad: fc.nat(3),
            back: fc.integer({ min: 0, max: 14 }),
          }),
          { maxLength: 120 },
        ),
        (ratio, size, steps) => {
          const runs = new Runs(0);
          const ring = new SliceRing(1_000, size, ratio ? null : rule, 0);
          const twin = new SliceRing(1_000, size, ratio ? null : rule, 0);
          let t = 0;
          for (const step of steps) {
            t += step.dt;
            ring.advanceTo(t, runs, t);
            ring.add(step.good, step.good + step.bad);
            twin.advanceTo(t, runs, t);
            twin.add(step.good, step.good + step.bad);
            const lo = ring.current - step.back;
            ring.setLowerBound(lo);
            twin.recount(lo);
            expect([ring.lo, ring.sumCounted, ring.sumGood, ring.sumEmpty]).toEqual([
              twin.lo,
              twin.sumCounted,
              twin.sumGood,
              twin.sumEmpty,
            ]);
          }
        },
      ),
    );
  });
});
