import { exactDivide, exactMultiply } from '../decimal.js';
import type { TargetInput } from '../objectives/target.js';
import { isFiniteNumber, showValue } from '../internal/validate.js';
import { checkTier } from './checks.js';
import { isPositiveNumber } from './internal.js';
import { tierThreshold } from './tierThreshold.js';
import type { BurnRateTier } from './types.js';

/**
 * How long a tier takes to fire when an incident with a constant error ratio starts after a
 * clean history (SRE Workbook ch. 5, approaches 2, 4 and 6; REFERENCE.md §2.5).
 *
 * A window of length `w` reaches the threshold after `threshold / errorRatio × w`; both windows
 * must reach it, so the tier fires after the longer of the two (the long window), plus the
 * tier's `for`. Traffic is assumed steady, and the comparison is taken as `≥`: at exactly the
 * threshold the tier fires once the long window is full (with Prometheus' `>`, as Sloth and Pyrra
 * write it, it would never fire at exactly the threshold).
 *
 * @param tier - the tier
 * @param target - the objective's target as a fraction or a `Target`
 * @param errorRatio - the incident's error ratio, 0 to 1 (1 = total outage)
 * @returns milliseconds from the start of the incident until the tier fires; `Infinity` when
 * `errorRatio` is below the threshold (including any unreachable tier whose threshold exceeds 1)
 * @throws RangeError when `errorRatio` is not a number in [0, 1], or `tier` lacks a positive
 *   `factor`, `longWindow` or `shortWindow` (or has a negative `for`)
 * @throws NinesError `INVALID_TARGET` when the target is out of range
 * @example
 * ```ts
 * const pageFast = workbookPolicy().tiers[0]!;
 * detectionTime(pageFast, 0.999, 1); // 51_840 ms (0.0144 × 1 h)
 * detectionTime(pageFast, 0.999, 0.01); // Infinity: 1% errors is below 1.44%
 * ```
 */
export function detectionTime(tier: BurnRateTier, target: TargetInput, errorRatio: number): number {
  if (!isFiniteNumber(errorRatio) || errorRatio < 0 || errorRatio > 1) {
    throw new RangeError(`errorRatio must be a number from 0 to 1, got ${showValue(errorRatio)}`);
  }
  checkTier('detectionTime', tier, ['factor', 'longWindow', 'shortWindow', 'for']);
  const threshold = tierThreshold(tier, target);
  if (errorRatio === 0 || errorRatio < threshold) return Number.POSITIVE_INFINITY;
  const fill = (window: number): number =>
    exactDivide(exactMultiply(threshold, window), errorRatio);
  return Math.max(fill(tier.longWindow), fill(tier.shortWindow)) + (tier.for ?? 0);
}

/**
 * How long a firing tier keeps firing after the errors stop: at most its short window, the
 * time the last bad events take to leave it (SRE Workbook ch. 5, approach 6: a 1 h / 5 min
 * page clears 5 min after the errors stop, where a lone 1 h window takes up to 60 min).
 *
 * This is an upper bound: for an incident with error ratio `r` the short window drops below
 * the threshold slightly earlier, after `short × (1 − threshold/r)`. A tier's `for` is not
 * added: Prometheus' `for` delays firing, not resolving.
 *
 * @param tier - the tier
 * @returns milliseconds from the end of the errors until the tier stops firing
 * @throws RangeError when `tier` is not an object with a finite `shortWindow` above 0
 * @example
 * ```ts
 * resetTime(workbookPolicy().tiers[0]!); // 300_000 (5 min)
 * ```
 */
export function resetTime(tier: BurnRateTier): number {
  checkTier('resetTime', tier, ['shortWindow']);
  return tier.shortWindow;
}

/**
 * Share of the period's error budget (a fraction, not percent) an incident has spent when the
 * tier fires on time: `factor × long / period` (SRE Workbook ch. 5).
 *
 * @param tier - the tier (`factor` and `longWindow` are read)
 * @param periodMs - the SLO period in milliseconds
 * @returns the fraction, e.g. 0.02 for the 14.4 × 1 h page of a 30-day period
 * @throws RangeError when `periodMs` is not a finite number above 0, or `tier` lacks a positive
 *   `factor` or `longWindow`
 * @example
 * ```ts
 * budgetSpentAtFire(workbookPolicy().tiers[0]!, 30 * 86_400_000); // 0.02
 * ```
 */
export function budgetSpentAtFire(tier: BurnRateTier, periodMs: number): number {
  if (!isPositiveNumber(periodMs)) {
    throw new RangeError(`periodMs must be a finite number above 0, got ${showValue(periodMs)}`);
  }
  checkTier('budgetSpentAtFire', tier, ['factor', 'longWindow']);
  return exactDivide(exactMultiply(tier.factor, tier.longWindow), periodMs);
}
