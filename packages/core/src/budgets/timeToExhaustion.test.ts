import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDivide } from '../decimal.js';
import { budgetSpentInWindow } from './budgetSpent.js';
import { burnRate, maxBurnRate } from './burnRate.js';
import { timeToExhaustion } from './timeToExhaustion.js';

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('timeToExhaustion', () => {
  // [period, burn rate, remaining, ms until exhausted, source]
  const rows: [number, number, number, number, string][] = [
    [30 * DAY, 1, 1, 30 * DAY, 'REFERENCE.md §10 #15 (WB-5; Datadog)'],
    [30 * DAY, 2, 1, 15 * DAY, 'REFERENCE.md §10 #15'],
    [30 * DAY, 3, 1, 10 * DAY, 'REFERENCE.md §10 #15'],
    [30 * DAY, 10, 1, 3 * DAY, 'REFERENCE.md §10 #15, #14'],
    [30 * DAY, 1000, 1, 2_592_000, 'REFERENCE.md §10 #1 (BR 1,000 ⇒ 43 min: 43.2 min)'],
    [
      30 * DAY,
      35,
      1,
      exactDivide(720 * HOUR, 35),
      'REFERENCE.md §10 #12 (35× exhausts in 20.57 h)',
    ],
    [30 * DAY, 100_000, 1, 25.92 * SECOND, 'REFERENCE.md §10 #39 (total outage at 99.999%: 26 s)'],
    [30 * DAY, 2, 0.5, 7.5 * DAY, 'Nobl9 timeToBurnBudget, remaining·W/BR (REFERENCE.md §1.1)'],
  ];
  it.each(rows)('%d ms at %d× with %d left lasts %d ms (%s)', (period, br, remaining, expected) => {
    expect(timeToExhaustion(period, br, remaining)).toBe(expected);
  });

  it('reads as the sources print it (REFERENCE.md §10 #12: 20.5 h; #39: 43 min)', () => {
    expect(timeToExhaustion(30 * DAY, 35) / HOUR).toBeCloseTo(20.571, 3);
    expect(timeToExhaustion(30 * DAY, burnRate(0.99999, 0.01)) / MINUTE).toBe(43.2);
    expect(timeToExhaustion(30 * DAY, maxBurnRate(0.99999))).toBe(25_920);
  });

  it('defaults to the whole budget', () => {
    expect(timeToExhaustion(30 * DAY, 10)).toBe(timeToExhaustion(30 * DAY, 10, 1));
  });

  it('is Infinity when nothing burns and 0 when nothing is left', () => {
    expect(timeToExhaustion(30 * DAY, 0)).toBe(Infinity);
    expect(timeToExhaustion(30 * DAY, 5, 0)).toBe(0);
    expect(timeToExhaustion(30 * DAY, 5, -0.5)).toBe(0);
    expect(timeToExhaustion(30 * DAY, 0, 0)).toBe(0);
    expect(timeToExhaustion(30 * DAY, 0, -1)).toBe(0);
  });

  it('spends exactly what was left: BR × t = remaining × W', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 28, 30, 90).map((d) => d * DAY),
        fc.integer({ min: 1, max: 100_000 }).map((k) => k / 100),
        fc.integer({ min: 1, max: 1000 }).map((k) => k / 1000),
        (period, br, remaining) => {
          const t = timeToExhaustion(period, br, remaining);
          expect(Math.abs(br * t - remaining * period)).toBeLessThanOrEqual(
            1e-12 * remaining * period,
          );
          const spent = budgetSpentInWindow(br, t, period);
          expect(Math.abs(spent - remaining)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  it('halves when the burn rate doubles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).map((k) => k / 1000),
        (br) => {
          const once = timeToExhaustion(30 * DAY, br);
          const twice = timeToExhaustion(30 * DAY, 2 * br);
          expect(Math.abs(once - 2 * twice)).toBeLessThanOrEqual(1e-9 * once);
        },
      ),
    );
  });
});

describe('edge cases', () => {
  it.each([0, -1, Number.NaN, Infinity])('rejects period %d', (period) => {
    expect(() => timeToExhaustion(period, 1)).toThrow(/periodMs must be a finite number > 0/);
  });

  it.each([-1, Number.NaN, Infinity])('rejects burn rate %d', (br) => {
    expect(() => timeToExhaustion(30 * DAY, br)).toThrow(RangeError);
    expect(() => timeToExhaustion(30 * DAY, br)).toThrow(/burnRate must be a finite number >= 0/);
  });

  it.each([1.5, Number.NaN, -Infinity])('rejects remaining %d', (remaining) => {
    expect(() => timeToExhaustion(30 * DAY, 1, remaining)).toThrow(RangeError);
    expect(() => timeToExhaustion(30 * DAY, 1, remaining)).toThrow(/remaining must be a finite/);
  });
});
