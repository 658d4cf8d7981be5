import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { parseDuration } from './parseDuration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('parseDuration', () => {
  // [text, milliseconds, source]
  const valid: [string, number, string][] = [
    ['0', 0, 'prometheus/common model/time.go ParseDuration: bare "0" allowed'],
    ['0s', 0, 'prometheus/common model/time.go ParseDuration'],
    ['1ms', 1, 'prometheus/common model/time.go unitMap ms'],
    ['500ms', 500, 'prometheus/common model/time.go unitMap ms'],
    ['1s', S, 'prometheus/common model/time.go unitMap s'],
    ['5m', 5 * M, 'REFERENCE.md §3.1 30d SLI windows'],
    ['30m', 30 * M, 'REFERENCE.md §3.1 30d SLI windows'],
    ['1h', H, 'REFERENCE.md §3.1 30d SLI windows'],
    ['6h', 6 * H, 'REFERENCE.md §3.1 30d SLI windows'],
    ['1h30m', 90 * M, 'task brief: compound in descending order'],
    ['90m', 90 * M, 'task brief'],
    ['1d12h', 36 * H, 'task brief'],
    ['1d', 24 * H, 'REFERENCE.md §3.1 window label text (24h→1d)'],
    ['3d', 72 * H, 'REFERENCE.md §3.1 window label text (72h→3d)'],
    ['1w', 168 * H, 'REFERENCE.md §3.1 window label text (168h→1w)'],
    ['4w', 672 * H, 'REFERENCE.md §3.1 window label text (672h→4w)'],
    ['28d', 28 * D, 'REFERENCE.md §3.1 out-base-28d.yaml.tpl'],
    ['30d', 30 * D, 'REFERENCE.md §3.1 out-base.yaml.tpl'],
    ['1y', 365 * D, 'prometheus/common model/time.go: a year always has 365d'],
    ['1y2w3d4h5m6s7ms', 365 * D + 14 * D + 3 * D + 4 * H + 5 * M + 6 * S + 7, 'every unit once'],
    ['01h', H, 'prometheus/common model/time.go: digits read with ParseUint'],
    ['0h30m', 30 * M, 'prometheus/common model/time.go: zero parts allowed'],
  ];
  it.each(valid)('parses %s as %d ms (%s)', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('parses the largest safe duration and no more', () => {
    expect(parseDuration('9007199254740991ms')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseDuration('9007199254740992ms')).toThrow(/MAX_SAFE_INTEGER/);
    expect(() => parseDuration('300000y')).toThrow(/MAX_SAFE_INTEGER/);
  });

  describe('edge cases', () => {
    // [text, expected fragment of the reason, source]
    const invalid: [string, RegExp, string][] = [
      ['', /empty/, 'prometheus/common: "empty duration string"'],
      ['5', /missing unit after 5/, 'prometheus/common: unit required except for "0"'],
      ['5x', /unknown unit "x"/, 'prometheus/common: unknown unit'],
      ['-5m', /negative/, 'prometheus/common: "Negative durations are not supported"'],
      ['1.5h', /fractions are not allowed/, 'prometheus/common: "." is no unit'],
      ['30m1h', /equal or smaller/, 'prometheus/common: units must go from biggest to smallest'],
      ['1h1h', /equal or smaller/, 'prometheus/common: each unit once'],
      ['1m1d', /equal or smaller/, 'prometheus/common: guards "1m1d" misread as month'],
      ['1M', /parseOpenSloDuration/, 'REFERENCE.md §1.3: 1M is not 30d'],
      ['1Q', /calendar quarter/, 'REFERENCE.md §4.1 duration-shorthand'],
      ['1Y', /write "y"/, 'REFERENCE.md §4.1 duration-shorthand'],
      ['5m 30s', /spaces/, 'prometheus/common: no whitespace'],
      [' 5m', /expected a number/, 'prometheus/common: must start with a digit'],
      ['m', /expected a number/, 'prometheus/common: must start with a digit'],
      ['1D', /unknown unit "D"/, 'prometheus/common: units are case-sensitive'],
    ];
    it.each(invalid)('rejects %j (%s)', (text, reason) => {
      let caught: unknown;
      try {
        parseDuration(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      const error = caught as NinesError;
      expect(error.code).toBe('INVALID_DURATION');
      expect(error.path).toEqual([]);
      expect(error.message).toContain(`Invalid duration ${JSON.stringify(text)}`);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain('y (365d), w, d, h, m (minute), s, ms');
    });

    it('rejects values that are not strings from JavaScript callers', () => {
      expect(() => parseDuration(5 as unknown as string)).toThrow(/not a string but number/);
      expect(() => parseDuration(undefined as unknown as string)).toThrow(NinesError);
    });

    it.each([
      [{}, 'an object'],
      [[], 'an array'],
      [null, 'null'],
    ])('describes %j as %s in the message, never as [object Object]', (value, text) => {
      expect(() => parseDuration(value as never)).toThrow(`Invalid duration ${text}: not a string`);
    });
  });
});
