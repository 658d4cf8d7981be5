import { exactAdd, exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { checkHistogram, checkNotNaN, cumulative } from './checks.js';
import type { ExplicitBucketHistogram } from './types.js';

/**
 * Estimate the φ-quantile of a histogram exactly the way Prometheus' `histogram_quantile` does
 * for classic buckets, so in-process numbers match the dashboards.
 *
 * The rules of prometheus/prometheus `docs/querying/functions.md` and `promql/quantile.go`
 * (REFERENCE.md §1.7):
 * - linear interpolation inside the bucket holding rank `φ·N`;
 * - a quantile in the top (+Inf) bucket returns the highest finite boundary;
 * - the lowest bucket is taken to start at 0 when its bound is > 0; when its bound is <= 0,
 *   that bound is returned;
 * - φ < 0 gives −Infinity and φ > 1 gives +Infinity, as in Prometheus.
 *
 * Where Prometheus returns NaN for "no answer" (fewer than two buckets, i.e. no finite
 * boundary, or zero observations) this returns `null`, so no NaN reaches an aggregate. One more
 * case differs: Prometheus computes 0/0 = NaN for φ = 0 when the lowest bucket is empty; this
 * returns the bucket's lower edge. The interpolation is exact on the decimals the inputs print
 * as: 100 observations in (0.1, 0.2] give a median of 0.15, where Prometheus' float arithmetic
 * prints 0.15000000000000002.
 *
 * Interpolation can be far off: those same observations, all near 220 ms, give 295 ms; shifted
 * 100 ms into (0.3, 0.45] they give 442.5 ms though the true value is ≈ 320 ms (§10 #59). To
 * decide whether a latency objective is met, count observations at a boundary with
 * {@link goodCountAtThreshold} instead.
 *
 * @param q - the quantile φ, normally in [0, 1]
 * @param histogram - an explicit-bucket histogram
 * @returns the estimate; `-Infinity`/`Infinity` for φ < 0 / φ > 1; `null` without finite
 *   boundaries or without observations
 * @throws RangeError for a NaN `q` or a malformed histogram
 * @example
 * ```ts
 * histogramQuantile(0.95, { boundaries: [0.1, 0.2, 0.3, 0.45], counts: [0, 0, 100, 0, 0] }); // 0.295
 * ```
 */
export function histogramQuantile(q: number, histogram: ExplicitBucketHistogram): number | null {
  checkHistogram(histogram);
  checkNotNaN('q', q);
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const { boundaries } = histogram;
  const { cumulative: sums, total } = cumulative(histogram);
  if (boundaries.length === 0 || total === 0) return null;

  const rank = exactMultiply(q, total);
  const bucket = sums.findIndex((sum) => sum >= rank);
  const highest = boundaries[boundaries.length - 1] ?? 0;
  if (bucket === -1) return highest; // the quantile is in the +Inf bucket
  const end = boundaries[bucket] ?? 0;
  if (bucket === 0 && end <= 0) return end;

  const start = bucket === 0 ? 0 : (boundaries[bucket - 1] ?? 0);
  const before = bucket === 0 ? 0 : (sums[bucket - 1] ?? 0);
  const count = exactSubtract(sums[bucket] ?? 0, before);
  const into = exactSubtract(rank, before);
  if (count === 0 || into === 0) return start;
  const value = exactAdd(start, exactMultiply(exactSubtract(end, start), exactDivide(into, count)));
  // Each exact step rounds once; the estimate cannot leave its bucket.
  return Math.min(end, Math.max(start, value));
}
