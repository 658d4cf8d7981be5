import { exactAdd, exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { describeValue, showValue } from '../internal/validate.js';
import {
  checkCounts,
  checkNonEmpty,
  checkObject,
  checkProbability,
  checkWeight,
} from './checks.js';

/** One component of an OpenSLO composite under Occurrences: its event counts and weight. */
export interface CompositeOccurrencesComponent {
  /** Good events of the component over the period. */
  readonly good: number;
  /** Valid events of the component over the period, `>= good`. */
  readonly total: number;
  /** OpenSLO `compositeWeight`: finite and > 0, default 1. */
  readonly weight?: number;
}

/** One component of an OpenSLO composite under RatioTimeslices: its SLI and weight. */
export interface CompositeRatioComponent {
  /** The component's ratio (its RatioTimeslices SLI, or one slice's ratio), in [0, 1]. */
  readonly ratio: number;
  /** OpenSLO `compositeWeight`: finite and > 0, default 1. */
  readonly weight?: number;
}

/** The Timeslices SLI of a composite: good slices over all slices. */
export interface CompositeTimeslicesResult {
  /** Good slices / slices, or `null` when there are no slices. */
  readonly sli: number | null;
  /** Slices in which every component was good. */
  readonly good: number;
  /** Slices in the period. */
  readonly total: number;
}

/**
 * The SLI of an OpenSLO composite under Occurrences: `1 − Σ wᵢ·(badᵢ / totalᵢ)`.
 *
 * OpenSLO says each component's burn passes to the composite at the same rate and that
 * `compositeWeight` multiplies that rate (REFERENCE.md §1.4). We read "burn" as the component's
 * error rate over the period, `badᵢ/totalᵢ`: the composite's error rate is then the weighted
 * sum of the components' error rates, so a component spending its errors at k× the composite's
 * budget makes the composite burn at wᵢ·k×, whatever its traffic. (Pooling the events instead,
 * `Σbad/Σtotal`, would dilute a small component's outage in a big one's traffic.) This is the
 * RatioTimeslices rule applied to event ratios, and it agrees with it: two components at 0.95
 * with weight 1 give 0.90.
 *
 * A component without events (total 0) has no error rate and adds nothing. The result is not
 * clamped: when the weighted error rates add up to more than 1 it is negative, exactly as
 * defined, and callers treat it like any overspent budget.
 *
 * @param components - at least one component with counts `0 <= good <= total` and an optional
 *   weight > 0
 * @returns the composite SLI (at most 1, possibly negative), or `null` when no component had
 *   events
 * @throws RangeError for an empty list, a component that is not an object, bad counts or a
 *   weight that is not a finite number > 0
 * @example
 * ```ts
 * compositeOccurrences([
 *   { good: 950, total: 1000 },
 *   { good: 19, total: 20 },
 * ]); // 0.9: each component burns 5% errors into the composite
 * ```
 */
export function compositeOccurrences(
  components: readonly CompositeOccurrencesComponent[],
): number | null {
  checkNonEmpty('components', components);
  let errors = 0;
  let withData = 0;
  components.forEach((component, index) => {
    checkObject(`components[${index}]`, component, '{ good, total, weight? }');
    checkCounts(`components[${index}]`, component.good, component.total);
    const weight = component.weight ?? 1;
    checkWeight(`components[${index}].weight`, weight);
    if (component.total === 0) return;
    withData += 1;
    const errorRate = exactDivide(exactSubtract(component.total, component.good), component.total);
    errors = exactAdd(errors, exactMultiply(weight, errorRate));
  });
  return withData === 0 ? null : exactSubtract(1, errors);
}

/**
 * The SLI of an OpenSLO composite under Timeslices: a composite slice is good only when every
 * component's slice is good (REFERENCE.md §1.4; the same rule as Datadog grouped status and
 * Nobl9's legacy "bad minute").
 *
 * @param componentSlicesGood - one array per component, each with one entry per slice of the
 *   period (`true` = good); all arrays the same length
 * @returns good slices, all slices and their ratio (`null` when there are no slices)
 * @throws RangeError for no components, arrays of different lengths or non-boolean entries
 * @example
 * ```ts
 * compositeTimeslices([
 *   [true, true, false, true],
 *   [true, false, false, true],
 * ]); // { sli: 0.5, good: 2, total: 4 }
 * ```
 */
export function compositeTimeslices(
  componentSlicesGood: readonly (readonly boolean[])[],
): CompositeTimeslicesResult {
  checkNonEmpty('componentSlicesGood', componentSlicesGood);
  const total = componentSlicesGood[0]?.length ?? 0;
  componentSlicesGood.forEach((slices, index) => {
    const value: unknown = slices;
    if (!Array.isArray(value) || value.length !== total) {
      const got = Array.isArray(value) ? `${value.length} slices` : describeValue(value);
      throw new RangeError(
        `componentSlicesGood[${index}] must be an array of ${total} slices like componentSlicesGood[0], got ${got}`,
      );
    }
  });
  let good = 0;
  for (let slice = 0; slice < total; slice += 1) {
    let allGood = true;
    for (const [index, slices] of componentSlicesGood.entries()) {
      const value: unknown = slices[slice];
      if (typeof value !== 'boolean') {
        throw new RangeError(
          `componentSlicesGood[${index}][${slice}] must be true or false, got ${showValue(value)}`,
        );
      }
      if (!value) allGood = false;
    }
    if (allGood) good += 1;
  }
  return { sli: total === 0 ? null : exactDivide(good, total), good, total };
}

/**
 * The SLI of an OpenSLO composite under RatioTimeslices: `1 − Σ wᵢ·(1 − rᵢ)`, the components'
 * missing parts added up (REFERENCE.md §1.4, §10 #54: two components at 0.95 give 0.90).
 *
 * Weights are not normalised (OpenSLO `compositeWeight` defaults to 1 and scales a component's
 * missing part). Because the rule is linear, applying it to each slice and averaging equals
 * applying it to the components' mean ratios. The result is not clamped: it is negative when
 * the weighted missing parts exceed 1. Arithmetic is exact on the printed decimals.
 *
 * @param components - at least one component; each ratio in [0, 1], each weight > 0
 * @returns the composite ratio, at most 1 and possibly negative
 * @throws RangeError for an empty list, a component that is not an object, a ratio outside
 *   [0, 1] or a weight that is not a finite number > 0
 * @example
 * ```ts
 * compositeRatioTimeslices([{ ratio: 0.95 }, { ratio: 0.95 }]); // 0.9
 * compositeRatioTimeslices([{ ratio: 0.99, weight: 2 }, { ratio: 0.95 }]); // 0.93
 * ```
 */
export function compositeRatioTimeslices(components: readonly CompositeRatioComponent[]): number {
  checkNonEmpty('components', components);
  let missing = 0;
  components.forEach((component, index) => {
    checkObject(`components[${index}]`, component, '{ ratio, weight? }');
    checkProbability(`components[${index}].ratio`, component.ratio);
    const weight = component.weight ?? 1;
    checkWeight(`components[${index}].weight`, weight);
    missing = exactAdd(missing, exactMultiply(weight, exactSubtract(1, component.ratio)));
  });
  return exactSubtract(1, missing);
}
