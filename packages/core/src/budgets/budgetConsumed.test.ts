import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactAdd, exactDivide, exactSubtract } from '../decimal.js';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import {
  budgetConsumed,
  budgetConsumedFromCounts,
  budgetRemaining,
  budgetRemainingFromCounts,
  remainingBadEvents,
} from './budgetConsumed.js';
import { allowedDowntime } from './errorBudget.js';
import { sliFromCounts } from './sliFromCounts.js';

describe('budgetConsumed and budgetRemaining', () => {
  // [target, sli, consumed, remaining, naive float noted by the source, source]
  const rows: [number, number, number, number, string, string][] = [
    [
      0.99,
      0.999,
      0.1,
      0.9,
      'Pyrra "90.000%"',
      'REFERENCE.md §10 #30 (ErrorBudgetTile.tsx, 1 error of 1000)',
    ],
    [
      0.99,
      0.98,
      2,
      -1,
      'F remaining −0.9999999999999982',
      'REFERENCE.md §10 #30 (20 errors of 1000, "-100.000%")',
    ],
    [
      0.99,
      0.5,
      50,
      -49,
      'F consumed 4999.999999999995 (percent)',
      'REFERENCE.md §10 #31 (slo-generator)',
    ],
    [0.99, 0.991, 0.9, 0.1, 'consumed 90.0 (percent)', 'REFERENCE.md §10 #32 (slo-generator)'],
    [
      0.9,
      0.5,
      5,
      -4,
      'F consumed 500.0000000000001 (percent)',
      'REFERENCE.md §10 #34 (slo-generator)',
    ],
    [
      0.999,
      0.9995,
      0.5,
      0.5,
      'remaining 50%',
      'REFERENCE.md §10 #46 (Datadog status 99.95, target 99.9)',
    ],
    [0.9, 0.95, 0.5, 0.5, 'F remaining 0.49999999999999944', 'REFERENCE.md §10 #47 (Nobl9 slo-io)'],
    [
      0.999,
      0.9995,
      0.5,
      0.5,
      'F remaining 0.5000000000000004',
      'REFERENCE.md §10 #48 (Nobl9, N 10,000, B 5)',
    ],
    [0.999, 1, 0, 1, 'no errors', 'REFERENCE.md §1.1 (computed)'],
    [0.999, 0.999, 1, 0, 'exactly spent', 'REFERENCE.md §1.1 (computed)'],
    [0.999, 0, 1000, -999, 'every event bad', 'REFERENCE.md §1.1 (computed)'],
  ];
  it.each(rows)(
    'T %d, SLI %d: consumed %d, remaining %d (%s; %s)',
    (target, sli, consumed, remaining) => {
      expect(budgetConsumed(target, sli)).toBe(consumed);
      expect(budgetRemaining(target, sli)).toBe(remaining);
    },
  );

  it('avoids the float noise the sources show (REFERENCE.md §10 #30, #31, #34, #47)', () => {
    expect((1 - 0.99 - 0.02) / (1 - 0.99)).toBe(-0.9999999999999982);
    expect(((1 - 0.5) * 100) / (1 - 0.99)).toBe(4999.999999999995);
    expect(((1 - 0.5) * 100) / (1 - 0.9)).toBe(500.0000000000001);
    expect((0.95 - 0.9) / (1 - 0.9)).toBe(0.49999999999999944);
    expect(budgetRemaining(0.99, 0.98)).toBe(-1);
  });

  it('matches the Datadog percent formula 100·(status − target)/(100 − target) (REFERENCE.md §1.1, §10 #46)', () => {
    const [status, target] = [99.95, 99.9];
    const datadog = exactDivide(exactSubtract(status, target), exactSubtract(100, target));
    expect(datadog).toBe(0.5);
    expect(budgetRemaining(targetFromPercent(target), exactDivide(status, 100))).toBe(datadog);
  });

  it('gives slo-generator remaining minutes window·(SLI − goal) (REFERENCE.md §10 #31: −29.4, #34: −288)', () => {
    const ms31 = budgetRemaining(0.99, 0.5) * allowedDowntime(0.99, 3_600_000);
    expect(ms31 / 60_000).toBe(-29.4);
    const ms34 = budgetRemaining(0.9, 0.5) * allowedDowntime(0.9, 43_200_000);
    expect(ms34 / 60_000).toBe(-288);
  });

  it('never clamps: overspent budgets stay negative (REFERENCE.md §11.2 #13)', () => {
    expect(budgetRemaining(0.999, 0.99)).toBe(-9);
    expect(budgetConsumed(0.999, 0.99)).toBe(10);
  });
});

describe('from counts', () => {
  // [target, good, total, consumed, remaining, source]
  const rows: [number, number, number, number, number, string][] = [
    [0.99, 999, 1000, 0.1, 0.9, 'REFERENCE.md §10 #30 (Pyrra, 1 error)'],
    [0.99, 980, 1000, 2, -1, 'REFERENCE.md §10 #30 (Pyrra, 20 errors)'],
    [0.99, 5, 10, 50, -49, 'REFERENCE.md §10 #31 (slo-generator good 5, bad 5)'],
    [0.999, 9_995, 10_000, 0.5, 0.5, 'REFERENCE.md §10 #48 (Nobl9)'],
    // Gist prints 118.646% from a rounded SLI; naive F 1.1864406779660996. Exact 7/5.9 = 1.18644067796610169…
    [0.95, 111, 118, 1.1864406779661016, -0.1864406779661017, 'REFERENCE.md §10 #42 (Nobl9 gist)'],
  ];
  it.each(rows)(
    'T %d, %d/%d: consumed %d, remaining %d (%s)',
    (target, good, total, consumed, remaining) => {
      expect(budgetConsumedFromCounts(target, good, total)).toBe(consumed);
      expect(budgetRemainingFromCounts(target, good, total)).toBe(remaining);
    },
  );

  it('is null without events', () => {
    expect(budgetConsumedFromCounts(0.999, 0, 0)).toBeNull();
    expect(budgetRemainingFromCounts(0.999, 0, 0)).toBeNull();
  });

  it('is closer than dividing a rounded SLI (REFERENCE.md §10 #42: F 1.1864406779660996)', () => {
    expect((1 - 111 / 118) / (1 - 0.95)).toBe(1.1864406779660996);
    expect(budgetConsumedFromCounts(0.95, 111, 118)).toBe(7 / 5.9);
  });
});

describe('remainingBadEvents', () => {
  // [target, good, total, remaining bad events, source]
  const rows: [number, number, number, number, string][] = [
    [0.999, 9_995, 10_000, 5, 'REFERENCE.md §10 #48 (Nobl9: 10 allowed, 5 spent)'],
    [0.999, 999_000, 1_000_000, 0, 'REFERENCE.md §10 #49 (1,000 errors allowed, all spent)'],
    [0.999, 7_199, 7_200, 6.2, 'REFERENCE.md §10 #37 (7.2 allowed, 1 spent)'],
    [0.99, 980, 1000, -10, 'REFERENCE.md §10 #30 (10 allowed, 20 spent: negative, not clamped)'],
    [0.999, 0, 0, 0, 'no events (computed)'],
  ];
  it.each(rows)('T %d, %d/%d leaves %d (%s)', (target, good, total, expected) => {
    expect(remainingBadEvents(target, good, total)).toBe(expected);
  });
});

describe('properties', () => {
  const nineLike = fc.constantFrom(
    0.9,
    0.95,
    0.975,
    0.98,
    0.99,
    0.995,
    0.999,
    0.9995,
    0.9999,
    0.99999,
  );
  const decimalSli = fc.integer({ min: 0, max: 1_000_000 }).map((k) => exactDivide(k, 1_000_000));

  it('remaining = 1 − consumed exactly when both have short decimals', () => {
    fc.assert(
      fc.property(nineLike, decimalSli, (target, sli) => {
        const consumed = budgetConsumed(target, sli);
        const remaining = budgetRemaining(target, sli);
        expect(remaining).toBe(exactSubtract(1, consumed));
        expect(exactAdd(remaining, consumed)).toBe(1);
      }),
    );
  });

  it('remaining ≈ 1 − consumed for any target and SLI', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (target, sli) => {
          const consumed = budgetConsumed(target, sli);
          const remaining = budgetRemaining(target, sli);
          expect(Math.abs(remaining - (1 - consumed))).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(consumed)),
          );
          expect(remaining).toBeLessThanOrEqual(1);
          expect(consumed).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('consumed never decreases as bad events grow for a fixed total', () => {
    fc.assert(
      fc.property(
        nineLike,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        fc.nat(),
        (target, total, x, y) => {
          const [badA, badB] = [x % (total + 1), y % (total + 1)].sort((a, b) => a - b) as [
            number,
            number,
          ];
          const a = budgetConsumedFromCounts(target, total - badA, total)!;
          const b = budgetConsumedFromCounts(target, total - badB, total)!;
          expect(a).toBeLessThanOrEqual(b);
          // Through a rounded SLI, 1 − SLI is off by up to half an ulp of 1, divided by 1 − T.
          const viaSli = budgetConsumed(target, sliFromCounts(total - badB, total)!);
          const tolerance = 1e-12 * Math.max(1, b) + Number.EPSILON / (1 - target);
          expect(Math.abs(viaSli - b)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('remaining bad events = allowed − bad, and its sign matches remaining budget', () => {
    fc.assert(
      fc.property(
        nineLike,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        (target, total, x) => {
          const good = total - (x % (total + 1));
          const events = remainingBadEvents(target, good, total);
          const share = budgetRemainingFromCounts(target, good, total)!;
          expect(Math.sign(events)).toBe(Math.sign(share));
        },
      ),
    );
  });
});

describe('edge cases', () => {
  it.each([-0.1, 1.1, Number.NaN, Infinity])('rejects SLI %d with RangeError', (sli) => {
    expect(() => budgetConsumed(0.999, sli)).toThrow(RangeError);
    expect(() => budgetRemaining(0.999, sli)).toThrow(/sli must be a finite number in \[0, 1\]/);
  });

  it.each([0, 1, Number.NaN])('rejects target %d with NinesError', (target) => {
    expect(() => budgetConsumed(target, 0.5)).toThrow(NinesError);
    expect(() => budgetRemaining(target, 0.5)).toThrow(NinesError);
    expect(() => budgetConsumedFromCounts(target, 1, 2)).toThrow(NinesError);
    expect(() => remainingBadEvents(target, 1, 2)).toThrow(NinesError);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [Number.NaN, 10],
    [1, Infinity],
  ])('rejects counts good %d, total %d with RangeError', (good, total) => {
    expect(() => budgetConsumedFromCounts(0.999, good, total)).toThrow(RangeError);
    expect(() => budgetRemainingFromCounts(0.999, good, total)).toThrow(RangeError);
    expect(() => remainingBadEvents(0.999, good, total)).toThrow(RangeError);
  });
});

describe('properties of the count-based formulas', () => {
  const nineLike = fc.constantFrom(0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999);
  // [total, bad] with bad <= total
  const counts = fc
    .integer({ min: 1, max: 10_000_000 })
    .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })));

  it('remaining = 1 − consumed from counts, to the last digits (REFERENCE.md §1.1)', () => {
    fc.assert(
      fc.property(nineLike, counts, (target, [total, bad]) => {
        const consumed = budgetConsumedFromCounts(target, total - bad, total)!;
        const remaining = budgetRemainingFromCounts(target, total - bad, total)!;
        expect(Math.abs(exactAdd(remaining, consumed) - 1)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, consumed),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('one more bad event never lowers consumption or raises what remains (monotonic in errors)', () => {
    fc.assert(
      fc.property(nineLike, counts, (target, [total, bad]) => {
        fc.pre(bad < total);
        const good = total - bad;
        expect(budgetConsumedFromCounts(target, good - 1, total)!).toBeGreaterThan(
          budgetConsumedFromCounts(target, good, total)!,
        );
        expect(budgetRemainingFromCounts(target, good - 1, total)!).toBeLessThan(
          budgetRemainingFromCounts(target, good, total)!,
        );
        expect(remainingBadEvents(target, good - 1, total)).toBeLessThan(
          remainingBadEvents(target, good, total),
        );
      }),
      { numRuns: 500 },
    );
  });
});
