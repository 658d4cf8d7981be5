import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDivide } from '../decimal.js';
import { NinesError } from '../errors.js';
import { formatTarget, targetFromFraction, targetFromPercent, toTarget } from './target.js';

describe('targetFromPercent and targetFromFraction', () => {
  // [percent, fraction, error budget, the float noise REFERENCE.md lists (F) or null, source]
  const rows: [number, number, number, number | null, string][] = [
    [
      99.9,
      0.999,
      0.001,
      0.9990000000000001,
      'REFERENCE.md §10 #18 (F 99.9/100, out-base.yaml.tpl)',
    ],
    [99, 0.99, 0.01, 0.010000000000000009, 'REFERENCE.md §10 #19 (F 1 − 0.99)'],
    [99.5, 0.995, 0.005, 0.0050000000000000044, 'REFERENCE.md §10 #19 (F 1 − 0.995)'],
    [95, 0.95, 0.05, 0.050000000000000044, 'REFERENCE.md §10 #19 (F 1 − 0.95)'],
    [99.95, 0.9995, 0.0005, null, 'REFERENCE.md §10 #41 (target 0.9995 ≡ targetPercent 99.95)'],
    [99.999, 0.99999, 0.00001, null, 'REFERENCE.md §10 #39 (99.999%)'],
  ];
  it.each(rows)('%d%% is %d with budget %d exactly (%s)', (percent, fraction, budget, noise) => {
    expect(targetFromPercent(percent)).toEqual({ fraction, percent, errorBudget: budget });
    expect(targetFromFraction(fraction)).toEqual({ fraction, percent, errorBudget: budget });
    if (noise !== null) {
      // The float formula gives the noisy value; the target never does.
      expect([percent / 100, 1 - fraction]).toContain(noise);
      expect([fraction, budget]).not.toContain(noise);
    }
  });

  it('prints the target as written (REFERENCE.md §11.2 #3)', () => {
    expect(formatTarget(targetFromPercent(99.9))).toBe('99.9%');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99999)).toBe('99.999%');
  });

  it('round-trips percent ↔ fraction for targets written with up to 6 decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (units) => {
        const percent = exactDivide(units, 1_000_000);
        const fromPercent = targetFromPercent(percent);
        expect(targetFromFraction(fromPercent.fraction)).toEqual(fromPercent);
      }),
    );
  });
});

describe('edge cases', () => {
  it.each([0, 1, -0.5, 1.5, Number.NaN, Infinity])(
    'targetFromFraction rejects %d with INVALID_TARGET (REFERENCE.md §10 #41: target 1.0 is invalid)',
    (fraction) => {
      expect(() => targetFromFraction(fraction)).toThrow(NinesError);
      expect(() => targetFromFraction(fraction)).toThrow(
        `target must be a fraction strictly between 0 and 1 (e.g. 0.999), got ${String(fraction)}`,
      );
    },
  );

  it.each([0, 100, 101, Number.NaN])(
    'targetFromPercent rejects %d with INVALID_TARGET (REFERENCE.md §10 #41: targetPercent 100 is invalid)',
    (percent) => {
      expect(() => targetFromPercent(percent)).toThrow(
        /targetPercent must be strictly between 0 and 100/,
      );
    },
  );

  it.each([
    [null, ['target'], /got null/],
    ['99.9%', ['target'], /got "99.9%"/],
    [
      { fraction: 2, percent: 200, errorBudget: -1 },
      ['target', 'fraction'],
      /target\.fraction must be .*got 2/,
    ],
    [
      { fraction: 0.99, percent: 99, errorBudget: 0.1 },
      ['target', 'errorBudget'],
      /target\.errorBudget must be 0\.01 for fraction 0\.99, got 0\.1/,
    ],
    [
      { fraction: 0.99, percent: 0.99, errorBudget: 0.01 },
      ['target', 'percent'],
      /target\.percent must be 99 for fraction 0\.99, got 0\.99/,
    ],
  ])('toTarget rejects %j at %j', (input, path, message) => {
    let caught: unknown;
    try {
      toTarget(input as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    expect((caught as NinesError).code).toBe('INVALID_TARGET');
    expect((caught as NinesError).path).toEqual(path);
    expect((caught as NinesError).message).toMatch(message);
  });

  it('checks a hand-built Target again once one of its numbers changed', () => {
    const target = { ...targetFromPercent(99.9) };
    expect(toTarget(target)).toBe(target);
    (target as { errorBudget: number }).errorBudget = 0.5;
    expect(() => toTarget(target)).toThrow(
      /target\.errorBudget must be 0\.001 for fraction 0\.999, got 0\.5/,
    );
  });

  it('returns a consistent Target as it is', () => {
    const target = targetFromPercent(99.95);
    expect(toTarget(target)).toBe(target);
  });
});
