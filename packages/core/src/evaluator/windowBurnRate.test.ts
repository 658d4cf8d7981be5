import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { burnRateFromCounts } from '../budgets/index.js';
import { targetFromPercent } from '../objectives/index.js';
import { budgetFraction, windowBurnRate } from './windowBurnRate.js';

describe('budgetFraction', () => {
  test.each([
    [0.001, { units: 1, scale: 1_000 }],
    [0.05, { units: 5, scale: 100 }],
    [0.0005, { units: 5, scale: 10_000 }],
    [1e-7, { units: 1, scale: 10_000_000 }],
    [0.25, { units: 25, scale: 100 }],
  ])('%f', (budget, expected) => {
    expect(budgetFraction(budget)).toEqual(expected);
  });

  test('a budget with no short decimal falls back (null)', () => {
    expect(budgetFraction(1 / 3)).toBeNull();
  });
});

describe('windowBurnRate', () => {
  test('no events is null, not 0 and not NaN (REFERENCE.md §11.2 #1)', () => {
    const target = targetFromPercent(99.9);
    expect(windowBurnRate(target, budgetFraction(target.errorBudget), 0, 0)).toBeNull();
  });

  test('1 failure in 10 requests at 99.9% is 100 (REFERENCE.md §2.6)', () => {
    const target = targetFromPercent(99.9);
    expect(windowBurnRate(target, budgetFraction(target.errorBudget), 9, 10)).toBe(100);
  });

  test('property: the same number as burnRateFromCounts for any counts and target', () => {
    const percents = [90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 97.3, 99.123];
    fc.assert(
      fc.property(
        fc.constantFrom(...percents),
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        fc.boolean(),
        (percent, good, bad, fractional) => {
          const target = targetFromPercent(percent);
          const g = fractional ? good / 4 : good;
          const n = g + bad;
          expect(windowBurnRate(target, budgetFraction(target.errorBudget), g, n)).toBe(
            burnRateFromCounts(target, g, n),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
