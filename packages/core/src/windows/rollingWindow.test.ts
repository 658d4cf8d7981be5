import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { rollingWindow } from './rollingWindow.js';

describe('rollingWindow', () => {
  // [input, duration ms, source]
  const rows: [string | number, number, string][] = [
    ['30d', 2_592_000_000, 'REFERENCE.md §3.1 30d period'],
    ['4w', 2_419_200_000, 'REFERENCE.md §3.1 28d period (4w)'],
    ['28d', 2_419_200_000, 'REFERENCE.md §1.3 Grafana default 28 days'],
    ['7d', 604_800_000, 'REFERENCE.md §3.1 --default-slo-period 7d'],
    [3_600_000, 3_600_000, 'milliseconds as given'],
  ];
  it.each(rows)('%j → %d ms (%s)', (input, duration) => {
    expect(rollingWindow(input)).toEqual({ kind: 'rolling', duration });
  });

  describe('edge cases', () => {
    it.each(['1M', '0s', '', 0, -1, 1.5])('rejects %j with INVALID_DURATION', (input) => {
      expect(() => rollingWindow(input, ['window'])).toThrow(NinesError);
      try {
        rollingWindow(input, ['window']);
      } catch (error) {
        expect((error as NinesError).code).toBe('INVALID_DURATION');
        expect((error as NinesError).path).toEqual(['window']);
      }
    });
    it('points a month at calendar windows (REFERENCE.md §11.2 #4: M is not 30d)', () => {
      expect(() => rollingWindow('1M')).toThrow(/parseOpenSloDuration/);
    });
  });
});
