import { describe, expect, it } from 'vitest';
import { calendarWindow } from './calendarWindow.js';
import { nominalWindowLength } from './nominalWindowLength.js';
import { rollingWindow } from './rollingWindow.js';
import type { CalendarUnit } from './types.js';

const D = 86_400_000;

describe('nominalWindowLength', () => {
  it('is the duration of a rolling window', () => {
    expect(nominalWindowLength(rollingWindow('28d'))).toBe(28 * D);
    expect(nominalWindowLength(rollingWindow(12_345))).toBe(12_345);
  });

  // [unit, count, days, note]
  const rows: [CalendarUnit, number, number, string][] = [
    ['day', 1, 1, 'a local day may really be 23 or 25 h'],
    ['week', 1, 7, 'ISO week'],
    ['week', 2, 14, 'fortnight (GCP FORTNIGHT, REFERENCE.md §1.3)'],
    ['month', 1, 30, 'REFERENCE.md §1.3: the real month is 28-31 d; 30 d is nominal only'],
    ['quarter', 1, 90, 'real quarters are 90-92 d'],
    ['year', 1, 365, 'real years are 365 or 366 d'],
    ['month', 3, 90, 'count multiplies'],
  ];
  it.each(rows)('%s × %d is %d days nominal (%s)', (unit, count, days) => {
    expect(nominalWindowLength(calendarWindow({ unit, count }))).toBe(days * D);
  });
});
