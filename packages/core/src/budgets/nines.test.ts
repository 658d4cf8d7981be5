import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import { nines, targetFromNines } from './nines.js';

describe('nines', () => {
  // [target, nines, source]
  const rows: [number, number, string][] = [
    [0.9, 1, 'REFERENCE.md §1.1 n = −log10(1 − T) (computed)'],
    [0.99, 2, 'REFERENCE.md §1.1 (computed)'],
    [0.995, 2.30102999566, 'REFERENCE.md §1.1 (computed)'],
    [0.999, 3, 'REFERENCE.md §1.1 (computed)'],
    [0.9995, 3.30102999566, 'REFERENCE.md §1.1 (computed; −log10(0.0005) = 3.3010299956639813)'],
    [0.9999, 4, 'REFERENCE.md §1.1 (computed)'],
    [0.99999, 5, 'REFERENCE.md §1.1 (computed)'],
  ];
  it.each(rows)('nines(%d) = %d (%s)', (target, expected) => {
    expect(nines(target)).toBe(expected);
  });

  it('is exact for a target from a percent (REFERENCE.md §10 #18)', () => {
    expect(nines(targetFromPercent(99.9))).toBe(3);
    expect(nines(targetFromPercent(99.999))).toBe(5);
  });
});

describe('targetFromNines', () => {
  // [nines, fraction, percent, error budget, source]
  const rows: [number, number, number, number, string][] = [
    [1, 0.9, 90, 0.1, 'REFERENCE.md §1.1 T = 1 − 10^−n (computed)'],
    [2, 0.99, 99, 0.01, 'REFERENCE.md §1.1 (computed)'],
    [3, 0.999, 99.9, 0.001, 'REFERENCE.md §1.1 (computed)'],
    // 10 ** -4 is 0.00009999999999999999 in floating point: must still give 0.9999.
    [4, 0.9999, 99.99, 0.0001, 'REFERENCE.md §1.1 (computed)'],
    [5, 0.99999, 99.999, 0.00001, 'REFERENCE.md §1.1 (computed)'],
    [
      3.5,
      0.999683772233983,
      99.9683772233983,
      0.000316227766017,
      '10^−3.5 to 12 digits (computed)',
    ],
  ];
  it.each(rows)('%d nines is %d (%s)', (n, fraction, percent, budget) => {
    const target = targetFromNines(n);
    expect(target).toEqual({ fraction, percent, errorBudget: budget });
  });

  it('round-trips with nines() up to what a double near 1 can hold', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 12, noNaN: true }), (n) => {
        const back = nines(targetFromNines(n));
        // 10^−n is kept to 12 significant digits (≈ 2.2e-13 in nines), results are rounded to
        // 12 digits, and a double T near 1 keeps 1 − T only to about EPSILON/(1 − T).
        const tolerance = 3e-13 + 1e-11 * n + Number.EPSILON / 10 ** -n;
        expect(Math.abs(back - n)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it('round-trips exactly for whole nines', () => {
    for (let n = 1; n <= 16; n += 1) expect(nines(targetFromNines(n))).toBe(n);
  });
});

describe('edge cases', () => {
  it.each([0, -1, Number.NaN, Infinity, -Infinity])(
    'targetFromNines(%d) throws INVALID_TARGET',
    (n) => {
      expect(() => targetFromNines(n)).toThrow(NinesError);
      expect(() => targetFromNines(n)).toThrow(/nines must be a finite number > 0/);
    },
  );

  it('rejects more nines than a double can hold', () => {
    expect(() => targetFromNines(17)).toThrow(/too close to 1/);
    expect(targetFromNines(16).fraction).toBe(0.9999999999999999);
  });

  it.each([0, 1, Number.NaN])('nines(%d) throws INVALID_TARGET', (target) => {
    expect(() => nines(target)).toThrow(NinesError);
  });
});
