import { exactAdd, exactDivide } from '../decimal.js';
import { checkNonEmpty, checkWeight } from './checks.js';

/**
 * Scale weights so they sum to 1: `wᵢ / Σw`.
 *
 * Nobl9 composite SLOs 2.0 normalise the weights of their components, so only the proportions
 * matter: 8/4/1/2 and 24/12/3/6 both give 53/27/7/13% (REFERENCE.md §1.4, §10 #55). The sum and
 * the quotients are computed exactly on the decimals the weights print as, so weights such as
 * 0.1 and 0.2 give 1/3 and 2/3 rather than the quotients of a noisy 0.30000000000000004.
 *
 * @param weights - one weight per component, each finite and > 0
 * @returns the normalised weights, in the same order
 * @throws RangeError when `weights` is empty or a weight is not a finite number > 0
 * @example
 * ```ts
 * normalizeWeights([8, 4, 1, 2]); // [0.5333…, 0.2666…, 0.0666…, 0.1333…]
 * normalizeWeights([1, 1]); // [0.5, 0.5]
 * ```
 */
export function normalizeWeights(weights: readonly number[]): number[] {
  checkNonEmpty('weights', weights);
  let total = 0;
  weights.forEach((weight, index) => {
    checkWeight(`weights[${index}]`, weight);
    total = exactAdd(total, weight);
  });
  return weights.map((weight) => exactDivide(weight, total));
}
