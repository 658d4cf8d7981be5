import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { calendarWindow } from './calendarWindow.js';
import { formatWindow } from './formatWindow.js';
import { nominalWindowLength } from './nominalWindowLength.js';
import { rollingWindow } from './rollingWindow.js';
import type { SloWindow } from './types.js';
import { windowPeriod } from './windowPeriod.js';

const NOW = Date.UTC(2026, 5, 16);

/** Every reader of a window, called on the same (possibly hand-built) window. */
const readers: [string, (window: SloWindow) => unknown][] = [
  ['windowPeriod', (window) => windowPeriod(window, NOW)],
  ['nominalWindowLength', (window) => nominalWindowLength(window)],
  ['formatWindow', (window) => formatWindow(window)],
];

describe('hand-built windows given to the readers', () => {
  // [window, fragment of the message]
  const bad: [unknown, RegExp][] = [
    [null, /window must be a rolling or calendar window .*got null/],
    [undefined, /got undefined/],
    ['30d', /got "30d"/],
    [{}, /got an object with kind undefined/],
    [{ kind: 'sliding', duration: 1 }, /got an object with kind "sliding"/],
    [
      { kind: 'rolling' },
      /duration must be a positive whole number of milliseconds, got undefined/,
    ],
    [{ kind: 'rolling', duration: Number.NaN }, /malformed window: Invalid duration NaN/],
    [{ kind: 'rolling', duration: -1 }, /malformed window: Invalid duration -1/],
    [{ kind: 'rolling', duration: 1.5 }, /malformed window: Invalid duration 1.5/],
    [
      { kind: 'calendar', unit: 'fortnight', count: 1, timeZone: 'UTC' },
      /Invalid calendar unit "fortnight"/,
    ],
    [
      { kind: 'calendar', unit: 'month', count: 0, timeZone: 'UTC' },
      /count 0: expected a positive integer/,
    ],
    [
      { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Mars/Olympus' },
      /Unknown time zone "Mars\/Olympus"/,
    ],
  ];
  for (const [name, read] of readers) {
    it.each(bad)(
      `${name} rejects %j with RangeError, never NaN or "undefined" text`,
      (window, message) => {
        expect(() => read(window as SloWindow)).toThrow(RangeError);
        expect(() => read(window as SloWindow)).toThrow(message);
        expect(() => read(window as SloWindow)).toThrow(new RegExp(`^${name}: `));
      },
    );
  }

  it('keeps the builder error as the cause', () => {
    let caught: unknown;
    try {
      nominalWindowLength({ kind: 'rolling', duration: 0 });
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).cause).toBeInstanceOf(NinesError);
    expect(((caught as Error).cause as NinesError).code).toBe('INVALID_DURATION');
  });

  it('accepts well-formed hand-built windows, like the built ones', () => {
    const month = { kind: 'calendar', unit: 'month', count: 1, timeZone: 'UTC' } as const;
    expect(nominalWindowLength(month)).toBe(nominalWindowLength(calendarWindow({ unit: 'month' })));
    expect(formatWindow({ kind: 'rolling', duration: 2_592_000_000 })).toBe('30d');
    expect(windowPeriod(rollingWindow('1h'), 7_200_000)).toEqual({
      start: 3_600_000,
      end: 7_200_000,
      length: 3_600_000,
      elapsed: 3_600_000,
      elapsedShare: 1,
    });
  });
});
