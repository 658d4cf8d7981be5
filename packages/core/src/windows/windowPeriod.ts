import { showValue } from '../internal/validate.js';
import { assertWindow } from './checkWindow.js';
import type { CivilDateTime } from './civil.js';
import { dateOfDayNumber, dateOfMonthIndex, dayNumber, floorDiv } from './civil.js';
import { parseStartTime } from './startTime.js';
import { instantFromLocal, localFields } from './timeZone.js';
import type { CalendarUnit, CalendarWindow, SloWindow, WindowPeriod } from './types.js';

/** Instants from about year 5 to the end of the `Date` range, with margin for any zone offset. */
const EARLIEST = -62_000_000_000_000;
const LATEST = 8_639_000_000_000_000;

/**
 * Index of the unit containing a local date, counted from the unit containing 1970-01-01
 * (index 0). ISO weeks start on Monday; 1970-01-01 was a Thursday, so week 0 starts on
 * Monday 1969-12-29 (day -3).
 */
function unitIndex(unit: CalendarUnit, date: CivilDateTime): number {
  const months = (date.year - 1970) * 12 + (date.month - 1);
  switch (unit) {
    case 'day':
      return dayNumber(date.year, date.month, date.day);
    case 'week':
      return floorDiv(dayNumber(date.year, date.month, date.day) + 3, 7);
    case 'month':
      return months;
    case 'quarter':
      return floorDiv(months, 3);
    case 'year':
      return date.year - 1970;
  }
}

/** Local midnight at which unit `index` begins. */
function unitStart(unit: CalendarUnit, index: number): CivilDateTime {
  switch (unit) {
    case 'day':
      return dateOfDayNumber(index);
    case 'week':
      return dateOfDayNumber(index * 7 - 3);
    case 'month':
      return dateOfMonthIndex(index);
    case 'quarter':
      return dateOfMonthIndex(index * 3);
    case 'year':
      return dateOfMonthIndex(index * 12);
  }
}

/** Last period computed per window object: evaluators ask about the same period many times. */
const lastPeriod = new WeakMap<CalendarWindow, { readonly start: number; readonly end: number }>();

function calendarBounds(window: CalendarWindow, now: number): { start: number; end: number } {
  const cached = lastPeriod.get(window);
  if (cached !== undefined && cached.start <= now && now < cached.end) return cached;
  const { unit, count, timeZone, startTime } = window;
  const current = unitIndex(unit, localFields(now, timeZone));
  const anchorTime = startTime === undefined ? undefined : parseStartTime(startTime);
  const anchor = anchorTime === undefined ? 0 : unitIndex(unit, anchorTime);
  const first = anchor + floorDiv(current - anchor, count) * count;
  const bounds = {
    start: instantFromLocal(unitStart(unit, first), timeZone),
    end: instantFromLocal(unitStart(unit, first + count), timeZone),
  };
  lastPeriod.set(window, bounds);
  return bounds;
}

function calendarPeriod(window: CalendarWindow, now: number): WindowPeriod {
  const { start, end } = calendarBounds(window, now);
  const length = end - start;
  const elapsed = now - start;
  return { start, end, length, elapsed, elapsedShare: elapsed / length };
}

/**
 * The period of an objective's window that contains `now`: what "this month" or "the last
 * 30 days" covers, so budgets and projections can be computed over it.
 *
 * A rolling window covers `[now - duration, now)` and is always fully elapsed. A calendar
 * window covers the local day, ISO week (Monday 00:00), month, quarter or year of `now` in its
 * zone, or the run of `count` units containing it (see {@link calendarWindow} for the anchor).
 * Boundaries are local midnights converted with the zone's real offsets, so DST is exact: in
 * `America/New_York`, 2026-03-08 lasts 23 h and 2026-11-01 lasts 25 h. Where a zone skips
 * midnight, the period starts at the first instant of the day.
 *
 * @param window - a validated window (from {@link toWindow} or the builders)
 * @param now - the instant, epoch milliseconds (from the evaluator's clock)
 * @returns start (inclusive), end (exclusive), length, elapsed and `elapsedShare` in [0, 1]
 * @throws RangeError when `now` is not finite or outside years 5 to 275760
 * @throws RangeError when a hand-built window is malformed (not what {@link toWindow} would
 *   build: unknown kind, bad duration, unit, count, zone or start time)
 * @example
 * ```ts
 * const month = calendarWindow({ unit: 'month', timeZone: 'UTC' });
 * windowPeriod(month, Date.UTC(2026, 5, 16)).elapsedShare; // 0.5: half of June
 * windowPeriod(rollingWindow('1h'), 7_200_000); // { start: 3_600_000, end: 7_200_000, ... }
 * ```
 */
export function windowPeriod(window: SloWindow, now: number): WindowPeriod {
  if (!Number.isFinite(now) || now < EARLIEST || now > LATEST) {
    throw new RangeError(
      `windowPeriod needs now as finite epoch milliseconds between ${EARLIEST} and ${LATEST}, ` +
        `got ${showValue(now)}`,
    );
  }
  assertWindow('windowPeriod', window);
  if (window.kind === 'rolling') {
    const { duration } = window;
    return {
      start: now - duration,
      end: now,
      length: duration,
      elapsed: duration,
      elapsedShare: 1,
    };
  }
  return calendarPeriod(window, now);
}
