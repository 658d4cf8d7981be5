/**
 * Argument checks shared by the statistics helpers. Internal: not re-exported from the barrel.
 *
 * Plain math on numbers, so out-of-domain input raises `RangeError` naming the value; targets go
 * through `toTarget`, which raises `NinesError` `INVALID_TARGET` like every target in Nines.
 */
import { zForConfidence } from './normalQuantile.js';
import type { WilsonOptions } from './wilsonInterval.js';

/** The z-score an options object asks for: 1.96 unless `z` or `confidence` says otherwise. */
export function zFromOptions(options: WilsonOptions): number {
  const { z, confidence } = options;
  if (z !== undefined && confidence !== undefined) {
    throw new RangeError(
      `give z or confidence, not both (got z ${String(z)} and confidence ${String(confidence)})`,
    );
  }
  if (confidence !== undefined) return zForConfidence(confidence);
  if (z === undefined) return 1.96;
  if (typeof z !== 'number' || !Number.isFinite(z) || z <= 0) {
    throw new RangeError(`z must be a finite number > 0 (e.g. 1.96), got ${String(z)}`);
  }
  return z;
}

/** Throw unless `good` and `total` are counts with `0 <= good <= total`. */
export function checkCounts(good: number, total: number): void {
  if (typeof good !== 'number' || !Number.isFinite(good) || good < 0) {
    throw new RangeError(`good must be a finite number >= 0, got ${String(good)}`);
  }
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
    throw new RangeError(`total must be a finite number >= 0, got ${String(total)}`);
  }
  if (good > total) {
    throw new RangeError(`good must not exceed total, got good ${good} > total ${total}`);
  }
}
