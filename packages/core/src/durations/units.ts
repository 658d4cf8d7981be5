/**
 * Fixed unit lengths in milliseconds, as Prometheus defines them: a day is always 24 h, a week
 * 7 d and a year 365 d (prometheus/common model/time.go). Calendar months, quarters and years
 * have no fixed length and are deliberately absent.
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const YEAR = 365 * DAY;

/** A unit of Prometheus's duration syntax. */
export type PrometheusDurationUnit = 'y' | 'w' | 'd' | 'h' | 'm' | 's' | 'ms';

/** Prometheus units from largest to smallest, the only order `parseDuration` accepts. */
export const PROMETHEUS_UNITS: readonly (readonly [PrometheusDurationUnit, number])[] = [
  ['y', YEAR],
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
  ['ms', 1],
];
