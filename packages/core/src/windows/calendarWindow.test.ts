import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { calendarWindow } from './calendarWindow.js';
import type { CalendarWindowOptions } from './calendarWindow.js';

function errorOf(run: () => unknown): NinesError {
  try {
    run();
  } catch (error) {
    if (error instanceof NinesError) return error;
    throw error;
  }
  throw new Error('expected a NinesError');
}

describe('calendarWindow', () => {
  it('fills in count 1 and UTC (task defaults)', () => {
    expect(calendarWindow({ unit: 'month' })).toEqual({
      kind: 'calendar',
      unit: 'month',
      count: 1,
      timeZone: 'UTC',
    });
    expect('startTime' in calendarWindow({ unit: 'month' })).toBe(false);
  });

  it('keeps an OpenSLO calendar: startTime and IANA zone (REFERENCE.md §1.3)', () => {
    expect(
      calendarWindow({
        unit: 'week',
        count: 2,
        timeZone: 'Europe/Paris',
        startTime: '2020-01-21 12:30:00',
      }),
    ).toEqual({
      kind: 'calendar',
      unit: 'week',
      count: 2,
      timeZone: 'Europe/Paris',
      startTime: '2020-01-21 12:30:00',
    });
  });

  it.each(['day', 'week', 'month', 'quarter', 'year'] as const)('accepts unit %s', (unit) => {
    expect(calendarWindow({ unit }).unit).toBe(unit);
  });

  it('accepts up to 100 years per period', () => {
    expect(calendarWindow({ unit: 'year', count: 100 }).count).toBe(100);
    expect(calendarWindow({ unit: 'day', count: 36_500 }).count).toBe(36_500);
  });

  describe('edge cases', () => {
    // [options, code, path, message fragment]
    const invalid: [CalendarWindowOptions, string, (string | number)[], RegExp][] = [
      [
        { unit: 'month', timeZone: 'Mars/Olympus_Mons' },
        'INVALID_TIME_ZONE',
        ['timeZone'],
        /Unknown time zone "Mars\/Olympus_Mons"/,
      ],
      [
        { unit: 'month', timeZone: 'Europe/Pariss' },
        'INVALID_TIME_ZONE',
        ['timeZone'],
        /"Europe\/Pariss"/,
      ],
      [{ unit: 'month', timeZone: '' }, 'INVALID_TIME_ZONE', ['timeZone'], /Unknown time zone ""/],
      [
        { unit: 'fortnight' as 'week' },
        'INVALID_WINDOW',
        ['unit'],
        /"fortnight".*day, week, month, quarter, year/,
      ],
      [
        { unit: 'week', count: 0 },
        'INVALID_WINDOW',
        ['count'],
        /count 0: expected a positive integer/,
      ],
      [{ unit: 'week', count: 1.5 }, 'INVALID_WINDOW', ['count'], /count 1.5/],
      [{ unit: 'week', count: Number.NaN }, 'INVALID_WINDOW', ['count'], /count NaN/],
      [{ unit: 'year', count: 101 }, 'INVALID_WINDOW', ['count'], /100 years/],
      [
        { unit: 'week', startTime: '2026-01-05T00:00:00' },
        'INVALID_WINDOW',
        ['startTime'],
        /YYYY-MM-DD HH:mm:ss/,
      ],
      [
        { unit: 'week', startTime: '2026-02-30 00:00:00' },
        'INVALID_WINDOW',
        ['startTime'],
        /"2026-02-30 00:00:00"/,
      ],
      [
        { unit: 'week', startTime: '2026-01-05 24:00:00' },
        'INVALID_WINDOW',
        ['startTime'],
        /real local date/,
      ],
      [
        { unit: 'week', startTime: '2026-1-5 00:00:00' },
        'INVALID_WINDOW',
        ['startTime'],
        /startTime/,
      ],
      [{ unit: 'week', startTime: '2026-01-05' }, 'INVALID_WINDOW', ['startTime'], /startTime/],
      [
        { unit: 'week', startTime: '2025-02-29 00:00:00' },
        'INVALID_WINDOW',
        ['startTime'],
        /startTime/,
      ],
    ];
    it.each(invalid)('rejects %j', (options, code, path, message) => {
      const error = errorOf(() => calendarWindow(options, ['slo', 'timeWindow', 0]));
      expect(error.code).toBe(code);
      expect(error.path).toEqual(['slo', 'timeWindow', 0, ...path]);
      expect(error.message).toMatch(message);
    });

    it('accepts 29 February in a leap year', () => {
      expect(calendarWindow({ unit: 'week', startTime: '2024-02-29 23:59:59' }).startTime).toBe(
        '2024-02-29 23:59:59',
      );
    });

    it('reports every problem at once', () => {
      const error = errorOf(() =>
        calendarWindow({
          unit: 'fortnight' as 'week',
          count: 0,
          timeZone: 'Nowhere/City',
          startTime: 'soon',
        }),
      );
      expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['INVALID_WINDOW', ['unit']],
        ['INVALID_WINDOW', ['count']],
        ['INVALID_TIME_ZONE', ['timeZone']],
        ['INVALID_WINDOW', ['startTime']],
      ]);
      expect(error.message).toMatch(/^4 problems:/);
    });
  });
});

describe('options from plain JavaScript', () => {
  it.each([null, undefined, 'month', []])(
    'rejects %j as options with INVALID_WINDOW',
    (options) => {
      const error = errorOf(() => calendarWindow(options as never));
      expect(error.code).toBe('INVALID_WINDOW');
      expect(error.message).toMatch(
        /^calendar window options must be an object \{ unit, count\?, timeZone\?, startTime\? \}/,
      );
    },
  );

  it('describes a wrong-typed field by kind, never as [object Object]', () => {
    const error = errorOf(() => calendarWindow({ unit: {} as never, timeZone: [] as never }));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'Invalid calendar unit an object: expected one of day, week, month, quarter, year',
      'Unknown time zone an array: expected an IANA zone name known to this runtime, such as "UTC", "Europe/Paris" or "America/New_York"',
    ]);
  });
});
