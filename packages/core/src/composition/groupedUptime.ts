import { exactDivide, exactSubtract } from '../decimal.js';
import { describeValue, isPositiveNumber } from '../internal/validate.js';
import { checkNonEmpty, checkObject } from './checks.js';

/** A stretch of downtime, in milliseconds from the start of the period: `[start, end)`. */
export interface DowntimeInterval {
  /** Offset from the period start, in [0, period]. */
  readonly start: number;
  /** Offset from the period start, in [start, period]. */
  readonly end: number;
}

/** Uptime of each group and of the whole, as fractions of the period. */
export interface GroupedUptime {
  /** Fraction of the period in which every group was up. */
  readonly overall: number;
  /** Fraction of the period each group was up, in input order. */
  readonly groups: number[];
}

function mergedLength(intervals: readonly DowntimeInterval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let length = 0;
  let currentStart = Number.NaN;
  let currentEnd = Number.NaN;
  for (const { start, end } of sorted) {
    if (Number.isNaN(currentStart) || start > currentEnd) {
      if (!Number.isNaN(currentStart)) length += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else {
      currentEnd = Math.max(currentEnd, end);
    }
  }
  if (!Number.isNaN(currentStart)) length += currentEnd - currentStart;
  return length;
}

/**
 * Datadog-style grouped uptime: the whole is up only while every group (monitor, region,
 * endpoint) is up, so downtimes of different groups add up unless they overlap.
 *
 * With groups A and B each down 5 minutes of a day at different times, each is 99.653% up but
 * the whole only 99.306% (REFERENCE.md §10 #52; Datadog prints ≈ 99.305%); monitors at 90%, 90%
 * and 80% whose downtimes partly overlap can give 70% (§10 #53). Overlapping intervals inside a
 * group count once.
 *
 * @param period - length of the period in milliseconds, finite and > 0
 * @param downtimes - one list of downtime intervals per group, offsets in [0, period]
 * @returns the uptime fraction of the whole and of each group
 * @throws RangeError for a bad period, no groups, or an interval that is reversed, not finite or
 *   outside [0, period]
 * @example
 * ```ts
 * const day = 86_400_000;
 * groupedUptime(day, [[{ start: 0, end: 300_000 }], [{ start: 600_000, end: 900_000 }]]);
 * // { overall: 0.993055…, groups: [0.996527…, 0.996527…] }
 * ```
 */
export function groupedUptime(
  period: number,
  downtimes: readonly (readonly DowntimeInterval[])[],
): GroupedUptime {
  if (!isPositiveNumber(period)) {
    throw new RangeError(
      `period must be a finite number of milliseconds > 0, got ${describeValue(period)}`,
    );
  }
  checkNonEmpty('downtimes', downtimes);
  const all: DowntimeInterval[] = [];
  const groups = downtimes.map((intervals, group) => {
    const value: unknown = intervals;
    if (!Array.isArray(value)) {
      throw new RangeError(
        `downtimes[${group}] must be an array of intervals, got ${describeValue(value)}`,
      );
    }
    intervals.forEach((interval, index) => {
      checkObject(`downtimes[${group}][${index}]`, interval, '{ start, end }');
      const { start, end } = interval;
      if (
        typeof start !== 'number' ||
        typeof end !== 'number' ||
        !Number.isFinite(start) ||
        !Number.isFinite(end) ||
        start < 0 ||
        end > period ||
        start > end
      ) {
        throw new RangeError(
          `downtimes[${group}][${index}] must satisfy 0 <= start <= end <= period (${period}), got start ${describeValue(start)}, end ${describeValue(end)}`,
        );
      }
      all.push(interval);
    });
    return exactSubtract(1, exactDivide(mergedLength(intervals), period));
  });
  return { overall: exactSubtract(1, exactDivide(mergedLength(all), period)), groups };
}
