import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_ANCHOR, createPeriods, parsePeriod } from './periods.js';

const DAY = 86_400_000;

describe('parsePeriod', () => {
  it('reads calendar words and Prometheus durations', () => {
    expect(parsePeriod('week')).toEqual({ kind: 'calendar', unit: 'week' });
    expect(parsePeriod('Month')).toEqual({ kind: 'calendar', unit: 'month' });
    expect(parsePeriod('2w')).toEqual({ kind: 'fixed', length: 14 * DAY });
    expect(parsePeriod('30d')).toEqual({ kind: 'fixed', length: 30 * DAY });
  });

  it.each([
    ['1h', 'period "1h" is shorter than a day'],
    ['2 weeks', 'Invalid duration'],
    ['1M', 'Invalid duration'],
  ])('refuses %j', (text, message) => {
    expect(() => parsePeriod(text)).toThrow(message);
  });
});

describe('createPeriods', () => {
  it('aligns fixed periods on Monday 1970-01-05 by default', () => {
    expect(new Date(DEFAULT_PERIOD_ANCHOR).getUTCDay()).toBe(1);
    const twoWeeks = createPeriods({ kind: 'fixed', length: 14 * DAY });
    const start = twoWeeks.startOf(Date.UTC(2024, 4, 8, 12));
    expect(new Date(start).getUTCDay()).toBe(1);
    expect(
      start <= Date.UTC(2024, 4, 8, 12) && Date.UTC(2024, 4, 8, 12) < twoWeeks.next(start),
    ).toBe(true);
    expect(twoWeeks.label(Date.UTC(2024, 4, 6))).toBe('2024-05-06..2024-05-19');
  });

  it('starts fixed periods at an anchor, before and after it', () => {
    const anchor = Date.UTC(2024, 4, 1);
    const weeks = createPeriods({ kind: 'fixed', length: 7 * DAY, anchor });
    expect(weeks.startOf(anchor + 10 * DAY)).toBe(anchor + 7 * DAY);
    expect(weeks.startOf(anchor - 1)).toBe(anchor - 7 * DAY);
    expect(createPeriods({ kind: 'fixed', length: DAY, anchor }).label(anchor)).toBe('2024-05-01');
    expect(createPeriods({ kind: 'fixed', length: DAY + 1, anchor }).label(anchor)).toBe(
      '2024-05-01T00:00:00.000Z',
    );
  });

  it('cuts ISO calendar weeks (Monday to Sunday) with ISO week labels', () => {
    const weeks = createPeriods({ kind: 'calendar', unit: 'week' });
    expect(weeks.startOf(Date.UTC(2024, 4, 12, 23))).toBe(Date.UTC(2024, 4, 6)); // Sunday
    expect(weeks.startOf(Date.UTC(2024, 4, 6))).toBe(Date.UTC(2024, 4, 6)); // Monday
    expect(weeks.label(Date.UTC(2024, 4, 6))).toBe('2024-W19');
    expect(weeks.label(weeks.startOf(Date.UTC(2021, 0, 3)))).toBe('2020-W53');
    expect(weeks.label(weeks.startOf(Date.UTC(2024, 11, 30)))).toBe('2025-W01');
  });

  it('cuts calendar months of their real length', () => {
    const months = createPeriods({ kind: 'calendar', unit: 'month' });
    const feb = months.startOf(Date.UTC(2024, 1, 29, 5));
    expect(feb).toBe(Date.UTC(2024, 1, 1));
    expect(months.next(feb) - feb).toBe(29 * DAY);
    expect(months.label(feb)).toBe('2024-02');
    expect(months.next(Date.UTC(2024, 11, 1))).toBe(Date.UTC(2025, 0, 1));
  });

  it('refuses a non-positive length', () => {
    expect(() => createPeriods({ kind: 'fixed', length: 0 })).toThrow(
      'period length must be a positive',
    );
  });
});
