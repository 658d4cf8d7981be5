import { describe, expectTypeOf, it } from 'vitest';
import {
  exactAdd,
  exactDivide,
  exactMultiply,
  exactSubtract,
  formatDecimal,
  roundNoise,
} from './decimal.js';

describe('decimal types', () => {
  it('takes and returns plain numbers', () => {
    for (const fn of [exactAdd, exactSubtract, exactMultiply, exactDivide]) {
      expectTypeOf(fn).toEqualTypeOf<(a: number, b: number) => number>();
    }
    expectTypeOf(roundNoise).toEqualTypeOf<(value: number, significant?: number) => number>();
    expectTypeOf(formatDecimal).toEqualTypeOf<
      (value: number, maxFractionDigits?: number) => string
    >();
    // @ts-expect-error: decimals are numbers, not text
    exactAdd('0.1', 0.2);
  });
});
