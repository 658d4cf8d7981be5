import { exactDivide, roundNoise } from '../decimal.js';
import { describeValue, isRecord, showValue } from '../internal/validate.js';
import {
  checkEmptySlicePolicy,
  checkRule,
  checkSliceOperator,
  checkSliceTarget,
  checkSlices,
  compareSlice,
} from './checks.js';
import type { Budgeting, EmptySlicePolicy, SliceOperator } from './types.js';

/** Good and valid (total) events counted in one time slice (or one bucket of any length). */
export interface SliceCounts {
  /** Good events, finite and `>= 0`. */
  readonly good: number;
  /** Valid events, finite and `>= good`. `0` marks an empty slice. */
  readonly total: number;
}

/** The SLI over a period under one budgeting method, with the counts it was computed from. */
export interface BudgetingResult {
  /** The SLI in [0, 1], or `null` when nothing was counted (no data, never 1 and never NaN). */
  readonly sli: number | null;
  /**
   * The numerator: good events (occurrences), good slices (timeslices), or the sum of the
   * counted slices' ratios (ratio-timeslices).
   */
  readonly good: number;
  /** The denominator: valid events (occurrences) or counted slices (both slice methods). */
  readonly total: number;
  /** What `good` and `total` count. */
  readonly unit: 'events' | 'slices';
}

/** The slice rule of the Timeslices method; a {@link TimeslicesBudgeting} fits as it is. */
export interface TimeslicesRule {
  /** Ratio a slice must reach, in (0, 1]. */
  readonly sliceTarget: number;
  /** Comparison of the slice ratio with `sliceTarget`. Default `gte`. */
  readonly op?: SliceOperator;
  /** What an empty slice (total 0) counts as. Default `skip`. */
  readonly emptySlice?: EmptySlicePolicy;
}

/** The slice rule of the RatioTimeslices method; a {@link RatioTimeslicesBudgeting} fits. */
export interface RatioTimeslicesRule {
  /** What an empty slice (total 0) counts as: ratio 1 (`good`), 0 (`bad`) or nothing. */
  readonly emptySlice?: EmptySlicePolicy;
}

/**
 * Compensated (Neumaier) summation: integer counts stay exact, and a long run of fractional
 * ratios does not drift by one rounding per slice.
 */
class Sum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) {
      this.compensation += this.sum - next + value;
    } else {
      this.compensation += value - next + this.sum;
    }
    this.sum = next;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * The Occurrences SLI: all good events over all valid events in the period, `ΣG / ΣN`.
 *
 * Slices only carry counts here; their boundaries do not matter, so a busy minute weighs as much
 * as its traffic (OpenSLO `Occurrences`, Datadog metric-based SLOs; REFERENCE.md §1.2). Keeping
 * counts and dividing once avoids the mean-of-ratios error (REFERENCE.md §11.2 #2).
 *
 * @param slices - good and total counts per slice (any bucketing)
 * @returns `sli = ΣG/ΣN` with `unit: 'events'`; `sli` is `null` when `ΣN = 0`
 * @throws RangeError when `slices` is not an array of `{ good, total }`, a count is negative
 *   or not finite, or a slice has `good > total`
 * @example
 * ```ts
 * occurrencesSli([{ good: 10, total: 10 }, { good: 20, total: 40 }]).sli; // 0.6
 * ```
 */
export function occurrencesSli(slices: readonly SliceCounts[]): BudgetingResult {
  checkSlices(slices);
  const good = new Sum();
  const total = new Sum();
  for (const slice of slices) {
    good.add(slice.good);
    total.add(slice.total);
  }
  const g = good.value;
  const n = total.value;
  return { sli: n === 0 ? null : exactDivide(g, n), good: g, total: n, unit: 'events' };
}

/**
 * The Timeslices SLI: good slices over counted slices, a slice being good when its ratio passes
 * `sliceTarget` by `op`.
 *
 * A bad minute at 3 a.m. with two requests weighs as much as one at peak (OpenSLO
 * `examples/treat-low-traffic-as-equally-important`). Empty slices follow `emptySlice`: `skip`
 * (default) leaves them out of both counts; `good` counts them as uptime, like Datadog
 * time-slice SLOs; `bad` as downtime (REFERENCE.md §1.2).
 *
 * @param slices - good and total counts per slice, one entry per slice of the period
 * @param rule - slice target, operator (default `gte`) and empty-slice policy (default `skip`)
 * @returns `sli = good slices / counted slices` with `unit: 'slices'`; `null` when no slice was
 *   counted
 * @throws RangeError for slices that are not an array of `{ good, total }`, bad counts, a rule
 *   that is not an object, a `sliceTarget` outside (0, 1], or an unknown `op` or `emptySlice`
 * @example
 * ```ts
 * // Nobl9 gist: a minute is good only when its ratio is above 0.95
 * timeslicesSli([{ good: 95, total: 100 }, { good: 10, total: 10 }], { sliceTarget: 0.95, op: 'gt' }).sli; // 0.5
 * ```
 */
export function timeslicesSli(
  slices: readonly SliceCounts[],
  rule: TimeslicesRule,
): BudgetingResult {
  checkRule(rule);
  const { sliceTarget, op = 'gte', emptySlice = 'skip' } = rule;
  checkSliceTarget(sliceTarget);
  checkSliceOperator(op);
  checkEmptySlicePolicy(emptySlice);
  checkSlices(slices);
  let good = 0;
  let counted = 0;
  for (const slice of slices) {
    if (slice.total === 0) {
      if (emptySlice === 'skip') continue;
      counted += 1;
      if (emptySlice === 'good') good += 1;
      continue;
    }
    counted += 1;
    if (compareSlice(slice.good / slice.total, sliceTarget, op)) good += 1;
  }
  return {
    sli: counted === 0 ? null : exactDivide(good, counted),
    good,
    total: counted,
    unit: 'slices',
  };
}

/**
 * The RatioTimeslices SLI: the mean of the per-slice ratios.
 *
 * Sits between the other two methods: a traffic spike cannot burn the whole budget in minutes
 * (as with Occurrences), yet a bad slice costs in proportion to how bad it was (unlike the
 * all-or-nothing Timeslices) (OpenSLO `examples/budgeting-method`; Grafana "time-based" SLI).
 * Empty slices follow `emptySlice`: ratio 1 (`good`), ratio 0 (`bad`) or left out (`skip`,
 * default).
 *
 * The ratios are summed with compensated summation and the mean is rounded to 15 significant
 * digits, so a mean such as (0.1 + 0.2) / 2 reads 0.15, not 0.15000000000000002.
 *
 * @param slices - good and total counts per slice, one entry per slice of the period
 * @param rule - the empty-slice policy (default `skip`)
 * @returns `sli` = mean ratio, `good` = sum of ratios, `total` = counted slices,
 *   `unit: 'slices'`; `sli` is `null` when no slice was counted
 * @throws RangeError for slices that are not an array of `{ good, total }`, bad counts, a rule
 *   that is not an object or an unknown `emptySlice`
 * @example
 * ```ts
 * // Grafana: four slices at 10/10 and one at 20/40
 * const slices = [...Array(4).fill({ good: 10, total: 10 }), { good: 20, total: 40 }];
 * ratioTimeslicesSli(slices).sli; // 0.9 (the Occurrences SLI of the same data is 0.75)
 * ```
 */
export function ratioTimeslicesSli(
  slices: readonly SliceCounts[],
  rule: RatioTimeslicesRule = {},
): BudgetingResult {
  checkRule(rule);
  const { emptySlice = 'skip' } = rule;
  checkEmptySlicePolicy(emptySlice);
  checkSlices(slices);
  const sum = new Sum();
  let counted = 0;
  let lowest = 1;
  let highest = 0;
  const add = (ratio: number): void => {
    counted += 1;
    sum.add(ratio);
    lowest = Math.min(lowest, ratio);
    highest = Math.max(highest, ratio);
  };
  for (const slice of slices) {
    if (slice.total > 0) add(slice.good / slice.total);
    else if (emptySlice !== 'skip') add(emptySlice === 'good' ? 1 : 0);
  }
  if (counted === 0) return { sli: null, good: 0, total: 0, unit: 'slices' };
  // A mean lies between its smallest and largest term; keep the 15-digit rounding inside them.
  const mean = Math.min(highest, Math.max(lowest, roundNoise(sum.value / counted, 15)));
  return { sli: mean, good: roundNoise(sum.value, 15), total: counted, unit: 'slices' };
}

/**
 * The SLI of a period under an objective's budgeting method.
 *
 * The evaluator keeps good/total counts per slice and calls this at read time, so one store of
 * counts serves all three methods (REFERENCE.md §1.2, §11.2 #2).
 *
 * @param budgeting - the normalised budgeting (see {@link toBudgeting})
 * @param slices - good and total counts per slice, in order, one entry per slice of the period
 *   (for Occurrences the slicing does not matter)
 * @returns the SLI (or `null` when nothing was counted) with its numerator, denominator and unit
 * @throws RangeError for a budgeting that is not an object or has an unknown method, or slices
 *   that are not an array of `{ good, total }` with finite counts `0 <= good <= total`
 * @example
 * ```ts
 * const slices = [{ good: 2, total: 4 }, { good: 10, total: 10 }];
 * computeSli({ method: 'occurrences' }, slices).sli; // 12/14 ≈ 0.857
 * computeSli(toBudgeting({ method: 'ratio-timeslices', slice: '1m' }), slices).sli; // 0.75
 * ```
 */
export function computeSli(budgeting: Budgeting, slices: readonly SliceCounts[]): BudgetingResult {
  if (!isRecord(budgeting)) {
    throw new RangeError(
      `budgeting must be a normalised budgeting such as { method: 'occurrences' } (see toBudgeting), got ${describeValue(budgeting)}`,
    );
  }
  switch (budgeting.method) {
    case 'occurrences':
      return occurrencesSli(slices);
    case 'timeslices':
      return timeslicesSli(slices, budgeting);
    case 'ratio-timeslices':
      return ratioTimeslicesSli(slices, budgeting);
    default: {
      // Unreachable for typed callers; guards plain-JavaScript input.
      const method: unknown = (budgeting as { readonly method: unknown }).method;
      throw new RangeError(
        `budgeting.method must be occurrences, timeslices or ratio-timeslices, got ${showValue(method)}`,
      );
    }
  }
}
