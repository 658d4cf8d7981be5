import { NinesError } from '../errors.js';
import type { NinesPath } from '../errors.js';
import { calendarWindow } from './calendarWindow.js';
import type { CalendarWindowOptions } from './calendarWindow.js';
import { rollingWindow } from './rollingWindow.js';
import type { SloWindow } from './types.js';

/**
 * Accept a window wherever an objective takes one: Prometheus text or milliseconds mean a
 * rolling window (what every Prometheus-based generator supports); an object is checked field
 * by field, since it may come from YAML or JavaScript rather than from the builders.
 *
 * @param input - `"30d"`, `2_592_000_000`, a {@link RollingWindow} or a {@link CalendarWindow}
 * @param path - where the window sits in the caller's input, for errors
 * @returns a fresh, validated window (defaults filled in for calendar windows)
 * @throws NinesError `INVALID_DURATION` for a bad rolling duration, `INVALID_WINDOW` for an
 *   unknown `kind` or bad calendar fields, `INVALID_TIME_ZONE` for an unknown zone
 * @example
 * ```ts
 * toWindow('28d'); // { kind: 'rolling', duration: 2_419_200_000 }
 * toWindow({ kind: 'calendar', unit: 'month', count: 1, timeZone: 'Europe/Paris' });
 * ```
 */
export function toWindow(input: string | number | SloWindow, path: NinesPath = []): SloWindow {
  if (typeof input === 'string' || typeof input === 'number') return rollingWindow(input, path);
  const candidate: unknown = input;
  if (typeof candidate === 'object' && candidate !== null) {
    const { kind } = candidate as { kind?: unknown };
    if (kind === 'rolling') {
      const { duration } = candidate as { duration?: unknown };
      return rollingWindow(duration as string | number, [...path, 'duration']);
    }
    if (kind === 'calendar') {
      return calendarWindow(candidate as CalendarWindowOptions, path);
    }
  }
  const kind =
    typeof candidate === 'object' && candidate !== null
      ? String((candidate as { kind?: unknown }).kind)
      : typeof candidate;
  throw new NinesError(
    'INVALID_WINDOW',
    `Invalid window (${kind}): expected a duration such as "30d", a number of milliseconds, ` +
      "or an object with kind 'rolling' or 'calendar'",
    { path },
  );
}
