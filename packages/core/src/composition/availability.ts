import { roundNoise } from '../decimal.js';
import { showValue } from '../internal/validate.js';
import { checkNonEmpty, checkProbability } from './checks.js';
import { exactParallel, exactProduct } from './exactProduct.js';

function checkAvailabilities(availabilities: readonly number[]): void {
  checkNonEmpty('availabilities', availabilities);
  availabilities.forEach((availability, index) => {
    checkProbability(`availabilities[${index}]`, availability);
  });
}

/**
 * Availability of components in series (hard dependencies, all needed): `Π Aᵢ`.
 *
 * Each hard dependency with availability P lowers the whole by roughly `1 − P`: ten 99.99%
 * dependencies leave about 99.9% (`0.9999^10 = 0.99900045`, REFERENCE.md §1.5, §10 #57). The
 * product is computed exactly on the printed decimals and rounded once, so 0.999 × 0.999 is
 * 0.998001 and `0.9999^10` is the double nearest to 0.99900044988002099748…, and it never
 * exceeds the weakest component. Assumes independent failures.
 *
 * @param availabilities - at least one availability, each in [0, 1]
 * @returns the availability of the chain, at most `min(Aᵢ)`
 * @throws RangeError for an empty list or an availability outside [0, 1]
 * @example
 * ```ts
 * serialAvailability(Array(10).fill(0.9999)); // 0.999000449880021 (≈ 0.99900045)
 * ```
 */
export function serialAvailability(availabilities: readonly number[]): number {
  checkAvailabilities(availabilities);
  return exactProduct(availabilities);
}

/**
 * Availability of independent redundant components in parallel (any one suffices):
 * `1 − Π(1 − Aᵢ)`: multiply availabilities in series, multiply error budgets in parallel.
 *
 * Two independent 99% replicas give 99.99% (REFERENCE.md §1.5, §10 #58); the result is never
 * below the best component (computed exactly on the printed decimals and rounded once, so even
 * `[5e-324]` stays 5e-324). Correlated failures (shared power, a bad deploy to both) break the
 * independence this assumes and make real redundancy worth far less.
 *
 * @param availabilities - at least one availability, each in [0, 1]
 * @returns the availability of the redundant group, at least `max(Aᵢ)`
 * @throws RangeError for an empty list or an availability outside [0, 1]
 * @example
 * ```ts
 * parallelAvailability([0.99, 0.99]); // 0.9999
 * ```
 */
export function parallelAvailability(availabilities: readonly number[]): number {
  checkAvailabilities(availabilities);
  return exactParallel(availabilities);
}

/**
 * Availability of a k-of-n group: the probability that at least `k` of `n` independent
 * components are up (a quorum, a pool that needs k healthy members).
 *
 * Computed exactly by dynamic programming over "how many are up so far" (the Poisson binomial
 * distribution), so components may have different availabilities; with identical ones it is the
 * binomial tail `Σ_{j≥k} C(n, j)·Aʲ·(1 − A)ⁿ⁻ʲ`. `k = n` is {@link serialAvailability} and
 * `k = 1` is {@link parallelAvailability} (equal up to the last floating-point digits). The tail
 * is summed from the top, so the result never increases with `k`; it is rounded to 15
 * significant digits to drop the noise of the float sums (2-of-3 at 0.9 is 0.972, not
 * 0.9720000000000001).
 *
 * @param k - how many components must be up, an integer in [1, n]
 * @param availabilities - the n components' availabilities, each in [0, 1]
 * @returns the probability in [0, 1]
 * @throws RangeError when `k` is not an integer in [1, n], the list is empty or an availability
 *   is outside [0, 1]
 * @example
 * ```ts
 * kOfNAvailability(2, [0.9, 0.9, 0.9]); // 0.972
 * kOfNAvailability(2, [0.99, 0.95, 0.9]); // 0.9936
 * ```
 */
export function kOfNAvailability(k: number, availabilities: readonly number[]): number {
  checkAvailabilities(availabilities);
  const n = availabilities.length;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(
      `k must be an integer from 1 to the number of components (${n}), got ${showValue(k)}`,
    );
  }
  // exactly[j] = probability that exactly j of the components seen so far are up.
  const exactly = new Float64Array(n + 1);
  exactly[0] = 1;
  availabilities.forEach((up, index) => {
    const down = 1 - up;
    for (let j = index + 1; j >= 1; j -= 1) {
      exactly[j] = (exactly[j] ?? 0) * down + (exactly[j - 1] ?? 0) * up;
    }
    exactly[0] = (exactly[0] ?? 0) * down;
  });
  let tail = 0;
  for (let j = n; j >= k; j -= 1) tail += exactly[j] ?? 0;
  return Math.min(1, roundNoise(tail, 15));
}
