/**
 * Argument checks shared by the budget math. Internal: not re-exported from the barrel.
 *
 * The budget helpers are plain math on numbers, so out-of-domain numbers raise `RangeError`
 * (date-fns style); targets go through `toTarget`, which raises `NinesError` `INVALID_TARGET`
 * like every other target in Nines. Nothing here returns NaN or clamps. The checks common to
 * every area (`checkNonNegative`, `checkPositive`, `checkCounts`) live in
 * `../internal/validate.ts`.
 *
 * @internal
 */
import { isFiniteNumber, showValue } from '../internal/validate.js';

export { checkCounts, checkNonNegative, checkPositive } from '../internal/validate.js';

/**
 * Throw unless `value` is a finite number in [0, 1], such as an SLI or an error ratio.
 *
 * @param name - the argument's name, e.g. `sli`
 * @param value - the value to check
 * @throws RangeError `<name> must be a finite number in [0, 1], got <value>`
 * @example
 * ```ts
 * checkUnitInterval('sli', 1.1); // throws RangeError
 * ```
 */
export function checkUnitInterval(name: string, value: unknown): asserts value is number {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a finite number in [0, 1], got ${showValue(value)}`);
  }
}

/**
 * Throw unless `value` is a possible remaining-budget fraction: finite and at most 1. It may be
 * negative (overspent budget), never above 1 (that would need an SLI above 100%).
 *
 * @param name - the argument's name, e.g. `remaining`
 * @param value - the value to check
 * @throws RangeError naming the value when it is not finite or above 1
 * @example
 * ```ts
 * checkRemaining('remaining', -0.5); // passes: overspent
 * checkRemaining('remaining', 1.5); // throws RangeError
 * ```
 */
export function checkRemaining(name: string, value: unknown): asserts value is number {
  if (!isFiniteNumber(value) || value > 1) {
    throw new RangeError(
      `${name} must be a finite remaining-budget fraction <= 1 (negative when overspent), got ${showValue(value)}`,
    );
  }
}
