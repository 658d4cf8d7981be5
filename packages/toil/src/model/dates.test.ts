import { NinesError } from '@nines/core';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatToilDate, parseToilDate, tryParseToilDate } from './dates.js';

describe('parseToilDate', () => {
  const cases: [string, number][] = [
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T09:30', Date.UTC(2024, 4, 1, 9, 30)],
    ['2024-05-01 09:30:15', Date.UTC(2024, 4, 1, 9, 30, 15)],
    ['2024-05-01T09:30:15.250Z', Date.UTC(2024, 4, 1, 9, 30, 15, 250)],
    ['2024-05-01T11:30:00+02:00', Date.UTC(2024, 4, 1, 9, 30)],
    ['2024-05-01T04:00:00-0530', Date.UTC(2024, 4, 1, 9, 30)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['  2024-05-01  ', Date.UTC(2024, 4, 1)],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseToilDate(text)).toBe(expected);
  });

  it('round-trips with formatToilDate', () => {
    const at = Date.UTC(2024, 4, 1, 9, 30, 15, 250);
    expect(formatToilDate(at)).toBe('2024-05-01T09:30:15.250Z');
    expect(parseToilDate(formatToilDate(at))).toBe(at);
  });
});

describe('parseToilDate edge cases', () => {
  const cases: [string, string][] = [
    ['5/1/2024', 'is ambiguous (day/month or month/day?)'],
    ['2023-02-29', 'is not a real date-time'],
    ['2024-13-01', 'is not a real date-time'],
    ['2024-05-01T24:00', 'is not a real date-time'],
    ['1969-12-31', 'is not a real date-time on or after 1970-01-01'],
    ['tomorrow', 'is not a date'],
    ['', 'is not a date'],
  ];
  it.each(cases)('%s', (text, message) => {
    expect(() => parseToilDate(text, ['at'])).toThrow(NinesError);
    expect(() => parseToilDate(text)).toThrow(message);
  });
});

describe('the ledger form read without Date.UTC', () => {
  it('property: equals Date.UTC for every instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        expect(tryParseToilDate(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: runs of instants on the same day (read from the last day seen) equal Date.UTC', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_932_896 }),
        fc.array(fc.integer({ min: 0, max: DAY - 1 }), { minLength: 1, maxLength: 8 }),
        (day, times) => {
          for (const time of times) {
            const ms = day * DAY + time;
            expect(tryParseToilDate(new Date(ms).toISOString())).toBe(ms);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a bad time on a day it has just read, and a bad day after a good one', () => {
    expect(tryParseToilDate('2024-02-29T12:00:00.000Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(tryParseToilDate('2024-02-29T24:00:00.000Z')).toBeUndefined();
    expect(tryParseToilDate('2024-02-29T12:60:00.000Z')).toBeUndefined();
    expect(tryParseToilDate('2024-02-30T12:00:00.000Z')).toBeUndefined();
    expect(tryParseToilDate('2023-02-29T12:00:00.000Z')).toBeUndefined();
    expect(tryParseToilDate('2024-02-29T12:00:00.000Z')).toBe(Date.UTC(2024, 1, 29, 12));
  });

  it.each([
    '2024-02-29T12:00:00.000Z',
    '2000-02-29T00:00:00.000Z',
    '1970-01-01T00:00:00.000Z',
    '2100-03-01T23:59:59.999Z',
  ])('reads %s as Date.parse does (leap days, century rules, the epoch)', (text) => {
    expect(tryParseToilDate(text)).toBe(Date.parse(text));
  });
});
