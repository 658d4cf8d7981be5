/**
 * A distribution-free confidence interval for a median: with n samples, the interval between
 * the k-th smallest and k-th largest covers the true median with probability
 * 1 − 2·P(Binomial(n, ½) < k), whatever the distribution (order statistics). Machine noise here
 * is neither normal nor symmetric, so no mean ± standard deviation.
 */

/** An interval of sample values and its exact coverage. */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  /** Probability that the interval covers the true median. */
  readonly coverage: number;
}

function binomialHalfCdfBelow(n: number, k: number): number {
  // P(B < k) for B ~ Binomial(n, 1/2).
  let sum = 0;
  let c = 1; // C(n, 0)
  for (let i = 0; i < k; i++) {
    sum += c;
    c = (c * (n - i)) / (i + 1);
  }
  return sum / 2 ** n;
}

/**
 * The narrowest order-statistic interval of the median with coverage at least `level` (or the
 * full range when even that falls short, with its true coverage).
 *
 * @param values - samples (at least one)
 * @param level - wanted coverage, e.g. 0.8
 * @returns the interval
 * @throws RangeError for no samples or a level outside (0, 1)
 */
export function medianInterval(values: readonly number[], level = 0.8): MedianInterval {
  if (values.length === 0)
    throw new RangeError('medianInterval needs at least one value, got none');
  if (!(level > 0 && level < 1))
    throw new RangeError(`level must be in (0, 1), got ${String(level)}`);
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 1;
  while (k + 1 <= Math.ceil(n / 2) && 1 - 2 * binomialHalfCdfBelow(n, k + 1) >= level) k++;
  return {
    low: sorted[k - 1] ?? Number.NaN,
    high: sorted[n - k] ?? Number.NaN,
    coverage: 1 - 2 * binomialHalfCdfBelow(n, k),
  };
}
