import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDivide } from '../decimal.js';
import { budgetSpentInWindow, burnRateForBudgetShare } from './budgetSpent.js';
import { maxBurnRate } from './burnRate.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('burnRateForBudgetShare', () => {
  // [share, window, period, burn rate, naive float if noted, source]
  const rows: [number, number, number, number, string][] = [
    [0.05, HOUR, 30 * DAY, 36, 'REFERENCE.md §10 #12 (WB-5)'],
    [0.02, HOUR, 30 * DAY, 14.4, 'REFERENCE.md §10 #6 (alert_test.go; WB-5 Table 5-8)'],
    [0.05, 6 * HOUR, 30 * DAY, 6, 'REFERENCE.md §10 #6'],
    [0.1, 24 * HOUR, 30 * DAY, 3, 'REFERENCE.md §10 #6'],
    [0.1, 72 * HOUR, 30 * DAY, 1, 'REFERENCE.md §10 #6'],
    [0.05, 6 * HOUR, 28 * DAY, 5.6, 'REFERENCE.md §10 #7 (F 5.6000000000000005)'],
    [0.1, 24 * HOUR, 28 * DAY, 2.8, 'REFERENCE.md §10 #7 (F 2.8000000000000003)'],
    [0.1, 72 * HOUR, 28 * DAY, 0.9333333333333333, 'REFERENCE.md §10 #7'],
    [0.2, 24 * HOUR, 7 * DAY, 1.4, 'REFERENCE.md §10 #8 (F 1.4000000000000001)'],
    [0.01, HOUR, 90 * DAY, 21.6, 'REFERENCE.md §10 #11 (Datadog 90d)'],
    [0.03, 6 * HOUR, 90 * DAY, 10.8, 'REFERENCE.md §10 #11 (F 10.799999999999999)'],
  ];
  it.each(rows)('%d of the budget in %d ms of %d ms is %d× (%s)', (share, w, period, expected) => {
    expect(burnRateForBudgetShare(share, w, period)).toBe(expected);
  });
});

describe('budgetSpentInWindow', () => {
  // [burn rate, window, period, share spent, source]
  const rows: [number, number, number, number, string][] = [
    [36, HOUR, 30 * DAY, 0.05, 'REFERENCE.md §10 #12 (WB-5)'],
    [100, HOUR, 30 * DAY, exactDivide(100, 720), 'REFERENCE.md §10 #37 (WB-5: 13.9% of budget)'],
    [maxBurnRate(0.9), HOUR, 30 * DAY, exactDivide(1, 72), 'REFERENCE.md §10 #38 (WB-5: 1.39%)'],
    [14.4, HOUR, 30 * DAY, 0.02, 'REFERENCE.md §10 #6 (WB-5 Table 5-8)'],
    [0, HOUR, 30 * DAY, 0, 'no burn (computed)'],
    [1, 30 * DAY, 30 * DAY, 1, 'BR 1 spends exactly the budget (REFERENCE.md §1.1)'],
  ];
  it.each(rows)('BR %d over %d ms of %d ms spends %d (%s)', (br, w, period, expected) => {
    expect(budgetSpentInWindow(br, w, period)).toBe(expected);
  });

  it('rounds to the percentages the Workbook prints (REFERENCE.md §10 #37: 13.9%, #38: 1.39%)', () => {
    expect(budgetSpentInWindow(100, HOUR, 30 * DAY)).toBeCloseTo(0.139, 3);
    expect(budgetSpentInWindow(10, HOUR, 30 * DAY)).toBeCloseTo(0.0139, 4);
    // A 2%-in-1h page needs 14.4×, more than the 10× a 90% target can ever burn.
    expect(budgetSpentInWindow(maxBurnRate(0.9), HOUR, 30 * DAY)).toBeLessThan(0.02);
  });

  it('inverts burnRateForBudgetShare', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).map((k) => k / 1000),
        fc.integer({ min: 1, max: 72 * 60 }).map((m) => m * MINUTE),
        fc.constantFrom(7, 14, 28, 30, 90).map((d) => d * DAY),
        (share, w, period) => {
          const rate = burnRateForBudgetShare(share, w, period);
          const back = budgetSpentInWindow(rate, w, period);
          expect(Math.abs(back - share)).toBeLessThanOrEqual(1e-12 * share);
        },
      ),
    );
  });
});

describe('edge cases', () => {
  it.each([-1, Number.NaN, Infinity])('rejects burn rate or share %d with RangeError', (bad) => {
    expect(() => budgetSpentInWindow(bad, HOUR, DAY)).toThrow(
      /burnRate must be a finite number >= 0/,
    );
    expect(() => burnRateForBudgetShare(bad, HOUR, DAY)).toThrow(
      /share must be a finite number >= 0/,
    );
  });

  it.each([0, -1, Number.NaN])('rejects period %d with RangeError', (period) => {
    expect(() => budgetSpentInWindow(1, HOUR, period)).toThrow(
      /periodMs must be a finite number > 0/,
    );
    expect(() => burnRateForBudgetShare(0.05, HOUR, period)).toThrow(RangeError);
  });

  it('rejects a zero window when solving for the burn rate (division by zero)', () => {
    expect(() => burnRateForBudgetShare(0.05, 0, DAY)).toThrow(
      /windowMs must be a finite number > 0/,
    );
    expect(budgetSpentInWindow(36, 0, DAY)).toBe(0);
  });
});
