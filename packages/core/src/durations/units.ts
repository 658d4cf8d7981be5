/**
 * Fixed unit lengths in milliseconds, as Prometheus defines them: a day is always 24 h, a week
 * 7 d and a year 365 d (prometheus/common model/time.go). Calendar months, quarters and years
 * have no fixed length and are deliberately absent. Internal: only the `PrometheusDurationUnit`
 * type is re-exported; every area takes its unit lengths from here.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * One second in milliseconds.
 *
 * @example
 * ```ts
 * 90 * SECOND; // 90_000
 * ```
 */
export const SECOND = 1000;
/**
 * One minute in milliseconds.
 *
 * @example
 * ```ts
 * 5 * MINUTE; // 300_000
 * ```
 */
export const MINUTE = 60 * SECOND;
/**
 * One hour in milliseconds.
 *
 * @example
 * ```ts
 * 6 * HOUR; // 21_600_000
 * ```
 */
export const HOUR = 60 * MINUTE;
/**
 * One day (always 24 h, as in Prometheus) in milliseconds.
 *
 * @example
 * ```ts
 * 30 * DAY; // 2_592_000_000
 * ```
 */
export const DAY = 24 * HOUR;
/**
 * One week (7 days) in milliseconds.
 *
 * @example
 * ```ts
 * 4 * WEEK === 28 * DAY; // true
 * ```
 */
export const WEEK = 7 * DAY;
/**
 * One Prometheus year (always 365 days, not a calendar year) in milliseconds.
 *
 * @example
 * ```ts
 * YEAR === 365 * DAY; // true
 * ```
 */
export const YEAR = 365 * DAY;

/** A unit of Prometheus's duration syntax. */
export type PrometheusDurationUnit = 'y' | 'w' | 'd' | 'h' | 'm' | 's' | 'ms';

/**
 * Prometheus units from largest to smallest, the only order `parseDuration` accepts.
 *
 * @example
 * ```ts
 * PROMETHEUS_UNITS.map(([unit]) => unit).join(''); // "ywdhmsms"
 * ```
 */
export const PROMETHEUS_UNITS: readonly (readonly [PrometheusDurationUnit, number])[] = [
  ['y', YEAR],
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
  ['ms', 1],
];
