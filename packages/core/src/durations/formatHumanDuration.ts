import { formatDecimal } from '../decimal.js';
import { isFiniteNumber, showValue } from '../internal/validate.js';
import { DAY, HOUR, MINUTE, SECOND } from './units.js';

const HUMAN_UNITS: readonly (readonly [string, number])[] = [
  ['d', DAY],
  ['h', HOUR],
  ['min', MINUTE],
  ['s', SECOND],
];

/**
 * Format a duration for people, e.g. allowed downtime in a report: one unit, at most three
 * decimals, no float noise (`43.2 min`, never `43.20000000000004 min`).
 *
 * Picks the largest of d, h, min, s in which the value, rounded to three decimals, is at least
 * 1; below one second it prints milliseconds. Weeks and years are left out on purpose: `3.65 d`
 * reads better than `0.52 w`, and a 365-day year is not a calendar year.
 *
 * @param ms - a duration in milliseconds, finite and not negative (fractions allowed)
 * @returns the text, e.g. `"7.2 h"`, `"250 ms"`, `"0 ms"`
 * @throws RangeError when `ms` is negative or not finite
 * @example
 * ```ts
 * formatHumanDuration(2_592_000); // "43.2 min": 99.9% of 30 days
 * formatHumanDuration(315_360_000); // "3.65 d": 99% of 365 days
 * formatHumanDuration(250); // "250 ms"
 * ```
 */
export function formatHumanDuration(ms: number): string {
  if (!isFiniteNumber(ms) || ms < 0) {
    throw new RangeError(
      `formatHumanDuration needs a finite, non-negative number of milliseconds, got ${showValue(ms)}`,
    );
  }
  for (const [unit, size] of HUMAN_UNITS) {
    const value = Number(formatDecimal(ms / size, 3));
    // Rounding first means 59.9996 s reads "1 min", not "60 s".
    if (value >= 1) return `${formatDecimal(value)} ${unit}`;
  }
  return `${formatDecimal(ms, 3)} ms`;
}
