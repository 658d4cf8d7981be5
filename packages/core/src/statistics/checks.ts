/**
 * Argument checks shared by the statistics helpers. Internal: not re-exported from the barrel.
 *
 * Plain math on numbers, so out-of-domain input raises `RangeError` naming the value; targets go
 * through `toTarget`, which raises `NinesError` `INVALID_TARGET` like every target in Nines.
 * Count checks are the ones every area shares (`../internal/validate.ts`).
 *
 * @internal
 */
import { describeValue, isRecord, isPositiveNumber, showValue } from '../internal/validate.js';
import { zForConfidence } from './normalQuantile.js';
import type { WilsonOptions } from './wilsonInterval.js';

export { checkCounts } from '../internal/validate.js';

/**
 * The z-score an options object asks for: 1.96 unless `z` or `confidence` says otherwise.
 *
 * @param options - `z` or `confidence`, not both
 * @returns the z-score, finite and > 0
 * @throws RangeError when `options` is not an object, both are given, `z` is not a finite
 *   number > 0, or `confidence` is outside (0, 1)
 * @example
 * ```ts
 * zFromOptions({}); // 1.96
 * zFromOptions({ confidence: 0.99 }); // 2.5758293035489004
 * ```
 */
export function zFromOptions(options: WilsonOptions): number {
  const given: unknown = options;
  if (!isRecord(given)) {
    throw new RangeError(
      `options must be an object such as { z: 1.96 } or { confidence: 0.95 }, got ${describeValue(given)}`,
    );
  }
  const { z, confidence } = options;
  if (z !== undefined && confidence !== undefined) {
    throw new RangeError(
      `give z or confidence, not both (got z ${showValue(z)} and confidence ${showValue(confidence)})`,
    );
  }
  if (confidence !== undefined) return zForConfidence(confidence);
  if (z === undefined) return 1.96;
  if (!isPositiveNumber(z)) {
    throw new RangeError(`z must be a finite number > 0 (e.g. 1.96), got ${showValue(z)}`);
  }
  return z;
}
