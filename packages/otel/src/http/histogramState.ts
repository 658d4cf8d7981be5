/**
 * The per-series histogram state: one `Float64Array` holding the bucket counts (one more than
 * the boundaries) followed by count, sum, min and max. Doubles count exactly to 2^53, so no
 * overflow handling is needed, and an update is a few in-place stores: no allocation.
 * Internal to the recorder and the producer.
 */

/** Offsets after the bucket counts. */
const COUNT = 1;
const SUM = 2;
const MIN = 3;
const MAX = 4;

/**
 * @param boundaryCount - number of explicit boundaries
 * @returns an empty state (min +Infinity, max -Infinity, as the SDK starts them)
 */
export function createHistogramState(boundaryCount: number): Float64Array {
  const state = new Float64Array(boundaryCount + 5);
  state[boundaryCount + MIN] = Infinity;
  state[boundaryCount + MAX] = -Infinity;
  return state;
}

/**
 * Adds one value. The bucket is the first whose upper bound is ≥ the value (`(b[i-1], b[i]]`,
 * as the SDK's `binarySearchUB` picks it); a linear scan beats a binary search here because
 * most requests land in the first few of the 14 buckets.
 *
 * @param state - a state from {@link createHistogramState}
 * @param boundaries - the boundaries it was created for
 * @param value - a finite value ≥ 0 (the caller validates)
 */
export function recordHistogram(
  state: Float64Array,
  boundaries: Float64Array,
  value: number,
): void {
  const n = boundaries.length;
  let i = 0;
  while (i < n && value > (boundaries[i] as number)) i++;
  state[i] = (state[i] as number) + 1;
  state[n + COUNT] = (state[n + COUNT] as number) + 1;
  state[n + SUM] = (state[n + SUM] as number) + value;
  if (value < (state[n + MIN] as number)) state[n + MIN] = value;
  if (value > (state[n + MAX] as number)) state[n + MAX] = value;
}

/**
 * @param state - a histogram state
 * @param boundaryCount - number of explicit boundaries
 * @returns how many values were recorded
 */
export function histogramCount(state: Float64Array, boundaryCount: number): number {
  return state[boundaryCount + COUNT] ?? 0;
}

/** A copied-out histogram point value, shaped as sdk-metrics' `Histogram`. */
export interface HistogramValue {
  buckets: { boundaries: number[]; counts: number[] };
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Copies a state into a fresh point value, so exporters serialising later see a stable snapshot.
 *
 * @param state - a histogram state with at least one value
 * @param boundaries - its boundaries
 * @returns the point value
 */
export function toHistogramValue(
  state: Float64Array,
  boundaries: readonly number[],
): HistogramValue {
  const n = boundaries.length;
  return {
    min: state[n + MIN] ?? 0,
    max: state[n + MAX] ?? 0,
    sum: state[n + SUM] ?? 0,
    buckets: { boundaries: [...boundaries], counts: Array.from(state.subarray(0, n + 1)) },
    count: state[n + COUNT] ?? 0,
  };
}
