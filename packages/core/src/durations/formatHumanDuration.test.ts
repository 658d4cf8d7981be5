import { describe, expect, it } from 'vitest';
import { exactMultiply, exactSubtract } from '../decimal.js';
import { formatHumanDuration } from './formatHumanDuration.js';

const DAY = 86_400_000;

describe('formatHumanDuration', () => {
  // Allowed bad time (1 − T)·W, REFERENCE.md §1.8 (computed). [target, window days, expected].
  // The table rounds two 99.999% cells to 2 decimals (6.05 s, 24.19 s); we print up to 3.
  const nines: [number, number, string][] = [
    [0.99, 7, '1.68 h'],
    [0.99, 28, '6.72 h'],
    [0.99, 30, '7.2 h'],
    [0.99, 90, '21.6 h'],
    [0.99, 365, '3.65 d'],
    [0.995, 7, '50.4 min'],
    [0.995, 28, '3.36 h'],
    [0.995, 30, '3.6 h'],
    [0.995, 90, '10.8 h'],
    [0.995, 365, '1.825 d'],
    [0.999, 7, '10.08 min'],
    [0.999, 28, '40.32 min'],
    [0.999, 30, '43.2 min'],
    [0.999, 90, '2.16 h'],
    [0.999, 365, '8.76 h'],
    [0.9995, 7, '5.04 min'],
    [0.9995, 28, '20.16 min'],
    [0.9995, 30, '21.6 min'],
    [0.9995, 90, '1.08 h'],
    [0.9995, 365, '4.38 h'],
    [0.9999, 7, '1.008 min'],
    [0.9999, 28, '4.032 min'],
    [0.9999, 30, '4.32 min'],
    [0.9999, 90, '12.96 min'],
    [0.9999, 365, '52.56 min'],
    [0.99999, 7, '6.048 s'],
    [0.99999, 28, '24.192 s'],
    [0.99999, 30, '25.92 s'],
    [0.99999, 90, '1.296 min'],
    [0.99999, 365, '5.256 min'],
  ];
  it.each(nines)('target %d over %d days allows %s (REFERENCE.md §1.8)', (target, days, text) => {
    const allowed = exactMultiply(exactSubtract(1, target), days * DAY);
    expect(formatHumanDuration(allowed)).toBe(text);
  });

  it('prints no float noise where naive math has it (REFERENCE.md §11.2 #3)', () => {
    const naive = (1 - 0.999) * 30 * DAY;
    expect(naive).not.toBe(2_592_000);
    expect(formatHumanDuration(naive)).toBe('43.2 min');
  });

  // [milliseconds, text, why]
  const rows: [number, string, string][] = [
    [0, '0 ms', 'zero'],
    [250, '250 ms', 'sub-second in ms'],
    [1.5, '1.5 ms', 'fractional ms'],
    [0.0004, '0 ms', 'rounds to 3 decimals'],
    [999.9996, '1 s', 'rounding reaches the next unit'],
    [59_999.9996, '1 min', 'rounding reaches the next unit'],
    [1000, '1 s', 'exactly one second'],
    [90_000, '1.5 min', 'minutes'],
    [3_600_000, '1 h', 'exactly one hour'],
    [DAY, '1 d', 'exactly one day'],
    [365 * DAY, '365 d', 'no weeks or years'],
    [1234.5678, '1.235 s', 'at most 3 decimals'],
  ];
  it.each(rows)('%d ms → %s (%s)', (ms, text) => {
    expect(formatHumanDuration(ms)).toBe(text);
  });

  describe('edge cases', () => {
    it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for %d', (ms) => {
      expect(() => formatHumanDuration(ms)).toThrow(RangeError);
    });
  });
});
