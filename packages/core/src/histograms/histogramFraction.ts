import { exactAdd, exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { checkHistogram, checkNotNaN, cumulative } from './checks.js';
import type { ExplicitBucketHistogram } from './types.js';

/**
 * The estimated number of observations at or below `value`, with the same assumptions as
 * {@link histogramQuantile}: linear inside a bucket, the lowest bucket starting at 0 when its
 * bound is > 0 (otherwise its observations sit at its bound), and the +Inf bucket's observations
 * beyond every finite value.
 */
function estimatedAtOrBelow(
  value: number,
  boundaries: readonly number[],
  counts: readonly number[],
  sums: readonly number[],
  total: number,
): number {
  if (value === Number.POSITIVE_INFINITY) return total;
  if (value === Number.NEGATIVE_INFINITY || boundaries.length === 0) return 0;
  const bucket = boundaries.findIndex((bound) => bound >= value);
  if (bucket === -1) return sums[sums.length - 1] ?? 0;
  const end = boundaries[bucket] ?? 0;
  const count = counts[bucket] ?? 0;
  if (bucket === 0) {
    if (end <= 0) return value >= end ? count : 0;
    if (value <= 0) return 0;
    return exactMultiply(count, exactDivide(value, end));
  }
  const start = boundaries[bucket - 1] ?? 0;
  const before = sums[bucket - 1] ?? 0;
  const share = exactDivide(exactSubtract(value, start), exactSubtract(end, start));
  return exactAdd(before, exactMultiply(count, share));
}

/**
 * Estimate the fraction of observations between `lower` and `upper`, the inverse of
 * {@link histogramQuantile}, as Prometheus' `histogram_fraction` does.
 *
 * Uses the same linear interpolation and bucket assumptions as {@link histogramQuantile}
 * (REFERENCE.md §1.7); the error is large when the bounds are far from bucket edges, and zero
 * when both are boundaries (or infinite). Observations in the +Inf bucket count only towards an
 * `upper` of `Infinity`. As in Prometheus, `lower >= upper` gives 0 and zero observations give
 * no answer, here `null` instead of NaN.
 *
 * @param lower - lower bound (exclusive at a bucket edge); `-Infinity` for "everything below"
 * @param upper - upper bound (inclusive at a bucket edge); `Infinity` for "everything above"
 * @param histogram - an explicit-bucket histogram
 * @returns the fraction in [0, 1], or `null` when the histogram has no observations
 * @throws RangeError for a NaN bound or a malformed histogram
 * @example
 * ```ts
 * const h = { boundaries: [0.1, 0.25, 0.5], counts: [50, 30, 15, 5] };
 * histogramFraction(-Infinity, 0.25, h); // 0.8 (exact: 0.25 is a boundary)
 * histogramFraction(0.25, 0.375, h); // 0.075 (interpolated: half of the (0.25, 0.5] bucket)
 * ```
 */
export function histogramFraction(
  lower: number,
  upper: number,
  histogram: ExplicitBucketHistogram,
): number | null {
  checkHistogram(histogram);
  checkNotNaN('lower', lower);
  checkNotNaN('upper', upper);
  const { boundaries, counts } = histogram;
  const { cumulative: sums, total } = cumulative(histogram);
  if (total === 0) return null;
  if (lower >= upper) return 0;
  const below = estimatedAtOrBelow(lower, boundaries, counts, sums, total);
  const upTo = estimatedAtOrBelow(upper, boundaries, counts, sums, total);
  const fraction = exactDivide(exactSubtract(upTo, below), total);
  return Math.min(1, Math.max(0, fraction));
}
