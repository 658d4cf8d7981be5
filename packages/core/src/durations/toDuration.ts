import { NinesError } from '../errors.js';
import type { NinesPath } from '../errors.js';
import { describeValue } from '../internal/validate.js';
import { formatDuration } from './formatDuration.js';
import { readDuration } from './parseDuration.js';

/**
 * Accept a duration wherever the model takes one: milliseconds as a number, or Prometheus
 * text. A window, slice or lookback of zero length means nothing, so the result is positive.
 *
 * @param input - milliseconds (a positive safe integer) or Prometheus text such as `"30d"`
 * @param path - where the value sits in the caller's input, for the error
 * @returns the duration in milliseconds, a positive safe integer
 * @throws NinesError `INVALID_DURATION` with `path` for bad text, zero, negative, fractional,
 *   non-finite or unsafe numbers
 * @example
 * ```ts
 * toDuration('30d'); // 2_592_000_000
 * toDuration(60_000); // 60_000
 * toDuration('0s', ['window']); // throws INVALID_DURATION at window
 * ```
 */
export function toDuration(input: string | number, path: NinesPath = []): number {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input <= 0) {
      throw new NinesError(
        'INVALID_DURATION',
        `Invalid duration ${describeValue(input)}: a duration in milliseconds must be a positive ` +
          'whole number up to Number.MAX_SAFE_INTEGER, e.g. 60000 or "1m"',
        { path },
      );
    }
    return input;
  }
  const ms = readDuration(input, path);
  if (ms === 0) {
    throw new NinesError(
      'INVALID_DURATION',
      `Invalid duration "${input}": must be longer than ${formatDuration(0)}, e.g. "5m" or "30d"`,
      { path },
    );
  }
  return ms;
}
