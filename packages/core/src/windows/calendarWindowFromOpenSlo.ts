import { checkOpenSloDuration, parseOpenSloDuration } from '../durations/openSloDuration.js';
import type { OpenSloDuration, OpenSloDurationUnit } from '../durations/openSloDuration.js';
import { NinesError } from '../errors.js';
import type { NinesPath } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import { calendarWindow } from './calendarWindow.js';
import type { CalendarUnit, CalendarWindow } from './types.js';

/** OpenSLO's `calendar` block of a `timeWindow` item. */
export interface OpenSloCalendar {
  /** Local `YYYY-MM-DD HH:mm:ss` inside the unit that begins a period. */
  readonly startTime?: string;
  /** IANA zone; default `UTC`. */
  readonly timeZone?: string;
}

const UNIT_OF: Readonly<Partial<Record<OpenSloDurationUnit, CalendarUnit>>> = {
  d: 'day',
  w: 'week',
  M: 'month',
  Q: 'quarter',
  Y: 'year',
};

/**
 * Turn an OpenSLO calendar `timeWindow` (`duration: 1M`, `calendar: {startTime, timeZone}`) into
 * a {@link CalendarWindow}, keeping `M`, `Q` and `Y` as real calendar units rather than 30, 90
 * and 365 days (OpenSLO/OpenSLO#267).
 *
 * `d` and `w` map to local days and ISO weeks; `30d` is a run of 30 local days. Minutes and
 * hours have no calendar alignment and are refused.
 *
 * @param duration - OpenSLO shorthand such as `"1M"`, or its parsed form
 * @param calendar - the `calendar` block: `startTime` and `timeZone`
 * @param path - where the `timeWindow` item sits in the caller's input, for errors
 * @returns the calendar window
 * @throws NinesError `INVALID_DURATION` for bad shorthand or a malformed parsed duration,
 *   `INVALID_WINDOW` for `m`/`h` units, a `calendar` that is not an object or a bad `startTime`,
 *   `INVALID_TIME_ZONE` for an unknown zone
 * @example
 * ```ts
 * calendarWindowFromOpenSlo('1M', { timeZone: 'Europe/Paris', startTime: '2026-01-01 00:00:00' });
 * // { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Europe/Paris', startTime: '2026-01-01 00:00:00' }
 * ```
 */
export function calendarWindowFromOpenSlo(
  duration: string | OpenSloDuration,
  calendar: OpenSloCalendar = {},
  path: NinesPath = [],
): CalendarWindow {
  const parsed =
    typeof duration === 'string' ? parseOpenSloDuration(duration, [...path, 'duration']) : duration;
  checkOpenSloDuration(parsed, [...path, 'duration']);
  const rawCalendar: unknown = calendar;
  if (!isRecord(rawCalendar)) {
    throw new NinesError(
      'INVALID_WINDOW',
      `calendar must be an object { startTime?, timeZone? }, got ${describeValue(rawCalendar)}`,
      { path: [...path, 'calendar'] },
    );
  }
  const unit = UNIT_OF[parsed.unit];
  if (unit === undefined) {
    throw new NinesError(
      'INVALID_WINDOW',
      `A calendar window of ${parsed.count}${parsed.unit} has no calendar alignment: use d, w, ` +
        'M, Q or Y, or make the window rolling',
      { path: [...path, 'duration'] },
    );
  }
  return calendarWindow(
    {
      unit,
      count: parsed.count,
      ...(calendar.timeZone === undefined ? {} : { timeZone: calendar.timeZone }),
      ...(calendar.startTime === undefined ? {} : { startTime: calendar.startTime }),
    },
    [...path, 'calendar'],
  );
}
