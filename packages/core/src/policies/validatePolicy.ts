import { exactDivide, formatDecimal } from '../decimal.js';
import { NinesError, type NinesIssue } from '../errors.js';
import { formatTarget, toTarget, type TargetInput } from '../objectives/target.js';
import {
  type CheckedTier,
  duplicateNameIssues,
  forIssues,
  labelIssues,
  minEventsIssues,
  periodIssues,
  positiveIssues,
  relationIssues,
  tierListIssues,
} from './checks.js';
import { budgetPercentOf, describeValue, dur, isPositiveNumber, num } from './internal.js';
import { tierThreshold } from './tierThreshold.js';
import type { BurnRatePolicy, BurnRateTier } from './types.js';

/** What {@link validatePolicy} found: errors make the policy unusable, warnings make a tier useless. */
export interface PolicyValidation {
  /** Problems that make the policy invalid for any target (code `INVALID_POLICY`). */
  readonly errors: NinesIssue[];
  /** Tiers that cannot do their job for this target (code `UNREACHABLE_TIER`). */
  readonly warnings: NinesIssue[];
}

function known(value: unknown): number | undefined {
  return isPositiveNumber(value) ? value : undefined;
}

type Loose<T> = { readonly [K in keyof T]?: unknown };

/** Errors that do not depend on the target. Reads the policy loosely: it may come from plain JavaScript. */
function policyErrors(input: BurnRatePolicy): NinesIssue[] {
  const given: unknown = input;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return [
      {
        code: 'INVALID_POLICY',
        message: `a policy must be an object { name, period, tiers, minEvents? } (e.g. workbookPolicy('30d')), got ${describeValue(given)}`,
        path: [],
      },
    ];
  }
  const policy = input as Loose<BurnRatePolicy>;
  const errors: NinesIssue[] = [];
  if (typeof policy.name !== 'string' || policy.name.trim() === '') {
    errors.push({
      code: 'INVALID_POLICY',
      message: `name must be a non-empty string such as "workbook", got ${describeValue(policy.name)}`,
      path: ['name'],
    });
  }
  errors.push(...periodIssues(policy.period));
  const period = known(policy.period);
  errors.push(...tierListIssues(policy.tiers));
  const tiers: readonly unknown[] = Array.isArray(policy.tiers) ? policy.tiers : [];
  const names: (string | undefined)[] = [];
  tiers.forEach((value, index) => {
    if (typeof value !== 'object' || value === null) {
      errors.push({
        code: 'INVALID_POLICY',
        message: `each tier must be an object, got ${describeValue(value)}`,
        path: ['tiers', index],
      });
      names.push(undefined);
      return;
    }
    const tier = value as Loose<BurnRateTier>;
    errors.push(
      ...labelIssues('name', tier.name, index),
      ...labelIssues('severity', tier.severity, index),
      ...positiveIssues('longWindow', tier.longWindow, index),
      ...positiveIssues('shortWindow', tier.shortWindow, index),
      ...positiveIssues('factor', tier.factor, index),
      ...positiveIssues('budgetPercent', tier.budgetPercent, index),
      ...forIssues(tier.for, index),
    );
    const checked: CheckedTier = {
      longWindow: known(tier.longWindow),
      shortWindow: known(tier.shortWindow),
      factor: known(tier.factor),
      budgetPercent: known(tier.budgetPercent),
    };
    errors.push(...relationIssues(checked, index, period, true));
    names.push(typeof tier.name === 'string' ? tier.name : undefined);
  });
  errors.push(...duplicateNameIssues(names), ...minEventsIssues(policy.minEvents));
  return errors;
}

function reachabilityWarning(
  tier: BurnRateTier,
  index: number,
  target: TargetInput,
  period: number | undefined,
): NinesIssue | undefined {
  const { errorBudget } = toTarget(target);
  const threshold = tierThreshold(tier, target);
  if (threshold < 1) return undefined;
  const maxBurnRate = exactDivide(1, errorBudget);
  const targetText = formatTarget(target);
  const product = `${num(tier.factor)} × ${num(errorBudget)} = ${num(threshold)}`;
  let share = '';
  if (period !== undefined && isPositiveNumber(tier.longWindow)) {
    const percent = budgetPercentOf(maxBurnRate, period, tier.longWindow);
    share = ` (over a ${dur(tier.longWindow)} long window of a ${dur(period)} period that is ${formatDecimal(percent, 3)}% of the budget)`;
  }
  const path = ['tiers', index, 'factor'];
  if (threshold === 1) {
    return {
      code: 'UNREACHABLE_TIER',
      message: `tier ${JSON.stringify(tier.name)} fires only on a total outage for a ${targetText} target: its threshold ${product} is an error ratio of 100%, and a rule written with ">" (as Sloth and Pyrra write them) never fires at all. Lower the factor below ${formatDecimal(maxBurnRate, 3)}${share}, or remove the tier and rely on slower tiers`,
      path,
    };
  }
  return {
    code: 'UNREACHABLE_TIER',
    message: `tier ${JSON.stringify(tier.name)} can never fire for a ${targetText} target: its threshold ${product} exceeds 1, an error ratio above 100%; factor ${num(tier.factor)} is above the highest burn rate this target can reach, 1/${num(errorBudget)} = ${formatDecimal(maxBurnRate, 3)}. Lower the factor to at most ${formatDecimal(maxBurnRate, 3)}${share}, or remove the tier and rely on slower tiers`,
    path,
  };
}

/**
 * Check a policy against an objective's target without throwing: structural errors (windows,
 * factors, names, period) and tiers that can never fire for this target.
 *
 * Errors: a non-positive window, factor or budget share; a short window not shorter than the
 * long one; a long window longer than the period; a factor and budget share that disagree;
 * duplicate or empty names; an empty tier list; a negative `for` or `minEvents`.
 * Warnings (`UNREACHABLE_TIER`): a tier whose threshold `factor × (1 − target)` exceeds 1 can
 * never fire, because its factor is above the target's highest reachable burn rate
 * `1/(1 − target)` (REFERENCE.md §2.6: a 90% target makes the 14.4 × 1 h page need 144% errors);
 * a threshold of exactly 1 fires only on a total outage.
 *
 * @param policy - the policy to check
 * @param target - the objective's target as a fraction or a `Target`
 * @returns the errors and warnings, each with a path such as `tiers[1].factor`
 * @throws NinesError `INVALID_TARGET` when the target itself is out of range
 * @example
 * ```ts
 * const { errors, warnings } = validatePolicy(workbookPolicy(), 0.9);
 * errors.length; // 0
 * warnings[0]?.path; // ['tiers', 0, 'factor']: 14.4 × 0.1 = 1.44 > 1
 * ```
 */
export function validatePolicy(policy: BurnRatePolicy, target: TargetInput): PolicyValidation {
  toTarget(target);
  const errors = policyErrors(policy);
  const warnings: NinesIssue[] = [];
  const given: unknown = policy;
  if (typeof given !== 'object' || given === null) return { errors, warnings };
  const period = known(policy.period);
  const tiers: readonly unknown[] = Array.isArray(policy.tiers) ? policy.tiers : [];
  tiers.forEach((value, index) => {
    if (typeof value !== 'object' || value === null) return;
    const tier = value as BurnRateTier;
    if (!isPositiveNumber(tier.factor)) return;
    const warning = reachabilityWarning(tier, index, target, period);
    if (warning !== undefined) warnings.push(warning);
  });
  return { errors, warnings };
}

/**
 * Throw when a policy has errors for this target; warnings (unreachable tiers) do not throw.
 *
 * @param policy - the policy to check
 * @param target - the objective's target as a fraction or a `Target`
 * @throws NinesError `INVALID_POLICY` listing every error at once (see {@link validatePolicy})
 * @throws NinesError `INVALID_TARGET` when the target is out of range
 * @example
 * ```ts
 * assertPolicy(workbookPolicy(), 0.999); // passes
 * ```
 */
export function assertPolicy(policy: BurnRatePolicy, target: TargetInput): void {
  const { errors } = validatePolicy(policy, target);
  if (errors.length > 0) throw NinesError.fromIssues(errors);
}
