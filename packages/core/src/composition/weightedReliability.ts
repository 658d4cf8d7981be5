import { exactAdd, exactDivide, exactMultiply } from '../decimal.js';
import { checkNonEmpty, checkObject, checkProbability, checkWeight } from './checks.js';

/** One component of a weighted composite: its reliability and its (relative) weight. */
export interface WeightedComponent {
  /** The component's reliability (SLI over the period), in [0, 1]. */
  readonly reliability: number;
  /** Relative weight, finite and > 0. Default 1. Only proportions matter. */
  readonly weight?: number;
}

/**
 * The reliability of a Nobl9-style composite (composite SLOs 2.0): the weighted mean of the
 * components' reliabilities, `Σ wᵢ·rᵢ / Σ wᵢ`, against which the composite's own target applies.
 *
 * Weights are normalised, so scaling all of them changes nothing (REFERENCE.md §1.4). Being a
 * mean, the result always lies between the worst and the best component. The arithmetic is
 * exact on the decimals the inputs print as, so (0.95 + 0.97) / 2 is 0.96.
 *
 * @param components - at least one component; each reliability in [0, 1], each weight > 0
 * @returns the composite reliability in [min rᵢ, max rᵢ]
 * @throws RangeError for an empty list, a component that is not an object, a reliability
 *   outside [0, 1] or a weight that is not a finite number > 0
 * @example
 * ```ts
 * weightedReliability([{ reliability: 0.99, weight: 3 }, { reliability: 0.95 }]); // 0.98
 * ```
 */
export function weightedReliability(components: readonly WeightedComponent[]): number {
  checkNonEmpty('components', components);
  let weighted = 0;
  let weights = 0;
  let lowest = 1;
  let highest = 0;
  components.forEach((component, index) => {
    checkObject(`components[${index}]`, component, '{ reliability, weight? }');
    checkProbability(`components[${index}].reliability`, component.reliability);
    const weight = component.weight ?? 1;
    checkWeight(`components[${index}].weight`, weight);
    weighted = exactAdd(weighted, exactMultiply(weight, component.reliability));
    weights = exactAdd(weights, weight);
    lowest = Math.min(lowest, component.reliability);
    highest = Math.max(highest, component.reliability);
  });
  // Each exact step rounds to a double once; keep those last-digit roundings inside the range
  // that a weighted mean cannot leave.
  return Math.min(highest, Math.max(lowest, exactDivide(weighted, weights)));
}
