import { formatDuration } from '../durations/formatDuration.js';
import { assertWindow } from './checkWindow.js';
import type { SloWindow } from './types.js';

/**
 * Describe a window in one short phrase for messages, reports and the CLI: a rolling window
 * as Prometheus writes its duration, a calendar window with its unit, zone and anchor.
 *
 * @param window - a validated window
 * @returns e.g. `"30d"`, `"4w"`, `"1 month (calendar, Europe/Paris)"`,
 *   `"2 weeks (calendar, UTC, from 2026-01-05 00:00:00)"`
 * @throws RangeError when a hand-built window is malformed (not what {@link toWindow} would
 *   build: unknown kind, bad duration, unit, count, zone or start time)
 * @example
 * ```ts
 * formatWindow(rollingWindow('30d')); // "30d"
 * formatWindow(calendarWindow({ unit: 'month', timeZone: 'Europe/Paris' }));
 * // "1 month (calendar, Europe/Paris)"
 * ```
 */
export function formatWindow(window: SloWindow): string {
  assertWindow('formatWindow', window);
  if (window.kind === 'rolling') return formatDuration(window.duration);
  const { unit, count, timeZone, startTime } = window;
  const from = startTime === undefined ? '' : `, from ${startTime}`;
  return `${count} ${unit}${count === 1 ? '' : 's'} (calendar, ${timeZone}${from})`;
}
