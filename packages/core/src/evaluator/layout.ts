import { NinesError } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import type { Objective } from '../objectives/types.js';
import { calendarResolution, longestPeriod, resolutionFor } from './resolution.js';

/** Bytes per ring bucket: a Float64 good count and a Float64 total count. */
export const BYTES_PER_BUCKET = 16;

/** Upper bound on closed slices kept per objective (1 MB of verdicts, 4 MB of ratios). */
export const MAX_SLICES = 1_000_000;

/** One ring buffer of good/total counts at a fixed bucket length. */
export interface RingLayout {
  /** Bucket length in milliseconds (1 s to 1 d). */
  readonly resolution: number;
  /** Buckets kept: enough for the longest window read from this ring, plus the open bucket. */
  readonly buckets: number;
  /** Rolling windows (milliseconds) read from this ring, ascending. */
  readonly windows: readonly number[];
  /** `buckets × 16`. */
  readonly bytes: number;
}

/** The per-slice ring of the Timeslices and RatioTimeslices budgeting methods. */
export interface SliceLayout {
  /** The budgeting method the slices serve. */
  readonly method: 'timeslices' | 'ratio-timeslices';
  /** Slice length in milliseconds. */
  readonly slice: number;
  /** Closed slices kept: the longest period in slices, plus one. */
  readonly slices: number;
  /** 1 (a verdict per slice) or 4 (a ratio per slice, to 9 decimal places). */
  readonly bytesPerSlice: 1 | 4;
  /** `slices × bytesPerSlice`. */
  readonly bytes: number;
}

/** What the evaluator stores for one objective, and what it costs. */
export interface StorageLayout {
  /** Rings, finest first. */
  readonly rings: readonly RingLayout[];
  /** Index in `rings` of the ring the period (SLI and budget) is read from. */
  readonly periodRing: number;
  /** The slice ring, or `null` for Occurrences. */
  readonly slices: SliceLayout | null;
  /** Bytes of typed-array storage: rings plus slices (object overhead not included). */
  readonly bytes: number;
}

/**
 * Plan the ring buffers the evaluator keeps for an objective.
 *
 * Every window the objective reads (each alert tier's long and short window, and the period)
 * gets the finest bucket length that covers it in at most 360 buckets (so 144 to 360 buckets,
 * an edge error under 0.7%); windows that get the same bucket length share one ring as long as
 * the longest of them. A calendar period uses 15-minute buckets where they fit (day, week,
 * month), so its boundaries fall exactly on local midnights in every zone. Memory depends on the
 * objective's windows only, never on traffic.
 *
 * Timeslices keep one byte per closed slice (its verdict) and RatioTimeslices four (its ratio,
 * to 9 decimal places) over the longest period: 30 days of 1-minute slices cost 43,201 bytes or
 * 172,804 bytes on top of the rings.
 *
 * @param objective - a validated objective
 * @returns the rings, the slice ring and their size in bytes
 * @throws NinesError `INVALID_BUDGETING` when the period holds more than 1,000,000 slices;
 *   `INVALID_ARGUMENT` when `objective` is not an objective (no window, budgeting or policy)
 * @example
 * ```ts
 * const layout = storageLayout(defineObjective({ id: 'api', targetPercent: 99.9, window: '30d', sli: { kind: 'events' } }));
 * layout.rings.map((r) => r.resolution); // [1000, 5000, 10000, 30000, 60000, 300000, 900000, 7200000]
 * layout.bytes; // 41024
 * ```
 */
export function storageLayout(objective: Objective): StorageLayout {
  checkObjective(objective, 'storageLayout');
  const spans = new Map<number, number>();
  const windows = new Map<number, Set<number>>();
  const use = (resolution: number, span: number, window: number | undefined): void => {
    spans.set(resolution, Math.max(spans.get(resolution) ?? 0, span));
    const set = windows.get(resolution) ?? new Set<number>();
    if (window !== undefined) set.add(window);
    windows.set(resolution, set);
  };
  for (const tier of objective.alerting?.tiers ?? []) {
    for (const w of [tier.longWindow, tier.shortWindow]) use(resolutionFor(w), w, w);
  }
  const longest = longestPeriod(objective.window);
  const periodResolution =
    objective.window.kind === 'rolling' ? resolutionFor(longest) : calendarResolution(longest);
  use(
    periodResolution,
    longest,
    objective.window.kind === 'rolling' ? objective.window.duration : undefined,
  );

  const resolutions = [...spans.keys()].sort((a, b) => a - b);
  const rings = resolutions.map((resolution): RingLayout => {
    const buckets = Math.ceil((spans.get(resolution) ?? resolution) / resolution) + 1;
    return {
      resolution,
      buckets,
      windows: [...(windows.get(resolution) ?? [])].sort((a, b) => a - b),
      bytes: buckets * BYTES_PER_BUCKET,
    };
  });
  const slices = sliceLayout(objective, longest);
  const bytes = rings.reduce((sum, ring) => sum + ring.bytes, 0) + (slices?.bytes ?? 0);
  return { rings, periodRing: resolutions.indexOf(periodResolution), slices, bytes };
}

/**
 * Throw unless `objective` has the shape {@link storageLayout} reads, so a non-objective gets a
 * NinesError naming it instead of a `TypeError` from deep inside the planning. Internal: not
 * re-exported from the barrel.
 *
 * @param objective - the argument as given
 * @param caller - the public function that received it, for the message
 * @throws NinesError `INVALID_ARGUMENT` with the path (relative to the objective) of the first
 *   missing part
 * @example
 * ```ts
 * checkObjective(null, 'estimateMemory'); // throws: estimateMemory needs an objective from defineObjective, got null
 * ```
 */
export function checkObjective(objective: unknown, caller: string): asserts objective is Objective {
  const needs = `${caller} needs an objective from defineObjective`;
  const fail = (message: string, path: readonly string[]): never => {
    throw new NinesError('INVALID_ARGUMENT', `${needs}${message}`, { path });
  };
  if (!isRecord(objective)) return fail(`, got ${describeValue(objective)}`, []);
  if (typeof objective.id !== 'string') {
    fail(`: id must be a string, got ${describeValue(objective.id)}`, ['id']);
  }
  const window = objective.window;
  if (!isRecord(window) || (window.kind !== 'rolling' && window.kind !== 'calendar')) {
    fail(`: window must be a rolling or calendar window, got ${describeValue(window)}`, ['window']);
  }
  const budgeting = objective.budgeting;
  if (!isRecord(budgeting) || typeof budgeting.method !== 'string') {
    fail(`: budgeting must be an object with a method, got ${describeValue(budgeting)}`, [
      'budgeting',
    ]);
  }
  const alerting = objective.alerting;
  if (
    alerting !== undefined &&
    alerting !== null &&
    (!isRecord(alerting) || !Array.isArray(alerting.tiers))
  ) {
    fail(`: alerting must be a policy with tiers or undefined, got ${describeValue(alerting)}`, [
      'alerting',
    ]);
  }
}

function sliceLayout(objective: Objective, longest: number): SliceLayout | null {
  const budgeting = objective.budgeting;
  if (budgeting.method === 'occurrences') return null;
  const slice = budgeting.slice;
  const count =
    objective.window.kind === 'rolling'
      ? Math.max(1, Math.floor(longest / slice)) + 1
      : Math.ceil(longest / slice) + 1;
  if (!(count <= MAX_SLICES)) {
    throw new NinesError(
      'INVALID_BUDGETING',
      `objective ${JSON.stringify(objective.id)}: a ${String(slice)} ms slice over its window needs ${String(count)} slices; the evaluator keeps at most ${String(MAX_SLICES)} (use a longer slice)`,
      { path: ['budgeting', 'slice'] },
    );
  }
  const bytesPerSlice = budgeting.method === 'timeslices' ? 1 : 4;
  return {
    method: budgeting.method,
    slice,
    slices: count,
    bytesPerSlice,
    bytes: count * bytesPerSlice,
  };
}

/**
 * Bytes of ring-buffer storage the evaluator keeps for an objective (see {@link storageLayout}).
 *
 * A 99.9%/30-day objective with the four Workbook tiers costs 41,024 bytes; a calendar month
 * 78,384 bytes; add 43,201 bytes for 1-minute Timeslices or 172,804 for 1-minute RatioTimeslices.
 *
 * @param objective - a validated objective
 * @returns bytes of typed-array storage, independent of traffic
 * @throws NinesError `INVALID_BUDGETING` when the period holds more than 1,000,000 slices;
 *   `INVALID_ARGUMENT` when `objective` is not an objective (no window, budgeting or policy)
 * @example
 * ```ts
 * estimateMemory(defineObjective({ id: 'api', targetPercent: 99.9, window: '30d', sli: { kind: 'events' } })); // 41024
 * ```
 */
export function estimateMemory(objective: Objective): number {
  checkObjective(objective, 'estimateMemory');
  return storageLayout(objective).bytes;
}
