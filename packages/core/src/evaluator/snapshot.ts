/**
 * Evaluator snapshots: the plain, versioned data they hold, and how one objective's state is
 * written.
 */
import { bytesToBase64, uint32ToBytes } from './base64.js';
import type { ObjectiveSeries } from './series.js';
import type { SliceOperator } from '../budgeting/types.js';

/** One ring of good/total counts: slot `i` holds bucket `b` with `b mod size = i`. */
export interface RingSnapshot {
  /** Bucket length in milliseconds. */
  readonly resolution: number;
  /** Absolute index of the newest bucket (`floor(time / resolution)`). */
  readonly head: number;
  /** Good counts per slot, one per bucket of the ring. */
  readonly good: readonly number[];
  /** Valid (total) counts per slot, aligned with `good`. */
  readonly total: readonly number[];
}

/** The slice ring of a Timeslices or RatioTimeslices objective. */
export interface SliceSnapshot {
  /** The budgeting method the ring was kept for; a restore under another method drops it. */
  readonly method: 'timeslices' | 'ratio-timeslices';
  /** Slice length in milliseconds. */
  readonly length: number;
  /** Timeslices only: the rule the verdicts were taken under. */
  readonly sliceTarget?: number;
  /** Timeslices only: the comparison of the rule the verdicts were taken under. */
  readonly op?: SliceOperator;
  /** Index of the open slice. */
  readonly current: number;
  /** Good events of the open slice. */
  readonly good: number;
  /** Valid events of the open slice. */
  readonly total: number;
  /**
   * Base64 of one byte per slot (0 unobserved, 1 empty, 2 good, 3 bad) for Timeslices, or
   * four little-endian bytes per slot for RatioTimeslices (ratio × 1e9; 0xFFFFFFFE empty,
   * 0xFFFFFFFF unobserved).
   */
  readonly data: string;
}

/** A tier that was pending or firing when the snapshot was taken. */
export interface TierSnapshot {
  /** The tier's state; inactive tiers are not saved. */
  readonly state: 'pending' | 'firing';
  /** When the state was entered, epoch milliseconds, so `for` keeps counting after a restore. */
  readonly since: number;
}

/** Everything the evaluator holds for one objective. */
export interface ObjectiveSnapshot {
  /** When the objective was first evaluated. */
  readonly startedAt: number;
  /** Observed stretches `[start, end]`, sorted; the last one ends at the snapshot time. */
  readonly runs: readonly (readonly [number, number])[];
  /** Counts recorded but not flushed yet. */
  readonly pending: {
    /** Good events recorded since the last flush. */
    readonly good: number;
    /** Valid events recorded since the last flush. */
    readonly total: number;
  };
  /** Invalid inputs dropped so far. */
  readonly dropped: number;
  /** Rings, finest first (the order of `storageLayout(objective).rings`). */
  readonly rings: readonly RingSnapshot[];
  /** The slice ring (Timeslices, RatioTimeslices), or `null` for Occurrences. */
  readonly slices: SliceSnapshot | null;
  /** Tiers that were not inactive, by tier name. */
  readonly alerts: Readonly<Record<string, TierSnapshot>>;
}

/**
 * The evaluator's state as a plain, JSON-safe object (`JSON.stringify` it as it is), keyed by
 * objective id. Counts are number arrays; slice rings are base64.
 */
export interface EvaluatorSnapshot {
  /** Format version; this library reads version 1. */
  readonly version: 1;
  /** When the snapshot was taken, epoch milliseconds. */
  readonly at: number;
  /** When the rings were last flushed; they are current to this instant. */
  readonly flushedAt: number;
  /** Each objective's state, keyed by objective id. */
  readonly objectives: Readonly<Record<string, ObjectiveSnapshot>>;
}

/**
 * Write one objective's state as plain data; `at` ends its live run. Reads only: taking a
 * snapshot changes nothing, so it can be taken at any time.
 *
 * @param series - the objective's state
 * @param at - the snapshot time
 * @returns the JSON-safe entry
 */
export function snapshotSeries(series: ObjectiveSeries, at: number): ObjectiveSnapshot {
  const slices = series.slices;
  let sliceSnapshot: SliceSnapshot | null = null;
  if (slices !== null) {
    const bytes = slices.data instanceof Uint32Array ? uint32ToBytes(slices.data) : slices.data;
    sliceSnapshot = {
      method: slices.rule === null ? 'ratio-timeslices' : 'timeslices',
      length: slices.length,
      ...(slices.rule === null ? {} : { sliceTarget: slices.rule.sliceTarget, op: slices.rule.op }),
      current: slices.current,
      good: slices.accGood,
      total: slices.accTotal,
      data: bytesToBase64(bytes),
    };
  }
  const alerts = Object.fromEntries(
    series.tiers
      .filter((t) => t.machine.state !== 'inactive')
      .map((t) => [
        t.tier.name,
        { state: t.machine.state as 'pending' | 'firing', since: t.machine.since ?? at },
      ]),
  );
  return {
    startedAt: series.startedAt,
    runs: series.runs.toArray(at).map(([start, end]) => [start, end] as const),
    pending: { good: series.pending.good, total: series.pending.total },
    dropped: series.pending.dropped,
    rings: series.rings.map((ring) => ({
      resolution: ring.resolution,
      head: ring.head,
      good: Array.from(ring.good),
      total: Array.from(ring.total),
    })),
    slices: sliceSnapshot,
    alerts,
  };
}
