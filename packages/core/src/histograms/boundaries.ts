import { describeValue } from '../internal/validate.js';
import type { ExplicitBucketHistogram } from './types.js';

/**
 * The bucket boundaries, in seconds, that OpenTelemetry semantic conventions advise for
 * `http.server.request.duration` (REFERENCE.md §5.2; identical in instrumentation-http).
 *
 * A latency objective counts exactly only when its threshold is one of these (or of whatever
 * boundaries the histogram really has); 0.3 s, for example, is not, so pick 0.25 or 0.5, or
 * configure the boundaries.
 *
 * @example
 * ```ts
 * isBucketBoundary(HTTP_SERVER_DURATION_BOUNDARIES, 0.25); // true
 * isBucketBoundary(HTTP_SERVER_DURATION_BOUNDARIES, 0.3); // false
 * ```
 */
export const HTTP_SERVER_DURATION_BOUNDARIES = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
] as const);

/**
 * Whether a threshold is exactly one of a histogram's bucket boundaries, so that the number of
 * observations at or below it can be counted exactly instead of interpolated (REFERENCE.md
 * §1.7; histograms.md: "the threshold must be a bucket bound for an exact count").
 *
 * The comparison is numeric and exact: Prometheus 3 writing `le="1.0"` where older versions
 * wrote `le="1"` makes no difference here, but 0.30000000000000004 is not 0.3. Infinite
 * thresholds are never boundaries (the +Inf bucket is implicit).
 *
 * @param histogram - a histogram, or just its boundaries
 * @param threshold - the latency (or size) threshold, in the histogram's unit
 * @returns `true` when `threshold` is one of the finite boundaries
 * @throws RangeError when the boundaries are not an array
 * @example
 * ```ts
 * isBucketBoundary({ boundaries: [0.1, 0.25, 0.5], counts: [0, 0, 0, 0] }, 0.25); // true
 * isBucketBoundary([0.1, 0.25, 0.5], 0.3); // false
 * ```
 */
export function isBucketBoundary(
  histogram: ExplicitBucketHistogram | readonly number[],
  threshold: number,
): boolean {
  const boundaries: unknown = Array.isArray(histogram)
    ? histogram
    : (histogram as ExplicitBucketHistogram | null)?.boundaries;
  if (!Array.isArray(boundaries)) {
    throw new RangeError(
      `isBucketBoundary needs a histogram or an array of boundaries, got ${describeValue(histogram)}`,
    );
  }
  return Number.isFinite(threshold) && (boundaries as unknown[]).includes(threshold);
}
