import { describe, expectTypeOf, it } from 'vitest';
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
import type { CumulativeBucket, ExplicitBucketHistogram, GoodCount } from './index.js';

declare const h: ExplicitBucketHistogram;

describe('histogram types', () => {
  it('narrows the good count on `exact`', () => {
    const result = goodCountAtThreshold(h, 0.25);
    expectTypeOf(result).toEqualTypeOf<GoodCount>();
    if (result.exact) expectTypeOf(result.good).toEqualTypeOf<number>();
    else
      expectTypeOf(result).toEqualTypeOf<{
        readonly exact: false;
        readonly lower: number;
        readonly upper: number;
      }>();
    // @ts-expect-error: `good` exists only on exact results
    expectTypeOf(result.good).toBeNumber();
  });

  it('returns null instead of NaN where Prometheus has no answer', () => {
    expectTypeOf(histogramQuantile(0.5, h)).toEqualTypeOf<number | null>();
    expectTypeOf(histogramFraction(0, 1, h)).toEqualTypeOf<number | null>();
    expectTypeOf(apdex(h, 0.1)).toEqualTypeOf<number | null>();
    expectTypeOf(fromCumulative([])).toEqualTypeOf<ExplicitBucketHistogram>();
    expectTypeOf(toCumulative(h)).toEqualTypeOf<CumulativeBucket[]>();
    expectTypeOf<CumulativeBucket>().toEqualTypeOf<{
      readonly le: number;
      readonly count: number;
    }>();
  });

  it('keeps the semconv boundaries as a readonly literal tuple', () => {
    expectTypeOf(HTTP_SERVER_DURATION_BOUNDARIES[0]).toEqualTypeOf<0.005>();
    expectTypeOf(HTTP_SERVER_DURATION_BOUNDARIES).toExtend<readonly number[]>();
    // @ts-expect-error: the constant is a readonly tuple
    HTTP_SERVER_DURATION_BOUNDARIES[0] = 0.001;
    expectTypeOf(isBucketBoundary).toBeCallableWith(HTTP_SERVER_DURATION_BOUNDARIES, 0.25);
    expectTypeOf(isBucketBoundary).toBeCallableWith(h, 0.25);
  });

  it('takes only le or lt semantics', () => {
    // @ts-expect-error: 'lte' is not a semantics
    goodCountAtThreshold(h, 0.25, 'lte');
  });
});
