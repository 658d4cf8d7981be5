import { NinesError, type NinesIssue, type NinesPath } from '../errors.js';
import { burnRateFactor } from './burnRateFactor.js';
import {
  duplicateNameIssues,
  labelIssues,
  minEventsIssues,
  positiveIssues,
  relationIssues,
  tierListIssues,
} from './checks.js';
import { SECOND, budgetPercentOf, describeValue, readDuration } from './internal.js';
import type { BurnRatePolicy, BurnRateTier } from './types.js';

/** One tier as a user writes it: durations as text (`'1h'`) or milliseconds, a factor or a budget share. */
export interface PolicyTierInput {
  /** Unique label; default `<severity>-<index>` with the tier's 0-based position, e.g. `page-0`. */
  readonly name?: string;
  /** Severity given to the alert, e.g. `page`, `ticket`, `critical`. */
  readonly severity: string;
  /** Long window, e.g. `'1h'` or `3_600_000`. */
  readonly longWindow: string | number;
  /** Short window; default long/12 rounded to whole seconds (SRE Workbook, Datadog). */
  readonly shortWindow?: string | number;
  /** Burn-rate factor; give this or `budgetPercent`. */
  readonly factor?: number;
  /** Percent of the period's budget spent when the tier fires; give this or `factor`. */
  readonly budgetPercent?: number;
  /** How long the condition must hold before firing (Prometheus `for`), e.g. `'2m'`. */
  readonly for?: string | number;
}

/** A burn-rate policy as a user writes it; see {@link definePolicy}. */
export interface PolicyInput {
  /** Where the tiers come from; default `custom`. */
  readonly name?: string;
  /** The SLO period the tiers are for, e.g. `'30d'` or milliseconds. */
  readonly period: string | number;
  /** At least one tier. */
  readonly tiers: readonly PolicyTierInput[];
  /** Minimum events a tier's long window must have seen before it fires; default 0 (off). */
  readonly minEvents?: number;
}

function readTier(
  input: PolicyTierInput,
  index: number,
  period: number | undefined,
  issues: NinesIssue[],
): { tier: BurnRateTier | undefined; name: string | undefined } {
  const at = (field: string): NinesPath => ['tiers', index, field];
  const before = issues.length;
  const raw = input as unknown as Partial<Record<keyof PolicyTierInput, unknown>>;

  issues.push(...labelIssues('severity', raw.severity, index));
  const severity = typeof raw.severity === 'string' ? raw.severity : undefined;
  let name: string | undefined;
  if (raw.name === undefined) {
    name = severity === undefined ? undefined : `${severity}-${index}`;
  } else {
    issues.push(...labelIssues('name', raw.name, index));
    name = typeof raw.name === 'string' ? raw.name : undefined;
  }

  const long = readDuration(raw.longWindow, at('longWindow'), issues, false);
  let short: number | undefined;
  if (raw.shortWindow === undefined) {
    if (long !== undefined) {
      short = Math.round(long / 12 / SECOND) * SECOND;
      if (short === 0) {
        issues.push({
          code: 'INVALID_POLICY',
          message: `shortWindow defaults to longWindow/12 rounded to whole seconds, which is 0 for a ${long} ms long window; give shortWindow explicitly`,
          path: at('shortWindow'),
        });
        short = undefined;
      }
    }
  } else {
    short = readDuration(raw.shortWindow, at('shortWindow'), issues, false);
  }
  const forMs = raw.for === undefined ? undefined : readDuration(raw.for, at('for'), issues, true);

  let factor: number | undefined;
  let budgetPercent: number | undefined;
  if (raw.factor === undefined && raw.budgetPercent === undefined) {
    issues.push({
      code: 'INVALID_POLICY',
      message:
        'a tier needs a factor (e.g. 14.4) or a budgetPercent (e.g. 2, the share of the budget spent when it fires); the other is derived',
      path: ['tiers', index],
    });
  } else {
    if (raw.factor !== undefined) {
      const found = positiveIssues('factor', raw.factor, index);
      issues.push(...found);
      if (found.length === 0) factor = raw.factor as number;
    }
    if (raw.budgetPercent !== undefined) {
      const found = positiveIssues('budgetPercent', raw.budgetPercent, index);
      issues.push(...found);
      if (found.length === 0) budgetPercent = raw.budgetPercent as number;
    }
  }

  issues.push(
    ...relationIssues(
      { longWindow: long, shortWindow: short, factor, budgetPercent },
      index,
      period,
      true,
    ),
  );

  if (issues.length > before || severity === undefined || name === undefined)
    return { tier: undefined, name };
  if (long === undefined || short === undefined || period === undefined)
    return { tier: undefined, name };
  if (factor === undefined && budgetPercent !== undefined) {
    factor = burnRateFactor(budgetPercent, period, long);
  }
  if (factor === undefined) return { tier: undefined, name };
  budgetPercent ??= budgetPercentOf(factor, period, long);
  const tier: BurnRateTier = {
    name,
    severity,
    longWindow: long,
    shortWindow: short,
    factor,
    budgetPercent,
    ...(forMs === undefined ? {} : { for: forMs }),
  };
  return { tier, name };
}

/**
 * Build a custom burn-rate policy from text durations and either a factor or a budget share per
 * tier, deriving the other exactly (`factor = budgetPercent × period / (long × 100)`).
 *
 * Defaults: policy name `custom`; tier name `<severity>-<index>` (0-based position, as in the
 * error paths); short window long/12 rounded to whole seconds (SRE Workbook ch. 5 and Datadog
 * use long/12). When both `factor` and `budgetPercent` are given they must agree (so a
 * `BurnRatePolicy` can be passed back in). Every problem is collected and thrown together.
 *
 * @param input - period, tiers and optional name and `minEvents`
 * @returns the policy, with all durations in milliseconds
 * @throws NinesError listing every problem at once, with paths like `tiers[1].factor`:
 * `INVALID_DURATION` for unreadable durations, `INVALID_POLICY` for an input that is not an
 * object, missing or contradictory factors, short ≥ long, long > period, duplicate names, a bad
 * `minEvents` or no tiers
 * @example
 * ```ts
 * const policy = definePolicy({
 *   period: '30d',
 *   tiers: [
 *     { name: 'page-fast', severity: 'page', longWindow: '1h', budgetPercent: 2 }, // factor 14.4, short 5m
 *     { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1 }, // name 'ticket-1', 10%
 *   ],
 * });
 * ```
 */
export function definePolicy(input: PolicyInput): BurnRatePolicy {
  const given: unknown = input;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new NinesError(
      'INVALID_POLICY',
      `a policy must be an object { period, tiers, name?, minEvents? }, got ${describeValue(given)}`,
    );
  }
  const issues: NinesIssue[] = [];
  const raw = input as unknown as Partial<Record<keyof PolicyInput, unknown>>;

  let name = 'custom';
  if (raw.name !== undefined) {
    if (typeof raw.name === 'string' && raw.name.trim() !== '') name = raw.name;
    else {
      issues.push({
        code: 'INVALID_POLICY',
        message: `name must be a non-empty string such as "custom", got ${describeValue(raw.name)}`,
        path: ['name'],
      });
    }
  }
  const period = readDuration(raw.period, ['period'], issues, false);

  const listIssues = tierListIssues(raw.tiers);
  issues.push(...listIssues);
  const inputs: readonly unknown[] = Array.isArray(raw.tiers) ? raw.tiers : [];
  const tiers: BurnRateTier[] = [];
  const names: (string | undefined)[] = [];
  inputs.forEach((tierInput, index) => {
    if (typeof tierInput !== 'object' || tierInput === null) {
      issues.push({
        code: 'INVALID_POLICY',
        message: `each tier must be an object with severity, longWindow and factor or budgetPercent, got ${describeValue(tierInput)}`,
        path: ['tiers', index],
      });
      names.push(undefined);
      return;
    }
    const { tier, name: tierName } = readTier(tierInput as PolicyTierInput, index, period, issues);
    names.push(tierName);
    if (tier !== undefined) tiers.push(tier);
  });
  issues.push(...duplicateNameIssues(names), ...minEventsIssues(raw.minEvents));

  if (issues.length > 0 || period === undefined) throw NinesError.fromIssues(issues);
  return {
    name,
    period,
    tiers,
    ...(raw.minEvents === undefined ? {} : { minEvents: raw.minEvents as number }),
  };
}
