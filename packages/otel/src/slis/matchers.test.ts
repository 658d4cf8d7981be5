import type { AttributeMatcher } from '@nines/core';
import { NinesError } from '@nines/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatchers, matchesAttributes } from './matchers.js';

const series = {
  'http.request.method': 'GET',
  'http.route': '/checkout/:id',
  'http.response.status_code': 503,
  'error.type': '503',
};
const unmatched = { 'http.request.method': 'GET', 'http.response.status_code': 404 };

describe('matchesAttributes (PromQL matcher semantics)', () => {
  // [matchers, attributes, expected, source]
  const rows: [AttributeMatcher[], Record<string, string | number>, boolean, string][] = [
    [[], series, true, 'no matchers select everything'],
    [[{ attribute: 'http.route', op: '=', value: '/checkout/:id' }], series, true, '='],
    [[{ attribute: 'http.route', op: '=', value: '/checkout' }], series, false, '='],
    [[{ attribute: 'http.route', op: '!=', value: '/health' }], series, true, '!='],
    [
      [{ attribute: 'http.route', op: '!=', value: '/health' }],
      unmatched,
      true,
      'missing attribute reads as "" (PromQL)',
    ],
    [[{ attribute: 'http.route', op: '=', value: '' }], unmatched, true, 'missing = ""'],
    [[{ attribute: 'http.route', op: '=~', value: '/checkout.*' }], series, true, '=~ anchored'],
    [[{ attribute: 'http.route', op: '=~', value: 'checkout' }], series, false, '=~ is anchored'],
    [[{ attribute: 'http.route', op: '=~', value: '.*checkout.*' }], series, true, '=~'],
    [[{ attribute: 'http.route', op: '!~', value: '/health|/metrics' }], series, true, '!~'],
    [
      [{ attribute: 'http.route', op: '=~', value: 'a|/checkout/:id' }],
      series,
      true,
      'alternation is grouped inside the anchors, as Prometheus ^(?:…)$',
    ],
    [
      [{ attribute: 'http.response.status_code', op: '=~', value: '5..' }],
      series,
      true,
      'numbers compare by their text',
    ],
    [
      [
        { attribute: 'http.request.method', op: '=', value: 'GET' },
        { attribute: 'http.response.status_code', op: '!=', value: '503' },
      ],
      series,
      false,
      'all matchers must hold',
    ],
  ];
  it.each(rows)('%j on %j = %s (%s)', (matchers, attributes, expected) => {
    expect(matchesAttributes(matchers, attributes)).toBe(expected);
    expect(compileMatchers(matchers)(attributes)).toBe(expected);
  });

  it('lets "." match a newline, as Prometheus compiles with (?s)', () => {
    expect(matchesAttributes([{ attribute: 'a', op: '=~', value: 'x.y' }], { a: 'x\ny' })).toBe(
      true,
    );
  });

  it('agrees between = and =~ on an escaped literal (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (value, actual) => {
        const escaped = value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        const equal = matchesAttributes([{ attribute: 'k', op: '=', value }], { k: actual });
        const regex = matchesAttributes([{ attribute: 'k', op: '=~', value: escaped }], {
          k: actual,
        });
        const notEqual = matchesAttributes([{ attribute: 'k', op: '!=', value }], { k: actual });
        return equal === regex && equal !== notEqual;
      }),
    );
  });

  describe('edge cases', () => {
    it('rejects a regex that does not compile, with its path', () => {
      let caught: unknown;
      try {
        compileMatchers([{ attribute: 'http.route', op: '=~', value: '(' }], ['sli', 'matchers']);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      expect((caught as NinesError).code).toBe('INVALID_SLI');
      expect((caught as NinesError).path).toEqual(['sli', 'matchers', 0, 'value']);
    });

    it('rejects an unknown operator', () => {
      expect(() =>
        matchesAttributes([{ attribute: 'a', op: '==' as '=', value: 'x' }], { a: 'x' }),
      ).toThrow(/operator "=="/);
    });
  });
});
