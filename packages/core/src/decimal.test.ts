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
    expect(formatDecimal(Number.NaN)).toBe('NaN');
  });
});
