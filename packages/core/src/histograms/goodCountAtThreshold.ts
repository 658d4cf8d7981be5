import { showValue } from '../internal/validate.js';
import { checkHistogram, checkNotNaN, cumulative } from './checks.js';
import type { ExplicitBucketHistogram, GoodCount, ThresholdSemantics } from './types.js';

/**
 * Count the good observations of a latency (or size) objective from bucket counts: those at or
 * below the threshold (`le`) or strictly below it (`lt`).
 *
 * Buckets only say how many observations fell between two bounds, so the count is exact only
 * where the threshold cuts between buckets; elsewhere the answer is a range, and we return the
 * range rather than an interpolated guess (REFERENCE.md §1.7, histograms.md).
 *
 * - `le` (Prometheus `le`, OpenTelemetry buckets `(b[i−1], b[i]]`): exact when the threshold is
 *   a boundary, since every observation equal to it sits in the bucket that ends there.
 * - `lt` (GCP `DistributionCut`, `range.min ≤ x < range.max`): an observation equal to the
 *   threshold is bad. Buckets are upper-inclusive, so the bucket ending at the threshold mixes
 *   values below it (good) with values equal to it (bad): even a boundary only gives a range.
 *   A value of exactly 0.3 s is good under `le="0.3"` and bad under GCP's `[0, 0.3)`
 *   (REFERENCE.md §10 #62).
 *
 * When the straddled bucket is empty the range collapses and the result is exact. An infinite
 * threshold is exact too: all observations are below +∞, none below −∞.
 *
 * @param histogram - an explicit-bucket histogram
 * @param threshold - the threshold in the histogram's unit (seconds for
 *   `http.server.request.duration`); ±Infinity allowed
 * @param semantics - `le` (default) or `lt`
 * @returns `{ exact: true, good }`, or `{ exact: false, lower, upper }` bracketing the true count
 * @throws RangeError for a malformed histogram, a NaN threshold or unknown semantics
 * @example
 * ```ts
 * const h = { boundaries: [0.1, 0.25, 0.5], counts: [50, 30, 15, 5] };
 * goodCountAtThreshold(h, 0.25); // { exact: true, good: 80 }
 * goodCountAtThreshold(h, 0.3); // { exact: false, lower: 80, upper: 95 }
 * goodCountAtThreshold(h, 0.25, 'lt'); // { exact: false, lower: 50, upper: 80 }
 * ```
 */
export function goodCountAtThreshold(
  histogram: ExplicitBucketHistogram,
  threshold: number,
  semantics: ThresholdSemantics = 'le',
): GoodCount {
  checkHistogram(histogram);
  checkNotNaN('threshold', threshold);
  const mode: unknown = semantics;
  if (mode !== 'le' && mode !== 'lt') {
    throw new RangeError(`semantics must be 'le' or 'lt', got ${showValue(mode)}`);
  }
  const { cumulative: sums, total } = cumulative(histogram);
  if (threshold === Number.POSITIVE_INFINITY) return { exact: true, good: total };
  if (threshold === Number.NEGATIVE_INFINITY) return { exact: true, good: 0 };

  const { boundaries } = histogram;
  // The bucket the threshold falls in: the first whose upper bound is >= threshold.
  let bucket = boundaries.findIndex((bound) => bound >= threshold);
  if (bucket === -1) bucket = boundaries.length;
  const below = bucket === 0 ? 0 : (sums[bucket - 1] ?? 0);
  const upTo = bucket < boundaries.length ? (sums[bucket] ?? 0) : total;

  if (boundaries[bucket] === threshold && semantics === 'le') return { exact: true, good: upTo };
  if (below === upTo) return { exact: true, good: below };
  return { exact: false, lower: below, upper: upTo };
}
