import { describe, expectTypeOf, it } from 'vitest';
import {
  formatTarget,
  OBJECTIVE_ID_PATTERN,
  targetFromFraction,
  targetFromPercent,
  toTarget,
} from './index.js';
import type { Target, TargetInput } from './index.js';

describe('target types', () => {
  it('keeps a target as three exact readonly numbers', () => {
    expectTypeOf<Target>().toEqualTypeOf<{
      readonly fraction: number;
      readonly percent: number;
      readonly errorBudget: number;
    }>();
    expectTypeOf<TargetInput>().toEqualTypeOf<number | Target>();
    const target = targetFromPercent(99.9);
    // @ts-expect-error: a target is immutable
    target.fraction = 0.99;
  });

  it('builds and accepts targets', () => {
    expectTypeOf(targetFromFraction).toEqualTypeOf<(fraction: number) => Target>();
    expectTypeOf(targetFromPercent).toEqualTypeOf<(percent: number) => Target>();
    expectTypeOf(toTarget).toEqualTypeOf<(input: TargetInput) => Target>();
    expectTypeOf(formatTarget).toEqualTypeOf<(target: TargetInput) => string>();
    expectTypeOf(OBJECTIVE_ID_PATTERN).toEqualTypeOf<RegExp>();
    // @ts-expect-error: percent text is not a target
    toTarget('99.9%');
  });
});
