import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NinesError } from '../errors.js';
import { defineObjective } from '../objectives/index.js';
import type { ObjectiveInput } from '../objectives/types.js';
import { definePolicy } from '../policies/index.js';
import { estimateMemory, storageLayout } from './layout.js';
import {
  calendarResolution,
  longestPeriod,
  resolutionFor,
  RESOLUTION_LADDER,
} from './resolution.js';

const KIB = 1024;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function objective(input: Partial<ObjectiveInput> = {}) {
  return defineObjective({
    id: 'api',
    targetPercent: 99.9,
    window: '30d',
    sli: { kind: 'events' },
    ...input,
  });
}

const month = { kind: 'calendar', unit: 'month', count: 1, timeZone: 'UTC' } as const;

describe('storageLayout', () => {
  test('99.9%/30d with the Workbook tiers: one ring per window, 41,024 bytes', () => {
    const layout = storageLayout(objective());
    // Workbook windows 5m, 30m, 1h, 2h, 6h, 1d, 3d (REFERENCE.md §2.1) plus the 30d period.
    expect(layout.rings.map((r) => [r.resolution, r.buckets, r.windows])).toEqual([
      [1_000, 301, [5 * MINUTE]],
      [5_000, 361, [30 * MINUTE]],
      [10_000, 361, [HOUR]],
      [30_000, 241, [2 * HOUR]],
      [60_000, 361, [6 * HOUR]],
      [5 * MINUTE, 289, [DAY]],
      [15 * MINUTE, 289, [3 * DAY]],
      [2 * HOUR, 361, [30 * DAY]],
    ]);
    expect(layout.periodRing).toBe(7);
    expect(layout.slices).toBeNull();
    expect(layout.bytes).toBe(41_024);
  });

  test('memory bound: a 30-day Workbook objective stays under 256 KiB with every budgeting method', () => {
    // The brief's bound; 30 days of 1-minute slices are 43,201 verdicts or ratios.
    const cases = [
      [objective(), 41_024],
      [
        objective({ budgeting: { method: 'timeslices', slice: '1m', sliceTarget: 0.99 } }),
        41_024 + 43_201,
      ],
      [objective({ budgeting: { method: 'ratio-timeslices', slice: '1m' } }), 41_024 + 4 * 43_201],
    ] as const;
    for (const [o, bytes] of cases) {
      expect(estimateMemory(o)).toBe(bytes);
      expect(estimateMemory(o)).toBeLessThanOrEqual(256 * KIB);
    }
  });

  test('a calendar month reads its period from 15-minute buckets (exact at local midnights)', () => {
    const layout = storageLayout(objective({ window: month }));
    const period = layout.rings[layout.periodRing];
    expect(period?.resolution).toBe(15 * MINUTE);
    // 31 days + 2 h of DST slack, plus the open bucket; the 3d window shares the ring.
    expect(period?.buckets).toBe((31 * DAY + 2 * HOUR) / (15 * MINUTE) + 1);
    expect(period?.windows).toEqual([3 * DAY]);
    expect(layout.bytes).toBe(78_384);
    expect(layout.bytes).toBeLessThanOrEqual(256 * KIB);
  });

  test('alerting off: the period ring only', () => {
    const layout = storageLayout(objective({ alerting: false }));
    expect(layout.rings).toEqual([
      { resolution: 2 * HOUR, buckets: 361, windows: [30 * DAY], bytes: 361 * 16 },
    ]);
  });

  test('windows sharing a resolution share a ring as long as the longest', () => {
    const policy = definePolicy({
      period: '30d',
      tiers: [{ name: 'a', severity: 'page', longWindow: '1h', shortWindow: '50m', factor: 14.4 }],
    });
    const layout = storageLayout(objective({ alerting: policy }));
    expect(layout.rings[0]).toEqual({
      resolution: 10_000,
      buckets: 361,
      windows: [50 * MINUTE, HOUR],
      bytes: 361 * 16,
    });
  });
});

describe('resolutionFor', () => {
  test('every window gets 144 to 360 buckets (edge error under 0.7%) from 6 min to 360 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 360_000, max: 360 * DAY }), (span) => {
        const buckets = Math.ceil(span / resolutionFor(span));
        expect(buckets).toBeLessThanOrEqual(360);
        expect(buckets).toBeGreaterThanOrEqual(144);
      }),
    );
  });

  test('every resolution divides a day, so buckets align across restarts and instances', () => {
    for (const r of RESOLUTION_LADDER) expect(DAY % r).toBe(0);
  });

  test.each([
    ['5m', 5 * MINUTE, 1_000],
    ['1h (the brief: 10 s buckets for 1 h)', HOUR, 10_000],
    ['30d', 30 * DAY, 2 * HOUR],
    ['1 s', 1_000, 1_000],
    ['2 years: capped at 1 day', 730 * DAY, DAY],
  ])('%s', (_, span, expected) => {
    expect(resolutionFor(span)).toBe(expected);
  });

  test.each([
    ['day', { ...month, unit: 'day' }, 5 * MINUTE],
    ['week', { ...month, unit: 'week' }, 15 * MINUTE],
    ['month', month, 15 * MINUTE],
    ['quarter', { ...month, unit: 'quarter' }, HOUR],
    ['year', { ...month, unit: 'year' }, 3 * HOUR],
  ] as const)('calendar %s', (_, window, expected) => {
    expect(calendarResolution(longestPeriod(window))).toBe(expected);
  });
});

describe('edge cases', () => {
  test.each([
    ['null', null, [], /got null/],
    ['undefined', undefined, [], /got undefined/],
    ['a string', 'api', [], /got "api"/],
    ['an array', [], [], /got an array/],
    [
      'an object without id',
      { window: {}, budgeting: {} },
      ['id'],
      /id must be a string, got undefined/,
    ],
    [
      'an objective without a window',
      { ...objective(), window: undefined },
      ['window'],
      /window must be a rolling or calendar window, got undefined/,
    ],
    [
      'an objective with an unknown window kind',
      { ...objective(), window: { kind: 'sliding' } },
      ['window'],
      /got an object/,
    ],
    [
      'an objective without budgeting',
      { ...objective(), budgeting: null },
      ['budgeting'],
      /budgeting must be an object with a method, got null/,
    ],
    [
      'an objective whose alerting has no tiers',
      { ...objective(), alerting: {} },
      ['alerting'],
      /alerting must be a policy with tiers or undefined, got an object/,
    ],
  ] as const)('%s is refused with INVALID_ARGUMENT naming it', (_, value, path, message) => {
    for (const [name, fn] of [
      ['storageLayout', storageLayout],
      ['estimateMemory', estimateMemory],
    ] as const) {
      const call = () => fn(value as never);
      expect(call).toThrow(
        expect.objectContaining({ name: 'NinesError', code: 'INVALID_ARGUMENT', path }),
      );
      expect(call).toThrow(message);
      expect(call).toThrow(new RegExp(`^${name} needs an objective from defineObjective`));
    }
  });

  test('more than 1,000,000 slices is refused with the path of the slice', () => {
    const o = objective({ budgeting: { method: 'timeslices', slice: '1s', sliceTarget: 0.9 } });
    expect(() => storageLayout(o)).toThrow(NinesError);
    try {
      storageLayout(o);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_BUDGETING', path: ['budgeting', 'slice'] });
    }
  });
});
