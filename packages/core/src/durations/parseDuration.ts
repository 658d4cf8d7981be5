import { NinesError } from '../errors.js';
import type { NinesPath } from '../errors.js';
import { describeValue } from '../internal/validate.js';
import { PROMETHEUS_UNITS } from './units.js';

const ACCEPTED =
  'expected a Prometheus duration: one or more <integer><unit> from the largest unit to the ' +
  'smallest, each unit at most once, with units y (365d), w, d, h, m (minute), s, ms, ' +
  'e.g. "30d", "1h30m", "500ms"';

function unitHint(unit: string): string {
  if (unit === 'M' || unit === 'Q' || unit === 'Y') {
    const name = unit === 'M' ? 'month' : unit === 'Q' ? 'quarter' : 'year';
    const fixed = unit === 'Y' ? ' (for a fixed 365 days write "y")' : '';
    return (
      `"${unit}" (a calendar ${name}) is not a Prometheus unit${fixed}; read OpenSLO ` +
      'shorthand such as "1M" with parseOpenSloDuration() and use a calendar window'
    );
  }
  if (/\s/.test(unit)) return 'spaces are not allowed';
  if (unit.startsWith('.') || unit.startsWith(',')) {
    return 'fractions are not allowed; combine units instead ("1h30m", not "1.5h")';
  }
  return `unknown unit "${unit}"`;
}

/**
 * Parse Prometheus duration text, reporting problems at `path`. Shared by {@link parseDuration}
 * and `toDuration`, which differ only in where the error points.
 *
 * @param text - the value to read (anything a caller may pass)
 * @param path - where the value sits in the caller's input, for the error
 * @returns the duration in milliseconds, a safe integer (0 for `"0"` and `"0s"`)
 * @throws NinesError `INVALID_DURATION` naming the text and the accepted forms
 * @example
 * ```ts
 * readDuration('1h30m', ['window']); // 5_400_000
 * ```
 * @internal
 */
export function readDuration(text: unknown, path: NinesPath): number {
  const fail = (reason: string): never => {
    throw new NinesError(
      'INVALID_DURATION',
      `Invalid duration ${describeValue(text)}: ${reason}; ${ACCEPTED}`,
      { path },
    );
  };
  if (typeof text !== 'string') return fail(`not a string but ${typeof text}`);
  // Prometheus accepts a bare "0" as the one unitless duration (model.ParseDuration).
  if (text === '0') return 0;
  if (text === '') return fail('empty text');
  if (text.startsWith('-')) return fail('negative durations are not allowed');

  const token = /(\d*)(\D*)/y;
  let total = 0;
  let lastRank = -1;
  let index = 0;
  while (index < text.length) {
    token.lastIndex = index;
    const match = token.exec(text);
    const digits = match?.[1] ?? '';
    const unit = match?.[2] ?? '';
    if (digits === '') return fail(`expected a number at "${text.slice(index)}"`);
    if (unit === '') return fail(`missing unit after ${digits}`);
    index += digits.length + unit.length;

    const rank = PROMETHEUS_UNITS.findIndex(([name]) => name === unit);
    const entry = PROMETHEUS_UNITS[rank];
    if (entry === undefined) return fail(unitHint(unit));
    if (rank <= lastRank) {
      return fail(`"${unit}" comes after a unit of equal or smaller size`);
    }
    lastRank = rank;

    const count = Number(digits);
    const part = count * entry[1];
    total += part;
    if (
      !Number.isSafeInteger(count) ||
      !Number.isSafeInteger(part) ||
      !Number.isSafeInteger(total)
    ) {
      return fail('more milliseconds than Number.MAX_SAFE_INTEGER (about 285,616 years)');
    }
  }
  return total;
}

/**
 * Parse a Prometheus duration (`5m`, `1h30m`, `4w`, `1y`) into milliseconds, exactly as
 * Prometheus's `model.ParseDuration` does, so windows written for Prometheus mean the same here.
 *
 * Units go from the largest to the smallest, each at most once (`30m1h` is refused, as in
 * Prometheus, so `1m1d` can never be misread as a month and a day). A year is 365 days and has
 * nothing to do with the calendar; `M`, `Q` and `Y` are OpenSLO calendar units, not durations.
 * `"0"` and `"0s"` give 0, as in Prometheus; use `toDuration` where a window must be positive.
 *
 * @param text - Prometheus duration text, e.g. `"30d"`
 * @returns the duration in milliseconds, a safe integer
 * @throws NinesError `INVALID_DURATION` naming the text and the accepted forms
 * @example
 * ```ts
 * parseDuration('1h30m'); // 5_400_000
 * parseDuration('4w'); // 2_419_200_000 (28 days)
 * parseDuration('1M'); // throws: not a Prometheus unit, see parseOpenSloDuration
 * ```
 */
export function parseDuration(text: string): number {
  return readDuration(text, []);
}
