import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeSli, type SliceCounts } from '../budgeting/index.js';
import { defineObjective } from '../objectives/index.js';
import type { BudgetingInput } from '../objectives/types.js';
import type { SloWindow } from '../windows/types.js';
import { createEvaluator } from './createEvaluator.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 0, 1);

function objective(budgeting: BudgetingInput, window: string | SloWindow = '1h') {
  return defineObjective({
    id: 'api',
    targetPercent: 99,
    window,
    budgeting,
    sli: { kind: 'events' },
    alerting: false,
  });
}

/** Feed one slice's counts in the middle of each 1-minute slice; evaluate when the last closes. */
function feed(o: ReturnType<typeof objective>, slices: readonly SliceCounts[], slice = MINUTE) {
  const evaluator = createEvaluator({ objectives: [o], clock: () => T0 });
  const handle = evaluator.handle('api');
  slices.forEach((counts, i) => {
    handle.add(counts.good, counts.total);
    evaluator.tick(T0 + i * slice + slice / 2);
  });
  return evaluator.evaluate(T0 + slices.length * slice).objectives[0]!;
}

const sliceCounts = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ good: 0, total: 0 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(1_000), fc.nat(30))
      .map(([good, bad]) => ({ good, total: good + bad })),
  },
);

describe('slice budgeting methods match computeSli on the same data (REFERENCE.md §1.2)', () => {
  test('property: Timeslices over a rolling 1h period = computeSli of the last 60 closed slices', () => {
    fc.assert(
      fc.property(
        fc.array(sliceCounts, { minLength: 1, maxLength: 150 }),
        fc.constantFrom(0.9, 0.95, 0.99, 1),
        fc.constantFrom('gte', 'gt', 'lte', 'lt'),
        fc.constantFrom('good', 'bad', 'skip'),
        (slices, sliceTarget, op, emptySlice) => {
          const budgeting = {
            method: 'timeslices',
            slice: '1m',
            sliceTarget,
            op,
            emptySlice,
          } as const;
          const o = objective(budgeting);
          const status = feed(o, slices);
          const expected = computeSli(o.budgeting, slices.slice(-60));
          expect(status.sli).toBe(expected.sli);
          expect(status.slices).toMatchObject({ good: expected.good, counted: expected.total });
        },
      ),
      { numRuns: 150 },
    );
  });

  test('property: RatioTimeslices = computeSli within the 1e-9 the slice ratios are kept to', () => {
    fc.assert(
      fc.property(
        fc.array(sliceCounts, { minLength: 1, maxLength: 150 }),
        fc.constantFrom('good', 'bad', 'skip'),
        (slices, emptySlice) => {
          const o = objective({ method: 'ratio-timeslices', slice: '1m', emptySlice });
          const status = feed(o, slices);
          const expected = computeSli(o.budgeting, slices.slice(-60));
          if (expected.sli === null) {
            expect(status.sli).toBeNull();
          } else {
            expect(Math.abs(status.sli! - expected.sli)).toBeLessThanOrEqual(1e-9);
          }
          expect(status.slices?.counted).toBe(expected.total);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('Timeslices budget counts slices: 58 good of 60 at 99% spends 3.33× the budget', () => {
    const slices = Array.from({ length: 60 }, (_, i) => ({ good: i < 2 ? 50 : 100, total: 100 }));
    const status = feed(
      objective({ method: 'timeslices', slice: '1m', sliceTarget: 0.99 }),
      slices,
    );
    expect(status.sli).toBe(58 / 60);
    expect(status.budget).toMatchObject({ allowedBad: 0.6, unit: 'slices' });
    expect(status.budget?.consumed).toBeCloseTo(10 / 3, 12);
    // The events themselves are still counted.
    expect([status.good, status.total]).toEqual([5_900, 6_000]);
  });

  test('a calendar day of 1-hour slices starts over at midnight', () => {
    const day: SloWindow = { kind: 'calendar', unit: 'day', count: 1, timeZone: 'UTC' };
    const o = objective(
      { method: 'timeslices', slice: '1h', sliceTarget: 0.99, emptySlice: 'skip' },
      day,
    );
    const slices = Array.from({ length: 26 }, (_, i) =>
      i < 24 ? { good: 0, total: 10 } : { good: 10, total: 10 },
    );
    const status = feed(o, slices, HOUR);
    expect(status.period.start).toBe(T0 + 24 * HOUR);
    expect(status.slices).toEqual({ slice: HOUR, good: 2, counted: 2, empty: 0 });
    expect(status.sli).toBe(1);
  });

  test('no closed slice yet: no data', () => {
    const o = objective({ method: 'timeslices', slice: '1m', sliceTarget: 0.99 });
    const evaluator = createEvaluator({ objectives: [o], clock: () => T0 });
    evaluator.handle('api').good(5);
    const status = evaluator.evaluate(T0 + 30_000).objectives[0]!;
    expect(status).toMatchObject({ status: 'no-data', sli: null, budget: null, good: 5, total: 5 });
  });
});
