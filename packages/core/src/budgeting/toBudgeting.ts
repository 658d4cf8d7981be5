import { toDuration } from '../durations/index.js';
import { NinesError } from '../errors.js';
import type { NinesIssue, NinesPath } from '../errors.js';
import { describeValue } from '../internal/validate.js';
import type { BudgetingInput } from '../objectives/types.js';
import { isEmptySlicePolicy, isSliceOperator, isSliceTarget } from './checks.js';
import type { Budgeting, EmptySlicePolicy, SliceOperator } from './types.js';

/**
 * Slice length used when budgeting is written as the bare string `'ratio-timeslices'`: one
 * minute, the slice of Nobl9's good/bad minutes, Datadog's finest time-slice and the OpenSLO
 * budgeting-method example.
 *
 * @example
 * ```ts
 * toBudgeting('ratio-timeslices').slice === DEFAULT_SLICE_MS; // true: 60_000 ms
 * ```
 */
export const DEFAULT_SLICE_MS = 60_000;

const METHODS = ['occurrences', 'timeslices', 'ratio-timeslices'] as const;

/**
 * Turn the budgeting a user writes into the normalised {@link Budgeting} the math uses: method
 * names checked, slice durations in milliseconds, defaults filled in (`op: 'gte'`,
 * `emptySlice: 'skip'`), every problem reported at once.
 *
 * Defaults: no budgeting means `occurrences`; the bare string `'ratio-timeslices'` means
 * one-minute slices ({@link DEFAULT_SLICE_MS}). The bare string `'timeslices'` is refused,
 * because no source gives a default slice target and guessing one would silently change what
 * counts as a bad minute.
 *
 * @param input - `'occurrences'`, `'ratio-timeslices'`, or an object such as
 *   `{ method: 'timeslices', slice: '1m', sliceTarget: 0.95, op: 'gt' }`; `undefined` for the default
 * @param path - where the budgeting sits in the caller's input (e.g. `['budgeting']`), prefixed
 *   to every issue's path
 * @returns the normalised budgeting
 * @throws NinesError `INVALID_BUDGETING` listing every problem: an unknown method, operator or
 *   empty-slice policy, a missing slice or slice target, a slice target outside (0, 1], or a
 *   slice that is not a positive whole number of milliseconds (keeping the duration parser's
 *   message)
 * @example
 * ```ts
 * toBudgeting(undefined); // { method: 'occurrences' }
 * toBudgeting({ method: 'timeslices', slice: '1m', sliceTarget: 0.95 });
 * // { method: 'timeslices', slice: 60000, sliceTarget: 0.95, op: 'gte', emptySlice: 'skip' }
 * ```
 */
export function toBudgeting(input: BudgetingInput | undefined, path: NinesPath = []): Budgeting {
  if (input === undefined || input === 'occurrences') return { method: 'occurrences' };
  if (input === 'ratio-timeslices') {
    return { method: 'ratio-timeslices', slice: DEFAULT_SLICE_MS, emptySlice: 'skip' };
  }
  if (input === 'timeslices') {
    throw new NinesError(
      'INVALID_BUDGETING',
      'budgeting "timeslices" needs a slice target: write ' +
        "{ method: 'timeslices', slice: '1m', sliceTarget: 0.95 }",
      { path },
    );
  }
  // From here on the input may be anything a plain-JavaScript or YAML caller passed.
  const raw: unknown = input;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new NinesError(
      'INVALID_BUDGETING',
      `budgeting must be one of "occurrences", "timeslices", "ratio-timeslices" or an object with a method, got ${describeValue(raw)}`,
      { path },
    );
  }
  const record = raw as Readonly<Record<string, unknown>>;
  const method = record.method;
  if (method === 'occurrences') return { method: 'occurrences' };
  if (method !== 'timeslices' && method !== 'ratio-timeslices') {
    throw new NinesError(
      'INVALID_BUDGETING',
      `budgeting method must be one of ${METHODS.join(', ')}, got ${describeValue(method)}`,
      { path: [...path, 'method'] },
    );
  }

  const issues: NinesIssue[] = [];
  const issue = (key: string, message: string): void => {
    issues.push({ code: 'INVALID_BUDGETING', message, path: [...path, key] });
  };

  let slice = 0;
  const sliceInput = record.slice;
  if (sliceInput === undefined) {
    issue('slice', `${method} needs a slice length, e.g. slice: '1m' or 60000 (milliseconds)`);
  } else if (typeof sliceInput !== 'string' && typeof sliceInput !== 'number') {
    issue(
      'slice',
      `slice must be a duration such as '1m' or milliseconds, got ${describeValue(sliceInput)}`,
    );
  } else {
    try {
      slice = toDuration(sliceInput, [...path, 'slice']);
    } catch (error) {
      if (!(error instanceof NinesError)) throw error;
      // Report the duration problem as a budgeting problem, keeping its message and path.
      for (const found of error.issues) {
        issues.push({ code: 'INVALID_BUDGETING', message: found.message, path: found.path });
      }
    }
  }

  let emptySlice: EmptySlicePolicy = 'skip';
  if (record.emptySlice !== undefined) {
    if (isEmptySlicePolicy(record.emptySlice)) emptySlice = record.emptySlice;
    else {
      issue(
        'emptySlice',
        `emptySlice must be one of skip, good, bad, got ${describeValue(record.emptySlice)}`,
      );
    }
  }

  if (method === 'ratio-timeslices') {
    if (issues.length > 0) throw NinesError.fromIssues(issues);
    return { method, slice, emptySlice };
  }

  let sliceTarget = 0;
  if (record.sliceTarget === undefined) {
    issue('sliceTarget', 'timeslices needs a sliceTarget in (0, 1], e.g. sliceTarget: 0.95');
  } else if (isSliceTarget(record.sliceTarget)) {
    sliceTarget = record.sliceTarget;
  } else {
    issue(
      'sliceTarget',
      `sliceTarget must be a number in (0, 1] (the ratio a slice must reach), got ${describeValue(record.sliceTarget)}`,
    );
  }

  let op: SliceOperator = 'gte';
  if (record.op !== undefined) {
    if (isSliceOperator(record.op)) op = record.op;
    else issue('op', `op must be one of gte, gt, lte, lt, got ${describeValue(record.op)}`);
  }

  if (issues.length > 0) throw NinesError.fromIssues(issues);
  return { method, slice, sliceTarget, op, emptySlice };
}
