import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { toWindow } from './toWindow.js';
import type { SloWindow } from './types.js';

function errorOf(run: () => unknown): NinesError {
  try {
    run();
  } catch (error) {
    if (error instanceof NinesError) return error;
    throw error;
  }
  throw new Error('expected a NinesError');
}

describe('toWindow', () => {
  it('reads text and numbers as rolling windows', () => {
    expect(toWindow('30d')).toEqual({ kind: 'rolling', duration: 2_592_000_000 });
    expect(toWindow(604_800_000)).toEqual({ kind: 'rolling', duration: 604_800_000 });
  });

  it('validates and copies window objects', () => {
    const rolling: SloWindow = { kind: 'rolling', duration: 60_000 };
    expect(toWindow(rolling)).toEqual(rolling);
    expect(toWindow(rolling)).not.toBe(rolling);
    const calendar = {
      kind: 'calendar',
      unit: 'month',
      timeZone: 'Europe/Paris',
    } as unknown as SloWindow;
    expect(toWindow(calendar)).toEqual({
      kind: 'calendar',
      unit: 'month',
      count: 1,
      timeZone: 'Europe/Paris',
    });
  });

  describe('edge cases', () => {
    it('points at the duration of a bad rolling object', () => {
      const error = errorOf(() =>
        toWindow({ kind: 'rolling', duration: -5 }, ['objectives', 1, 'window']),
      );
      expect(error.code).toBe('INVALID_DURATION');
      expect(error.path).toEqual(['objectives', 1, 'window', 'duration']);
    });

    it('points at the calendar field at fault', () => {
      const error = errorOf(() =>
        toWindow({ kind: 'calendar', unit: 'month', count: 1, timeZone: 'Atlantis/Capital' }, [
          'w',
        ]),
      );
      expect(error.code).toBe('INVALID_TIME_ZONE');
      expect(error.path).toEqual(['w', 'timeZone']);
    });

    it.each([
      [{ kind: 'sliding', duration: 1 }, /Invalid window \(sliding\)/],
      [{}, /Invalid window \(undefined\)/],
      [null, /Invalid window \(object\)/],
      [true, /Invalid window \(boolean\)/],
    ])('rejects %j with INVALID_WINDOW', (input, message) => {
      const error = errorOf(() => toWindow(input as unknown as SloWindow, ['window']));
      expect(error.code).toBe('INVALID_WINDOW');
      expect(error.path).toEqual(['window']);
      expect(error.message).toMatch(message);
    });

    it('rejects a rolling month text with the OpenSLO hint', () => {
      expect(() => toWindow('1M')).toThrow(/calendar month/);
    });
  });
});
