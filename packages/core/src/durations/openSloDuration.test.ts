import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import {
  formatOpenSloDuration,
  isCalendarUnit,
  openSloDurationFromMilliseconds,
  openSloDurationToMilliseconds,
  parseOpenSloDuration,
} from './openSloDuration.js';
import type { OpenSloDuration, OpenSloDurationUnit } from './openSloDuration.js';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

function errorOf(run: () => unknown): NinesError {
  try {
    run();
  } catch (error) {
    if (error instanceof NinesError) return error;
    throw error;
  }
  throw new Error('expected a NinesError');
}

describe('parseOpenSloDuration', () => {
  // [text, count, unit, source]
  const rows: [string, number, OpenSloDurationUnit, string][] = [
    ['1m', 1, 'm', 'REFERENCE.md §4.1: m is a minute'],
    ['1M', 1, 'M', 'REFERENCE.md §4.1: M is a month (case-sensitive)'],
    ['5m', 5, 'm', 'OpenSLO examples: timeSliceWindow 5m'],
    ['12h', 12, 'h', 'REFERENCE.md §4.1'],
    ['30d', 30, 'd', 'REFERENCE.md §4.1'],
    ['1w', 1, 'w', 'REFERENCE.md §4.1 (examples/treat-low-traffic…: 1w calendar)'],
    ['4w', 4, 'w', 'REFERENCE.md §4.1'],
    ['1Q', 1, 'Q', 'REFERENCE.md §1.3 calendar durations 1Q'],
    ['1Y', 1, 'Y', 'REFERENCE.md §1.3 calendar durations 1Y'],
    ['10d', 10, 'd', 'OpenSLO duration-shorthand schema ^[1-9][0-9]*[mhdwMQY]$'],
  ];
  it.each(rows)('parses %s as %d %s (%s)', (text, count, unit) => {
    expect(parseOpenSloDuration(text)).toEqual({ count, unit });
  });

  it('keeps m and M apart (REFERENCE.md §11.2 #4)', () => {
    expect(parseOpenSloDuration('1m')).not.toEqual(parseOpenSloDuration('1M'));
    expect(openSloDurationToMilliseconds(parseOpenSloDuration('1m'))).toBe(MIN);
    expect(() => openSloDurationToMilliseconds(parseOpenSloDuration('1M'))).toThrow(
      /calendar month/,
    );
  });

  describe('edge cases', () => {
    // [text, expected fragment, source]
    const invalid: [string, RegExp, string][] = [
      ['', /Invalid OpenSLO duration ""/, 'schema: one word'],
      ['0d', /must be positive/, 'schema: positive integer ^[1-9]'],
      ['01d', /positive integer/, 'schema: no leading zero ^[1-9]'],
      ['1.5h', /positive integer/, 'schema: integer'],
      ['1h30m', /compound/, 'schema: single postfix'],
      ['1y', /case-sensitive/, 'schema: Y, not y'],
      [
        '1s',
        /m \(minute\), h, d, w, M \(month\), Q \(quarter\) or Y \(year\)/,
        'schema: no seconds',
      ],
      ['1D', /case-sensitive/, 'schema: case-sensitive postfix'],
      ['M', /positive integer/, 'schema: count required'],
      ['1 M', /positive integer/, 'schema: no whitespace'],
      ['-1d', /positive integer/, 'schema: positive'],
    ];
    it.each(invalid)('rejects %j (%s)', (text, reason) => {
      const error = errorOf(() => parseOpenSloDuration(text, ['timeWindow', 0, 'duration']));
      expect(error.code).toBe('INVALID_DURATION');
      expect(error.path).toEqual(['timeWindow', 0, 'duration']);
      expect(error.message).toMatch(reason);
    });
    it('rejects counts beyond the safe integers', () => {
      expect(() => parseOpenSloDuration('9007199254740993d')).toThrow(/MAX_SAFE_INTEGER/);
    });
  });
});

describe('isCalendarUnit', () => {
  it.each([
    ['M', true],
    ['Q', true],
    ['Y', true],
    ['m', false],
    ['h', false],
    ['d', false],
    ['w', false],
  ] as [OpenSloDurationUnit, boolean][])('%s → %s (REFERENCE.md §4.1)', (unit, expected) => {
    expect(isCalendarUnit(unit)).toBe(expected);
  });
});

describe('openSloDurationToMilliseconds', () => {
  // [duration, milliseconds, source]
  const rows: [OpenSloDuration, number, string][] = [
    [{ count: 1, unit: 'm' }, MIN, 'REFERENCE.md §4.1 m = minute'],
    [{ count: 90, unit: 'm' }, 90 * MIN, 'REFERENCE.md §4.1'],
    [{ count: 6, unit: 'h' }, 6 * H, 'REFERENCE.md §4.1'],
    [{ count: 30, unit: 'd' }, 30 * D, 'REFERENCE.md §4.1'],
    [{ count: 4, unit: 'w' }, 28 * D, 'REFERENCE.md §4.1'],
  ];
  it.each(rows)('%j → %d ms (%s)', (duration, ms) => {
    expect(openSloDurationToMilliseconds(duration)).toBe(ms);
  });

  it.each([
    [
      { count: 1, unit: 'M' },
      '1M is a calendar month, not a fixed duration; use a calendar window',
    ],
    [
      { count: 2, unit: 'Q' },
      '2Q is a calendar quarter, not a fixed duration; use a calendar window',
    ],
    [{ count: 1, unit: 'Y' }, '1Y is a calendar year, not a fixed duration; use a calendar window'],
  ] as [OpenSloDuration, string][])(
    'refuses %j: no fixed length (REFERENCE.md §1.3 "1M is not 30d")',
    (duration, message) => {
      const error = errorOf(() => openSloDurationToMilliseconds(duration, ['window']));
      expect(error.code).toBe('INVALID_DURATION');
      expect(error.path).toEqual(['window']);
      expect(error.message).toContain(message);
    },
  );

  it('rejects malformed objects and unsafe results', () => {
    expect(() => openSloDurationToMilliseconds({ count: 0, unit: 'd' })).toThrow(
      /positive safe integer/,
    );
    expect(() =>
      openSloDurationToMilliseconds({ count: 1, unit: 's' as OpenSloDurationUnit }),
    ).toThrow(NinesError);
    expect(() =>
      openSloDurationToMilliseconds({ count: Number.MAX_SAFE_INTEGER, unit: 'w' }),
    ).toThrow(/MAX_SAFE_INTEGER/);
  });
});

describe('formatOpenSloDuration', () => {
  it.each([
    [{ count: 1, unit: 'M' }, '1M'],
    [{ count: 1, unit: 'm' }, '1m'],
    [{ count: 4, unit: 'w' }, '4w'],
    [{ count: 30, unit: 'd' }, '30d'],
  ] as [OpenSloDuration, string][])('%j → %s', (duration, text) => {
    expect(formatOpenSloDuration(duration)).toBe(text);
  });

  it('round-trips through parseOpenSloDuration (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom<OpenSloDurationUnit>('m', 'h', 'd', 'w', 'M', 'Q', 'Y'),
        (count, unit) => {
          expect(parseOpenSloDuration(formatOpenSloDuration({ count, unit }))).toEqual({
            count,
            unit,
          });
        },
      ),
    );
  });

  it.each([
    { count: 0, unit: 'd' },
    { count: 1.5, unit: 'd' },
    { count: 1, unit: 'x' },
  ])('throws RangeError for %j', (duration) => {
    expect(() => formatOpenSloDuration(duration as OpenSloDuration)).toThrow(RangeError);
  });
});

describe('openSloDurationFromMilliseconds', () => {
  // [milliseconds, shorthand, source]
  const rows: [number, string, string][] = [
    [28 * D, '4w', 'largest exact unit (cf. REFERENCE.md §3.1 672h→4w)'],
    [30 * D, '30d', 'REFERENCE.md §3.1 30d'],
    [14 * D, '2w', 'largest exact unit'],
    [2 * H, '2h', 'largest exact unit'],
    [90 * MIN, '90m', 'OpenSLO has no compound durations'],
    [MIN, '1m', 'smallest OpenSLO unit'],
  ];
  it.each(rows)('%d ms → %s (%s)', (ms, text) => {
    expect(formatOpenSloDuration(openSloDurationFromMilliseconds(ms))).toBe(text);
  });

  it('inverts openSloDurationToMilliseconds for whole minutes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (minutes) => {
        const ms = minutes * MIN;
        return openSloDurationToMilliseconds(openSloDurationFromMilliseconds(ms)) === ms;
      }),
    );
  });

  it.each([0, -MIN, 1000, MIN + 1, Number.NaN])('rejects %d ms', (ms) => {
    const error = errorOf(() => openSloDurationFromMilliseconds(ms, ['lookbackWindow']));
    expect(error.code).toBe('INVALID_DURATION');
    expect(error.path).toEqual(['lookbackWindow']);
  });
});

describe('hand-built durations from plain JavaScript', () => {
  it.each([null, undefined, 5, '1M', []])(
    'rejects %j by name instead of failing with a TypeError',
    (duration) => {
      const error = errorOf(() => openSloDurationToMilliseconds(duration as never));
      expect(error.code).toBe('INVALID_DURATION');
      expect(error.message).toMatch(
        /^Invalid OpenSLO duration .*expected an object \{ count, unit \}/,
      );
      expect(() => formatOpenSloDuration(duration as never)).toThrow(RangeError);
      expect(() => formatOpenSloDuration(duration as never)).toThrow(
        /^Cannot format OpenSLO duration .*expected an object \{ count, unit \}/,
      );
    },
  );

  it('describes an object by kind, never as [object Object]', () => {
    expect(() => parseOpenSloDuration({} as never)).toThrow(/Invalid OpenSLO duration an object:/);
    expect(() => openSloDurationFromMilliseconds({} as never)).toThrow(
      /^an object ms cannot be written as OpenSLO shorthand/,
    );
  });
});
