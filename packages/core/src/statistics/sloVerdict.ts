import { toTarget } from '../objectives/target.js';
import type { TargetInput } from '../objectives/target.js';
import { wilsonInterval } from './wilsonInterval.js';
import type { WilsonInterval, WilsonOptions } from './wilsonInterval.js';

/** Whether the data show the objective met, violated, or cannot tell yet. */
export type SloVerdictKind = 'met' | 'violated' | 'inconclusive';

/** A verdict with the interval it rests on. */
export interface SloVerdict {
  /** `met` when even the lower bound reaches the target, `violated` when even the upper bound misses it. */
  readonly verdict: SloVerdictKind;
  /** The Wilson interval of the SLI. */
  readonly interval: WilsonInterval;
}

/**
 * Judge an objective on few events without over-reacting: compare the target with the Wilson
 * interval of the SLI rather than with the bare ratio.
 *
 * Violated only if the upper bound is below the target, met only if the lower bound reaches it,
 * otherwise inconclusive (REFERENCE.md §1.6; a Nines design rule, no vendor documents one). 9 of
 * 10 good against 99% is violated; 10 of 10 is inconclusive, not "100%, met"; it takes a few
 * thousand clean events before a 99.9% target can be called met.
 *
 * @param good - good events, finite and >= 0
 * @param total - valid events, finite and >= `good`; 0 gives `inconclusive`
 * @param target - the objective as a fraction in (0, 1) or a {@link Target}
 * @param options - `z` (default 1.96) or `confidence`, as for {@link wilsonInterval}
 * @returns the verdict and the interval
 * @throws RangeError for bad counts or options; NinesError `INVALID_TARGET` for a bad target
 * @example
 * ```ts
 * sloVerdict(9, 10, 0.99).verdict; // 'violated' (upper bound 0.982 < 0.99)
 * sloVerdict(10, 10, 0.99).verdict; // 'inconclusive'
 * sloVerdict(9_990, 10_000, 0.99).verdict; // 'met'
 * ```
 */
export function sloVerdict(
  good: number,
  total: number,
  target: TargetInput,
  options: WilsonOptions = {},
): SloVerdict {
  const { fraction } = toTarget(target);
  const interval = wilsonInterval(good, total, options);
  let verdict: SloVerdictKind = 'inconclusive';
  if (interval.upper < fraction) verdict = 'violated';
  else if (interval.lower >= fraction) verdict = 'met';
  return { verdict, interval };
}
