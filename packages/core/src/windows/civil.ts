/**
 * Proleptic Gregorian calendar arithmetic on wall-clock fields, with no time zone involved.
 * Internal to the windows area.
 *
 * @internal
 * @packageDocumentation
 */

const MS_PER_DAY = 86_400_000;

/** Wall-clock date and time fields; `month` is 1-12. */
export interface CivilDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The fields read as if they were UTC, in epoch milliseconds. `Date.UTC` would map years 0-99
 * to 1900-1999, so the year is set separately.
 */
export function civilToUtc(fields: CivilDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return date.getTime();
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return civilToUtc({ year, month, day, hour: 0, minute: 0, second: 0 }) / MS_PER_DAY;
}

/** The calendar date of a day number, at midnight. */
export function dateOfDayNumber(days: number): CivilDateTime {
  const date = new Date(days * MS_PER_DAY);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
}

/** Midnight on the first day of a month given as months since January 1970. */
export function dateOfMonthIndex(months: number): CivilDateTime {
  const year = 1970 + Math.floor(months / 12);
  const month = months - (year - 1970) * 12 + 1;
  return { year, month, day: 1, hour: 0, minute: 0, second: 0 };
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return (
    dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayNumber(year, month, 1)
  );
}

/** Mathematical floor division, correct for negative numerators. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
