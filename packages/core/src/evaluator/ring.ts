/**
 * A ring buffer of good/total event counts in fixed-length time buckets.
 *
 * @internal Not re-exported from the barrel.
 */

/** A good/total pair, written into by the ring's readers to avoid allocating. */
export interface MutableCounts {
  good: number;
  total: number;
}

/**
 * `a mod n` in [0, n), also for negative `a` (times before 1970).
 *
 * @param a - an absolute bucket or slice index
 * @param n - the ring size
 * @returns the slot
 * @example
 * ```ts
 * modulo(-1, 5); // 4
 * ```
 */
export function modulo(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * Good/total counts for the last `size` buckets of `resolution` milliseconds. Bucket `b` covers
 * `[b·resolution, (b+1)·resolution)` in epoch milliseconds and lives in slot `b mod size`;
 * `head` is the newest (open) bucket. Counts are kept apart and divided only when read
 * (REFERENCE.md §11.2 #2); an empty bucket is zero events, never a ratio.
 */
export class CountRing {
  readonly resolution: number;
  readonly size: number;
  readonly good: Float64Array;
  readonly total: Float64Array;
  /** Absolute index of the newest bucket. */
  head: number;

  constructor(resolution: number, size: number, now: number) {
    this.resolution = resolution;
    this.size = size;
    this.good = new Float64Array(size);
    this.total = new Float64Array(size);
    this.head = Math.floor(now / resolution);
  }

  /**
   * Move the head to the bucket holding `time`, zeroing the buckets it passes (they held
   * counts from one ring length ago). A time before the head leaves the head where it is.
   */
  advanceTo(time: number): void {
    const target = Math.floor(time / this.resolution);
    if (target <= this.head) return;
    if (target - this.head >= this.size) {
      this.good.fill(0);
      this.total.fill(0);
    } else {
      for (let b = this.head + 1; b <= target; b++) {
        const slot = modulo(b, this.size);
        this.good[slot] = 0;
        this.total[slot] = 0;
      }
    }
    this.head = target;
  }

  /** Add counts to the head bucket. */
  add(good: number, total: number): void {
    const slot = modulo(this.head, this.size);
    this.good[slot] = (this.good[slot] ?? 0) + good;
    this.total[slot] = (this.total[slot] ?? 0) + total;
  }

  /**
   * Sum buckets `first` to `head` (absolute indices) into `out`; buckets older than the ring
   * holds are not there and count as zero.
   */
  sumFrom(first: number, out: MutableCounts): MutableCounts {
    const from = Math.max(first, this.head - this.size + 1);
    let good = 0;
    let total = 0;
    for (let b = from; b <= this.head; b++) {
      const slot = modulo(b, this.size);
      good += this.good[slot] ?? 0;
      total += this.total[slot] ?? 0;
    }
    out.good = good;
    out.total = total;
    return out;
  }

  /** Sum the newest `count` buckets (the open one included) into `out`. */
  sumLast(count: number, out: MutableCounts): MutableCounts {
    return this.sumFrom(this.head - count + 1, out);
  }
}
