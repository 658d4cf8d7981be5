import { NinesError } from '../errors.js';
import type { NinesIssue, NinesPath } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import { parseStartTime } from './startTime.js';
import { isValidTimeZone } from './timeZone.js';
import type { CalendarUnit, CalendarWindow } from './types.js';

/** Options for {@link calendarWindow}. */
export interface CalendarWindowOptions {
  /** The calendar unit a period is made of. */
  readonly unit: CalendarUnit;
  /** Units per period, a positive integer; default 1 (`2` with `week` is a fortnight). */
  readonly count?: number;
  /** IANA zone the boundaries fall in; default `UTC`. */
  readonly timeZone?: string;
  /**
   * Local date and time (`YYYY-MM-DD HH:mm:ss`, OpenSLO `calendar.startTime`) inside the unit
   * that begins a period; only matters when `count` is above 1.
   */
  readonly startTime?: string;
}

const UNITS: readonly CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Nominal unit lengths in days, used to bound `count` so every period fits in a `Date`. */
const NOMINAL_DAYS: Readonly<Record<CalendarUnit, number>> = {
  day: 1,
  week: 7,
  month: 30,
  quarter: 90,
  year: 365,
};

/** Longest period accepted, in nominal days: 100 years of 365 days. */
const MAX_PERIOD_DAYS = 36_500;

/**
 * Build a calendar-aligned window: each period is a whole day, ISO week (from Monday), month,
 * quarter (from January, April, July, October) or year in an IANA time zone, and the budget
 * resets at each boundary (REFERENCE.md §1.3). Unlike a rolling `30d`, a month here really is
 * a calendar month: 28 to 31 days, and an hour more or less across a DST change.
 *
 * Periods of several units (`count` > 1) are runs of `count` consecutive units. The run that
 * contains `startTime` starts a period; boundaries stay on unit boundaries (the time of day of
 * `startTime` is not used). Without `startTime`, runs are counted from the unit that contains
 * 1970-01-01 in the zone (for weeks, the ISO week starting Monday 1969-12-29), so
 * `{ unit: 'month', count: 3 }` gives the usual quarters and `{ unit: 'month', count: 6 }` halves.
 *
 * @param options - unit, count (default 1), time zone (default `UTC`), start time
 * @param path - where the window sits in the caller's input, for errors
 * @returns the validated window
 * @throws NinesError `INVALID_WINDOW` for options that are not an object, an unknown unit, a count that is not a positive
 *   integer (or makes a period longer than 100 years), or a malformed `startTime`;
 *   `INVALID_TIME_ZONE` for a zone the runtime does not know. All problems are reported at once.
 * @example
 * ```ts
 * calendarWindow({ unit: 'month', timeZone: 'Europe/Paris' });
 * // { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Europe/Paris' }
 * calendarWindow({ unit: 'week', count: 2, startTime: '2026-01-05 00:00:00' }); // fortnights
 * ```
 */
export function calendarWindow(
  options: CalendarWindowOptions,
  path: NinesPath = [],
): CalendarWindow {
  const raw: unknown = options;
  if (!isRecord(raw)) {
    throw new NinesError(
      'INVALID_WINDOW',
      `calendar window options must be an object { unit, count?, timeZone?, startTime? }, e.g. { unit: 'month' }, got ${describeValue(raw)}`,
      { path },
    );
  }
  const {
    unit,
    count = 1,
    timeZone = 'UTC',
    startTime,
  } = options as {
    unit: unknown;
    count?: unknown;
    timeZone?: unknown;
    startTime?: unknown;
  };
  const issues: NinesIssue[] = [];
  const unitOk = typeof unit === 'string' && (UNITS as readonly string[]).includes(unit);
  if (!unitOk) {
    issues.push({
      code: 'INVALID_WINDOW',
      message: `Invalid calendar unit ${describeValue(unit)}: expected one of ${UNITS.join(', ')}`,
      path: [...path, 'unit'],
    });
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    issues.push({
      code: 'INVALID_WINDOW',
      message: `Invalid calendar window count ${describeValue(count)}: expected a positive integer`,
      path: [...path, 'count'],
    });
  } else if (unitOk && count * NOMINAL_DAYS[unit as CalendarUnit] > MAX_PERIOD_DAYS) {
    issues.push({
      code: 'INVALID_WINDOW',
      message:
        `Invalid calendar window count ${count}: ${count} ${unit}s exceed the longest ` +
        'supported period of 100 years',
      path: [...path, 'count'],
    });
  }
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    issues.push({
      code: 'INVALID_TIME_ZONE',
      message:
        `Unknown time zone ${describeValue(timeZone)}: expected an IANA zone name known to this ` +
        'runtime, such as "UTC", "Europe/Paris" or "America/New_York"',
      path: [...path, 'timeZone'],
    });
  }
  if (
    startTime !== undefined &&
    (typeof startTime !== 'string' || parseStartTime(startTime) === undefined)
  ) {
    issues.push({
      code: 'INVALID_WINDOW',
      message:
        `Invalid startTime ${describeValue(startTime)}: expected a real local date and time ` +
        'written "YYYY-MM-DD HH:mm:ss", e.g. "2026-01-05 00:00:00"',
      path: [...path, 'startTime'],
    });
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);

  const window: CalendarWindow = {
    kind: 'calendar',
    unit: unit as CalendarUnit,
    count: count as number,
    timeZone: timeZone as string,
  };
  return startTime === undefined ? window : { ...window, startTime: startTime as string };
}
