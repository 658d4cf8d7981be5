/**
 * Argument checks shared by every area of @nines/core, so that one kind of bad input gets one
 * kind of message everywhere. Internal: not re-exported from the package index.
 *
 * Math helpers raise `RangeError` naming the argument, the value and the accepted range
 * (date-fns style); configuration builders raise `NinesError` and use {@link describeValue} in
 * their messages. Nothing here returns NaN or clamps.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * Describe any value briefly for an error message: strings quoted, numbers as written, other
 * things by kind (`an object`, `an array`, `null`), never `[object Object]`.
 *
 * @param value - the offending value, of any type
 * @returns a short description
 * @example
 * ```ts
 * describeValue('1M'); // '"1M"'
 * describeValue(Number.NaN); // 'NaN'
 * describeValue({}); // 'an object'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  return 'an object';
}

/**
 * Like {@link describeValue}, but a word-like string is shown bare, as the math helpers'
 * messages have always shown option names (`got lte`); any other string is quoted, so `'1'`
 * never reads as the number 1.
 *
 * @param value - the offending value, of any type
 * @returns a short description
 * @example
 * ```ts
 * showValue('lte'); // 'lte'
 * showValue('1'); // '"1"'
 * showValue([]); // 'an array'
 * ```
 */
export function showValue(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z][\w-]*$/.test(value) ? value : describeValue(value);
}

/**
 * Tell whether a value is a finite number (not NaN, not ±Infinity, not a numeric string).
 *
 * @param value - any value
 * @returns `true` for a finite number
 * @example
 * ```ts
 * isFiniteNumber(0.999); // true
 * isFiniteNumber('1'); // false
 * ```
 */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Tell whether a value is a finite number strictly above zero.
 *
 * @param value - any value
 * @returns `true` for a finite number `> 0`
 * @example
 * ```ts
 * isPositiveNumber(14.4); // true
 * isPositiveNumber(0); // false
 * ```
 */
export function isPositiveNumber(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0;
}

/**
 * Tell whether a value is a plain object (not null, not an array), as a record of options or a
 * hand-built model object must be.
 *
 * @param value - any value
 * @returns `true` for a non-null, non-array object
 * @example
 * ```ts
 * isRecord({ unit: 'month' }); // true
 * isRecord([]); // false
 * ```
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Throw unless `value` is a finite number `>= 0`.
 *
 * @param name - the argument's name as the caller wrote it, e.g. `totalEvents`
 * @param value - the value to check
 * @throws RangeError `<name> must be a finite number >= 0, got <value>`
 * @example
 * ```ts
 * checkNonNegative('windowMs', -1); // throws RangeError
 * ```
 */
export function checkNonNegative(name: string, value: unknown): asserts value is number {
  if (!isFiniteNumber(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${showValue(value)}`);
  }
}

/**
 * Throw unless `value` is a finite number `> 0`.
 *
 * @param name - the argument's name as the caller wrote it, e.g. `periodMs`
 * @param value - the value to check
 * @throws RangeError `<name> must be a finite number > 0, got <value>`
 * @example
 * ```ts
 * checkPositive('periodMs', 0); // throws RangeError
 * ```
 */
export function checkPositive(name: string, value: unknown): asserts value is number {
  if (!isPositiveNumber(value)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${showValue(value)}`);
  }
}

/**
 * Throw unless `good` and `total` are event counts with `0 <= good <= total`: the rule shared
 * by every function that takes good and valid (total) events.
 *
 * @param good - good events
 * @param total - valid events
 * @param owner - where the counts sit, e.g. `slices[2]`, prefixed to the names in messages;
 *   omit for top-level `good` and `total` arguments
 * @throws RangeError naming the count and its value: negative, non-finite or not a number, or
 *   `good > total`
 * @example
 * ```ts
 * checkCounts(11, 10); // throws: good must not exceed total, got good 11 > total 10 (...)
 * checkCounts(1, Number.NaN, 'slices[0]'); // throws: slices[0].total must be a finite number >= 0, got NaN
 * ```
 */
export function checkCounts(good: unknown, total: unknown, owner?: string): void {
  const prefix = owner === undefined ? '' : `${owner}.`;
  checkNonNegative(`${prefix}good`, good);
  checkNonNegative(`${prefix}total`, total);
  if (good > total) {
    throw new RangeError(
      `${prefix}good must not exceed ${owner === undefined ? 'total' : 'its total'}, got good ${String(good)} > total ${String(total)} (good events are a subset of valid events)`,
    );
  }
}

/**
 * Throw unless `value` is an array, so a loop over it cannot fail with a `TypeError`.
 *
 * @param name - the argument's name, e.g. `slices`
 * @param value - the value to check
 * @param what - what each element should be, for the message, e.g. `{ good, total }`
 * @throws RangeError `<name> must be an array of <what>, got <value>`
 * @example
 * ```ts
 * checkArray('slices', null, '{ good, total }'); // throws RangeError
 * ```
 */
export function checkArray(name: string, value: unknown, what: string): asserts value is unknown[] {
  if (!Array.isArray(value)) {
    throw new RangeError(`${name} must be an array of ${what}, got ${describeValue(value)}`);
  }
}
