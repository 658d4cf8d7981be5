import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactAdd,
  exactDivide,
  exactMultiply,
  exactSubtract,
  formatDecimal,
  roundNoise,
} from './decimal.js';

describe('exact decimal arithmetic', () => {
  // [a, b, exact, naive float result, source]
  const subtract: [number, number, number, number, string][] = [
    [100, 99.9, 0.1, 0.09999999999999432, 'REFERENCE.md §10 #16'],
    [1, 0.99, 0.01, 0.010000000000000009, 'REFERENCE.md §10 #19'],
    [1, 0.995, 0.005, 0.0050000000000000044, 'REFERENCE.md §10 #19'],
    [1, 0.95, 0.05, 0.050000000000000044, 'REFERENCE.md §10 #19'],
    [1, 0.999, 0.001, 1 - 0.999, 'REFERENCE.md §10 #17'],
  ];
  it.each(subtract)('%d - %d = %d exactly (%s)', (a, b, exact, naive) => {
    expect(a - b).toBe(naive);
    expect(exactSubtract(a, b)).toBe(exact);
  });

  it('divides 99.9 by 100 to 0.999 (REFERENCE.md §10 #18: naive gives 0.9990000000000001)', () => {
    expect(99.9 / 100).toBe(0.9990000000000001);
    expect(exactDivide(99.9, 100)).toBe(0.999);
    expect(exactDivide(1, 3)).toBe(1 / 3);
    expect(() => exactDivide(1, 0)).toThrow(RangeError);
  });

  it('multiplies and adds exactly', () => {
    expect(exactMultiply(14.4, 0.001)).toBe(0.0144);
    expect(exactMultiply(0.999, 100)).toBe(99.9);
    expect(exactAdd(0.1, 0.2)).toBe(0.3);
    expect(exactMultiply(1e-7, 1e-7)).toBe(1e-14);
    expect(exactSubtract(1e21, 1)).toBe(1e21 - 1);
  });

  it('rejects non-finite input with RangeError', () => {
    expect(() => exactSubtract(Number.NaN, 1)).toThrow(RangeError);
    expect(() => exactMultiply(Infinity, 1)).toThrow(RangeError);
  });

  it('removes noise for display', () => {
    expect(roundNoise(43.20000000000004)).toBe(43.2); // REFERENCE.md §10 #1
    expect(roundNoise(5.6000000000000005)).toBe(5.6); // §10 #7
    expect(formatDecimal(0.9990000000000001)).toBe('0.999');
    expect(formatDecimal(1e-7)).toBe('0.0000001');
    expect(formatDecimal(-0.0000001, 3)).toBe('0');
    expect(formatDecimal(2.5, 0)).toBe('3');
  });

  // [value, maxFractionDigits, text, source]
  const formatted: [number, number | undefined, string, string][] = [
    [43.20000000000004, undefined, '43.2', 'REFERENCE.md §10 #1 (F: 720·(1−0.999)·60)'],
    [5.039999999999445, 3, '5.04', 'REFERENCE.md §10 #5 (F: 10,080·(1−0.9995))'],
    [0.09999999999999432, undefined, '0.1', 'REFERENCE.md §10 #16 (alert_test.go)'],
    [0.0009999999999999432, undefined, '0.001', 'REFERENCE.md §10 #17 (out-base.yaml.tpl)'],
    [0.9990000000000001, undefined, '0.999', 'REFERENCE.md §10 #18 (out-base.yaml.tpl)'],
    [0.010000000000000009, undefined, '0.01', 'REFERENCE.md §10 #19 (computed)'],
    [5.6000000000000005, undefined, '5.6', 'REFERENCE.md §10 #7 (alert_test.go)'],
    [1.4000000000000001, undefined, '1.4', 'REFERENCE.md §10 #8 (alert_test.go)'],
    [10.799999999999999, undefined, '10.8', 'REFERENCE.md §10 #11 (DD burn_rate.md)'],
    [4999.999999999995, undefined, '5000', 'REFERENCE.md §10 #31 (F consumed, test_report.py)'],
    [0.6000000000000004, undefined, '0.6', 'REFERENCE.md §10 #31 (F eb_minutes)'],
    [71.99999999999999, undefined, '72', 'REFERENCE.md §10 #34 (F eb_minutes)'],
    [500.0000000000001, undefined, '500', 'REFERENCE.md §10 #34 (F consumed)'],
    [-0.9999999999999982, 3, '-1', 'REFERENCE.md §10 #30 (F Pyrra tile remaining)'],
    [1.1864406779660996, 3, '1.186', 'REFERENCE.md §10 #42 (F consumed, Nobl9 gist)'],
    [1.005, 2, '1.01', 'decimal rounding, halves away from zero (binary Math.round gives 1)'],
    [-2.5, 0, '-3', 'halves away from zero on both sides'],
    [0.125, 2, '0.13', 'halves away from zero'],
    [2 / 3, 3, '0.667', 'ordinary rounding'],
    [1e21, 2, '1000000000000000000000', 'no exponent for large values'],
    [Infinity, undefined, 'Infinity', 'an unbounded time to exhaustion stays readable'],
  ];
  it.each(formatted)('formatDecimal(%d, %s) is %s (%s)', (value, digits, text) => {
    expect(formatDecimal(value, digits)).toBe(text);
  });

  it('never prints float noise for the sum of two short decimals (property)', () => {
    // Sums of non-negative values: the float error stays within an ulp of the result, far below
    // 12 significant digits. A difference of close values (999.95 − 999.88) amplifies the error
    // relative to its result; compute such values with exactSubtract, not with `-`.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (a, b) => {
        const x = a / 1000;
        const y = b / 1000;
        const text = formatDecimal(x + y);
        // At most three decimals: the noise digits (…0000000001) never show.
        expect(text).toMatch(/^-?\d+(\.\d{1,3})?$/);
        expect(Number(text)).toBe(exactAdd(x, y));
      }),
    );
  });
});

describe('edge cases', () => {
  it.each([Number.NaN, 'x' as unknown as number, undefined as unknown as number])(
    'formatDecimal and roundNoise reject %s with RangeError, never print "NaN"',
    (value) => {
      expect(() => formatDecimal(value)).toThrow(RangeError);
      expect(() => formatDecimal(value)).toThrow(/value must be a number/);
      expect(() => roundNoise(value)).toThrow(RangeError);
    },
  );

  it.each([-1, 1.5, 21, Number.NaN])('formatDecimal rejects maxFractionDigits %d', (digits) => {
    expect(() => formatDecimal(1, digits)).toThrow(
      /maxFractionDigits must be an integer from 0 to 20/,
    );
  });

  it.each([0, 16, 2.5, Number.NaN])('roundNoise rejects significant %d', (significant) => {
    expect(() => roundNoise(1, significant)).toThrow(/significant must be an integer from 1 to 15/);
  });

  it('keeps infinities in roundNoise', () => {
    expect(roundNoise(Infinity)).toBe(Infinity);
    expect(roundNoise(-Infinity)).toBe(-Infinity);
  });

  it('names the function and argument for non-finite input', () => {
    expect(() => exactDivide(1, Number.NaN)).toThrow(
      'exactDivide: b must be a finite number, got NaN',
    );
    expect(() => exactAdd(Infinity, 1)).toThrow(
      'exactAdd: a must be a finite number, got Infinity',
    );
    expect(() => exactDivide(1, 0)).toThrow('exactDivide: b must not be 0 (division by zero)');
  });

  it('refuses results beyond the largest double instead of returning Infinity', () => {
    expect(() => exactMultiply(1e300, 1e10)).toThrow(
      /exactMultiply\(1e\+300, 10000000000\) is beyond the largest double/,
    );
    expect(() => exactDivide(1e300, 1e-10)).toThrow(RangeError);
    expect(() => exactAdd(Number.MAX_VALUE, Number.MAX_VALUE)).toThrow(RangeError);
  });
});
