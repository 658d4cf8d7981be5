/**
 * Argument checks shared by the composition math. Internal: not re-exported from the barrel.
 *
 * Composition helpers are plain math on numbers, so every out-of-domain input raises a
 * `RangeError` that names the value and the accepted range; nothing returns NaN or clamps.
 * Number and count checks common to every area live in `../internal/validate.ts`.
 *
 * @internal
 */
import {
  checkNonNegative,
  checkPositive,
  describeValue,
  isFiniteNumber,
  isRecord,
  showValue,
} from '../internal/validate.js';

/**
 * Throw unless `values` is an array with at least one element.
 *
 * @param name - the argument's name, e.g. `weights`
 * @param values - the value to check
 * @throws RangeError `<name> must be a non-empty array, got <value>`
 * @example
 * ```ts
 * checkNonEmpty('weights', []); // throws RangeError
 * ```
 */
export function checkNonEmpty(name: string, values: unknown): asserts values is unknown[] {
  if (!Array.isArray(values) || values.length === 0) {
    const got = Array.isArray(values) ? 'an empty array' : describeValue(values);
    throw new RangeError(`${name} must be a non-empty array, got ${got}`);
  }
}

/**
 * Throw unless `value` is an object, such as one component of a composite.
 *
 * @param name - where the value sits, e.g. `components[2]`
 * @param value - the value to check
 * @param shape - the expected shape, for the message, e.g. `{ good, total, weight? }`
 * @throws RangeError `<name> must be an object <shape>, got <value>`
 * @example
 * ```ts
 * checkObject('components[0]', null, '{ ratio, weight? }'); // throws RangeError
 * ```
 */
export function checkObject(
  name: string,
  value: unknown,
  shape: string,
): asserts value is Readonly<Record<string, unknown>> {
  if (!isRecord(value)) {
    throw new RangeError(`${name} must be an object ${shape}, got ${describeValue(value)}`);
  }
}

/**
 * Throw unless `value` is a probability: a finite number in [0, 1].
 *
 * @param name - the argument's name, e.g. `availabilities[0]`
 * @param value - the value to check
 * @throws RangeError `<name> must be a number in [0, 1], got <value>`
 * @example
 * ```ts
 * checkProbability('availabilities[0]', 1.1); // throws RangeError
 * ```
 */
export function checkProbability(name: string, value: unknown): asserts value is number {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number in [0, 1], got ${showValue(value)}`);
  }
}

/**
 * Throw unless `value` is a weight: a finite number > 0.
 *
 * @param name - the argument's name, e.g. `weights[1]`
 * @param value - the value to check
 * @throws RangeError `<name> must be a finite number > 0, got <value>`
 * @example
 * ```ts
 * checkWeight('weights[1]', 0); // throws RangeError
 * ```
 */
export function checkWeight(name: string, value: unknown): asserts value is number {
  checkPositive(name, value);
}

/**
 * Throw unless `good` and `total` are counts with `0 <= good <= total`.
 *
 * @param name - where the counts sit, e.g. `components[0]`
 * @param good - good events
 * @param total - valid events
 * @throws RangeError naming the count and its value
 * @example
 * ```ts
 * checkCounts('components[0]', 5, 4); // throws: components[0].good must not exceed its total, got 5 > 4
 * ```
 */
export function checkCounts(name: string, good: unknown, total: unknown): void {
  checkNonNegative(`${name}.good`, good);
  checkNonNegative(`${name}.total`, total);
  if (good > total) {
    throw new RangeError(`${name}.good must not exceed its total, got ${good} > ${total}`);
  }
}
