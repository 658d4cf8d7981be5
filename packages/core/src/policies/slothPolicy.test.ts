import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { formatDuration } from '../durations/index.js';
import { slothPolicy, type SlothPeriod } from './slothPolicy.js';
import { validatePolicy } from './validatePolicy.js';

const DAY = 86_400_000;

describe('slothPolicy', () => {
  it.each([
    // REFERENCE.md §10 #6 (alert_test.go, google-30d.yaml)
    ['30d', 30, [2, 5, 10, 10], [14.4, 6, 3, 1]],
    // REFERENCE.md §10 #7 (alert_test.go, google-28d.yaml): exact where Sloth prints 5.6000000000000005, 2.8000000000000003
    ['28d', 28, [2, 5, 10, 10], [13.44, 5.6, 2.8, 0.9333333333333333]],
    // REFERENCE.md §10 #8 (alert_test.go, examples/windows/7d.yaml): exact where Sloth prints 1.4000000000000001
    ['7d', 7, [8, 12.5, 20, 42], [13.44, 3.5, 1.4, 0.98]],
  ] as const)('matches the %s catalog', (period, days, percents, factors) => {
    const policy = slothPolicy(period);
    expect(policy.name).toBe(`sloth-${period}`);
    expect(policy.period).toBe(days * DAY);
    expect(policy.tiers.map((t) => t.budgetPercent)).toEqual(percents);
    expect(policy.tiers.map((t) => t.factor)).toEqual(factors);
    expect(policy.tiers.map((t) => t.severity)).toEqual(['page', 'page', 'ticket', 'ticket']);
    expect(policy.tiers.every((t) => t.for === undefined)).toBe(true);
    expect(validatePolicy(policy, 0.999)).toEqual({ errors: [], warnings: [] });
  });

  it('uses the window pairs Sloth records for 30d', () => {
    // REFERENCE.md §10 #20 (out-base.yaml.tpl): page (5m, 1h)@14.4 OR (30m, 6h)@6;
    // ticket (2h, 1d)@3 OR (6h, 3d)@1; SLI records 5m, 30m, 1h, 2h, 6h, 1d, 3d (+ 30d period)
    const policy = slothPolicy('30d');
    expect(
      policy.tiers.map((t) => [
        t.severity,
        formatDuration(t.shortWindow),
        formatDuration(t.longWindow),
        t.factor,
      ]),
    ).toEqual([
      ['page', '5m', '1h', 14.4],
      ['page', '30m', '6h', 6],
      ['ticket', '2h', '1d', 3],
      ['ticket', '6h', '3d', 1],
    ]);
    const windows = new Set(policy.tiers.flatMap((t) => [t.shortWindow, t.longWindow]));
    expect([...windows].sort((a, b) => a - b).map(formatDuration)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
    expect(formatDuration(policy.period)).toBe('30d');
  });

  describe('edge cases', () => {
    it('refuses a period Sloth has no catalog for (42d, as Sloth does)', () => {
      // REFERENCE.md §2.2: "An unknown period is an error (test for 42d)"
      expect(() => slothPolicy('42d' as SlothPeriod)).toThrow(NinesError);
      expect(() => slothPolicy('42d' as SlothPeriod)).toThrow(/30d, 28d and 7d only, got "42d"/);
      expect(() => slothPolicy('toString' as SlothPeriod)).toThrow(NinesError);
    });
  });
});
