import { NinesError, parseDuration } from '@nines/core';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Monday 1970-01-05 00:00 UTC: fixed periods line up on it, so weekly multiples start on Mondays. */
export const DEFAULT_PERIOD_ANCHOR = 4 * DAY;

/**
 * How a report cuts time: consecutive fixed-length periods (`2w` = 14 days each), or calendar
 * weeks (ISO, Monday to Sunday) or months, all in UTC.
 */
export type PeriodSpec =
  | {
      readonly kind: 'fixed';
      /** Period length in milliseconds. */
      readonly length: number;
      /** An instant where a period starts (default {@link DEFAULT_PERIOD_ANCHOR}). */
      readonly anchor?: number;
    }
  | { readonly kind: 'calendar'; readonly unit: 'week' | 'month' };

/** Cuts time into the periods of a {@link PeriodSpec}. */
export interface Periods {
  /** The start of the period holding `at`. */
  startOf(at: number): number;
  /** The start of the period after the one starting at `start`. */
  next(start: number): number;
  /** A short label: `2024-W19`, `2024-05`, or `2024-05-06..2024-05-19` for fixed periods. */
  label(start: number): string;
}

/**
 * Read a period as the CLI's `--period` takes it: `week` or `month` for calendar periods, or a
 * Prometheus duration (`1w`, `2w`, `30d`) for consecutive fixed-length periods.
 *
 * @param text - the period as written
 * @returns the period spec
 * @throws NinesError `INVALID_DURATION` for text that is neither
 * @example
 * ```ts
 * parsePeriod('2w'); // { kind: 'fixed', length: 1_209_600_000 }
 * parsePeriod('month'); // { kind: 'calendar', unit: 'month' }
 * ```
 */
export function parsePeriod(text: string): PeriodSpec {
  const word = text.trim().toLowerCase();
  if (word === 'week' || word === 'weekly' || word === 'calendar-week') {
    return { kind: 'calendar', unit: 'week' };
  }
  if (word === 'month' || word === 'monthly' || word === 'calendar-month') {
    return { kind: 'calendar', unit: 'month' };
  }
  const length = parseDuration(text.trim());
  if (length < DAY) {
    throw new NinesError(
      'INVALID_DURATION',
      `period ${JSON.stringify(text)} is shorter than a day; use 1d or more, "week" or "month"`,
    );
  }
  return { kind: 'fixed', length };
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** ISO 8601 week label of the week starting on Monday `start`. */
function isoWeek(start: number): string {
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Build the period arithmetic for a spec.
 *
 * @param spec - fixed or calendar periods
 * @returns start, next and label functions
 * @throws NinesError `INVALID_DURATION` for a non-positive fixed length
 * @example
 * ```ts
 * const weeks = createPeriods({ kind: 'calendar', unit: 'week' });
 * weeks.label(weeks.startOf(Date.UTC(2024, 4, 8))); // '2024-W19'
 * ```
 */
export function createPeriods(spec: PeriodSpec): Periods {
  if (spec.kind === 'fixed') {
    const { length, anchor = DEFAULT_PERIOD_ANCHOR } = spec;
    if (!Number.isSafeInteger(length) || length <= 0) {
      throw new NinesError(
        'INVALID_DURATION',
        `period length must be a positive whole number of milliseconds, got ${length}`,
      );
    }
    const wholeDays = length % DAY === 0 && ((anchor % DAY) + DAY) % DAY === 0;
    return {
      startOf: (at) => anchor + Math.floor((at - anchor) / length) * length,
      next: (start) => start + length,
      label: (start) =>
        wholeDays
          ? length === DAY
            ? day(start)
            : `${day(start)}..${day(start + length - DAY)}`
          : new Date(start).toISOString(),
    };
  }
  if (spec.unit === 'week') {
    return {
      // ISO weeks are 7-day periods lined up on a Monday.
      startOf: (at) =>
        DEFAULT_PERIOD_ANCHOR + Math.floor((at - DEFAULT_PERIOD_ANCHOR) / WEEK) * WEEK,
      next: (start) => start + WEEK,
      label: isoWeek,
    };
  }
  return {
    startOf: (at) => {
      const date = new Date(at);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    },
    next: (start) => {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    },
    label: (start) => new Date(start).toISOString().slice(0, 7),
  };
}
