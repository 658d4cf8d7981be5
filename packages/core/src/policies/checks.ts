/**
 * Structural checks shared by {@link definePolicy} and {@link validatePolicy}: each returns the
 * issues it finds, never throws, and skips values another check already rejected.
 *
 * @internal
 */
import type { NinesIssue, NinesPath } from '../errors.js';
import { burnRateFactor } from './burnRateFactor.js';
import {
  budgetPercentOf,
  describeValue,
  dur,
  isPositiveNumber,
  nearlyEqual,
  num,
} from './internal.js';

function issue(message: string, path: NinesPath): NinesIssue {
  return { code: 'INVALID_POLICY', message, path };
}

/** A tier's fields as far as they are known to be numbers (undefined = missing or rejected). */
export interface CheckedTier {
  readonly name?: string | undefined;
  readonly longWindow?: number | undefined;
  readonly shortWindow?: number | undefined;
  readonly factor?: number | undefined;
  readonly budgetPercent?: number | undefined;
}

/** The period must be a positive duration in milliseconds. */
export function periodIssues(period: unknown): NinesIssue[] {
  if (isPositiveNumber(period)) return [];
  return [
    issue(
      `period must be a duration above 0 in milliseconds (e.g. 2592000000 for 30d), got ${describeValue(period)}`,
      ['period'],
    ),
  ];
}

/** A policy needs at least one tier, given as an array. */
export function tierListIssues(tiers: unknown): NinesIssue[] {
  if (!Array.isArray(tiers)) {
    return [issue(`tiers must be an array of tiers, got ${describeValue(tiers)}`, ['tiers'])];
  }
  if (tiers.length === 0) {
    return [
      issue('tiers is empty: a policy without tiers never alerts; give at least one tier', [
        'tiers',
      ]),
    ];
  }
  return [];
}

/** `minEvents`, when given, is a whole number of events, 0 or more. */
export function minEventsIssues(minEvents: unknown): NinesIssue[] {
  if (minEvents === undefined) return [];
  if (typeof minEvents === 'number' && Number.isInteger(minEvents) && minEvents >= 0) return [];
  return [
    issue(
      `minEvents must be a whole number of events, 0 or more (0 turns the guard off), got ${describeValue(minEvents)}`,
      ['minEvents'],
    ),
  ];
}

/** Name and severity must be non-empty strings. */
export function labelIssues(
  field: 'name' | 'severity',
  value: unknown,
  index: number,
): NinesIssue[] {
  if (typeof value === 'string' && value.trim() !== '') return [];
  const example = field === 'name' ? `"page-fast"` : `"page" or "ticket"`;
  return [
    issue(`${field} must be a non-empty string such as ${example}, got ${describeValue(value)}`, [
      'tiers',
      index,
      field,
    ]),
  ];
}

/** A window, factor or budget share that must be a finite number above 0. */
export function positiveIssues(
  field: 'longWindow' | 'shortWindow' | 'factor' | 'budgetPercent',
  value: unknown,
  index: number,
): NinesIssue[] {
  if (isPositiveNumber(value)) return [];
  const what =
    field === 'factor'
      ? 'a burn-rate factor above 0 (e.g. 14.4)'
      : field === 'budgetPercent'
        ? 'a share of the budget in percent, above 0 (e.g. 2)'
        : 'a duration above 0 in milliseconds';
  return [issue(`${field} must be ${what}, got ${describeValue(value)}`, ['tiers', index, field])];
}

/** `for`, when given, is a duration of 0 or more milliseconds. */
export function forIssues(value: unknown, index: number): NinesIssue[] {
  if (value === undefined) return [];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return [];
  return [
    issue(`for must be a duration of 0 or more milliseconds, got ${describeValue(value)}`, [
      'tiers',
      index,
      'for',
    ]),
  ];
}

/**
 * Relations between a tier's fields and the period: short < long, long ≤ period and, when both
 * are given, a factor and budget share that agree.
 */
export function relationIssues(
  tier: CheckedTier,
  index: number,
  period: number | undefined,
  checkConsistency: boolean,
): NinesIssue[] {
  const out: NinesIssue[] = [];
  const { longWindow: long, shortWindow: short, factor, budgetPercent } = tier;
  if (long !== undefined && short !== undefined && short >= long) {
    out.push(
      issue(
        `shortWindow ${dur(short)} must be shorter than longWindow ${dur(long)}; the SRE Workbook uses long/12 (${dur(Math.round(long / 12))})`,
        ['tiers', index, 'shortWindow'],
      ),
    );
  }
  if (long !== undefined && period !== undefined && long > period) {
    out.push(
      issue(
        `longWindow ${dur(long)} is longer than the period ${dur(period)}; use a long window of at most the period, or drop the tier`,
        ['tiers', index, 'longWindow'],
      ),
    );
  }
  if (
    checkConsistency &&
    factor !== undefined &&
    budgetPercent !== undefined &&
    long !== undefined &&
    period !== undefined
  ) {
    const expected = burnRateFactor(budgetPercent, period, long);
    if (!nearlyEqual(expected, factor)) {
      out.push(
        issue(
          `budgetPercent ${num(budgetPercent)} does not match factor ${num(factor)}: over a ${dur(long)} window of a ${dur(period)} period, factor ${num(factor)} spends ${num(budgetPercentOf(factor, period, long))}% and ${num(budgetPercent)}% needs factor ${num(expected)}; give one of them and let the other be derived`,
          ['tiers', index, 'budgetPercent'],
        ),
      );
    }
  }
  return out;
}

/** Tier names label alerts for dedupe and inhibition, so they must be unique. */
export function duplicateNameIssues(names: readonly (string | undefined)[]): NinesIssue[] {
  const out: NinesIssue[] = [];
  const first = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === undefined) return;
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, index);
      return;
    }
    out.push(
      issue(
        `tier name ${JSON.stringify(name)} is already used by tiers[${earlier}]; names must be unique because alerts are deduplicated and inhibited by tier`,
        ['tiers', index, 'name'],
      ),
    );
  });
  return out;
}
