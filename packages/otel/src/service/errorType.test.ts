import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exceptionType, requestErrorType } from './errorType.js';

class PaymentDeclined extends Error {}
class NamedError extends Error {
  override name = 'SomethingElse';
}

describe('requestErrorType', () => {
  // [case, status, error, failure, expected error.type, source]
  const rows: [
    string,
    number | undefined,
    unknown,
    'aborted' | 'timeout' | undefined,
    string | undefined,
    string,
  ][] = [
    ['200 success', 200, undefined, undefined, undefined, 'REFERENCE.md §5.3 (not set on success)'],
    ['404 unmatched', 404, undefined, undefined, undefined, 'REFERENCE.md §11.1 #1'],
    ['4xx never', 499, undefined, undefined, undefined, 'REFERENCE.md §11.1 #12'],
    ['503 status text', 503, undefined, undefined, '503', 'REFERENCE.md §11.1 #12'],
    ['500 status text', 500, undefined, undefined, '500', 'REFERENCE.md §5.3'],
    ['599 status text', 599, undefined, undefined, '599', 'REFERENCE.md §5.3'],
    ['600 is not 5xx', 600, undefined, undefined, undefined, 'REFERENCE.md §5.3'],
    [
      'exception name wins over 500',
      500,
      new TypeError('x'),
      undefined,
      'TypeError',
      'REFERENCE.md §11.1 #12 (instrumentation-http ??=)',
    ],
    [
      'class name, not error.name',
      500,
      new PaymentDeclined('x'),
      undefined,
      'PaymentDeclined',
      'task: error.constructor.name',
    ],
    [
      'class name even when name differs',
      500,
      new NamedError('x'),
      undefined,
      'NamedError',
      'task: error.constructor.name',
    ],
    ['non-Error throw', 500, 'boom', undefined, '_OTHER', 'task: _OTHER for non-Error throws'],
    [
      'plain object throw',
      500,
      { message: 'x' },
      undefined,
      '_OTHER',
      'task: _OTHER for non-Error throws',
    ],
    [
      'Fastify error with statusCode 400 is not an error',
      400,
      Object.assign(new Error('bad'), { statusCode: 400 }),
      undefined,
      undefined,
      'REFERENCE.md §11.1 #11',
    ],
    [
      'exception after 200 headers (stream failed)',
      200,
      new RangeError('x'),
      undefined,
      'RangeError',
      'REFERENCE.md §5.3 (request ended in error)',
    ],
    ['abort before headers', undefined, undefined, 'aborted', 'aborted', 'REFERENCE.md §11.1 #8'],
    [
      'abort after headers keeps the abort flag',
      200,
      undefined,
      'aborted',
      'aborted',
      'REFERENCE.md §11.1 #9',
    ],
    [
      'exception wins over abort',
      undefined,
      new TypeError('x'),
      'aborted',
      'TypeError',
      'task: exception, then failure',
    ],
    ['failure wins over 5xx', 503, undefined, 'timeout', 'timeout', 'task: failure, then 5xx'],
    ['timeout before headers', undefined, undefined, 'timeout', 'timeout', 'issue 4 (timeout)'],
    ['null error is none', 200, null, undefined, undefined, 'adapters may reset error to null'],
    ['no status, no failure', undefined, undefined, undefined, undefined, 'REFERENCE.md §5.3'],
  ];
  it.each(rows)('%s', (_name, status, error, failure, expected) => {
    expect(requestErrorType(status, error, failure)).toBe(expected);
  });

  it('returns the same string object for a 5xx every time (no allocation)', () => {
    expect(
      Object.is(
        requestErrorType(502, undefined, undefined),
        requestErrorType(502, undefined, undefined),
      ),
    ).toBe(true);
  });
});

describe('exceptionType edge cases', () => {
  it('reads errors from another realm', () => {
    expect(exceptionType(runInNewContext('new SyntaxError("x")'))).toBe('SyntaxError');
  });

  it('falls back to name, then _OTHER, for a class without a name', () => {
    const anonymous = new (class extends Error {})('x');
    Object.defineProperty(anonymous, 'constructor', { value: undefined });
    expect(exceptionType(anonymous)).toBe('Error');
    const nameless = Object.assign(Object.create(Error.prototype) as Error, { name: '' });
    const unnamed = [(): void => undefined][0]; // array elements get no inferred name
    expect(unnamed?.name).toBe('');
    Object.defineProperty(nameless, 'constructor', { value: unnamed });
    expect(exceptionType(nameless)).toBe('_OTHER');
  });

  it('treats numbers, strings and symbols as non-errors', () => {
    expect(exceptionType(42)).toBe('_OTHER');
    expect(exceptionType(Symbol('x'))).toBe('_OTHER');
  });
});
