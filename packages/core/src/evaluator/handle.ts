import type { EventsHandle } from './types.js';

/** Counts recorded since the last flush, plus the invalid inputs dropped. */
export interface PendingCounts {
  /** Good events since the last flush. */
  good: number;
  /** Valid events since the last flush. */
  total: number;
  /** Invalid inputs dropped since start. */
  dropped: number;
}

/**
 * Build the hot-path handle of one objective over its pending counts.
 *
 * Each call is two comparisons and two additions on a plain object. `count >= 0 && count <
 * Infinity` is false for NaN, so a bad value is counted as dropped instead of poisoning the
 * sums (REFERENCE.md §11.2 #1); the `typeof` test keeps a string from turning `+=` into
 * concatenation.
 *
 * @param objectiveId - the objective the handle records for
 * @param pending - the accumulators the evaluator flushes
 * @returns a frozen handle whose methods do not depend on `this`
 * @example
 * ```ts
 * const pending = { good: 0, total: 0, dropped: 0 };
 * const handle = createHandle('api', pending);
 * handle.good();
 * handle.add(9, 10);
 * pending; // { good: 10, total: 11, dropped: 0 }
 * ```
 */
export function createHandle(objectiveId: string, pending: PendingCounts): EventsHandle {
  return Object.freeze({
    objectiveId,
    good(count: unknown = 1): void {
      if (typeof count === 'number' && count >= 0 && count < Infinity) {
        pending.good += count;
        pending.total += count;
      } else {
        pending.dropped += 1;
      }
    },
    bad(count: unknown = 1): void {
      if (typeof count === 'number' && count >= 0 && count < Infinity) {
        pending.total += count;
      } else {
        pending.dropped += 1;
      }
    },
    add(good: unknown, total: unknown): void {
      if (
        typeof good === 'number' &&
        typeof total === 'number' &&
        good >= 0 &&
        total >= good &&
        total < Infinity
      ) {
        pending.good += good;
        pending.total += total;
      } else {
        pending.dropped += 1;
      }
    },
  });
}
