import { describe, expectTypeOf, it } from 'vitest';
import type { NinesPath } from '../errors.js';
import {
  formatDuration,
  formatHumanDuration,
  formatOpenSloDuration,
  isCalendarUnit,
  openSloDurationFromMilliseconds,
  openSloDurationToMilliseconds,
  parseDuration,
  parseOpenSloDuration,
  toDuration,
} from './index.js';
import type { OpenSloCalendarUnit, OpenSloDuration, OpenSloDurationUnit } from './index.js';

describe('durations types', () => {
  it('keeps the agreed signatures', () => {
    expectTypeOf(parseDuration).toEqualTypeOf<(text: string) => number>();
    expectTypeOf(formatDuration).toEqualTypeOf<(ms: number) => string>();
    expectTypeOf(formatHumanDuration).toEqualTypeOf<(ms: number) => string>();
    expectTypeOf(toDuration).toEqualTypeOf<(input: string | number, path?: NinesPath) => number>();
    expectTypeOf(parseOpenSloDuration).returns.toEqualTypeOf<OpenSloDuration>();
    expectTypeOf(openSloDurationToMilliseconds).returns.toEqualTypeOf<number>();
    expectTypeOf(formatOpenSloDuration).parameter(0).toEqualTypeOf<OpenSloDuration>();
    expectTypeOf(openSloDurationFromMilliseconds).toEqualTypeOf<
      (ms: number, path?: NinesPath) => OpenSloDuration
    >();
    expectTypeOf(parseOpenSloDuration).toEqualTypeOf<
      (text: string, path?: NinesPath) => OpenSloDuration
    >();
  });

  it('spells the OpenSLO units case-sensitively', () => {
    expectTypeOf<OpenSloDurationUnit>().toEqualTypeOf<'m' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y'>();
    expectTypeOf<OpenSloDuration>().toEqualTypeOf<{
      readonly count: number;
      readonly unit: OpenSloDurationUnit;
    }>();
    const units: OpenSloDurationUnit[] = ['m', 'M'];
    // @ts-expect-error: 'y' is Prometheus, not OpenSLO
    units.push('y');
  });

  it('narrows calendar units', () => {
    const unit = parseOpenSloDuration('1M').unit;
    if (isCalendarUnit(unit)) expectTypeOf(unit).toEqualTypeOf<OpenSloCalendarUnit>();
    else expectTypeOf(unit).toEqualTypeOf<'m' | 'h' | 'd' | 'w'>();
  });
});
