/**
 * A ring buffer of good/total event counts in fixed-length time buckets.
 *
 * @internal Not re-exported from the barrel.
 */

/** A good/total pair, written into by the ring's readers to avoid allocating. */
export interface MutableCounts {
  /** Good events. */
  good: number;
  /** Valid events. */
  total: number;
}

/** A tracked range of a ring and its running sums. */
interface TrackedRange {
  /** Buckets it spans back from the head, the head included (at most the ring size). */
  readonly span: number;
  /** Its oldest bucket (`-Infinity` for a rolling window). */
  floor: number;
  /** Running sum of good events over the range. */
  good: number;
  /** Running sum of valid events over the range. */
  total: number;
  /** Whether the running sums are exact (else the next read scans). */
  exact: boolean;
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
 *
 * Windows read at every evaluation are tracked ({@link CountRing.track}): their sums are kept
 * up to date as counts arrive and buckets leave, so a read costs O(1) instead of one addition
 * per bucket. A running sum is used only while it is provably the number a fresh
 * {@link CountRing.sumFrom} would return: every count in its range is a whole number and the
 * sums stay at most 2^53 − 1, so every partial sum is exact and the order of additions does not
 * matter. Otherwise (fractional counts, huge totals, after a restore) the read scans the buckets
 * and re-seeds the running sum once the range is whole again.
 */
export class CountRing {
  readonly resolution: number;
  readonly size: number;
  readonly good: Float64Array;
  readonly total: Float64Array;
  /** Absolute index of the newest bucket. */
  head: number;
  /** The tracked ranges, by id (an exact-size array: a few per ring). */
  private ranges: readonly TrackedRange[] = [];
  /** Newest bucket that received a count that is not a whole number (`-Infinity`: none). */
  private fractionalAt = -Infinity;

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
      this.fractionalAt = -Infinity;
      for (const range of this.ranges) {
        range.good = 0;
        range.total = 0;
        range.exact = true;
      }
    } else {
      for (let b = this.head + 1; b <= target; b++) {
        // Bucket b − span leaves each tracked range; read it before slot b is cleared (the
        // same slot when span = size).
        for (const range of this.ranges) {
          const leaving = b - range.span;
          if (range.exact && leaving >= range.floor) {
            const slot = modulo(leaving, this.size);
            range.good -= this.good[slot] ?? 0;
            range.total -= this.total[slot] ?? 0;
          }
        }
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
    if (!Number.isInteger(good) || !Number.isInteger(total)) {
      this.fractionalAt = this.head;
      for (const range of this.ranges) range.exact = false;
      return;
    }
    for (const range of this.ranges) {
      if (!range.exact || this.head < range.floor) continue;
      range.good += good;
      range.total += total;
      if (!(range.good <= Number.MAX_SAFE_INTEGER && range.total <= Number.MAX_SAFE_INTEGER)) {
        range.exact = false;
      }
    }
  }

  /**
   * Sum buckets `first` to `head` (absolute indices) into `out`; buckets older than the ring
   * holds are not there and count as zero. Adds oldest to newest.
   */
  sumFrom(first: number, out: MutableCounts): MutableCounts {
    const from = Math.max(first, this.head - this.size + 1);
    let good = 0;
    let total = 0;
    if (from <= this.head) {
      const count = this.head - from + 1;
      const start = modulo(from, this.size);
      const wrapEnd = Math.min(this.size, start + count);
      for (let slot = start; slot < wrapEnd; slot++) {
        good += this.good[slot] ?? 0;
        total += this.total[slot] ?? 0;
      }
      const rest = count - (wrapEnd - start);
      for (let slot = 0; slot < rest; slot++) {
        good += this.good[slot] ?? 0;
        total += this.total[slot] ?? 0;
      }
    }
    out.good = good;
    out.total = total;
    return out;
  }

  /** Sum the newest `count` buckets (the open one included) into `out`. */
  sumLast(count: number, out: MutableCounts): MutableCounts {
    return this.sumFrom(this.head - count + 1, out);
  }

  /**
   * Keep a running sum of the newest `count` buckets, for {@link CountRing.readTracked}.
   *
   * @param count - buckets in the window, the open one included
   * @returns the id of the tracked range
   */
  track(count: number): number {
    return this.addRange(Math.min(count, this.size), -Infinity);
  }

  /**
   * Keep a running sum from an oldest bucket given at each read (a calendar period, whose
   * start moves at its boundary), for {@link CountRing.readTrackedFrom}.
   *
   * @returns the id of the tracked range
   */
  trackFrom(): number {
    return this.addRange(this.size, Infinity);
  }

  /**
   * `sumLast(count, out)` for a range from {@link CountRing.track}: the same numbers.
   *
   * @param id - the range
   * @param out - written with the sums
   * @returns `out`
   */
  readTracked(id: number, out: MutableCounts): MutableCounts {
    return this.readRange(this.range(id), out);
  }

  /**
   * `sumFrom(first, out)` for a range from {@link CountRing.trackFrom}: the same numbers. A new
   * `first` re-seeds the running sum with one scan.
   *
   * @param id - the range
   * @param first - absolute index of the oldest bucket to sum
   * @param out - written with the sums
   * @returns `out`
   */
  readTrackedFrom(id: number, first: number, out: MutableCounts): MutableCounts {
    const range = this.range(id);
    if (range.floor !== first) {
      range.floor = first;
      range.exact = false;
    }
    return this.readRange(range, out);
  }

  /**
   * Overwrite the buckets and head (restoring a snapshot); running sums are re-seeded at their
   * next read.
   *
   * @param head - absolute index of the newest bucket
   * @param good - good counts per slot, `size` of them
   * @param total - total counts per slot, `size` of them
   */
  load(head: number, good: ArrayLike<number>, total: ArrayLike<number>): void {
    this.good.set(good);
    this.total.set(total);
    this.head = head;
    this.fractionalAt = -Infinity;
    for (let b = head; b > head - this.size; b--) {
      const slot = modulo(b, this.size);
      if (!Number.isInteger(this.good[slot]) || !Number.isInteger(this.total[slot])) {
        this.fractionalAt = b;
        break;
      }
    }
    for (const range of this.ranges) range.exact = false;
  }

  private addRange(span: number, floor: number): number {
    this.ranges = this.ranges.concat([{ span, floor, good: 0, total: 0, exact: false }]);
    return this.ranges.length - 1;
  }

  private range(id: number): TrackedRange {
    const range = this.ranges[id];
    if (range === undefined) throw new RangeError(`no tracked range ${String(id)}`);
    return range;
  }

  private readRange(range: TrackedRange, out: MutableCounts): MutableCounts {
    const first = Math.max(range.floor, this.head - range.span + 1);
    const whole = first > this.fractionalAt;
    if (whole && range.exact) {
      out.good = range.good;
      out.total = range.total;
      return out;
    }
    this.sumFrom(first, out);
    if (whole && out.good <= Number.MAX_SAFE_INTEGER && out.total <= Number.MAX_SAFE_INTEGER) {
      range.good = out.good;
      range.total = out.total;
      range.exact = true;
    }
    return out;
  }
}
