import type { Attributes, HrTime } from '@opentelemetry/api';
import type { SeriesListener, SliHandle } from '../slis/listener.js';

/** The series' requests succeeded (no `error.type`, status below 500 or 600+). */
export const ERROR_NO = 0;
/** The series' requests failed (`error.type` set). */
export const ERROR_YES = 1;
/** Requests of different outcomes share the series (the overflow series): decide per request. */
export const ERROR_VARIES = 2;
/** Whether a series' requests failed: fixed by its key, or varying. */
export type ErrorState = typeof ERROR_NO | typeof ERROR_YES | typeof ERROR_VARIES;

/** A feed resolved for one series: the request path reads these fields only. */
export interface BoundFeed {
  readonly listener: SeriesListener;
  readonly latency: boolean;
  /** Seconds; unused for availability. */
  readonly threshold: number;
  readonly handle: SliHandle;
}

const NO_FEEDS: readonly BoundFeed[] = Object.freeze([]);

/**
 * One exported point per instrument: its frozen attributes, cumulative start time, histogram
 * states and the SLI feeds chosen for it when it was created. Internal.
 */
export class Series {
  /** Replaced (never mutated) when listeners are added or removed. */
  feeds: readonly BoundFeed[] = NO_FEEDS;

  /**
   * @param attributes - frozen attributes, passed as-is to `histogram.record` and exported
   * @param error - whether the series' requests count as failed
   * @param startTime - cumulative start (creation time)
   * @param duration - duration histogram state
   * @param requestBody - request body size state, when body sizes are on
   * @param responseBody - response body size state, when body sizes are on
   */
  constructor(
    readonly attributes: Readonly<Attributes>,
    readonly error: ErrorState,
    readonly startTime: HrTime,
    readonly duration: Float64Array,
    readonly requestBody: Float64Array | undefined,
    readonly responseBody: Float64Array | undefined,
  ) {}
}

/**
 * @param epochMillis - milliseconds since the epoch
 * @returns the same instant as `[seconds, nanoseconds]`, as sdk-metrics' `millisToHrTime` does
 */
export function millisToHrTime(epochMillis: number): HrTime {
  const seconds = Math.trunc(epochMillis / 1000);
  return [seconds, Math.round((epochMillis % 1000) * 1e6)];
}
