/**
 * Structural checks shared by {@link definePolicy} and {@link validatePolicy}: each returns the
 * issues it finds, never throws, and skips values another check already rejected.
 *
 * @internal
 */
import type { NinesIssue, NinesPath } from '../errors.js';
import { isFiniteNumber, isRecord } from '../internal/validate.js';
import { burnRateFactor } from './burnRateFactor.js';
import {
  budgetPercentOf,
  describeValue,
  dur,
  isPositiveNumber,
  nearlyEqual,
  num,
} from './internal.js';
import type { BurnRateTier } from './types.js';

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

/**
 * The period must be a positive duration in milliseconds.
 *
 * @param period - the policy's `period`, as given
 * @returns one `INVALID_POLICY` issue at `period`, or none
 * @example
 * ```ts
 * periodIssues(0)[0]?.path; // ['period']
 * ```
 */
export function periodIssues(period: unknown): NinesIssue[] {
  if (isPositiveNumber(period)) return [];
  return [
    issue(
      `period must be a duration above 0 in milliseconds (e.g. 2592000000 for 30d), got ${describeValue(period)}`,
      ['period'],
    ),
  ];
}

/**
 * A policy needs at least one tier, given as an array.
 *
 * @param tiers - the policy's `tiers`, as given
 * @returns one `INVALID_POLICY` issue at `tiers`, or none
 * @example
 * ```ts
 * tierListIssues([]).length; // 1: a policy without tiers never alerts
 * ```
 */
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

/**
 * `minEvents`, when given, is a whole number of events, 0 or more.
 *
 * @param minEvents - the policy's `minEvents`, as given
 * @returns one `INVALID_POLICY` issue at `minEvents`, or none
 * @example
 * ```ts
 * minEventsIssues(2.5).length; // 1
 * ```
 */
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

/**
 * Name and severity must be non-empty strings.
 *
 * @param field - which label: `name` or `severity`
 * @param value - the tier's value for it, as given
 * @param index - the tier's position, for the path
 * @returns one `INVALID_POLICY` issue at `tiers[index].<field>`, or none
 * @example
 * ```ts
 * labelIssues('severity', '', 0)[0]?.path; // ['tiers', 0, 'severity']
 * ```
 */
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

/**
 * A window, factor or budget share that must be a finite number above 0.
 *
 * @param field - which field of the tier
 * @param value - its value, as given
 * @param index - the tier's position, for the path
 * @returns one `INVALID_POLICY` issue at `tiers[index].<field>`, or none
 * @example
 * ```ts
 * positiveIssues('factor', 0, 1)[0]?.message; // "factor must be a burn-rate factor above 0 (e.g. 14.4), got 0"
 * ```
 */
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

/**
 * `for`, when given, is a duration of 0 or more milliseconds.
 *
 * @param value - the tier's `for`, as given
 * @param index - the tier's position, for the path
 * @returns one `INVALID_POLICY` issue at `tiers[index].for`, or none
 * @example
 * ```ts
 * forIssues(-1, 0).length; // 1
 * ```
 */
export function forIssues(value: unknown, index: number): NinesIssue[] {
  if (value === undefined) return [];
  if (isFiniteNumber(value) && value >= 0) return [];
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
 *
 * @param tier - the tier's fields known to be numbers (others `undefined`, so no issue repeats)
 * @param index - the tier's position, for the paths
 * @param period - the policy's period, when valid
 * @param checkConsistency - whether a given factor and budget share must agree
 * @returns the issues, empty when the relations hold
 * @example
 * ```ts
 * relationIssues({ longWindow: 3_600_000, shortWindow: 3_600_000 }, 0, undefined, false)[0]?.path;
 * // ['tiers', 0, 'shortWindow']: short must be shorter than long
 * ```
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

/**
 * Tier names label alerts for dedupe and inhibition, so they must be unique.
 *
 * @param names - each tier's name, `undefined` where it is missing or invalid
 * @returns one issue per repeated name, at the later tier
 * @example
 * ```ts
 * duplicateNameIssues(['page', 'page'])[0]?.path; // ['tiers', 1, 'name']
 * ```
 */
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

/** The numeric fields of a tier that the timing and threshold math reads. */
export type TierField = 'factor' | 'longWindow' | 'shortWindow' | 'for';

/**
 * Throw unless `tier` is an object whose `fields` are usable numbers: `factor`, `longWindow` and
 * `shortWindow` finite and above 0, `for` (when present) finite and at least 0. The threshold
 * and timing functions take a tier from a policy, but a hand-built one must not turn into NaN.
 *
 * @param fn - the public function asking, named in the message
 * @param tier - the value to check
 * @param fields - the fields the function reads
 * @throws RangeError naming the function, the field and its value
 * @example
 * ```ts
 * checkTier('tierThreshold', { factor: 0 }, ['factor']); // throws RangeError
 * ```
 */
export function checkTier(
  fn: string,
  tier: unknown,
  fields: readonly TierField[],
): asserts tier is BurnRateTier {
  if (!isRecord(tier)) {
    throw new RangeError(
      `${fn}: tier must be a burn-rate tier { name, severity, longWindow, shortWindow, factor, budgetPercent }, got ${describeValue(tier)}`,
    );
  }
  for (const field of fields) {
    const value = tier[field];
    if (field === 'for') {
      if (value === undefined || (isFiniteNumber(value) && value >= 0)) continue;
      throw new RangeError(
        `${fn}: tier.for must be a duration of 0 or more milliseconds, got ${describeValue(value)}`,
      );
    }
    if (!isPositiveNumber(value)) {
      throw new RangeError(
        `${fn}: tier.${field} must be a finite number above 0, got ${describeValue(value)}`,
      );
    }
  }
}
