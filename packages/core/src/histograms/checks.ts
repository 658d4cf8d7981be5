/**
 * Argument checks shared by the histogram helpers. Internal: not re-exported from the barrel.
 *
 * Histogram helpers are plain math, so malformed input raises a `RangeError` that names the
 * offending value; nothing returns NaN.
 *
 * @internal
 */
import { exactAdd } from '../decimal.js';
import {
  checkNonNegative,
  describeValue,
  isFiniteNumber,
  showValue,
} from '../internal/validate.js';
import type { ExplicitBucketHistogram } from './types.js';

/**
 * Throw unless `histogram` is a well-formed explicit-bucket histogram.
 *
 * @param histogram - the value to check
 * @throws RangeError naming the first problem: not `{ boundaries, counts }`, a count list of the
 *   wrong length, a boundary that is not finite or not increasing, or a bad count
 * @example
 * ```ts
 * checkHistogram({ boundaries: [0.1], counts: [1, 2] }); // passes
 * checkHistogram({ boundaries: [0.1], counts: [1] }); // throws RangeError
 * ```
 */
export function checkHistogram(histogram: ExplicitBucketHistogram): void {
  const boundaries: unknown = (histogram as Partial<ExplicitBucketHistogram> | null)?.boundaries;
  const counts: unknown = (histogram as Partial<ExplicitBucketHistogram> | null)?.counts;
  if (!Array.isArray(boundaries) || !Array.isArray(counts)) {
    throw new RangeError(
      `histogram must be { boundaries: number[], counts: number[] } (OpenTelemetry explicit buckets), got ${describeValue(histogram)}`,
    );
  }
  if (counts.length !== boundaries.length + 1) {
    throw new RangeError(
      `histogram.counts must have one entry per bucket, boundaries.length + 1 = ${boundaries.length + 1}, got ${counts.length}`,
    );
  }
  let previous = Number.NEGATIVE_INFINITY;
  boundaries.forEach((bound: unknown, index) => {
    if (!isFiniteNumber(bound)) {
      throw new RangeError(
        `histogram.boundaries[${index}] must be a finite number (the +Inf bucket is implicit), got ${showValue(bound)}`,
      );
    }
    if (bound <= previous) {
      throw new RangeError(
        `histogram.boundaries must be strictly increasing, got ${String(bound)} after ${String(previous)} at index ${index}`,
      );
    }
    previous = bound;
  });
  counts.forEach((count: unknown, index) => {
    checkNonNegative(`histogram.counts[${index}]`, count);
  });
}

/**
 * Throw if `value` is NaN or not a number; infinities are allowed.
 *
 * @param name - the argument's name, e.g. `threshold`
 * @param value - the value to check
 * @throws RangeError `<name> must be a number (±Infinity allowed), got <value>`
 * @example
 * ```ts
 * checkNotNaN('q', Number.NaN); // throws RangeError
 * ```
 */
export function checkNotNaN(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`${name} must be a number (±Infinity allowed), got ${showValue(value)}`);
  }
}

/**
 * Cumulative counts of the finite buckets, and the total including the +Inf bucket; summed
 * exactly so that fractional counts (from rates) do not pick up float noise.
 *
 * @param histogram - a histogram that passed {@link checkHistogram}
 * @returns the running sums per finite bucket and the total
 * @throws RangeError only if the counts were not checked (a non-finite count)
 * @example
 * ```ts
 * cumulative({ boundaries: [0.1, 0.4], counts: [80, 15, 5] }); // { cumulative: [80, 95], total: 100 }
 * ```
 */
export function cumulative(histogram: ExplicitBucketHistogram): {
  readonly cumulative: number[];
  readonly total: number;
} {
  const sums: number[] = [];
  let running = 0;
  for (let i = 0; i < histogram.boundaries.length; i += 1) {
    running = exactAdd(running, histogram.counts[i] ?? 0);
    sums.push(running);
  }
  const overflow = histogram.counts[histogram.boundaries.length] ?? 0;
  return { cumulative: sums, total: exactAdd(running, overflow) };
}
