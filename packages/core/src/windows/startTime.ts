import type { CivilDateTime } from './civil.js';
import { daysInMonth } from './civil.js';

/**
 * Read OpenSLO's `calendar.startTime` (`YYYY-MM-DD HH:mm:ss`, local to the window's zone).
 *
 * @param text - the start time as written
 * @returns the fields, or `undefined` when the text is malformed or names no real date and time
 * @example
 * ```ts
 * parseStartTime('2026-01-05 00:00:00')?.day; // 5
 * parseStartTime('2026-02-30 00:00:00'); // undefined
 * ```
 * @internal
 */
export function parseStartTime(text: string): CivilDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}
