import type { CivilDateTime } from './civil.js';
import { civilToUtc } from './civil.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Tell whether the runtime's time-zone database knows an IANA zone name, so a calendar window
 * never silently falls back to the machine's local zone.
 *
 * @param timeZone - an IANA name such as `Europe/Paris`, or `UTC`
 * @returns `true` when `Intl.DateTimeFormat` accepts it
 * @example
 * ```ts
 * isValidTimeZone('America/New_York'); // true
 * isValidTimeZone('Mars/Olympus_Mons'); // false
 * ```
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock fields of an instant in a zone (to the second).
 *
 * @param instant - epoch milliseconds
 * @param timeZone - an IANA zone the runtime knows
 * @returns the local date and time
 * @example
 * ```ts
 * localFields(0, 'Asia/Tokyo').hour; // 9
 * ```
 * @internal
 */
export function localFields(instant: number, timeZone: string): CivilDateTime {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  if (fields.hour === 24) fields.hour = 0;
  return fields;
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (east positive).
 *
 * @param instant - epoch milliseconds
 * @param timeZone - an IANA zone the runtime knows
 * @returns the offset in milliseconds
 * @example
 * ```ts
 * zoneOffset(0, 'Asia/Tokyo'); // 32_400_000
 * ```
 * @internal
 */
export function zoneOffset(instant: number, timeZone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return civilToUtc(localFields(whole, timeZone)) - whole;
}

const PROBE = 86_400_000;

/**
 * The instant a wall-clock time denotes in a zone, resolving DST the way Temporal's
 * `'compatible'` disambiguation does: a time repeated by a fall-back transition is the earlier
 * instant; a time skipped by a spring-forward gap moves forward by the gap (so the start of a
 * day whose midnight does not exist is the first instant of that day).
 *
 * @param fields - the wall-clock time
 * @param timeZone - an IANA zone the runtime knows
 * @returns epoch milliseconds
 * @example
 * ```ts
 * instantFromLocal({ year: 1970, month: 1, day: 1, hour: 9, minute: 0, second: 0 }, 'Asia/Tokyo'); // 0
 * ```
 * @internal
 */
export function instantFromLocal(fields: CivilDateTime, timeZone: string): number {
  const wall = civilToUtc(fields);
  const before = zoneOffset(wall - PROBE, timeZone);
  const after = zoneOffset(wall + PROBE, timeZone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wall - offset;
    if (zoneOffset(instant, timeZone) === offset) candidates.push(instant);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the time with the offset in force before the transition.
  return wall - before;
}
