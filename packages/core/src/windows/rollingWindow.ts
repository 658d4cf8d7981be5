import { toDuration } from '../durations/toDuration.js';
import type { NinesPath } from '../errors.js';
import type { RollingWindow } from './types.js';

/**
 * Build a rolling window: the last `duration` milliseconds, sliding with time, so budget
 * comes back as old bad events leave it (REFERENCE.md §1.3). This is what Sloth, Pyrra and
 * Prometheus rules evaluate.
 *
 * @param duration - milliseconds, or Prometheus text such as `"30d"` or `"4w"`
 * @param path - where the duration sits in the caller's input, for errors
 * @returns the window
 * @throws NinesError `INVALID_DURATION` when the duration is not a positive whole number of
 *   milliseconds or valid Prometheus text (`"1M"` is refused: a month is a calendar window)
 * @example
 * ```ts
 * rollingWindow('30d'); // { kind: 'rolling', duration: 2_592_000_000 }
 * ```
 */
export function rollingWindow(duration: string | number, path: NinesPath = []): RollingWindow {
  return { kind: 'rolling', duration: toDuration(duration, path) };
}
