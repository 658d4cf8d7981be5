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
 *
 * @param fields - wall-clock date and time
 * @returns epoch milliseconds of those fields in UTC
 * @example
 * ```ts
 * civilToUtc({ year: 1970, month: 1, day: 2, hour: 0, minute: 0, second: 0 }); // 86_400_000
 * ```
 */
export function civilToUtc(fields: CivilDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return date.getTime();
}

/**
 * Days since 1970-01-01 of a calendar date.
 *
 * @param year - the year (proleptic Gregorian)
 * @param month - the month, 1-12
 * @param day - the day of the month
 * @returns the day number (negative before 1970)
 * @example
 * ```ts
 * dayNumber(1969, 12, 29); // -3
 * ```
 */
export function dayNumber(year: number, month: number, day: number): number {
  return civilToUtc({ year, month, day, hour: 0, minute: 0, second: 0 }) / MS_PER_DAY;
}

/**
 * The calendar date of a day number, at midnight.
 *
 * @param days - days since 1970-01-01
 * @returns the date at 00:00:00
 * @example
 * ```ts
 * dateOfDayNumber(31); // { year: 1970, month: 2, day: 1, hour: 0, minute: 0, second: 0 }
 * ```
 */
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

/**
 * Midnight on the first day of a month given as months since January 1970.
 *
 * @param months - months since January 1970 (negative before)
 * @returns the first of that month at 00:00:00
 * @example
 * ```ts
 * dateOfMonthIndex(-1); // { year: 1969, month: 12, day: 1, hour: 0, minute: 0, second: 0 }
 * ```
 */
export function dateOfMonthIndex(months: number): CivilDateTime {
  const year = 1970 + Math.floor(months / 12);
  const month = months - (year - 1970) * 12 + 1;
  return { year, month, day: 1, hour: 0, minute: 0, second: 0 };
}

/**
 * Number of days in a month of a year.
 *
 * @param year - the year
 * @param month - the month, 1-12
 * @returns 28 to 31
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return (
    dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayNumber(year, month, 1)
  );
}

/**
 * Mathematical floor division, correct for negative numerators.
 *
 * @param a - the numerator
 * @param b - the divisor, positive
 * @returns `⌊a / b⌋`
 * @example
 * ```ts
 * floorDiv(-1, 7); // -1 (where Math.trunc gives 0)
 * ```
 */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
