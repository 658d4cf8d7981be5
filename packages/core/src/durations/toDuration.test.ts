import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { toDuration } from './toDuration.js';

describe('toDuration', () => {
  // [input, milliseconds, source]
  const rows: [string | number, number, string][] = [
    [60_000, 60_000, 'HELPERS.md: durations are milliseconds'],
    [1, 1, 'smallest positive duration'],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'largest safe duration'],
    ['30d', 2_592_000_000, 'REFERENCE.md §3.1 30d period'],
    ['4w', 2_419_200_000, 'REFERENCE.md §3.1 672h→4w'],
    ['1h30m', 5_400_000, 'prometheus/common ParseDuration'],
  ];
  it.each(rows)('accepts %j as %d ms (%s)', (input, ms) => {
    expect(toDuration(input)).toBe(ms);
  });

  describe('edge cases', () => {
    const path = ['objectives', 0, 'window'] as const;
    const invalid: (string | number)[] = [
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      '0',
      '0s',
      '0h0m',
      '',
      '1M',
      '-5m',
    ];
    it.each(invalid)('rejects %j with INVALID_DURATION at the given path', (input) => {
      let caught: unknown;
      try {
        toDuration(input, path);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      expect((caught as NinesError).code).toBe('INVALID_DURATION');
      expect((caught as NinesError).path).toEqual(path);
      expect((caught as NinesError).message).toContain(String(input));
    });

    it('explains that zero is refused', () => {
      expect(() => toDuration('0s')).toThrow('Invalid duration "0s": must be longer than 0s');
      expect(() => toDuration(0)).toThrow(/positive whole number/);
    });

    it('rejects other types from JavaScript callers', () => {
      expect(() => toDuration(null as unknown as string)).toThrow(/not a string but object/);
    });
  });
});
