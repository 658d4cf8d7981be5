import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, NinesError } from './errors.js';
import type { NinesIssue } from './errors.js';

describe('NinesError', () => {
  it('carries a code, a path and itself as the only issue', () => {
    const error = new NinesError('INVALID_TARGET', 'target must be below 1, got 1', {
      path: ['target'],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NinesError');
    expect(error.code).toBe('INVALID_TARGET');
    expect(error.path).toEqual(['target']);
    expect(error.issues).toEqual([
      { code: 'INVALID_TARGET', message: 'target must be below 1, got 1', path: ['target'] },
    ]);
    expect(new NinesError('INVALID_SPEC', 'x', { cause: 'y' }).cause).toBe('y');
  });

  it('reports several issues at once, one a line, code and path from the first', () => {
    const issues: NinesIssue[] = [
      { code: 'INVALID_TARGET', message: 'target must be below 1, got 1', path: ['target'] },
      { code: 'INVALID_WINDOW', message: 'window is required', path: ['window'] },
    ];
    const error = NinesError.fromIssues(issues);
    expect(error.code).toBe('INVALID_TARGET');
    expect(error.path).toEqual(['target']);
    expect(error.issues).toBe(issues);
    expect(error.message).toBe(
      '2 problems:\ntarget: target must be below 1, got 1\nwindow: window is required',
    );
    expect(NinesError.fromIssues([issues[1]!]).message).toBe('window: window is required');
  });
});

describe('formatIssue and formatPath', () => {
  // [issue, line]
  const rows: [NinesIssue, string][] = [
    [{ code: 'INVALID_TARGET', message: 'm', path: [] }, 'm'],
    [
      { code: 'INVALID_TARGET', message: 'm', path: ['objectives', 2, 'target'] },
      'objectives[2].target: m',
    ],
    [{ code: 'INVALID_SPEC', message: 'm', path: ['a'], file: 'slo.yaml' }, 'slo.yaml: a: m'],
    [{ code: 'INVALID_SPEC', message: 'm', path: [], file: 'slo.yaml', line: 7 }, 'slo.yaml:7: m'],
    [
      { code: 'INVALID_SPEC', message: 'm', path: [0], file: 'slo.yaml', line: 7, column: 13 },
      'slo.yaml:7:13: [0]: m',
    ],
  ];
  it.each(rows)('renders %j as %s', (issue, line) => {
    expect(formatIssue(issue)).toBe(line);
  });

  it('writes paths as a user would', () => {
    expect(formatPath(['objectives', 2, 'target'])).toBe('objectives[2].target');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath([])).toBe('');
  });
});

describe('edge cases', () => {
  it('turns an empty issue list into an INVALID_ARGUMENT error instead of crashing', () => {
    const error = NinesError.fromIssues([]);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('fromIssues() needs at least one issue');
  });

  it.each([null, undefined, 'x', 5, {}])('formatPath rejects %j with NinesError', (path) => {
    expect(() => formatPath(path as never)).toThrow(NinesError);
    expect(() => formatPath(path as never)).toThrow(
      /formatPath needs an array of keys and indexes, got/,
    );
  });

  it.each([null, undefined, {}, { message: 'm' }, { message: 1, path: [] }])(
    'formatIssue rejects %j with NinesError',
    (issue) => {
      expect(() => formatIssue(issue as never)).toThrow(
        /formatIssue needs an issue \{ code, message, path \}/,
      );
    },
  );
});
