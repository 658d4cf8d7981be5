/**
 * The per-slice ring of the Timeslices and RatioTimeslices methods: one compact code per closed
 * slice, with running sums over the slices of the current period.
 *
 * @internal Not re-exported from the barrel.
 */
import { sliceIsGood } from '../budgeting/index.js';
import type { EmptySlicePolicy, SliceOperator } from '../budgeting/types.js';
import { sliFromCounts } from '../budgets/index.js';
import { exactDivide } from '../decimal.js';
import { modulo } from './ring.js';
import type { Runs } from './runs.js';

/** Verdict codes (Timeslices), one byte per slice. */
export const VERDICT_UNOBSERVED = 0;
export const VERDICT_EMPTY = 1;
export const VERDICT_GOOD = 2;
export const VERDICT_BAD = 3;

/**
 * Ratio codes (RatioTimeslices), four bytes per slice: the ratio in units of 1e-9 (0 to 1e9),
 * so sums of ratios are exact integers and a ratio of 0.999 reads back as 0.999.
 */
export const RATIO_SCALE = 1_000_000_000;
export const RATIO_EMPTY = 0xfffffffe;
export const RATIO_UNOBSERVED = 0xffffffff;

/** The slice rule of the Timeslices method. */
export interface VerdictRule {
  /** The slice target each closed slice's ratio is compared with. */
  readonly sliceTarget: number;
  /** The comparison (e.g. `gte`). */
  readonly op: SliceOperator;
}

/** The period SLI of a slice method, from the running sums. */
export interface SliceSums {
  /** `good / counted`, or `null` when no slice counts. */
  readonly sli: number | null;
  /** Good slices (Timeslices) or the sum of slice ratios (RatioTimeslices). */
  readonly good: number;
  /** Slices counted: slices with events, plus empty ones unless `emptySlice` is `skip`. */
  readonly counted: number;
  /** Observed slices without events. */
  readonly empty: number;
}

/**
 * Closed slices `s` live in slot `s mod size`; slice `current` is open and accumulates counts.
 * `sumCounted`, `sumGood` and `sumEmpty` always cover closed slices `[lo, current − 1]`, so
 * reading the period SLI costs nothing per evaluation; they are integers, so they never drift.
 * Slices before the history began, or in a gap between runs, are unobserved and never counted.
 */
export class SliceRing {
  readonly length: number;
  readonly size: number;
  /** Verdict rule, or `null` for ratios. */
  readonly rule: VerdictRule | null;
  readonly data: Uint8Array | Uint32Array;
  current: number;
  accGood = 0;
  accTotal = 0;
  lo: number;
  sumCounted = 0;
  sumGood = 0;
  sumEmpty = 0;

  constructor(length: number, size: number, rule: VerdictRule | null, now: number) {
    this.length = length;
    this.size = size;
    this.rule = rule;
    this.data = rule === null ? new Uint32Array(size).fill(RATIO_UNOBSERVED) : new Uint8Array(size);
    this.current = Math.floor(now / length);
    this.lo = this.current;
  }

  /** Add flushed counts to the open slice. */
  add(good: number, total: number): void {
    this.accGood += good;
    this.accTotal += total;
  }

  /**
   * Close every slice before the one holding `time`: the open slice gets its verdict or ratio,
   * the slices passed over are empty when observed (per `runs`, the live run ending at `now`)
   * and unobserved otherwise.
   */
  advanceTo(time: number, runs: Runs, now: number): void {
    const target = Math.floor(time / this.length);
    if (target <= this.current) return;
    if (target - this.current > this.size) {
      for (let s = target - this.size; s < target; s++) {
        this.data[modulo(s, this.size)] = this.idleCode(s, runs, now);
      }
      this.current = target;
      this.recount(Math.max(this.lo, target - this.size));
    } else {
      for (let s = this.current; s < target; s++) {
        const code =
          s === this.current && this.accTotal > 0
            ? this.encode(this.accGood, this.accTotal)
            : this.idleCode(s, runs, now);
        this.write(s, code);
      }
      this.current = target;
    }
    this.accGood = 0;
    this.accTotal = 0;
  }

  /** Make the running sums cover closed slices from `lo` on. */
  setLowerBound(lo: number): void {
    if (lo >= this.lo) {
      const end = Math.min(lo, this.current);
      for (let s = this.lo; s < end; s++) this.apply(this.codeAt(s), -1);
      this.lo = lo;
    } else {
      this.recount(lo);
    }
  }

  /** Recompute the running sums over closed slices from `lo` (or the oldest kept) on. */
  recount(lo: number): void {
    this.lo = Math.max(lo, this.current - this.size);
    this.sumCounted = 0;
    this.sumGood = 0;
    this.sumEmpty = 0;
    for (let s = this.lo; s < this.current; s++) this.apply(this.codeAt(s), 1);
  }

  /** The period SLI under an empty-slice policy, from the running sums. */
  sums(emptySlice: EmptySlicePolicy): SliceSums {
    const unit = this.rule === null ? RATIO_SCALE : 1;
    let counted = this.sumCounted;
    let good = this.sumGood;
    if (emptySlice !== 'skip') counted += this.sumEmpty;
    if (emptySlice === 'good') good += this.sumEmpty * unit;
    return {
      sli: sliFromCounts(good, counted * unit),
      good: unit === 1 ? good : exactDivide(good, unit),
      counted,
      empty: this.sumEmpty,
    };
  }

  codeAt(s: number): number {
    return this.data[modulo(s, this.size)] ?? 0;
  }

  private encode(good: number, total: number): number {
    const ratio = good / total;
    if (this.rule === null) return Math.round(ratio * RATIO_SCALE);
    return sliceIsGood(ratio, this.rule.sliceTarget, this.rule.op) ? VERDICT_GOOD : VERDICT_BAD;
  }

  private idleCode(s: number, runs: Runs, now: number): number {
    const observed = runs.overlaps(s * this.length, (s + 1) * this.length, now);
    if (this.rule === null) return observed ? RATIO_EMPTY : RATIO_UNOBSERVED;
    return observed ? VERDICT_EMPTY : VERDICT_UNOBSERVED;
  }

  private write(s: number, code: number): void {
    const evicted = s - this.size;
    if (evicted >= this.lo) {
      this.apply(this.codeAt(evicted), -1);
      this.lo = evicted + 1;
    }
    this.data[modulo(s, this.size)] = code;
    if (s >= this.lo) this.apply(code, 1);
  }

  private apply(code: number, sign: 1 | -1): void {
    if (this.rule === null) {
      if (code <= RATIO_SCALE) {
        this.sumCounted += sign;
        this.sumGood += sign * code;
      } else if (code === RATIO_EMPTY) {
        this.sumEmpty += sign;
      }
      return;
    }
    if (code === VERDICT_GOOD) {
      this.sumCounted += sign;
      this.sumGood += sign;
    } else if (code === VERDICT_BAD) {
      this.sumCounted += sign;
    } else if (code === VERDICT_EMPTY) {
      this.sumEmpty += sign;
    }
  }
}
