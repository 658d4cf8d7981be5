import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWindow } from './calendarWindow.js';
import type { CalendarWindowOptions } from './calendarWindow.js';
import { rollingWindow } from './rollingWindow.js';
import { localFields } from './timeZone.js';
import type { CalendarUnit, CalendarWindow, WindowPeriod } from './types.js';
import { windowPeriod } from './windowPeriod.js';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string): number => Date.parse(iso);

function period(options: CalendarWindowOptions, now: string): WindowPeriod {
  return windowPeriod(calendarWindow(options), at(now));
}

/** [start, end] as ISO text, easier to read in a failing test than epoch numbers. */
function bounds(p: WindowPeriod): [string, string] {
  return [new Date(p.start).toISOString(), new Date(p.end).toISOString()];
}

describe('windowPeriod: rolling', () => {
  it('covers [now − duration, now), fully elapsed (windows/types.ts WindowPeriod)', () => {
    expect(windowPeriod(rollingWindow('30d'), at('2026-03-31T00:00:00Z'))).toEqual({
      start: at('2026-03-01T00:00:00Z'),
      end: at('2026-03-31T00:00:00Z'),
      length: 30 * D,
      elapsed: 30 * D,
      elapsedShare: 1,
    });
    expect(windowPeriod(rollingWindow('1h'), 7_200_000)).toEqual({
      start: 3_600_000,
      end: 7_200_000,
      length: H,
      elapsed: H,
      elapsedShare: 1,
    });
  });
});

describe('windowPeriod: calendar, UTC', () => {
  // [unit, now, start, end, length in days, source]
  const rows: [CalendarUnit, string, string, string, number, string][] = [
    [
      'day',
      '2026-03-08T12:00:00Z',
      '2026-03-08T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      1,
      'UTC day',
    ],
    [
      'week',
      '2026-01-01T10:00:00Z',
      '2025-12-29T00:00:00.000Z',
      '2026-01-05T00:00:00.000Z',
      7,
      'ISO 8601: week starts Monday, spans the new year',
    ],
    [
      'week',
      '2026-01-04T23:59:59.999Z',
      '2025-12-29T00:00:00.000Z',
      '2026-01-05T00:00:00.000Z',
      7,
      'Sunday is the last ISO day',
    ],
    [
      'week',
      '2026-01-05T00:00:00Z',
      '2026-01-05T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
      7,
      'Monday 00:00 starts a week',
    ],
    [
      'month',
      '2026-06-16T00:00:00Z',
      '2026-06-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
      30,
      'June',
    ],
    [
      'month',
      '2024-02-10T00:00:00Z',
      '2024-02-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      29,
      'leap year February',
    ],
    [
      'month',
      '2026-02-10T00:00:00Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      28,
      'common year February',
    ],
    [
      'month',
      '2000-02-29T12:00:00Z',
      '2000-02-01T00:00:00.000Z',
      '2000-03-01T00:00:00.000Z',
      29,
      'Gregorian: 2000 is leap',
    ],
    [
      'month',
      '2100-02-10T00:00:00Z',
      '2100-02-01T00:00:00.000Z',
      '2100-03-01T00:00:00.000Z',
      28,
      'Gregorian: 2100 is not leap',
    ],
    [
      'month',
      '2026-12-31T23:59:59.999Z',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      31,
      'December into the next year',
    ],
    [
      'quarter',
      '2026-02-10T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      90,
      'Q1 starts in January',
    ],
    [
      'quarter',
      '2026-05-15T00:00:00Z',
      '2026-04-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
      91,
      'Q2 starts in April',
    ],
    [
      'quarter',
      '2026-07-01T00:00:00Z',
      '2026-07-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
      92,
      'Q3 starts in July',
    ],
    [
      'quarter',
      '2026-12-31T23:59:59.999Z',
      '2026-10-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      92,
      'Q4 starts in October',
    ],
    [
      'quarter',
      '2024-03-01T00:00:00Z',
      '2024-01-01T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
      91,
      'leap Q1',
    ],
    [
      'year',
      '2024-07-01T00:00:00Z',
      '2024-01-01T00:00:00.000Z',
      '2025-01-01T00:00:00.000Z',
      366,
      'leap year',
    ],
    [
      'year',
      '2026-07-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      365,
      'common year',
    ],
    [
      'month',
      '1969-12-15T00:00:00Z',
      '1969-12-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      31,
      'before the epoch',
    ],
  ];
  it.each(rows)('%s containing %s starts %s, ends %s (%d d; %s)', (unit, now, start, end, days) => {
    const p = period({ unit }, now);
    expect(bounds(p)).toEqual([start, end]);
    expect(p.length).toBe(days * D);
    expect(p.elapsed).toBe(at(now) - at(start));
  });

  // [unit, now, elapsedShare]
  const shares: [CalendarUnit, string, number][] = [
    ['day', '2026-03-08T06:00:00Z', 0.25],
    ['day', '2026-03-08T00:00:00Z', 0],
    ['month', '2026-06-16T00:00:00Z', 0.5],
    ['week', '2026-01-08T12:00:00Z', 0.5],
    ['year', '2026-12-31T23:59:59.999Z', (365 * D - 1) / (365 * D)],
  ];
  it.each(shares)('%s at %s has elapsedShare %d', (unit, now, share) => {
    expect(period({ unit }, now).elapsedShare).toBe(share);
  });
});

describe('windowPeriod: calendar, DST', () => {
  it('a New York day is 23 h on 2026-03-08 (spring forward)', () => {
    const p = period({ unit: 'day', timeZone: 'America/New_York' }, '2026-03-08T16:00:00Z');
    expect(bounds(p)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(p.length).toBe(23 * H);
    // 12:00 EDT is 11 h after midnight EST.
    expect(p.elapsed).toBe(11 * H);
    expect(p.elapsedShare).toBe(11 / 23);
  });

  it('a New York day is 25 h on 2026-11-01 (fall back)', () => {
    const p = period({ unit: 'day', timeZone: 'America/New_York' }, '2026-11-01T17:00:00Z');
    expect(bounds(p)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(p.length).toBe(25 * H);
    expect(p.elapsed).toBe(13 * H);
  });

  it('keeps both 01:30s of the repeated New York hour in the same day', () => {
    const first = period({ unit: 'day', timeZone: 'America/New_York' }, '2026-11-01T05:30:00Z');
    const second = period({ unit: 'day', timeZone: 'America/New_York' }, '2026-11-01T06:30:00Z');
    expect(first.start).toBe(at('2026-11-01T04:00:00Z'));
    expect(second.start).toBe(first.start);
  });

  it('switches New York days exactly at local midnight', () => {
    const before = period(
      { unit: 'day', timeZone: 'America/New_York' },
      '2026-03-09T03:59:59.999Z',
    );
    const after = period({ unit: 'day', timeZone: 'America/New_York' }, '2026-03-09T04:00:00Z');
    expect(before.end).toBe(at('2026-03-09T04:00:00Z'));
    expect(after.start).toBe(at('2026-03-09T04:00:00Z'));
    expect(after.length).toBe(24 * H);
  });

  it('a New York ISO week containing the change is 7 d − 1 h', () => {
    const p = period({ unit: 'week', timeZone: 'America/New_York' }, '2026-03-08T16:00:00Z');
    expect(bounds(p)).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(p.length).toBe(7 * D - H);
  });

  it('Paris months: March 2026 is 31 d − 1 h, October 2026 is 31 d + 1 h', () => {
    const march = period({ unit: 'month', timeZone: 'Europe/Paris' }, '2026-03-15T12:00:00Z');
    expect(bounds(march)).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(march.length).toBe(31 * D - H);
    const october = period({ unit: 'month', timeZone: 'Europe/Paris' }, '2026-10-15T12:00:00Z');
    expect(bounds(october)).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
    expect(october.length).toBe(31 * D + H);
  });

  it('Paris month boundary falls at local midnight, not UTC midnight', () => {
    const lastFeb = period({ unit: 'month', timeZone: 'Europe/Paris' }, '2026-02-28T22:59:59.999Z');
    const firstMarch = period({ unit: 'month', timeZone: 'Europe/Paris' }, '2026-02-28T23:00:00Z');
    expect(bounds(lastFeb)).toEqual(['2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z']);
    expect(firstMarch.start).toBe(at('2026-02-28T23:00:00Z'));
    expect(firstMarch.elapsed).toBe(0);
    expect(firstMarch.elapsedShare).toBe(0);
  });

  it('Paris year and quarter start at local midnight', () => {
    const year = period({ unit: 'year', timeZone: 'Europe/Paris' }, '2026-06-01T00:00:00Z');
    expect(bounds(year)).toEqual(['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
    expect(year.length).toBe(365 * D);
    const q2 = period({ unit: 'quarter', timeZone: 'Europe/Paris' }, '2026-05-01T00:00:00Z');
    expect(bounds(q2)).toEqual(['2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z']);
  });

  it('a zone without DST and a half-hour offset (Asia/Kolkata, +05:30)', () => {
    const p = period({ unit: 'day', timeZone: 'Asia/Kolkata' }, '2026-03-08T20:00:00Z');
    expect(bounds(p)).toEqual(['2026-03-08T18:30:00.000Z', '2026-03-09T18:30:00.000Z']);
  });

  it('starts a day whose midnight does not exist at its first instant (America/Santiago)', () => {
    // Chile springs forward at 00:00 local on 2026-09-06 (tzdata: Sep Sun>=2 4:00u).
    const p = period({ unit: 'day', timeZone: 'America/Santiago' }, '2026-09-06T12:00:00Z');
    expect(bounds(p)).toEqual(['2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z']);
    expect(p.length).toBe(23 * H);
    const dayBefore = period({ unit: 'day', timeZone: 'America/Santiago' }, '2026-09-06T03:59:59Z');
    expect(dayBefore.end).toBe(p.start);
    // ...and falls back at 24:00 on 2026-04-04, so that day has 25 hours.
    const fallBack = period({ unit: 'day', timeZone: 'America/Santiago' }, '2026-04-04T12:00:00Z');
    expect(bounds(fallBack)).toEqual(['2026-04-04T03:00:00.000Z', '2026-04-05T04:00:00.000Z']);
    expect(fallBack.length).toBe(25 * H);
  });
});

describe('windowPeriod: calendar, several units per period', () => {
  const fortnight = { unit: 'week', count: 2, startTime: '2026-01-05 00:00:00' } as const;

  // [now, start, end]
  const rows: [string, string, string][] = [
    ['2026-01-14T00:00:00Z', '2026-01-05T00:00:00.000Z', '2026-01-19T00:00:00.000Z'],
    ['2026-01-20T10:00:00Z', '2026-01-19T00:00:00.000Z', '2026-02-02T00:00:00.000Z'],
    ['2026-01-05T00:00:00Z', '2026-01-05T00:00:00.000Z', '2026-01-19T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', '2025-12-22T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
  ];
  it.each(rows)(
    'fortnights anchored at Monday 2026-01-05: %s is in [%s, %s)',
    (now, start, end) => {
      const p = period(fortnight, now);
      expect(bounds(p)).toEqual([start, end]);
      expect(p.length).toBe(14 * D);
    },
  );

  it('uses the unit containing startTime, not its time of day', () => {
    const midweek = { ...fortnight, startTime: '2026-01-07 12:30:00' };
    expect(bounds(period(midweek, '2026-01-20T10:00:00Z'))).toEqual([
      '2026-01-19T00:00:00.000Z',
      '2026-02-02T00:00:00.000Z',
    ]);
  });

  it('without startTime, counts runs from the unit holding 1970-01-01', () => {
    // ISO week 0 starts Monday 1969-12-29; 2025-12-29 is week 2922 (even), so a run starts there.
    expect(bounds(period({ unit: 'week', count: 2 }, '2026-01-07T00:00:00Z'))).toEqual([
      '2025-12-29T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    ]);
    // 3 months from January 1970 are the calendar quarters; 6 are halves.
    expect(bounds(period({ unit: 'month', count: 3 }, '2026-05-15T00:00:00Z'))).toEqual(
      bounds(period({ unit: 'quarter' }, '2026-05-15T00:00:00Z')),
    );
    expect(bounds(period({ unit: 'month', count: 6 }, '2026-08-01T00:00:00Z'))).toEqual([
      '2026-07-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    const twoYears = period({ unit: 'year', count: 2 }, '2027-03-01T00:00:00Z');
    expect(bounds(twoYears)).toEqual(['2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
    expect(twoYears.length).toBe(730 * D);
  });

  it('two-month runs anchored at February', () => {
    const p = period(
      { unit: 'month', count: 2, startTime: '2026-02-01 00:00:00' },
      '2026-05-10T00:00:00Z',
    );
    expect(bounds(p)).toEqual(['2026-04-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
    expect(p.length).toBe(61 * D);
  });

  it('runs of local days across DST add up the real hours', () => {
    const p = period(
      { unit: 'day', count: 2, timeZone: 'America/New_York', startTime: '2026-03-07 00:00:00' },
      '2026-03-08T16:00:00Z',
    );
    expect(bounds(p)).toEqual(['2026-03-07T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(p.length).toBe(47 * H);
  });
});

describe('windowPeriod: one window object asked about many instants', () => {
  it('answers each instant with its own period, forwards and backwards', () => {
    const month = calendarWindow({ unit: 'month', timeZone: 'Europe/Paris' });
    const ask = (iso: string) => bounds(windowPeriod(month, at(iso)));
    const march: [string, string] = ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'];
    expect(ask('2026-03-15T00:00:00Z')).toEqual(march);
    expect(ask('2026-03-31T21:59:59.999Z')).toEqual(march);
    expect(ask('2026-03-31T22:00:00Z')).toEqual([
      '2026-03-31T22:00:00.000Z',
      '2026-04-30T22:00:00.000Z',
    ]);
    expect(ask('2026-02-10T00:00:00Z')).toEqual([
      '2026-01-31T23:00:00.000Z',
      '2026-02-28T23:00:00.000Z',
    ]);
    expect(ask('2026-03-01T00:00:00Z')).toEqual(march);
    expect(windowPeriod(month, at('2026-03-16T11:30:00Z')).elapsed).toBe(
      at('2026-03-16T11:30:00Z') - at('2026-02-28T23:00:00Z'),
    );
  });
});

describe('windowPeriod: invariants (property)', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'Europe/Paris',
    'Asia/Kolkata',
    'America/Santiago',
    'Australia/Lord_Howe',
  ];
  const units: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
  const windowArb = fc
    .record({
      unit: fc.constantFrom(...units),
      count: fc.integer({ min: 1, max: 4 }),
      timeZone: fc.constantFrom(...zones),
      anchor: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    })
    .map(({ unit, count, timeZone, anchor }): CalendarWindow => {
      const options: CalendarWindowOptions = { unit, count, timeZone };
      if (anchor === undefined) return calendarWindow(options);
      const date = new Date(anchor * D).toISOString().slice(0, 10);
      return calendarWindow({ ...options, startTime: `${date} 00:00:00` });
    });
  const nowArb = fc.integer({ min: at('1990-01-01T00:00:00Z'), max: at('2060-01-01T00:00:00Z') });

  it('contains now, tiles time without gaps, and starts periods at local midnight', () => {
    fc.assert(
      fc.property(windowArb, nowArb, (window, now) => {
        const p = windowPeriod(window, now);
        expect(p.start).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(p.end);
        expect(p.length).toBe(p.end - p.start);
        expect(p.elapsed).toBe(now - p.start);
        expect(p.elapsedShare).toBeGreaterThanOrEqual(0);
        expect(p.elapsedShare).toBeLessThan(1);
        // The next period starts where this one ends, the previous ends where this one starts.
        expect(windowPeriod(window, p.end).start).toBe(p.end);
        expect(windowPeriod(window, p.start - 1).end).toBe(p.start);
        expect(windowPeriod(window, p.start).start).toBe(p.start);
        // Local midnight, or the first instant of a day whose midnight DST skipped (Santiago).
        const local = localFields(p.start, window.timeZone);
        expect(local.hour).toBe(window.timeZone === 'America/Santiago' && local.hour === 1 ? 1 : 0);
        expect(local.minute).toBe(0);
        expect(local.second).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('windowPeriod: edge cases', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1e17, 9e15])(
    'throws RangeError for now = %d',
    (now) => {
      expect(() => windowPeriod(rollingWindow('1d'), now)).toThrow(RangeError);
      expect(() => windowPeriod(calendarWindow({ unit: 'day' }), now)).toThrow(RangeError);
    },
  );
});
