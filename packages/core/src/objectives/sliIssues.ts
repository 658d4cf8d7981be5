import type { NinesIssue, NinesPath } from '../errors.js';
import { describeValue, isPositiveNumber, isRecord } from '../internal/validate.js';
import type { AttributeMatcher, MatcherOperator, Sli } from './sli.js';

/**
 * Structural checks of an SLI as a plain-JavaScript or YAML caller may pass it. Internal to the
 * objectives area: {@link defineObjective} reports these issues with everything else it finds.
 *
 * @internal
 * @packageDocumentation
 */

const OPERATORS: readonly MatcherOperator[] = ['=', '!=', '=~', '!~'];
const KINDS: readonly Sli['kind'][] = ['http-availability', 'http-latency', 'events', 'promql'];

function matcherIssues(matcher: unknown, path: NinesPath): NinesIssue[] {
  const issues: NinesIssue[] = [];
  const issue = (key: string, message: string): void => {
    issues.push({ code: 'INVALID_SLI', message, path: [...path, key] });
  };
  if (!isRecord(matcher)) {
    return [
      {
        code: 'INVALID_SLI',
        message: `a matcher must be an object { attribute, op, value }, got ${describeValue(matcher)}`,
        path,
      },
    ];
  }
  const { attribute, op, value } = matcher;
  if (typeof attribute !== 'string' || attribute.trim() === '') {
    issue(
      'attribute',
      `attribute must be a non-empty attribute name such as "http.route", got ${describeValue(attribute)}`,
    );
  }
  if (!OPERATORS.includes(op as MatcherOperator)) {
    issue('op', `op must be one of ${OPERATORS.join(', ')}, got ${describeValue(op)}`);
  }
  if (typeof value !== 'string') {
    issue('value', `value must be a string, got ${describeValue(value)}`);
  } else if (op === '=~' || op === '!~') {
    try {
      // Anchored as PromQL anchors it; compiled here so a typo fails at definition time.
      new RegExp(`^(?:${value})$`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issue(
        'value',
        `value ${JSON.stringify(value)} is not a valid regular expression for ${op}: ${reason}`,
      );
    }
  }
  return issues;
}

function matchersIssues(matchers: unknown, path: NinesPath): NinesIssue[] {
  if (!Array.isArray(matchers)) {
    return [
      {
        code: 'INVALID_SLI',
        message: `matchers must be an array of { attribute, op, value } ([] for the whole service), got ${describeValue(matchers)}`,
        path,
      },
    ];
  }
  return matchers.flatMap((matcher: unknown, index) => matcherIssues(matcher, [...path, index]));
}

function queryIssue(
  sli: Readonly<Record<string, unknown>>,
  key: string,
  path: NinesPath,
): NinesIssue[] {
  const query = sli[key];
  if (query === undefined || (typeof query === 'string' && query.trim() !== '')) return [];
  return [
    {
      code: 'INVALID_SLI',
      message: `${key} must be a non-empty PromQL string, got ${describeValue(query)}`,
      path: [...path, key],
    },
  ];
}

function promqlIssues(sli: Readonly<Record<string, unknown>>, path: NinesPath): NinesIssue[] {
  const issues = ['errorRatioQuery', 'errorQuery', 'goodQuery', 'totalQuery'].flatMap((key) =>
    queryIssue(sli, key, path),
  );
  const has = (key: string): boolean => sli[key] !== undefined;
  const form = 'give either errorRatioQuery, or totalQuery with one of errorQuery and goodQuery';
  if (has('errorRatioQuery')) {
    const mixed = ['errorQuery', 'goodQuery', 'totalQuery'].filter(has);
    if (mixed.length > 0) {
      issues.push({
        code: 'INVALID_SLI',
        message: `errorRatioQuery cannot be combined with ${mixed.join(' and ')}: ${form}`,
        path: [...path, mixed[0] ?? 'errorRatioQuery'],
      });
    }
    return issues;
  }
  if (!has('errorQuery') && !has('goodQuery') && !has('totalQuery')) {
    issues.push({ code: 'INVALID_SLI', message: `a promql SLI needs queries: ${form}`, path });
    return issues;
  }
  if (has('errorQuery') && has('goodQuery')) {
    issues.push({
      code: 'INVALID_SLI',
      message: `errorQuery and goodQuery are two ways to say the same thing; ${form}`,
      path: [...path, 'goodQuery'],
    });
  } else if (!has('errorQuery') && !has('goodQuery')) {
    issues.push({
      code: 'INVALID_SLI',
      message: `totalQuery needs errorQuery or goodQuery beside it: ${form}`,
      path: [...path, 'errorQuery'],
    });
  }
  if (!has('totalQuery')) {
    issues.push({
      code: 'INVALID_SLI',
      message: `totalQuery is required with ${has('errorQuery') ? 'errorQuery' : 'goodQuery'}: ${form}`,
      path: [...path, 'totalQuery'],
    });
  }
  return issues;
}

/**
 * Every structural problem of an SLI, each with a path under `path`.
 *
 * @param sli - the SLI as given (possibly not an `Sli` at all)
 * @param path - where the SLI sits in the input, e.g. `['sli']`
 * @returns the issues, empty when the SLI is valid
 * @example
 * ```ts
 * sliIssues({ kind: 'http-latency', threshold: 0, matchers: [] }, ['sli']);
 * // [{ code: 'INVALID_SLI', path: ['sli', 'threshold'], message: 'threshold must be ... got 0' }]
 * ```
 */
export function sliIssues(sli: unknown, path: NinesPath): NinesIssue[] {
  if (!isRecord(sli)) {
    return [
      {
        code: 'INVALID_SLI',
        message: `sli must be an object with a kind (${KINDS.join(', ')}), got ${describeValue(sli)}`,
        path,
      },
    ];
  }
  switch (sli.kind) {
    case 'http-availability':
      return matchersIssues(sli.matchers, [...path, 'matchers']);
    case 'http-latency': {
      const issues: NinesIssue[] = [];
      const { threshold } = sli;
      if (!isPositiveNumber(threshold)) {
        issues.push({
          code: 'INVALID_SLI',
          message: `threshold must be a finite number of seconds > 0 (e.g. 0.3), got ${describeValue(threshold)}`,
          path: [...path, 'threshold'],
        });
      }
      issues.push(...matchersIssues(sli.matchers, [...path, 'matchers']));
      return issues;
    }
    case 'events':
      return [];
    case 'promql':
      return promqlIssues(sli, path);
    default:
      return [
        {
          code: 'INVALID_SLI',
          message: `sli kind must be one of ${KINDS.join(', ')}, got ${describeValue(sli.kind)}`,
          path: [...path, 'kind'],
        },
      ];
  }
}

/**
 * A frozen copy of a valid SLI, so later changes to the caller's object cannot change an
 * objective.
 *
 * @param sli - an SLI that passed {@link sliIssues}
 * @returns the copy
 * @example
 * ```ts
 * Object.isFrozen(copySli({ kind: 'events' })); // true
 * ```
 */
export function copySli(sli: Sli): Sli {
  const matchers = (list: readonly AttributeMatcher[]): readonly AttributeMatcher[] =>
    Object.freeze(list.map(({ attribute, op, value }) => Object.freeze({ attribute, op, value })));
  switch (sli.kind) {
    case 'http-availability':
      return Object.freeze({ kind: sli.kind, matchers: matchers(sli.matchers) });
    case 'http-latency':
      return Object.freeze({
        kind: sli.kind,
        threshold: sli.threshold,
        matchers: matchers(sli.matchers),
      });
    case 'events':
      return Object.freeze({ kind: sli.kind });
    case 'promql':
      return Object.freeze({ ...sli });
  }
}
