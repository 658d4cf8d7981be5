import { NinesError } from '@nines/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KNOWN_METHODS,
  KNOWN_METHODS_ENV,
  MAX_KNOWN_METHODS,
  MethodTable,
  resolveKnownMethods,
} from './methods.js';

describe('MethodTable (semconv http.request.method)', () => {
  const table = new MethodTable(DEFAULT_KNOWN_METHODS);
  // [raw method, attribute value, source]
  const rows: [string, string, string][] = [
    ['GET', 'GET', 'REFERENCE.md §5.3 (RFC 9110 method)'],
    ['HEAD', 'HEAD', 'REFERENCE.md §5.3'],
    ['CONNECT', 'CONNECT', 'REFERENCE.md §5.3'],
    ['TRACE', 'TRACE', 'REFERENCE.md §5.3'],
    ['PATCH', 'PATCH', 'REFERENCE.md §5.3 (+ PATCH)'],
    ['QUERY', 'QUERY', 'REFERENCE.md §5.1 (QUERY known since semconv v1.38.0)'],
    ['get', '_OTHER', 'REFERENCE.md §5.3 (case-sensitive)'],
    ['Get', '_OTHER', 'REFERENCE.md §5.3 (case-sensitive)'],
    ['PURGE', '_OTHER', 'REFERENCE.md §11.1 #3'],
    ['PROPFIND', '_OTHER', 'REFERENCE.md §11.1 #3'],
    ['M-SEARCH', '_OTHER', 'REFERENCE.md §11.1 #3'],
    ['', '_OTHER', 'edge: empty'],
    ['_OTHER', '_OTHER', 'edge: the catch-all itself'],
  ];
  it.each(rows)('%j -> %j (%s)', (raw, expected) => {
    expect(table.normalize(raw)).toBe(expected);
  });

  it('indexes known methods densely with _OTHER last', () => {
    expect(table.size).toBe(11);
    expect(table.otherIndex).toBe(10);
    expect(table.values).toEqual([...DEFAULT_KNOWN_METHODS, '_OTHER']);
    expect(table.indexOf('GET')).toBe(2);
    expect(table.indexOf('constructor')).toBe(10);
  });
});

describe('resolveKnownMethods (OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS)', () => {
  it('defaults to RFC 9110 + PATCH + QUERY (REFERENCE.md §5.3)', () => {
    expect(resolveKnownMethods(undefined, {})).toEqual([
      'CONNECT',
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
      'POST',
      'PUT',
      'TRACE',
      'QUERY',
    ]);
  });

  it('lets the environment variable replace the defaults entirely (SC http-metrics L97-110)', () => {
    const methods = resolveKnownMethods(undefined, { [KNOWN_METHODS_ENV]: ' GET , PURGE,,POST ' });
    expect(methods).toEqual(['GET', 'PURGE', 'POST']);
    const table = new MethodTable(methods);
    expect(table.normalize('PURGE')).toBe('PURGE');
    expect(table.normalize('DELETE')).toBe('_OTHER');
  });

  it('treats an empty variable as unset', () => {
    expect(resolveKnownMethods(undefined, { [KNOWN_METHODS_ENV]: '  ' })).toBe(
      DEFAULT_KNOWN_METHODS,
    );
  });

  it('prefers the explicit option over the environment, and drops duplicates', () => {
    expect(resolveKnownMethods(['GET', 'GET', 'PUT'], { [KNOWN_METHODS_ENV]: 'POST' })).toEqual([
      'GET',
      'PUT',
    ]);
  });

  it('accepts an empty explicit list: every method is then _OTHER', () => {
    const table = new MethodTable(resolveKnownMethods([], {}));
    expect(table.normalize('GET')).toBe('_OTHER');
    expect(table.size).toBe(1);
  });

  describe('edge cases', () => {
    it.each([
      [
        ['GET', 'BAD METHOD'],
        ['knownMethods', 1],
      ],
      [['_OTHER'], ['knownMethods', 0]],
      [
        ['GET', ''],
        ['knownMethods', 1],
      ],
    ])('rejects %j at %j', (methods, path) => {
      expect(() => resolveKnownMethods(methods, {})).toThrow(NinesError);
      try {
        resolveKnownMethods(methods, {});
      } catch (error) {
        expect((error as NinesError).code).toBe('INVALID_ARGUMENT');
        expect((error as NinesError).path).toEqual(path);
      }
    });

    it('names the environment variable in the path when it is the source', () => {
      expect(() => resolveKnownMethods(undefined, { [KNOWN_METHODS_ENV]: 'GET,G(T' })).toThrow(
        /G\(T/,
      );
    });

    it(`rejects more than ${MAX_KNOWN_METHODS} methods`, () => {
      const many = Array.from({ length: MAX_KNOWN_METHODS + 1 }, (_, i) => `M${i}`);
      expect(() => resolveKnownMethods(many, {})).toThrow(/65 known HTTP methods/);
    });
  });
});
