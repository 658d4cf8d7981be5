/**
 * Argument checks shared by the composition math. Internal: not re-exported from the barrel.
 *
 * Composition helpers are plain math on numbers, so every out-of-domain input raises a
 * `RangeError` that names the value and the accepted range; nothing returns NaN or clamps.
 */

/** Throw unless `values` has at least one element. */
export function checkNonEmpty(name: string, values: readonly unknown[]): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError(`${name} must be a non-empty array, got ${String(values)}`);
  }
}

/** Throw unless `value` is a probability: a finite number in [0, 1]. */
export function checkProbability(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number in [0, 1], got ${String(value)}`);
  }
}

/** Throw unless `value` is a weight: a finite number > 0. */
export function checkWeight(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throw unless `good` and `total` are counts with `0 <= good <= total`. */
export function checkCounts(name: string, good: unknown, total: unknown): void {
  if (typeof good !== 'number' || !Number.isFinite(good) || good < 0) {
    throw new RangeError(`${name}.good must be a finite number >= 0, got ${String(good)}`);
  }
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
    throw new RangeError(`${name}.total must be a finite number >= 0, got ${String(total)}`);
  }
  if (good > total) {
    throw new RangeError(`${name}.good must not exceed its total, got ${good} > ${total}`);
  }
}
