import { describe, expectTypeOf, it } from 'vitest';
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
import type { CompositeTimeslicesResult, GroupedUptime } from './index.js';

describe('composition types', () => {
  it('returns plain numbers, nullable only where there may be no data', () => {
    expectTypeOf(normalizeWeights([1, 2])).toEqualTypeOf<number[]>();
    expectTypeOf(weightedReliability([{ reliability: 0.9 }])).toEqualTypeOf<number>();
    expectTypeOf(compositeOccurrences([{ good: 1, total: 1 }])).toEqualTypeOf<number | null>();
    expectTypeOf(compositeRatioTimeslices([{ ratio: 1 }])).toEqualTypeOf<number>();
    expectTypeOf(compositeTimeslices([[true]])).toEqualTypeOf<CompositeTimeslicesResult>();
    expectTypeOf(groupedUptime(1, [[]])).toEqualTypeOf<GroupedUptime>();
    expectTypeOf(kOfNAvailability).parameters.toEqualTypeOf<[number, readonly number[]]>();
    expectTypeOf(serialAvailability).toEqualTypeOf<(availabilities: readonly number[]) => number>();
    expectTypeOf(parallelAvailability).toEqualTypeOf<
      (availabilities: readonly number[]) => number
    >();
  });

  it('makes weights optional and reliability required', () => {
    expectTypeOf(weightedReliability).toBeCallableWith([
      { reliability: 0.9 },
      { reliability: 0.8, weight: 2 },
    ]);
    // @ts-expect-error: reliability is required
    weightedReliability([{ weight: 2 }]);
    // @ts-expect-error: a ratio component has no reliability
    compositeRatioTimeslices([{ reliability: 0.9 }]);
  });

  it('accepts readonly inputs', () => {
    const slices: readonly (readonly boolean[])[] = [[true]];
    expectTypeOf(compositeTimeslices).toBeCallableWith(slices);
  });
});
