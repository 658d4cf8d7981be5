import { formatDecimal } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { breakEvenTime, toilImpact } from './breakEven.js';

describe('breakEvenTime (xkcd 1205)', () => {
  // [runs per year, saved per run, horizon years, expected, source]
  const cases: [number, number, number | undefined, number, string][] = [
    // REFERENCE.md §10 #64 (https://xkcd.com/1205/): weekly, 1 min saved, 5 y => 260 min ~ 4.33 h
    [52, 1, undefined, 260, '#64'],
    [52, 1, 5, 260, '#64 explicit horizon'],
    // xkcd 1205 cells (computed with the same rule): daily 5 s over 5 y = 9125 s ~ 2.5 h;
    // 50/day, 1 s = 91250 s ~ 25 h; monthly, 1 h = 60 h
    [365, 5, 5, 9125, 'xkcd daily, 5 s'],
    [50 * 365, 1, 5, 91_250, 'xkcd 50/day, 1 s'],
    [12, 1, 5, 60, 'xkcd monthly, 1 h'],
    [52, 0.1, 5, 26, 'no float noise: 5 × 52 × 0.1'],
  ];
  it.each(cases)('%d runs/y × %d saved over %s y = %d (%s)', (runs, saved, horizon, expected) => {
    expect(breakEvenTime(runs, saved, horizon)).toBe(expected);
  });

  it('#64 in hours is about 4.33', () => {
    expect(formatDecimal(breakEvenTime(52, 1) / 60, 2)).toBe('4.33');
  });
});

describe('toilImpact', () => {
  it('REFERENCE.md §10 #65 (Canadian Tire example, third-party): 0.5 h × 48/yr × 2 teams = 48 h/yr', () => {
    expect(toilImpact(0.5, 48, 2)).toBe(48);
    expect(toilImpact(0.5, 48)).toBe(24);
  });
});

describe('breakEvenTime and toilImpact edge cases', () => {
  it.each([
    [() => breakEvenTime(-1, 1), 'runsPerYear must be a finite number ≥ 0, got -1'],
    [() => breakEvenTime(1, Number.NaN), 'savedPerRun must be a finite number ≥ 0, got NaN'],
    [() => breakEvenTime(1, 1, 0), 'horizonYears must be a finite number > 0, got 0'],
    [() => toilImpact(1, 1, -2), 'teams must be a finite number ≥ 0, got -2'],
  ])('%#: throws RangeError', (fn, message) => {
    expect(fn).toThrow(RangeError);
    expect(fn).toThrow(message);
  });

  it('is zero when nothing is saved', () => {
    expect(breakEvenTime(52, 0)).toBe(0);
  });
});
