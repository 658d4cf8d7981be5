import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { definePolicy, type PolicyInput } from './definePolicy.js';
import { pyrraPolicy } from './pyrraPolicy.js';
import { workbookPolicy } from './workbookPolicy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function issuesOf(
  input: unknown,
): { path: readonly (string | number)[]; code: string; message: string }[] {
  try {
    definePolicy(input as PolicyInput);
  } catch (error) {
    expect(error).toBeInstanceOf(NinesError);
    return (error as NinesError).issues.map((i) => ({
      path: i.path,
      code: i.code,
      message: i.message,
    }));
  }
  throw new Error('definePolicy did not throw');
}

describe('definePolicy', () => {
  it('derives the factor from a budget share and the short window as long/12', () => {
    // REFERENCE.md §10 #9 (slok/sloth examples/windows/custom-30d.yaml): 1%, 2%, 5%, 5% over 30m, 3h, 12h, 36h
    const policy = definePolicy({
      name: 'custom-30d',
      period: '30d',
      tiers: [
        {
          name: 'page-fast',
          severity: 'page',
          longWindow: '30m',
          shortWindow: '2m',
          budgetPercent: 1,
        },
        {
          name: 'page-slow',
          severity: 'page',
          longWindow: '3h',
          shortWindow: '15m',
          budgetPercent: 2,
        },
        {
          name: 'ticket-fast',
          severity: 'ticket',
          longWindow: '12h',
          shortWindow: '1h',
          budgetPercent: 5,
        },
        {
          name: 'ticket-slow',
          severity: 'ticket',
          longWindow: '36h',
          shortWindow: '3h',
          budgetPercent: 5,
        },
      ],
    });
    expect(policy.tiers.map((t) => t.factor)).toEqual([14.4, 4.8, 3, 1]);
    expect(policy.period).toBe(30 * DAY);
    expect(policy.name).toBe('custom-30d');
  });

  it('derives the budget share from a factor', () => {
    const policy = definePolicy({
      period: '28d',
      tiers: [{ severity: 'page', longWindow: '6h', factor: 5.6 }],
    });
    // 5.6 × 6 h / 672 h × 100 = 5% (REFERENCE.md §10 #7, inverted)
    expect(policy.tiers[0]).toEqual({
      name: 'page-0',
      severity: 'page',
      longWindow: 6 * HOUR,
      shortWindow: 30 * MINUTE,
      factor: 5.6,
      budgetPercent: 5,
    });
    expect(policy.name).toBe('custom');
    expect(policy).not.toHaveProperty('minEvents');
  });

  it('names tiers <severity>-<index> by default', () => {
    const policy = definePolicy({
      period: 30 * DAY,
      tiers: [
        { severity: 'page', longWindow: HOUR, factor: 14.4 },
        { severity: 'ticket', longWindow: '3d', factor: 1 },
      ],
    });
    expect(policy.tiers.map((t) => t.name)).toEqual(['page-0', 'ticket-1']);
  });

  it('rounds the default short window to whole seconds', () => {
    // 90 min / 12 = 7.5 min = 450 s exactly; 100 s / 12 = 8.33 s ⇒ 8 s
    const policy = definePolicy({
      period: '30d',
      tiers: [
        { severity: 'page', longWindow: '1h30m', factor: 10 },
        { severity: 'page', longWindow: '100s', factor: 10 },
      ],
    });
    expect(policy.tiers.map((t) => t.shortWindow)).toEqual([450_000, 8_000]);
  });

  it('keeps `for` and minEvents', () => {
    const policy = definePolicy({
      period: '30d',
      minEvents: 25,
      tiers: [
        { severity: 'page', longWindow: '1h', factor: 14.4, for: '2m' },
        { severity: 'page', longWindow: '6h', factor: 6, for: '0s' },
        { severity: 'page', longWindow: '1d', factor: 3, for: 0 },
      ],
    });
    expect(policy.tiers.map((t) => t.for)).toEqual([2 * MINUTE, 0, 0]);
    expect(policy.minEvents).toBe(25);
  });

  it.each([
    ['workbook', workbookPolicy()],
    ['workbook 28d', workbookPolicy('28d')],
    ['pyrra 30d', pyrraPolicy('30d')],
  ])('accepts a %s policy back unchanged (factor and budgetPercent agree)', (_label, policy) => {
    expect(definePolicy(policy)).toEqual(policy);
  });

  describe('edge cases', () => {
    it('reports every problem at once, with paths', () => {
      const issues = issuesOf({
        period: '30d',
        tiers: [
          { name: 'a', severity: 'page', longWindow: '1h', shortWindow: '1h', factor: 14.4 },
          { name: 'b', severity: 'page', longWindow: '1h', factor: -1 },
          { name: 'a', severity: 'page', longWindow: '45d', budgetPercent: 2 },
          { severity: 'page', longWindow: '1x', factor: 2 },
          { severity: 'page', longWindow: '6h' },
          { severity: '', longWindow: '6h', factor: 6, for: '-1m' },
          { severity: 'page', longWindow: '1h', factor: 14.4, budgetPercent: 3 },
        ],
        minEvents: 1.5,
      });
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ['INVALID_POLICY', ['tiers', 0, 'shortWindow']],
        ['INVALID_POLICY', ['tiers', 1, 'factor']],
        ['INVALID_POLICY', ['tiers', 2, 'longWindow']],
        ['INVALID_DURATION', ['tiers', 3, 'longWindow']],
        ['INVALID_POLICY', ['tiers', 4]],
        ['INVALID_POLICY', ['tiers', 5, 'severity']],
        ['INVALID_DURATION', ['tiers', 5, 'for']],
        ['INVALID_POLICY', ['tiers', 6, 'budgetPercent']],
        ['INVALID_POLICY', ['tiers', 2, 'name']],
        ['INVALID_POLICY', ['minEvents']],
      ]);
      expect(issues[0]?.message).toBe(
        'shortWindow 1h must be shorter than longWindow 1h; the SRE Workbook uses long/12 (5m)',
      );
      expect(issues[2]?.message).toMatch(/longWindow 45d is longer than the period 30d/);
      expect(issues[6]?.message).toMatch(/must be a duration 0 or more|Invalid duration "-1m"/);
      expect(issues[7]?.message).toBe(
        'budgetPercent 3 does not match factor 14.4: over a 1h window of a 30d period, factor 14.4 spends 2% and 3% needs factor 21.6; give one of them and let the other be derived',
      );
      expect(issues[8]?.message).toMatch(/tier name "a" is already used by tiers\[0\]/);
    });

    it('formats the thrown error with every issue on its own line', () => {
      expect(() =>
        definePolicy({
          period: '30d',
          tiers: [
            { severity: 'page', longWindow: '1h', factor: 0 },
            { severity: 'page', longWindow: '1h', factor: Number.NaN },
          ],
        }),
      ).toThrow(
        /2 problems:\ntiers\[0\]\.factor: factor must be a burn-rate factor above 0 \(e\.g\. 14\.4\), got 0\ntiers\[1\]\.factor: .*got NaN/,
      );
    });

    it.each([
      [{ period: '0s', tiers: [{ severity: 'page', longWindow: '1h', factor: 1 }] }, [['period']]],
      [{ period: '1M', tiers: [{ severity: 'page', longWindow: '1h', factor: 1 }] }, [['period']]],
      [{ period: '30d', tiers: [] }, [['tiers']]],
      [{ period: '30d' }, [['tiers']]],
      [{ period: '30d', tiers: [null] }, [['tiers', 0]]],
      [
        { name: '', period: '30d', tiers: [{ severity: 'page', longWindow: '1h', factor: 1 }] },
        [['name']],
      ],
      [
        { period: '30d', tiers: [{ severity: 'page', longWindow: '5s', factor: 1 }] },
        [['tiers', 0, 'shortWindow']],
      ],
      [
        { period: '30d', tiers: [{ severity: 'page', longWindow: 1.5, factor: 1 }] },
        [['tiers', 0, 'longWindow']],
      ],
    ])('rejects %j', (input, paths) => {
      expect(issuesOf(input).map((i) => i.path)).toEqual(paths);
    });

    it('skips the period check of windows when the period itself is bad', () => {
      const issues = issuesOf({
        period: 'soon',
        tiers: [{ severity: 'page', longWindow: '1h', factor: 14.4 }],
      });
      expect(issues.map((i) => i.path)).toEqual([['period']]);
    });
  });
});

describe('window pair and for, explicit (REFERENCE.md §11.2 #9)', () => {
  it('defaults the short window to long/12 and keeps for only where given', () => {
    // WB-5 approach 6 and Datadog: short = long/12 (1h ⇒ 5m, 6h ⇒ 30m); Pyrra adds for, Sloth not.
    const policy = definePolicy({
      period: '30d',
      tiers: [
        { name: 'fast', severity: 'page', longWindow: '1h', factor: 14.4, for: '2m' },
        { name: 'slow', severity: 'page', longWindow: '6h', factor: 6 },
      ],
    });
    expect(policy.tiers.map((tier) => [tier.longWindow, tier.shortWindow, tier.for])).toEqual([
      [HOUR, 5 * MINUTE, 2 * MINUTE],
      [6 * HOUR, 30 * MINUTE, undefined],
    ]);
    expect('for' in policy.tiers[1]!).toBe(false);
  });
});

describe('input from plain JavaScript', () => {
  it.each([null, '30d', []])('rejects %j as a policy with INVALID_POLICY', (input) => {
    expect(() => definePolicy(input as never)).toThrow(NinesError);
    expect(() => definePolicy(input as never)).toThrow(
      /a policy must be an object \{ period, tiers, name\?, minEvents\? \}/,
    );
  });

  it.each([null, '2m', []])(
    'rejects %j as workbookPolicy options with INVALID_POLICY',
    (options) => {
      expect(() => workbookPolicy('30d', options as never)).toThrow(
        /options must be an object \{ minEvents\?, for\? \}/,
      );
    },
  );
});
