import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDivide, exactMultiply, exactSubtract } from '../decimal.js';
import { NinesError } from '../errors.js';
import { targetFromFraction, targetFromPercent, type Target } from '../objectives/target.js';
import { budgetConsumedFromCounts, budgetRemainingFromCounts } from './budgetConsumed.js';
import { burnRateFromCounts } from './burnRate.js';
import { allowedBadEvents } from './errorBudget.js';
import {
  allowedBadProduct,
  checkedTarget,
  consumedQuotient,
  quotient,
  remainingQuotient,
  sliQuotient,
  targetRational,
} from './exactCounts.js';
import { sliFromCounts } from './sliFromCounts.js';

// The exact-decimal formulas the fast paths must reproduce bit for bit (what the budget
// functions computed before the fast paths, and still compute when they do not apply).
const exactSli = (good: number, total: number): number | null =>
  total === 0 ? null : exactDivide(good, total);
const exactConsumed = (t: Target, good: number, total: number): number | null =>
  total === 0 ? null : exactDivide(exactSubtract(total, good), exactMultiply(t.errorBudget, total));
const exactRemaining = (t: Target, good: number, total: number): number | null =>
  total === 0
    ? null
    : exactDivide(
        exactSubtract(good, exactMultiply(t.fraction, total)),
        exactMultiply(t.errorBudget, total),
      );
const exactAllowed = (t: Target, total: number): number => exactMultiply(t.errorBudget, total);

/** The count functions whose result differs from the exact formula, for one target and count pair. */
function mismatches(t: Target, good: number, total: number): string[] {
  const pairs: [string, number | null, number | null][] = [
    ['sliFromCounts', sliFromCounts(good, total), exactSli(good, total)],
    ['burnRateFromCounts', burnRateFromCounts(t, good, total), exactConsumed(t, good, total)],
    [
      'budgetConsumedFromCounts',
      budgetConsumedFromCounts(t, good, total),
      exactConsumed(t, good, total),
    ],
    [
      'budgetRemainingFromCounts',
      budgetRemainingFromCounts(t, good, total),
      exactRemaining(t, good, total),
    ],
    ['allowedBadEvents', allowedBadEvents(t, total), exactAllowed(t, total)],
  ];
  return pairs
    .filter(([, got, want]) => !Object.is(got, want))
    .map(
      ([name, got, want]) =>
        `${name}(${String(t.fraction)}, ${String(good)}, ${String(total)}): ${String(got)} != ${String(want)}`,
    );
}

/** All count functions against the exact formulas, for one target and one count pair. */
function expectSame(t: Target, good: number, total: number): void {
  expect(mismatches(t, good, total)).toEqual([]);
}

const PERCENTS = [90, 95, 97.3, 99, 99.123, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999, 99.99999];

/** Targets with 1 to 12 decimals, built the way users build them. */
const targets: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom(...PERCENTS).map((p) => targetFromPercent(p)),
  fc
    .integer({ min: 1, max: 12 })
    .chain((digits) =>
      fc
        .integer({ min: 1, max: 10 ** digits - 1 })
        .map((k) => targetFromFraction(exactDivide(k, 10 ** digits))),
    ),
);

describe('targetRational', () => {
  // [target, fraction units, budget units, scale, source]
  const rows: [Target, number, number, number, string][] = [
    [targetFromPercent(99.9), 999, 1, 1_000, 'REFERENCE.md §10 #19 (1 − 0.999 = 0.001)'],
    [targetFromPercent(95), 95, 5, 100, 'computed'],
    [targetFromPercent(99.95), 9_995, 5, 10_000, 'computed'],
    [targetFromFraction(0.9999999), 9_999_999, 1, 10_000_000, 'computed (1e-7 budget)'],
  ];
  it.each(rows)('%o is %d/%d over %d (%s)', (target, fractionUnits, budgetUnits, scale) => {
    expect(targetRational(target.fraction, target.errorBudget)).toEqual({
      fractionUnits,
      budgetUnits,
      scale,
      digits: Math.log10(scale),
    });
  });

  describe('edge cases', () => {
    it('is null for numbers without a short decimal (a noisy budget)', () => {
      expect(1 - 0.999).toBe(0.0010000000000000009);
      expect(targetRational(0.999, 1 - 0.999)).toBeNull();
      expect(targetRational(1 / 3, 2 / 3)).toBeNull();
    });

    it('is null for a zero error budget, so the exact path raises its error', () => {
      expect(targetRational(0.5, 0)).toBeNull();
    });
  });
});

describe('checkedTarget', () => {
  it('checks a Target object once and reuses it while its numbers stay the same', () => {
    const target = targetFromPercent(99.9);
    const first = checkedTarget(target);
    expect(first.target).toBe(target);
    expect(first.rational).toEqual({ fractionUnits: 999, budgetUnits: 1, scale: 1_000, digits: 3 });
    expect(checkedTarget(target)).toBe(first);
  });

  it('reuses the target built for a plain fraction', () => {
    const first = checkedTarget(0.999);
    expect(first.target).toEqual(targetFromFraction(0.999));
    expect(checkedTarget(0.999)).toBe(first);
  });

  it('checks a Target again when one of its numbers changed', () => {
    const target = { ...targetFromPercent(99.9) };
    checkedTarget(target);
    (target as { fraction: number }).fraction = 1.5;
    expect(() => checkedTarget(target)).toThrow(NinesError);
  });

  it('rejects what toTarget rejects (REFERENCE.md §10: targets 0 and 1)', () => {
    expect(() => checkedTarget(1)).toThrow(NinesError);
    expect(() => checkedTarget(0)).toThrow(NinesError);
  });
});

describe('fast paths', () => {
  it('take whole counts (REFERENCE.md §10 #48: 99.9% of 10,000 allows 10)', () => {
    const r = checkedTarget(0.999).rational;
    if (r === null) throw new Error('no rational');
    expect(consumedQuotient(r, 9_995, 10_000)).toBe(0.5);
    expect(remainingQuotient(r, 9_995, 10_000)).toBe(0.5);
    expect(allowedBadProduct(r, 10_000)).toBe(10);
    expect(sliQuotient(9_995, 10_000)).toBe(0.9995);
  });

  it('decline fractional and huge counts (the exact path takes them)', () => {
    const r = checkedTarget(0.999).rational;
    if (r === null) throw new Error('no rational');
    expect(consumedQuotient(r, 1.5, 10)).toBeUndefined();
    expect(consumedQuotient(r, 0, 1e15)).toBeUndefined();
    expect(remainingQuotient(r, 1e12, 1e12)).toBeUndefined();
    expect(allowedBadProduct(r, 2 ** 53)).toBeUndefined();
    expect(sliQuotient(1, 1e15)).toBeUndefined();
  });

  it('decline a quotient whose rounding the bound does not prove', () => {
    // 2^55 · b² > |a| · 10^(40 − digits): a tiny numerator over a huge divisor.
    expect(quotient(1, 9e14, 3)).toBeUndefined();
    expect(quotient(1_000, 3, 3)).toBe(1_000 / 3);
    expect(quotient(0, 7, 3)).toBe(0);
  });

  it('give +0 for -0 counts, as the exact path reads -0 as "0"', () => {
    const t = targetFromPercent(99.9);
    const found = [...mismatches(t, -0, 10), ...mismatches(t, -0, -0), ...mismatches(t, 0, -0)];
    expect(found).toEqual([]);
    expect(Object.is(allowedBadEvents(t, -0), 0)).toBe(true);
    expect(Object.is(sliFromCounts(-0, 10), 0)).toBe(true);
  });
});

describe('count functions equal their exact-decimal formulas', () => {
  it('for every good count of small totals (exhaustive)', () => {
    const found: string[] = [];
    for (const percent of PERCENTS) {
      const t = targetFromPercent(percent);
      for (const total of [1, 2, 3, 7, 10, 99, 100, 118, 1_000, 1_001]) {
        for (let good = 0; good <= total; good++) found.push(...mismatches(t, good, total));
      }
    }
    expect(found).toEqual([]);
  });

  it('property: whole counts up to 10^7 (the fast path)', () => {
    fc.assert(
      fc.property(targets, fc.nat(10_000_000), fc.nat(10_000_000), (t, good, bad) => {
        expectSame(t, good, good + bad);
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: counts around the 10^12 to 2^53 limits (fast path and fallback)', () => {
    const big = fc.oneof(
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.integer({ min: 10 ** 11, max: 10 ** 13 }),
      fc.integer({ min: 10 ** 14, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(targets, big, fc.nat(1_000), fc.boolean(), (t, total, bad, fewBad) => {
        const good = fewBad ? Math.max(0, total - bad) : Math.floor(total / 2);
        expectSame(t, good, total);
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: fractional and beyond-safe counts (always the exact path)', () => {
    fc.assert(
      fc.property(
        targets,
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.constantFrom(0.25, 0.1, 1 / 3, 2 ** 20, 1e10),
        (t, good, bad, factor) => {
          expectSame(t, good * factor, (good + bad) * factor);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('with the fallback really taken for large totals', () => {
    const t = targetFromPercent(99.9);
    const r = checkedTarget(t).rational;
    if (r === null) throw new Error('no rational');
    // (1 − T)·N = 10^15 · 0.001 is fine, but the sum of 10^15 parts is past the 15-digit limit.
    expect(consumedQuotient(r, 10 ** 15 - 3, 10 ** 15)).toBeUndefined();
    expectSame(t, 10 ** 15 - 3, 10 ** 15);
    expectSame(t, Number.MAX_SAFE_INTEGER - 7, Number.MAX_SAFE_INTEGER);
    expectSame(t, 2 ** 60, 2 ** 61);
  });
});
