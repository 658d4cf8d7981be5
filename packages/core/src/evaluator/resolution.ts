/**
 * How fine the evaluator's ring buffers are: one bucket length per window, picked from a fixed
 * ladder so that every bucket boundary falls on a whole UTC day.
 *
 * @internal Not re-exported from the barrel; {@link storageLayout} shows the result.
 */
import type { SloWindow } from '../windows/types.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket lengths the evaluator may use, finest first; each divides one day. */
export const RESOLUTION_LADDER: readonly number[] = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
];

/**
 * At most this many buckets per window: with the ladder's steps (at most 2.5×) a window gets
 * 144 to 360 buckets, so reading whole buckets misplaces at most 1/144 of it (edge error), and
 * a read that has to scan (the ring keeps running sums otherwise) costs a few hundred additions.
 */
export const MAX_BUCKETS_PER_WINDOW = 360;

/**
 * Every time zone offset in use today, and every DST shift, is a multiple of 15 minutes, so
 * 15-minute buckets start exactly at every local midnight: a calendar period read from them has
 * no edge error at its boundaries.
 */
export const CALENDAR_ALIGNMENT = 15 * MINUTE;

/** Cap on the buckets of a calendar period ring (64 KiB of counts). */
export const MAX_CALENDAR_BUCKETS = 4_096;

/** Slack added to the longest calendar period: DST and zone-rule changes (at most 2 h). */
const CALENDAR_SLACK = 2 * HOUR;

/** Longest single calendar unit, in milliseconds. */
const LONGEST_UNIT = {
  day: DAY,
  week: 7 * DAY,
  month: 31 * DAY,
  quarter: 92 * DAY,
  year: 366 * DAY,
} as const;

const COARSEST = RESOLUTION_LADDER[RESOLUTION_LADDER.length - 1] ?? DAY;

/**
 * The finest bucket length that reads a window of `span` milliseconds in at most
 * {@link MAX_BUCKETS_PER_WINDOW} buckets (1 s at the finest, 1 day at the coarsest).
 *
 * @param span - window length in milliseconds
 * @returns a bucket length from {@link RESOLUTION_LADDER}
 * @example
 * ```ts
 * resolutionFor(3_600_000); // 10_000: a 1 h window in 360 buckets of 10 s
 * ```
 */
export function resolutionFor(span: number): number {
  for (const resolution of RESOLUTION_LADDER) {
    if (Math.ceil(span / resolution) <= MAX_BUCKETS_PER_WINDOW) return resolution;
  }
  return COARSEST;
}

/**
 * The longest period a window can have: its duration when rolling; for a calendar window the
 * longest unit (31-day month, 92-day quarter, 366-day year) times `count`, plus DST slack.
 * `nominalWindowLength` (30 days for a month) is too short to size a ring.
 *
 * @param window - a validated window
 * @returns milliseconds
 * @example
 * ```ts
 * longestPeriod({ kind: 'calendar', unit: 'month', count: 1, timeZone: 'UTC' }); // 31 d + 2 h
 * ```
 */
export function longestPeriod(window: SloWindow): number {
  if (window.kind === 'rolling') return window.duration;
  return window.count * LONGEST_UNIT[window.unit] + CALENDAR_SLACK;
}

/**
 * Bucket length for a calendar period: 15 minutes or finer when the period fits in
 * {@link MAX_CALENDAR_BUCKETS} buckets that way (day, week, month), so boundaries are exact in
 * every zone; coarser for quarters and years (1 h, 3 h), exact in whole-hour zones only.
 *
 * @param longest - the longest period, from {@link longestPeriod}
 * @returns a bucket length from {@link RESOLUTION_LADDER}
 * @example
 * ```ts
 * calendarResolution(31 * 86_400_000 + 7_200_000); // 900_000 (15 min)
 * ```
 */
export function calendarResolution(longest: number): number {
  let affordable = COARSEST;
  for (const resolution of RESOLUTION_LADDER) {
    if (Math.ceil(longest / resolution) + 1 <= MAX_CALENDAR_BUCKETS) {
      affordable = resolution;
      break;
    }
  }
  return Math.min(resolutionFor(longest), Math.max(CALENDAR_ALIGNMENT, affordable));
}
