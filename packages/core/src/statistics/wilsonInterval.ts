import { checkCounts, zFromOptions } from './checks.js';

/** How wide the interval is: a z-score, or a confidence level. Give at most one. */
export interface WilsonOptions {
  /** The z-score, finite and > 0. Default 1.96 (the conventional 95%). */
  readonly z?: number;
  /** A confidence level in (0, 1), e.g. 0.9, 0.95, 0.99; turned into z exactly. */
  readonly confidence?: number;
}

/** A Wilson score interval for a proportion, clamped to [0, 1]. */
export interface WilsonInterval {
  /** Lower bound, in [0, 1]. */
  readonly lower: number;
  /** Upper bound, in [lower, 1]. */
  readonly upper: number;
  /** The interval's centre: a weighted mean of the observed ratio and 0.5, in [0, 1]. */
  readonly center: number;
}

/**
 * The Wilson score interval for a success ratio: where the true SLI plausibly lies given
 * `good` of `total` events.
 *
 * Unlike the textbook (Wald) interval it behaves at small `total` and at ratios of 0 or 1, which
 * is exactly where low-traffic SLOs live: 10 of 10 good still leaves the true SLI anywhere from
 * 72% up (REFERENCE.md §1.6). `center = (p̂ + z²/2N)/(1 + z²/N)` and
 * `half = z·√(p̂(1 − p̂)/N + z²/4N²)/(1 + z²/N)`. The bounds are clamped to [0, 1] only to drop
 * float noise (0 of 10 computes a lower bound of −2.8e−17, §10 #60); mathematically they never
 * leave it. With `total = 0` the interval is the limit [0, 1] around 0.5: no data says nothing.
 *
 * @param good - good events, finite and >= 0 (fractional counts, e.g. from rates, are accepted)
 * @param total - valid events, finite and >= `good`
 * @param options - `z` (default 1.96) or `confidence` (e.g. 0.99), not both
 * @returns `{ lower, upper, center }`, with `lower <= good/total <= upper`
 * @throws RangeError for negative or non-finite counts, `good > total`, a `z` that is not > 0,
 *   a `confidence` outside (0, 1), or both `z` and `confidence`
 * @example
 * ```ts
 * wilsonInterval(9, 10); // { lower: 0.5958…, upper: 0.9821…, center: 0.7890… }
 * wilsonInterval(999, 1000, { confidence: 0.99 }).lower; // 0.9915…
 * ```
 */
export function wilsonInterval(
  good: number,
  total: number,
  options: WilsonOptions = {},
): WilsonInterval {
  checkCounts(good, total);
  const z = zFromOptions(options);
  if (total === 0) return { lower: 0, upper: 1, center: 0.5 };
  const p = good / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return {
    lower: Math.min(p, Math.max(0, center - half)),
    upper: Math.max(p, Math.min(1, center + half)),
    center,
  };
}
