import { describe, expect, it } from 'vitest';
import { parseMinutes } from './minutes.js';

describe('parseMinutes', () => {
  const cases: [string, 'minutes' | 'hours', number][] = [
    ['30', 'minutes', 30],
    ['7.5', 'minutes', 7.5],
    ['1.5', 'hours', 90],
    ['0.1', 'hours', 6], // 0.1 * 60 would be 6.000000000000001
    ['1h', 'minutes', 60],
    ['1h30m', 'minutes', 90],
    ['90s', 'minutes', 1.5],
    ['1:30', 'minutes', 90],
    ['0:45:30', 'minutes', 45.5],
    ['45 min', 'minutes', 45],
    ['2 hours', 'minutes', 120],
    ['1.5h', 'minutes', 90],
    ['20 mins', 'hours', 20],
  ];
  it.each(cases)('%s (%s)', (text, unit, expected) => {
    expect(parseMinutes(text, unit)).toBe(expected);
  });
});

describe('parseMinutes edge cases', () => {
  it.each(['', 'soon', '-5', '1:75', '30m1h', '1.5.2'])('%j is refused', (text) => {
    expect(() => parseMinutes(text, 'minutes', ['Duration (min)'])).toThrow(
      'is not a duration; write minutes (30), a unit (45 min, 1.5h), hours:minutes (1:30) or a Prometheus duration (1h30m)',
    );
  });
});
