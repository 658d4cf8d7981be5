import { describe, expectTypeOf, it } from 'vitest';
import type { NinesPath } from '../errors.js';
import type { OpenSloDuration } from '../durations/index.js';
import {
  calendarWindow,
  calendarWindowFromOpenSlo,
  isValidTimeZone,
  formatWindow,
  nominalWindowLength,
  rollingWindow,
  toWindow,
  windowPeriod,
} from './index.js';
import type {
  CalendarUnit,
  CalendarWindow,
  CalendarWindowOptions,
  OpenSloCalendar,
  RollingWindow,
  SloWindow,
  WindowPeriod,
} from './index.js';

describe('windows types', () => {
  it('keeps the agreed signatures', () => {
    expectTypeOf(rollingWindow).parameter(0).toEqualTypeOf<string | number>();
    expectTypeOf(rollingWindow).returns.toEqualTypeOf<RollingWindow>();
    expectTypeOf(calendarWindow).returns.toEqualTypeOf<CalendarWindow>();
    expectTypeOf(toWindow).toEqualTypeOf<
      (input: string | number | SloWindow, path?: NinesPath) => SloWindow
    >();
    expectTypeOf(windowPeriod).toEqualTypeOf<(window: SloWindow, now: number) => WindowPeriod>();
    expectTypeOf(nominalWindowLength).toEqualTypeOf<(window: SloWindow) => number>();
    expectTypeOf(formatWindow).toEqualTypeOf<(window: SloWindow) => string>();
  });

  it('takes calendar options with only unit required', () => {
    expectTypeOf<CalendarWindowOptions>().toEqualTypeOf<{
      readonly unit: CalendarUnit;
      readonly count?: number;
      readonly timeZone?: string;
      readonly startTime?: string;
    }>();
    // @ts-expect-error: unit is required
    calendarWindow({ timeZone: 'UTC' });
    // @ts-expect-error: not a calendar unit
    calendarWindow({ unit: 'fortnight' });
  });

  it('reads OpenSLO calendar windows and checks zones', () => {
    expectTypeOf(calendarWindowFromOpenSlo).toEqualTypeOf<
      (
        duration: string | OpenSloDuration,
        calendar?: OpenSloCalendar,
        path?: NinesPath,
      ) => CalendarWindow
    >();
    expectTypeOf<OpenSloCalendar>().toEqualTypeOf<{
      readonly startTime?: string;
      readonly timeZone?: string;
    }>();
    expectTypeOf(isValidTimeZone).toEqualTypeOf<(timeZone: string) => boolean>();
  });

  it('discriminates windows on kind', () => {
    const window = toWindow('30d');
    if (window.kind === 'rolling') expectTypeOf(window.duration).toEqualTypeOf<number>();
    else expectTypeOf(window.timeZone).toEqualTypeOf<string>();
  });
});
