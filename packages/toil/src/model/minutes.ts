import { NinesError, exactMultiply, parseDuration } from '@nines/core';
import type { NinesPath } from '@nines/core';

const NUMBER = /^\d+(?:\.\d+)?$/;
const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;
const WITH_UNIT = /^(\d+(?:\.\d+)?)\s*(minutes|minute|mins|min|m|hours|hour|hrs|hr|h)$/i;

/**
 * Read hands-on time as people write it and return minutes:
 * a bare number (`30`, `7.5`; minutes unless `bareUnit` is `'hours'`), a number with a unit
 * (`45 min`, `1.5h`, `2 hours`), a clock duration (`1:30`, `0:45:30`) or a Prometheus duration
 * (`1h30m`, `90s`).
 *
 * @param text - the duration as written
 * @param bareUnit - what a bare number means; `'hours'` for columns such as "Duration (h)"
 * @param path - where the text is in the input, for the error
 * @returns minutes, exact for the decimals written (`0.1h` is 6, not 6.000000000000001)
 * @throws NinesError `INVALID_DURATION` naming the text and the accepted forms
 * @example
 * ```ts
 * parseMinutes('1h30m'); // 90
 * parseMinutes('1:15'); // 75
 * parseMinutes('1.5', 'hours'); // 90
 * ```
 */
export function parseMinutes(
  text: string,
  bareUnit: 'minutes' | 'hours' = 'minutes',
  path: NinesPath = [],
): number {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    return bareUnit === 'hours' ? exactMultiply(value, 60) : value;
  }
  const clock = CLOCK.exec(trimmed);
  if (clock !== null) {
    const [, h = '0', m = '0', s = '0'] = clock;
    return Number(h) * 60 + Number(m) + Number(s) / 60;
  }
  const withUnit = WITH_UNIT.exec(trimmed);
  if (withUnit !== null) {
    const [, amount = '0', unit = 'm'] = withUnit;
    const value = Number(amount);
    return unit.toLowerCase().startsWith('h') ? exactMultiply(value, 60) : value;
  }
  try {
    return parseDuration(trimmed) / 60_000;
  } catch (error) {
    throw new NinesError(
      'INVALID_DURATION',
      `${JSON.stringify(text)} is not a duration; write minutes (30), a unit (45 min, 1.5h), ` +
        'hours:minutes (1:30) or a Prometheus duration (1h30m)',
      { path, cause: error },
    );
  }
}
