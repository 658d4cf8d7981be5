import { exactAdd, exactDivide, exactMultiply } from '../decimal.js';
import { checkPositive } from '../internal/validate.js';
import { checkHistogram, cumulative } from './checks.js';
import type { ExplicitBucketHistogram } from './types.js';

/**
 * The Apdex score from histogram buckets: `(satisfied + tolerating/2) / N`, satisfied being
 * observations `<= T` and tolerating those in `(T, 4T]`.
 *
 * With cumulative buckets this is `(bucket{le=T} + bucket{le=4T}) / 2 / N` (histograms.md;
 * equivalence computed, REFERENCE.md §1.7, §10 #61). Both `T` and `4T` must be bucket
 * boundaries, otherwise the counts would be guesses (multiplying by 4 is exact in binary, so
 * `4 × 0.25` finds the boundary 1).
 *
 * @param histogram - an explicit-bucket histogram
 * @param thresholdSeconds - the Apdex threshold T in the histogram's unit (seconds for
 *   `http.server.request.duration`), finite and > 0
 * @returns the score in [0, 1], or `null` when there are no observations
 * @throws RangeError for a malformed histogram, a threshold that is not a finite number > 0, or
 *   when `T` or `4T` is not a bucket boundary
 * @example
 * ```ts
 * // 80 observations <= 0.1 s, 95 <= 0.4 s, 100 in all
 * apdex({ boundaries: [0.1, 0.4], counts: [80, 15, 5] }, 0.1); // 0.875
 * ```
 */
export function apdex(histogram: ExplicitBucketHistogram, thresholdSeconds: number): number | null {
  checkHistogram(histogram);
  checkPositive('thresholdSeconds', thresholdSeconds);
  const tolerated = 4 * thresholdSeconds;
  const { boundaries } = histogram;
  const satisfiedIndex = boundaries.indexOf(thresholdSeconds);
  const toleratedIndex = boundaries.indexOf(tolerated);
  if (satisfiedIndex === -1 || toleratedIndex === -1) {
    const missing = satisfiedIndex === -1 ? `T = ${thresholdSeconds}` : `4T = ${tolerated}`;
    throw new RangeError(
      `apdex needs T and 4T as bucket boundaries for exact counts; ${missing} is not one of [${boundaries.join(', ')}]`,
    );
  }
  const { cumulative: sums, total } = cumulative(histogram);
  if (total === 0) return null;
  const satisfied = sums[satisfiedIndex] ?? 0;
  const upToTolerated = sums[toleratedIndex] ?? 0;
  return exactDivide(exactAdd(satisfied, upToTolerated), exactMultiply(2, total));
}
