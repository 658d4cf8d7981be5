import { exactMultiply } from '../decimal.js';
import { toTarget, type TargetInput } from '../objectives/target.js';
import { checkTier } from './checks.js';
import type { BurnRateTier } from './types.js';

/**
 * The error ratio both windows of a tier must reach for it to fire: `factor × (1 − target)`.
 *
 * Exact, so rule text and comparisons see 0.0144 for 14.4 at 99.9%, not the
 * 0.014399999999999191 of `14.4 * (1 - 0.999)`. A threshold above 1 can never be reached
 * (an error ratio cannot exceed 100%); {@link validatePolicy} warns about it.
 *
 * @param tier - the tier (only `factor` is read)
 * @param target - the objective's target as a fraction (`0.999`) or a `Target`
 * @returns the error-ratio threshold
 * @throws NinesError `INVALID_TARGET` when the target is not strictly between 0 and 1
 * @throws RangeError when `tier` is not an object with a finite `factor` above 0
 * @example
 * ```ts
 * tierThreshold(workbookPolicy().tiers[0]!, 0.999); // 0.0144
 * ```
 */
export function tierThreshold(tier: BurnRateTier, target: TargetInput): number {
  checkTier('tierThreshold', tier, ['factor']);
  return exactMultiply(tier.factor, toTarget(target).errorBudget);
}
