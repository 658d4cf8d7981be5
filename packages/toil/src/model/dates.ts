import { NinesError } from '@nines/core';
import type { NinesPath } from '@nines/core';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** The number written by `count` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The day of the last date read: a ledger's entries come mostly in time order, so most dates
// fall on the same day as the one before and need only their time of day read.
let lastDay = '';
let lastDayMs = 0;

/** Epoch ms of the midnight starting `YYYY-MM-DD` (the first 10 characters), or -1. */
function dayOf(text: string): number {
  if (lastDay !== '' && text.startsWith(lastDay)) return lastDayMs;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return -1;
  lastDay = text.slice(0, 10);
  lastDayMs = daysFromCivil(year, month, day) * 86_400_000;
  return lastDayMs;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`, the form the ledger writes, read without a regex. */
function canonical(text: string): number | undefined {
  if (
    text.length !== 24 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  ) {
    return undefined;
  }
  const midnight = dayOf(text);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if (
    midnight < 0 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millis < 0
  ) {
    return undefined;
  }
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, in integer arithmetic (H. Hinnant's
 * `days_from_civil`, http://howardhinnant.github.io/date_algorithms.html): the same as
 * `Date.UTC(year, month - 1, day) / 86_400_000` for years from 0, without the call, which is
 * a third of reading a ledger line's date.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Read a date or date-time without throwing; `undefined` when it is not one.
 *
 * @internal
 */
export function tryParseToilDate(text: string): number | undefined {
  const fast = canonical(text);
  if (fast !== undefined) return fast;
  const match = ISO.exec(text);
  if (match === null) return undefined;
  const [, y = '', mo = '', d = '', h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return undefined;
  }
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2));
    if (zoneHours > 23 || zoneMinutes > 59) return undefined;
    offset = sign * (zoneHours * 60 + zoneMinutes) * 60_000;
  }
  const at = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
  return at < 0 ? undefined : at;
}

/**
 * Explain why `text` is not a date the ledger accepts, naming the form that would be.
 *
 * @internal
 */
export function describeBadDate(text: string): string {
  const shown = JSON.stringify(text);
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) {
    return `${shown} is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2024-05-01`;
  }
  if (ISO.test(text)) {
    return `${shown} is not a real date-time on or after 1970-01-01 (check the month, day, hour and zone)`;
  }
  return `${shown} is not a date; expected YYYY-MM-DD or an ISO 8601 date-time such as 2024-05-01T09:30:00Z`;
}

/**
 * Parse the dates people write in a toil ledger or spreadsheet: `YYYY-MM-DD` (midnight UTC) or
 * an ISO 8601 date-time (`2024-05-01T09:30`, `2024-05-01 09:30:00+02:00`). A date-time without
 * a zone is read as UTC, so a report never depends on the machine's time zone. Day/month
 * orders such as `5/1/2024` are refused rather than guessed.
 *
 * @param text - the date as written
 * @param path - where the date is in the input, for the error
 * @returns epoch milliseconds
 * @throws NinesError `INVALID_ARGUMENT` naming the text and the accepted forms
 * @example
 * ```ts
 * parseToilDate('2024-05-01'); // 1714521600000
 * parseToilDate('2024-05-01T11:30:00+02:00'); // 1714555800000
 * ```
 */
export function parseToilDate(text: string, path: NinesPath = []): number {
  const at = tryParseToilDate(text.trim());
  if (at === undefined) throw new NinesError('INVALID_ARGUMENT', describeBadDate(text), { path });
  return at;
}

/**
 * Write an instant the way the ledger file stores it: ISO 8601 in UTC with milliseconds.
 *
 * @param at - epoch milliseconds
 * @returns e.g. `"2024-05-01T09:30:00.000Z"`
 * @example
 * ```ts
 * formatToilDate(1714555800000); // '2024-05-01T09:30:00.000Z'
 * ```
 */
export function formatToilDate(at: number): string {
  return new Date(at).toISOString();
}
