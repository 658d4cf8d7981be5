import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetRemaining } from './budgetConsumed.js';
import { budgetDrop } from './budgetDrop.js';

describe('budgetDrop', () => {
  // [before, now, drop, source]
  const rows: [number, number, number, string][] = [
    [
      0.9,
      0.8,
      0.1,
      'Nobl9 budgetDrop / Honeycomb budget rate (REFERENCE.md §1.1); naive 0.09999999999999998',
    ],
    [1, 0.5, 0.5, 'REFERENCE.md §1.1 (computed)'],
    [0.5, -1, 1.5, 'overspent budgets keep falling (REFERENCE.md §11.2 #13)'],
    [0.3, 0.4, -0.1, 'a rolling window regains budget (REFERENCE.md §1.3, Nobl9 rolling SLOs)'],
    [0.25, 0.25, 0, 'no change (computed)'],
  ];
  it.each(rows)('%d → %d drops by %d (%s)', (before, now, expected) => {
    expect(budgetDrop(before, now)).toBe(expected);
  });

  it('has no float noise (naive 0.9 − 0.8 = 0.09999999999999998)', () => {
    expect(0.9 - 0.8).toBe(0.09999999999999998);
    expect(budgetDrop(0.9, 0.8)).toBe(0.1);
  });

  it('is antisymmetric and equals before − now between two SLI readings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.99, 0.995, 0.999, 0.9995),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (target, a, b) => {
          const before = budgetRemaining(target, a / 10_000);
          const now = budgetRemaining(target, b / 10_000);
          expect(budgetDrop(before, now) + budgetDrop(now, before)).toBe(0);
          expect(Math.abs(budgetDrop(before, now) - (before - now))).toBeLessThanOrEqual(1e-9);
        },
      ),
    );
  });
});

describe('edge cases', () => {
  it.each([
    [1.1, 0.5],
    [0.5, 1.1],
    [Number.NaN, 0.5],
    [0.5, -Infinity],
  ])('rejects %d → %d with RangeError', (before, now) => {
    expect(() => budgetDrop(before, now)).toThrow(RangeError);
    expect(() => budgetDrop(before, now)).toThrow(
      /must be a finite remaining-budget fraction <= 1/,
    );
  });
});
