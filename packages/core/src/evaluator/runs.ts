/**
 * The stretches of time an objective was observed (the evaluator was running), so coverage and
 * warm-up can tell "no events" from "not watching", across restarts.
 *
 * @internal Not re-exported from the barrel.
 */

/** Closed runs kept at most; beyond it the two runs with the shortest gap between them merge. */
export const MAX_RUNS = 64;

/** One observed stretch, `[start, end]` in epoch milliseconds. */
export type Run = readonly [start: number, end: number];

/**
 * Closed runs (from before the last restore) plus the live run, which starts at `liveStart`
 * and always ends at the evaluator's current time.
 */
export class Runs {
  /** Closed runs, sorted and disjoint, all ending at or before `liveStart`. */
  closed: Run[];
  liveStart: number;

  constructor(liveStart: number, closed: readonly Run[] = []) {
    this.closed = [...closed];
    this.liveStart = liveStart;
    // A restore at the very instant the snapshot was taken continues its last run.
    const last = this.closed[this.closed.length - 1];
    if (last !== undefined && last[1] >= liveStart) {
      this.closed.pop();
      this.liveStart = Math.min(last[0], liveStart);
    }
    this.cap();
  }

  /** Milliseconds of `[from, to]` that were observed, the live run ending at `now`. */
  covered(from: number, to: number, now: number): number {
    let sum = 0;
    for (const [start, end] of this.closed) sum += overlap(start, end, from, to);
    return sum + overlap(this.liveStart, now, from, to);
  }

  /** True when any observed time falls in `[from, to)`. */
  overlaps(from: number, to: number, now: number): boolean {
    if (this.liveStart < to && now >= from) return true;
    for (const [start, end] of this.closed) {
      if (start < to && end >= from) return true;
    }
    return false;
  }

  /** Start of the earliest run still kept: how far back the history reaches. */
  historyStart(): number {
    return this.closed[0]?.[0] ?? this.liveStart;
  }

  /** Forget runs that ended before `before` (older than anything the rings still hold). */
  prune(before: number): void {
    let drop = 0;
    while (drop < this.closed.length && (this.closed[drop]?.[1] ?? Infinity) < before) drop++;
    if (drop > 0) this.closed.splice(0, drop);
  }

  /** All runs, the live one ending at `now`, for a snapshot. */
  toArray(now: number): Run[] {
    return [...this.closed, [this.liveStart, now]];
  }

  private cap(): void {
    while (this.closed.length > MAX_RUNS) {
      let best = 0;
      let bestGap = Infinity;
      for (let i = 0; i + 1 < this.closed.length; i++) {
        const gap = (this.closed[i + 1]?.[0] ?? 0) - (this.closed[i]?.[1] ?? 0);
        if (gap < bestGap) {
          bestGap = gap;
          best = i;
        }
      }
      const a = this.closed[best];
      const b = this.closed[best + 1];
      if (a === undefined || b === undefined) return;
      this.closed.splice(best, 2, [a[0], b[1]]);
    }
  }
}

function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}
