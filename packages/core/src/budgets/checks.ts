/**
 * Argument checks shared by the budget math. Internal: not re-exported from the barrel.
 *
 * The budget helpers are plain math on numbers, so out-of-domain numbers raise `RangeError`
 * (date-fns style); targets go through `toTarget`, which raises `NinesError` `INVALID_TARGET`
 * like every other target in Nines. Nothing here returns NaN or clamps.
 */

/** Throw unless `value` is a finite number `>= 0`. */
export function checkNonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
}

/** Throw unless `value` is a finite number `> 0`. */
export function checkPositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throw unless `value` is a finite number in [0, 1]. */
export function checkUnitInterval(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a finite number in [0, 1], got ${String(value)}`);
  }
}

/**
 * Throw unless `value` is a possible remaining-budget fraction: finite and at most 1. It may be
 * negative (overspent budget), never above 1 (that would need an SLI above 100%).
 */
export function checkRemaining(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > 1) {
    throw new RangeError(
      `${name} must be a finite remaining-budget fraction <= 1 (negative when overspent), got ${String(value)}`,
    );
  }
}

/** Throw unless `good` and `total` are event counts with `0 <= good <= total`. */
export function checkCounts(good: number, total: number): void {
  checkNonNegative('good', good);
  checkNonNegative('total', total);
  if (good > total) {
    throw new RangeError(
      `good must not exceed total (good events are a subset of valid events), got good ${String(good)} > total ${String(total)}`,
    );
  }
}
