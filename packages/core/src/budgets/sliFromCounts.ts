import { exactDivide } from '../decimal.js';
import { checkCounts } from './checks.js';
import { sliQuotient } from './exactCounts.js';

/**
 * The event-based SLI `G/N`, or `null` when there were no events.
 *
 * No events is "no data", not 100% and not NaN: 0/0 would poison every aggregate it reaches
 * (REFERENCE.md §1.1, §11.2 #1; GCP `ServiceLevelIndicator`).
 *
 * @param good - good events, finite and `>= 0`
 * @param total - valid events, finite and `>= good`
 * @returns `good / total` in [0, 1], or `null` when `total` is 0
 * @throws RangeError for negative or non-finite counts, or `good > total`
 * @example
 * ```ts
 * sliFromCounts(999, 1000); // 0.999
 * sliFromCounts(0, 0); // null (no data)
 * ```
 */
export function sliFromCounts(good: number, total: number): number | null {
  checkCounts(good, total);
  if (total === 0) return null;
  return sliQuotient(good, total) ?? exactDivide(good, total);
}
