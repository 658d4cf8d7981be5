import { NinesError, formatIssue } from '@nines/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntry, validateEntry } from './validateEntry.js';

const good = {
  id: 'e1',
  at: '2024-05-01T09:30:00Z',
  task: 'restart api',
  category: 'production-interrupt',
  minutes: 15,
  team: 'sre',
  automatable: 'yes',
};

describe('validateEntry', () => {
  it('accepts a toil entry and returns it clean', () => {
    const result = validateEntry({
      ...good,
      task: '  restart api ',
      extra: 'dropped',
      kind: 'toil',
    });
    expect(result).toEqual({
      ok: true,
      entry: { ...good, at: Date.UTC(2024, 4, 1, 9, 30) },
    });
  });

  it('accepts engineering and overhead entries without toil fields', () => {
    const entry = parseEntry({ kind: 'overhead', id: 'm', at: 0, minutes: 60, team: 'sre' });
    expect(entry).toEqual({ kind: 'overhead', id: 'm', at: 0, minutes: 60, team: 'sre' });
  });

  it('keeps optional fields', () => {
    const entry = parseEntry({ ...good, person: 'ana', ticket: 'https://t/1', note: ' as is ' });
    expect(entry).toMatchObject({ person: 'ana', ticket: 'https://t/1', note: ' as is ' });
  });

  it('accepts any category allowed by the policy', () => {
    expect(validateEntry({ ...good, category: 'handover' }, { categories: ['handover'] }).ok).toBe(
      true,
    );
    expect(validateEntry({ ...good, category: 'anything' }, { categories: 'any' }).ok).toBe(true);
  });

  it('accepts minutes up to exactly one day', () => {
    expect(validateEntry({ ...good, minutes: 1440 }).ok).toBe(true);
    expect(validateEntry({ ...good, minutes: 0.5 }).ok).toBe(true);
  });
});

describe('validateEntry edge cases', () => {
  // Each row: a bad value, the field path and the message (REFERENCE.md §7: hands-on minutes).
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['negative minutes', { minutes: -5 }, 'minutes', 'must be more than 0, got -5'],
    ['zero minutes', { minutes: 0 }, 'minutes', 'must be more than 0, got 0'],
    [
      'absurd minutes (more than 24 h)',
      { minutes: 1441 },
      'minutes',
      '1441 minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
    ],
    ['minutes as text', { minutes: '15' }, 'minutes', 'must be a number of minutes, got "15"'],
    ['NaN minutes', { minutes: Number.NaN }, 'minutes', 'must be a number of minutes, got NaN'],
    [
      'infinite minutes',
      { minutes: Number.POSITIVE_INFINITY },
      'minutes',
      'Infinity minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
    ],
    [
      'unknown category',
      { category: 'meetings' },
      'category',
      '"meetings" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting (custom categories must be allowed by the ledger)',
    ],
    [
      'bad date',
      { at: 'yesterday' },
      'at',
      '"yesterday" is not a date; expected YYYY-MM-DD or an ISO 8601 date-time such as 2024-05-01T09:30:00Z',
    ],
    [
      'impossible date',
      { at: '2024-02-30' },
      'at',
      '"2024-02-30" is not a real date-time on or after 1970-01-01 (check the month, day, hour and zone)',
    ],
    [
      'negative epoch',
      { at: -1 },
      'at',
      'must be an ISO 8601 date-time or whole epoch milliseconds on or after 1970-01-01, got -1',
    ],
    ['empty task', { task: '   ' }, 'task', 'must not be empty'],
    ['task not text', { task: 42 }, 'task', 'must be text, got 42'],
    [
      'task too long',
      { task: 'x'.repeat(201) },
      'task',
      'is 201 characters long; at most 200 allowed',
    ],
    [
      'bad automatable',
      { automatable: 'maybe' },
      'automatable',
      'must be "yes", "partly" or "no", got "maybe"',
    ],
    [
      'bad kind',
      { kind: 'meeting' },
      'kind',
      'must be "toil", "engineering" or "overhead", got "meeting"',
    ],
  ];

  it.each(cases)('%s', (_name, patch, field, message) => {
    const result = validateEntry({ ...good, ...patch }, { file: 'toil.jsonl', line: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { code: 'INVALID_LEDGER', message, path: [field], file: 'toil.jsonl', line: 7 },
    ]);
    expect(formatIssue(result.issues[0]!)).toBe(`toil.jsonl:7: ${field}: ${message}`);
  });

  it('reports every missing field at once', () => {
    const result = validateEntry({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path[0])).toEqual([
      'id',
      'at',
      'minutes',
      'team',
      'task',
      'category',
      'automatable',
    ]);
  });

  it('refuses values that are not objects', () => {
    for (const value of [null, 3, 'x', [good]]) {
      const result = validateEntry(value);
      expect(result.ok).toBe(false);
    }
  });

  it('parseEntry throws a NinesError listing all problems', () => {
    const error = (() => {
      try {
        parseEntry({ ...good, minutes: -1, team: '' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NinesError);
    expect((error as NinesError).code).toBe('INVALID_LEDGER');
    expect((error as NinesError).issues).toHaveLength(2);
    expect((error as NinesError).message).toBe(
      '2 problems:\nminutes: must be more than 0, got -1\nteam: must not be empty',
    );
  });
});

describe('validateEntry fast path', () => {
  it('gives the same result as the full check for any record (property)', () => {
    // The full check runs for `kind: "toil"`, which the fast path declines; both must agree.
    const text = fc.oneof(
      fc.constantFrom('', ' ', 'sre', ' sre ', 'x'.repeat(201), 'migration', 'meetings'),
      fc.string({ maxLength: 8 }),
    );
    const record = fc.record(
      {
        id: fc.oneof(text, fc.integer()),
        at: fc.oneof(
          fc.constantFrom(
            '2024-05-01T09:30:00.000Z',
            '2024-02-30T00:00:00.000Z',
            '2024-05-01',
            'x',
          ),
          fc.integer({ min: -5, max: 2e12 }),
          fc.double(),
        ),
        task: text,
        category: fc.oneof(text, fc.constantFrom(...['migration', 'troubleshooting'])),
        minutes: fc.oneof(fc.double({ min: -10, max: 2000 }), fc.constantFrom(0, 1440, 1441, 15)),
        team: text,
        automatable: fc.constantFrom('yes', 'partly', 'no', 'maybe', undefined),
        person: fc.option(text, { nil: undefined }),
        ticket: fc.option(text, { nil: undefined }),
        note: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        record,
        fc.constantFrom(undefined, ['meetings'] as const, 'any' as const),
        (value, categories) => {
          const options = categories === undefined ? {} : { categories };
          expect(validateEntry(value, options)).toEqual(
            validateEntry({ ...value, kind: 'toil' }, options),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
