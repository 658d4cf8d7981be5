import { exactDivide } from '../decimal.js';
import type { TargetInput } from '../objectives/target.js';
import { showValue } from '../internal/validate.js';
import { checkTier } from './checks.js';
import { isPositiveNumber } from './internal.js';
import { tierThreshold } from './tierThreshold.js';
import { budgetSpentAtFire, detectionTime, resetTime } from './timing.js';
import type { BurnRateTier } from './types.js';

/** What a tier means for one objective: the numbers `nines budget` and `nines explain` print. */
export interface TierDescription {
  /** The tier's name. */
  readonly name: string;
  /** The tier's severity. */
  readonly severity: string;
  /** The tier's burn-rate factor. */
  readonly factor: number;
  /** Long window, milliseconds. */
  readonly longWindow: number;
  /** Short window, milliseconds. */
  readonly shortWindow: number;
  /** The tier's `for`, milliseconds (0 when it has none). */
  readonly for: number;
  /** Error ratio both windows must reach: `factor × (1 − target)`. */
  readonly threshold: number;
  /** False when the threshold exceeds 1, so the tier can never fire. */
  readonly reachable: boolean;
  /** Milliseconds from the start of a total outage until the tier fires (`Infinity` if unreachable). */
  readonly detectionTimeOnOutage: number;
  /** Milliseconds the alert keeps firing after the errors stop (upper bound: the short window). */
  readonly resetTime: number;
  /** Fraction of the period's budget spent when the tier fires on time: `factor × long / period`. */
  readonly budgetSpentAtFire: number;
  /** Milliseconds until a full budget is gone at exactly this burn rate: `period / factor`. */
  readonly timeToExhaust: number;
}

/**
 * Summarise what a tier means for one objective: its threshold, how fast it detects a total
 * outage, how fast it resets, how much budget is gone when it fires and how long a full budget
 * lasts at its burn rate.
 *
 * @param tier - the tier
 * @param target - the objective's target as a fraction or a `Target`
 * @param periodMs - the SLO period in milliseconds
 * @returns a plain object of numbers (milliseconds and fractions), ready to format
 * @throws RangeError when `periodMs` is not a finite number above 0, or the tier lacks a
 *   positive `factor`, `longWindow` or `shortWindow` (or has a negative `for`)
 * @throws NinesError `INVALID_TARGET` when the target is out of range
 * @example
 * ```ts
 * const d = describeTier(workbookPolicy().tiers[0]!, 0.999, 30 * 86_400_000);
 * d.threshold; // 0.0144
 * d.detectionTimeOnOutage; // 51_840 (51.84 s)
 * d.budgetSpentAtFire; // 0.02
 * d.timeToExhaust; // 180_000_000 (50 h)
 * ```
 */
export function describeTier(
  tier: BurnRateTier,
  target: TargetInput,
  periodMs: number,
): TierDescription {
  if (!isPositiveNumber(periodMs)) {
    throw new RangeError(`periodMs must be a finite number above 0, got ${showValue(periodMs)}`);
  }
  checkTier('describeTier', tier, ['factor', 'longWindow', 'shortWindow', 'for']);
  const threshold = tierThreshold(tier, target);
  return {
    name: tier.name,
    severity: tier.severity,
    factor: tier.factor,
    longWindow: tier.longWindow,
    shortWindow: tier.shortWindow,
    for: tier.for ?? 0,
    threshold,
    reachable: threshold <= 1,
    detectionTimeOnOutage: detectionTime(tier, target, 1),
    resetTime: resetTime(tier),
    budgetSpentAtFire: budgetSpentAtFire(tier, periodMs),
    timeToExhaust: exactDivide(periodMs, tier.factor),
  };
}
