import type { Attributes } from '@opentelemetry/api';
import { NinesError, type AttributeMatcher, type NinesPath } from '@nines/core';

/** A compiled selector: does a series with these attributes belong to the SLI? */
export type AttributePredicate = (attributes: Readonly<Attributes>) => boolean;

const compiledByMatcher = new WeakMap<AttributeMatcher, (text: string) => boolean>();

/**
 * Compiles attribute matchers into one predicate, with PromQL semantics so the in-process
 * evaluator selects exactly the series the generated PromQL selects:
 * - a missing attribute reads as the empty string (`{http_route!="/health"}` keeps series
 *   without a route; `{http_route=""}` selects them);
 * - non-string values compare by their text (`http.response.status_code = "503"`);
 * - `=~` and `!~` are fully anchored and `.` matches newlines, as Prometheus compiles them
 *   (`^(?s:…)$`, prometheus/prometheus `model/labels/regexp.go`).
 *
 * Regexes are compiled here, once; run the predicate once per series, never per request.
 *
 * @param matchers - the selector's matchers (all must hold; none selects everything)
 * @param path - where the matchers sit in the user's input, for error messages
 * @returns the predicate
 * @throws NinesError `INVALID_SLI` when an operator is unknown or a regex does not compile
 * @example
 * ```ts
 * const isCheckout = compileMatchers([{ attribute: 'http.route', op: '=~', value: '/checkout.*' }]);
 * isCheckout({ 'http.route': '/checkout/:id' }); // true
 * isCheckout({ 'http.route': '/api/checkout' }); // false: anchored
 * ```
 */
export function compileMatchers(
  matchers: readonly AttributeMatcher[],
  path: NinesPath = ['matchers'],
): AttributePredicate {
  const tests = matchers.map((matcher, i) => {
    const test = compileOne(matcher, [...path, i]);
    return (attributes: Readonly<Attributes>): boolean =>
      test(attributeText(attributes[matcher.attribute]));
  });
  if (tests.length === 0) return () => true;
  return (attributes) => tests.every((test) => test(attributes));
}

/**
 * Tests attributes against matchers (PromQL semantics, see {@link compileMatchers}). Each
 * matcher object's regex is compiled on first use and cached, so repeated calls with the same
 * objective cost no compilation.
 *
 * @param matchers - the selector's matchers
 * @param attributes - a series' attributes
 * @returns whether every matcher holds
 * @throws NinesError `INVALID_SLI` when an operator is unknown or a regex does not compile
 * @example
 * ```ts
 * matchesAttributes([{ attribute: 'http.route', op: '!=', value: '/health' }], {}); // true
 * ```
 */
export function matchesAttributes(
  matchers: readonly AttributeMatcher[],
  attributes: Readonly<Attributes>,
): boolean {
  for (const [i, matcher] of matchers.entries()) {
    let test = compiledByMatcher.get(matcher);
    if (test === undefined) {
      test = compileOne(matcher, ['matchers', i]);
      compiledByMatcher.set(matcher, test);
    }
    if (!test(attributeText(attributes[matcher.attribute]))) return false;
  }
  return true;
}

function compileOne(matcher: AttributeMatcher, path: NinesPath): (text: string) => boolean {
  const { op, value } = matcher;
  switch (op) {
    case '=':
      return (text) => text === value;
    case '!=':
      return (text) => text !== value;
    case '=~':
    case '!~': {
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${value})$`, 's');
      } catch (cause) {
        throw new NinesError(
          'INVALID_SLI',
          `Matcher regex ${JSON.stringify(value)} on "${matcher.attribute}" does not compile: ${(cause as Error).message}.`,
          { path: [...path, 'value'], cause },
        );
      }
      return op === '=~' ? (text) => regex.test(text) : (text) => !regex.test(text);
    }
    default:
      throw new NinesError(
        'INVALID_SLI',
        `Matcher operator ${JSON.stringify(op)} is not one of "=", "!=", "=~", "!~".`,
        { path: [...path, 'op'] },
      );
  }
}

function attributeText(value: Attributes[string]): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}
