/** Comparison of a slice's ratio with the slice target (OpenSLO `op`). */
export type SliceOperator = 'gte' | 'gt' | 'lte' | 'lt';

/** What a slice with no events counts as. */
export type EmptySlicePolicy = 'good' | 'bad' | 'skip';

/** SLI = good events / all events over the period (OpenSLO `Occurrences`). */
export interface OccurrencesBudgeting {
  /** Discriminant: count events. */
  readonly method: 'occurrences';
}

/**
 * SLI = good slices / all slices; a slice is good when its ratio passes `sliceTarget` by `op`
 * (OpenSLO `Timeslices`).
 */
export interface TimeslicesBudgeting {
  /** Discriminant: count good slices. */
  readonly method: 'timeslices';
  /** Slice length in milliseconds (OpenSLO `timeSliceWindow`). */
  readonly slice: number;
  /** Ratio a slice must reach to be good, in (0, 1] (OpenSLO `timeSliceTarget`). */
  readonly sliceTarget: number;
  /** How the slice ratio is compared with `sliceTarget`. Default `gte`. */
  readonly op: SliceOperator;
  /** What an empty slice counts as. Default `skip` (neither good nor bad). */
  readonly emptySlice: EmptySlicePolicy;
}

/** SLI = mean of the per-slice ratios (OpenSLO `RatioTimeslices`). */
export interface RatioTimeslicesBudgeting {
  /** Discriminant: average the slice ratios. */
  readonly method: 'ratio-timeslices';
  /** Slice length in milliseconds. */
  readonly slice: number;
  /** What an empty slice counts as. Default `skip`. */
  readonly emptySlice: EmptySlicePolicy;
}

/** How good and bad are counted over the period. */
export type Budgeting = OccurrencesBudgeting | TimeslicesBudgeting | RatioTimeslicesBudgeting;
