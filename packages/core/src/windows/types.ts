/** A calendar unit an objective's period can be aligned to. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A window that slides with time: the last `duration` milliseconds. */
export interface RollingWindow {
  /** Discriminant. */
  readonly kind: 'rolling';
  /** Length in milliseconds, e.g. 30 days = 2_592_000_000. */
  readonly duration: number;
}

/**
 * A window aligned to the calendar in an IANA time zone (e.g. each month in `Europe/Paris`);
 * the budget resets at each boundary.
 */
export interface CalendarWindow {
  /** Discriminant. */
  readonly kind: 'calendar';
  /** The calendar unit a period is made of. */
  readonly unit: CalendarUnit;
  /** How many units one period spans (`2` with `week` is a fortnight). At least 1. */
  readonly count: number;
  /** IANA zone the boundaries are computed in, e.g. `UTC`, `America/New_York`. */
  readonly timeZone: string;
  /**
   * Local start of one period (`YYYY-MM-DD HH:mm:ss`, OpenSLO's `calendar.startTime`) that
   * anchors multi-unit periods. Periods of count 1 align to the unit's natural start.
   */
  readonly startTime?: string;
}

/** An objective's compliance window (SLO period). */
export type SloWindow = RollingWindow | CalendarWindow;

/** The period a window covers at a given instant. */
export interface WindowPeriod {
  /** Start, epoch milliseconds (inclusive). */
  readonly start: number;
  /** End, epoch milliseconds (exclusive). For a rolling window, `now`. */
  readonly end: number;
  /** Length of the period in milliseconds (`end - start` for calendar windows). */
  readonly length: number;
  /** Milliseconds of the period already elapsed at `now`. */
  readonly elapsed: number;
  /** `elapsed / length`, in [0, 1]. Always 1 for a rolling window. */
  readonly elapsedShare: number;
}
