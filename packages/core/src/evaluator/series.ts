/**
 * All evaluator state of one objective: pending counts, rings, slice ring, observed runs and
 * the tiers' state machines.
 *
 * @internal Not re-exported from the barrel.
 */
import type { Objective } from '../objectives/types.js';
import type { BurnRateTier } from '../policies/types.js';
import { tierThreshold } from '../policies/index.js';
import type { TierMachine } from './alertState.js';
import { createHandle, type PendingCounts } from './handle.js';
import type { StorageLayout } from './layout.js';
import { CountRing } from './ring.js';
import { Runs } from './runs.js';
import { SliceRing } from './sliceRing.js';
import type { EventsHandle, ObjectiveStatus } from './types.js';

/**
 * Reads one rolling window: the newest `buckets` buckets of `ring`, the open one included, kept
 * as the ring's tracked range `id` (a running sum).
 */
export interface WindowReader {
  /** Window length in milliseconds. */
  readonly window: number;
  /** The ring the window is read from. */
  readonly ring: CountRing;
  /** Buckets read, the open one included. */
  readonly buckets: number;
  /** The ring's tracked-range id for this window. */
  readonly id: number;
}

/** A tier with its exact threshold, window readers and state machine. */
export interface TierRuntime {
  /** The tier as the policy defines it. */
  readonly tier: BurnRateTier;
  /** Exact error ratio both windows must reach: `factor × (1 − T)`. */
  readonly threshold: number;
  /** The tier's `for` in milliseconds (0 when it has none). */
  readonly forMs: number;
  /** The tier's alert state, updated in place. */
  readonly machine: TierMachine;
  /** Index in `alertWindows` of the tier's long window. */
  readonly long: number;
  /** Index in `alertWindows` of the tier's short window. */
  readonly short: number;
}

/**
 * One objective's evaluator state. Bucket and slice boundaries are fixed multiples of their
 * length in epoch time, so every instance of a service buckets alike.
 */
export class ObjectiveSeries {
  readonly objective: Objective;
  readonly layout: StorageLayout;
  readonly pending: PendingCounts = { good: 0, total: 0, dropped: 0 };
  readonly handle: EventsHandle;
  readonly rings: readonly CountRing[];
  readonly slices: SliceRing | null;
  /**
   * Readers of every rolling window (alert windows and a rolling period), shortest first; a
   * window the layout has no ring for is read from the period ring, its reader appended.
   */
  readonly readers: WindowReader[];
  /** The distinct alert windows, shortest first. */
  readonly alertWindows: readonly number[];
  /** The reader of each alert window, in the order of `alertWindows`. */
  readonly alertReaders: readonly WindowReader[];
  /** The reader of a rolling period, or `null` for a calendar one. */
  readonly periodReader: WindowReader | null;
  /** The period ring's tracked range for a calendar period (from its start), or -1. */
  readonly periodRange: number;
  readonly tiers: readonly TierRuntime[];
  /** The ring the period is read from. */
  readonly periodRing: CountRing;
  /** Longest stretch any ring or the slice ring holds, in milliseconds. */
  readonly span: number;
  runs: Runs;
  startedAt: number;
  last: ObjectiveStatus | undefined;

  constructor(objective: Objective, layout: StorageLayout, now: number) {
    this.objective = objective;
    this.layout = layout;
    this.handle = createHandle(objective.id, this.pending);
    this.rings = layout.rings.map((ring) => new CountRing(ring.resolution, ring.buckets, now));
    const periodRing = this.rings[layout.periodRing];
    if (periodRing === undefined) throw new Error('storage layout without a period ring');
    this.periodRing = periodRing;
    const budgeting = objective.budgeting;
    this.slices =
      layout.slices === null || budgeting.method === 'occurrences'
        ? null
        : new SliceRing(
            layout.slices.slice,
            layout.slices.slices,
            budgeting.method === 'timeslices'
              ? { sliceTarget: budgeting.sliceTarget, op: budgeting.op }
              : null,
            now,
          );
    const readers: WindowReader[] = [];
    layout.rings.forEach((ringLayout, index) => {
      const ring = this.rings[index];
      if (ring === undefined) return;
      for (const window of ringLayout.windows) {
        const buckets = Math.ceil(window / ring.resolution);
        readers.push({ window, ring, buckets, id: ring.track(buckets) });
      }
    });
    readers.sort((a, b) => a.window - b.window);
    this.readers = readers;
    this.alertWindows = [
      ...new Set((objective.alerting?.tiers ?? []).flatMap((t) => [t.longWindow, t.shortWindow])),
    ].sort((a, b) => a - b);
    this.alertReaders = this.alertWindows.map((window) => this.reader(window));
    this.periodReader =
      objective.window.kind === 'rolling' ? this.reader(objective.window.duration) : null;
    this.periodRange = objective.window.kind === 'rolling' ? -1 : periodRing.trackFrom();
    this.tiers = (objective.alerting?.tiers ?? []).map((tier) => ({
      tier,
      threshold: tierThreshold(tier, objective.target),
      forMs: tier.for ?? 0,
      machine: { state: 'inactive', since: null },
      long: this.alertWindows.indexOf(tier.longWindow),
      short: this.alertWindows.indexOf(tier.shortWindow),
    }));
    this.span = Math.max(
      ...this.rings.map((ring) => ring.size * ring.resolution),
      this.slices === null ? 0 : this.slices.size * this.slices.length,
    );
    this.runs = new Runs(now);
    this.startedAt = now;
    this.last = undefined;
  }

  /** The reader of a rolling window (alert windows, and a rolling period). */
  reader(window: number): WindowReader {
    const found = this.readers.find((r) => r.window === window);
    if (found !== undefined) return found;
    const buckets = Math.ceil(window / this.periodRing.resolution);
    const reader = { window, ring: this.periodRing, buckets, id: this.periodRing.track(buckets) };
    this.readers.push(reader);
    return reader;
  }

  /**
   * Move the pending counts into the buckets (and slice) holding `now`. Everything recorded
   * since the previous flush lands there: the flush time is the event time.
   */
  flush(now: number): void {
    const good = this.pending.good;
    const total = this.pending.total;
    this.pending.good = 0;
    this.pending.total = 0;
    for (const ring of this.rings) {
      ring.advanceTo(now);
      if (total > 0) ring.add(good, total);
    }
    if (this.slices !== null) {
      this.slices.advanceTo(now, this.runs, now);
      this.slices.add(good, total);
    }
    this.runs.prune(now - this.span);
  }
}
