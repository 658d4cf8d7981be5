/**
 * A histogram in OpenTelemetry explicit-bucket form: `counts[i]` observations fell in bucket
 * `(boundaries[i − 1], boundaries[i]]`, the first bucket is `(−∞, boundaries[0]]` and the last,
 * `counts[boundaries.length]`, is `(boundaries[last], +∞)`. So `counts.length` is always
 * `boundaries.length + 1`, and counts are per bucket, not cumulative (REFERENCE.md §1.7).
 */
export interface ExplicitBucketHistogram {
  /** Finite bucket upper bounds, strictly increasing (upper-inclusive, Prometheus `le`). */
  readonly boundaries: readonly number[];
  /** Observations per bucket, each finite and `>= 0`; one more entry than `boundaries`. */
  readonly counts: readonly number[];
}

/** One Prometheus `_bucket` sample: observations `<= le`, cumulative. `le` may be `Infinity`. */
export interface CumulativeBucket {
  /** The bucket's inclusive upper bound; `Infinity` for `le="+Inf"`. */
  readonly le: number;
  /** Observations at or below `le` (cumulative). */
  readonly count: number;
}

/**
 * How many observations were good at a threshold: exact when the buckets allow it, otherwise
 * the range the true count must lie in.
 */
export type GoodCount =
  | { readonly exact: true; readonly good: number }
  | { readonly exact: false; readonly lower: number; readonly upper: number };

/**
 * Whether an observation equal to the threshold is good: `le` (Prometheus `le`, OTel buckets:
 * `value <= threshold`) or `lt` (GCP `DistributionCut` half-open range: `value < threshold`).
 */
export type ThresholdSemantics = 'le' | 'lt';
