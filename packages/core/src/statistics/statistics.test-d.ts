import { describe, expectTypeOf, it } from 'vitest';
import { targetFromPercent } from '../objectives/target.js';
import { minimumEvents, sloVerdict, wilsonInterval } from './index.js';
import type { SloVerdictKind, WilsonInterval } from './index.js';

describe('statistics types', () => {
  it('returns an interval and a three-way verdict', () => {
    expectTypeOf(wilsonInterval(1, 2)).toEqualTypeOf<WilsonInterval>();
    expectTypeOf(sloVerdict(1, 2, 0.9).verdict).toEqualTypeOf<SloVerdictKind>();
    expectTypeOf<SloVerdictKind>().toEqualTypeOf<'met' | 'violated' | 'inconclusive'>();
    expectTypeOf(minimumEvents(0.999, 0.01)).toEqualTypeOf<number>();
  });

  it('accepts a fraction or a Target', () => {
    expectTypeOf(sloVerdict).toBeCallableWith(1, 2, targetFromPercent(99.9));
    expectTypeOf(minimumEvents).toBeCallableWith(targetFromPercent(99), 0.1);
    // @ts-expect-error: a target is not a string
    sloVerdict(1, 2, '99.9%');
  });

  it('takes z or confidence as options', () => {
    expectTypeOf(wilsonInterval).toBeCallableWith(1, 2, { confidence: 0.99 });
    expectTypeOf(wilsonInterval).toBeCallableWith(1, 2, { z: 2.58 });
    // @ts-expect-error: unknown option `level`
    wilsonInterval(1, 2, { level: 0.95 });
  });
});
