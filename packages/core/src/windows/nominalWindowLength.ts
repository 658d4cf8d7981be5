import { assertWindow } from './checkWindow.js';
import type { CalendarUnit, SloWindow } from './types.js';

const DAY = 86_400_000;

const NOMINAL: Readonly<Record<CalendarUnit, number>> = {
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  quarter: 90 * DAY,
  year: 365 * DAY,
};

/**
 * A fixed length standing for a window, for what needs one number: deriving burn-rate alert
 * windows and factors, or a rolling equivalent for Prometheus rules.
 *
 * A rolling window's length is its duration. A calendar period has no fixed length (a month is
 * 28 to 31 days, a local day 23 to 25 hours), so this uses `count` × 1 d, 7 d, 30 d, 90 d or
 * 365 d. Use {@link windowPeriod} for the real length of a given period.
 *
 * @param window - a validated window
 * @returns milliseconds
 * @throws RangeError when a hand-built window is malformed (not what {@link toWindow} would
 *   build: unknown kind, bad duration, unit, count, zone or start time)
 * @example
 * ```ts
 * nominalWindowLength(rollingWindow('28d')); // 2_419_200_000
 * nominalWindowLength(calendarWindow({ unit: 'month' })); // 2_592_000_000 (30 days)
 * ```
 */
export function nominalWindowLength(window: SloWindow): number {
  assertWindow('nominalWindowLength', window);
  if (window.kind === 'rolling') return window.duration;
  return window.count * NOMINAL[window.unit];
}
