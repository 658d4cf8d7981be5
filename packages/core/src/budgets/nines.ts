import { exactSubtract, roundNoise } from '../decimal.js';
import { NinesError } from '../errors.js';
import { describeValue, isPositiveNumber } from '../internal/validate.js';
import { targetFromFraction, toTarget } from '../objectives/target.js';
import type { Target, TargetInput } from '../objectives/target.js';

/**
 * The number of nines of a target: `n = −log10(1 − T)`.
 *
 * Rounded to 12 significant digits to drop the last-bit noise of `Math.log10`, so 0.999 gives
 * exactly 3 and 0.9995 gives 3.30102999566 (REFERENCE.md §1.1, computed).
 *
 * @param target - a fraction in (0, 1) or a `Target`
 * @returns the nines, e.g. `3` for 99.9%
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @example
 * ```ts
 * nines(0.999); // 3
 * nines(0.9995); // 3.30102999566
 * nines(0.9); // 1
 * ```
 */
export function nines(target: TargetInput): number {
  return roundNoise(-Math.log10(toTarget(target).errorBudget));
}

/**
 * The target with `n` nines: `T = 1 − 10^−n`.
 *
 * The error budget `10^−n` is rounded to 12 significant digits first (so `10 ** -4`, which is
 * 0.00009999999999999999 in floating point, becomes 0.0001), then subtracted exactly; whole
 * numbers of nines therefore give the targets a user would write (4 ⇒ 0.9999).
 *
 * @param n - nines, finite and `> 0` (e.g. `3`, or `3.5` for 99.968377223398%)
 * @returns the exact target
 * @throws NinesError `INVALID_TARGET` when `n` is not a finite number `> 0`, or so large that
 *   the target rounds to 1 (more than 16 nines)
 * @example
 * ```ts
 * targetFromNines(3).fraction; // 0.999
 * targetFromNines(4).percent; // 99.99
 * ```
 */
export function targetFromNines(n: number): Target {
  if (!isPositiveNumber(n)) {
    throw new NinesError(
      'INVALID_TARGET',
      `nines must be a finite number > 0 (e.g. 3 for 99.9%), got ${describeValue(n)}`,
      { path: ['nines'] },
    );
  }
  const fraction = exactSubtract(1, roundNoise(10 ** -n));
  if (fraction >= 1) {
    throw new NinesError(
      'INVALID_TARGET',
      `${String(n)} nines is a target too close to 1 for a double (at most 16 nines), got 1 − 10^−${String(n)} = 1`,
      { path: ['nines'] },
    );
  }
  return targetFromFraction(fraction);
}
