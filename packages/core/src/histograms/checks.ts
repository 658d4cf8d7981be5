/**
 * Argument checks shared by the histogram helpers. Internal: not re-exported from the barrel.
 *
 * Histogram helpers are plain math, so malformed input raises a `RangeError` that names the
 * offending value; nothing returns NaN.
 */
import { exactAdd } from '../decimal.js';
import type { ExplicitBucketHistogram } from './types.js';

/** Throw unless `histogram` is a well-formed explicit-bucket histogram. */
export function checkHistogram(histogram: ExplicitBucketHistogram): void {
  const boundaries: unknown = (histogram as Partial<ExplicitBucketHistogram> | null)?.boundaries;
  const counts: unknown = (histogram as Partial<ExplicitBucketHistogram> | null)?.counts;
  if (!Array.isArray(boundaries) || !Array.isArray(counts)) {
    throw new RangeError(
      'histogram must be { boundaries: number[], counts: number[] } (OpenTelemetry explicit buckets)',
    );
  }
  if (counts.length !== boundaries.length + 1) {
    throw new RangeError(
      `histogram.counts must have one entry per bucket, boundaries.length + 1 = ${boundaries.length + 1}, got ${counts.length}`,
    );
  }
  let previous = Number.NEGATIVE_INFINITY;
  boundaries.forEach((bound: unknown, index) => {
    if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw new RangeError(
        `histogram.boundaries[${index}] must be a finite number (the +Inf bucket is implicit), got ${String(bound)}`,
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
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
      throw new RangeError(
        `histogram.counts[${index}] must be a finite number >= 0, got ${String(count)}`,
      );
    }
  });
}

/** Throw if `value` is NaN or not a number; infinities are allowed. */
export function checkNotNaN(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`${name} must be a number (±Infinity allowed), got ${String(value)}`);
  }
}

/**
 * Cumulative counts of the finite buckets, and the total including the +Inf bucket; summed
 * exactly so that fractional counts (from rates) do not pick up float noise.
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
