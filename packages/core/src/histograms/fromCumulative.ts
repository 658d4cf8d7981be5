import { exactSubtract } from '../decimal.js';
import { checkNonNegative, describeValue, isRecord, showValue } from '../internal/validate.js';
import { checkHistogram, cumulative } from './checks.js';
import type { CumulativeBucket, ExplicitBucketHistogram } from './types.js';

/** Relative tolerance below which a decrease between cumulative buckets is float noise. */
const PRECISION_TOLERANCE = 1e-12;

/**
 * Turn Prometheus cumulative `le` buckets into the per-bucket OpenTelemetry form.
 *
 * Buckets may come in any order (series are unordered); the `+Inf` bucket is required, as
 * `histogram_quantile` requires it. A cumulative count that decreases is refused rather than
 * patched as Prometheus does (`ensureMonotonic`), except for relative differences up to 1e-12,
 * which Prometheus also treats as float noise from summed rates (`correctPrecisionErrors`) and
 * which become empty buckets here.
 *
 * @param le - the `_bucket` samples: `{ le, count }` with `le` a number (`Infinity` for `+Inf`)
 * @returns the histogram with per-bucket counts
 * @throws RangeError for no buckets, a bucket that is not `{ le, count }`, a missing `+Inf`
 *   bucket, a repeated or NaN or `-Infinity` `le`, a negative or non-finite count, or cumulative
 *   counts that decrease
 * @example
 * ```ts
 * fromCumulative([
 *   { le: 0.1, count: 80 },
 *   { le: 0.4, count: 95 },
 *   { le: Infinity, count: 100 },
 * ]); // { boundaries: [0.1, 0.4], counts: [80, 15, 5] }
 * ```
 */
export function fromCumulative(le: readonly CumulativeBucket[]): ExplicitBucketHistogram {
  const raw: unknown = le;
  if (!Array.isArray(raw) || raw.length === 0) {
    const got = Array.isArray(raw) ? 'an empty array' : describeValue(raw);
    throw new RangeError(
      `fromCumulative needs at least the le="+Inf" bucket, in an array of { le, count }, got ${got}`,
    );
  }
  le.forEach((bucket, index) => {
    if (!isRecord(bucket)) {
      throw new RangeError(`le[${index}] must be { le, count }, got ${describeValue(bucket)}`);
    }
    const { le: bound, count } = bucket;
    if (typeof bound !== 'number' || Number.isNaN(bound) || bound === Number.NEGATIVE_INFINITY) {
      throw new RangeError(
        `le[${index}].le must be a number or Infinity for +Inf, got ${showValue(bound)}`,
      );
    }
    checkNonNegative(`le[${index}].count`, count);
  });
  const sorted = [...le].sort((a, b) => a.le - b.le);
  const last = sorted[sorted.length - 1];
  if (last?.le !== Number.POSITIVE_INFINITY) {
    throw new RangeError(
      `the highest bucket must be le="+Inf" (Infinity), got ${String(last?.le)}; without it the total is unknown`,
    );
  }
  const boundaries: number[] = [];
  const counts: number[] = [];
  let previous = 0;
  let previousLe = Number.NEGATIVE_INFINITY;
  for (const { le: bound, count } of sorted) {
    if (bound === previousLe) {
      throw new RangeError(`le ${String(bound)} appears more than once; merge its counts first`);
    }
    let current = count;
    if (current < previous) {
      if ((previous - current) / previous > PRECISION_TOLERANCE) {
        throw new RangeError(
          `cumulative counts must not decrease, got ${current} at le ${String(bound)} after ${previous} at le ${String(previousLe)}`,
        );
      }
      current = previous;
    }
    counts.push(exactSubtract(current, previous));
    if (bound !== Number.POSITIVE_INFINITY) boundaries.push(bound);
    previous = current;
    previousLe = bound;
  }
  return { boundaries, counts };
}

/**
 * Turn a per-bucket histogram into Prometheus cumulative `le` buckets, `+Inf` last.
 *
 * @param histogram - an explicit-bucket histogram
 * @returns one `{ le, count }` per boundary plus `{ le: Infinity, count: total }`
 * @throws RangeError for a malformed histogram
 * @example
 * ```ts
 * toCumulative({ boundaries: [0.1, 0.4], counts: [80, 15, 5] });
 * // [{ le: 0.1, count: 80 }, { le: 0.4, count: 95 }, { le: Infinity, count: 100 }]
 * ```
 */
export function toCumulative(histogram: ExplicitBucketHistogram): CumulativeBucket[] {
  checkHistogram(histogram);
  const { cumulative: sums, total } = cumulative(histogram);
  return [
    ...histogram.boundaries.map((bound, i) => ({ le: bound, count: sums[i] ?? 0 })),
    { le: Number.POSITIVE_INFINITY, count: total },
  ];
}
