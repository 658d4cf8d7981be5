import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { formatDuration } from '../durations/index.js';
import { describeTier } from './describeTier.js';
import { pyrraPolicy } from './pyrraPolicy.js';
import { tierThreshold } from './tierThreshold.js';
import { detectionTime } from './timing.js';
import { validatePolicy } from './validatePolicy.js';

const DAY = 86_400_000;

function windows(period: string): string[][] {
  return pyrraPolicy(period).tiers.map((t) => [
    formatDuration(t.shortWindow),
    formatDuration(t.longWindow),
    formatDuration(t.for ?? 0),
  ]);
}

describe('pyrraPolicy', () => {
  it('gives the 28d windows, for, factors and severities', () => {
    // REFERENCE.md §10 #23 (rules_test.go Test_windows)
    const policy = pyrraPolicy('28d');
    expect(policy.name).toBe('pyrra');
    expect(windows('28d')).toEqual([
      ['5m', '1h', '2m'],
      ['30m', '6h', '15m'],
      ['2h', '1d', '1h'],
      ['6h', '4d', '3h'],
    ]);
    expect(policy.tiers.map((t) => t.factor)).toEqual([14, 7, 2, 1]);
    expect(policy.tiers.map((t) => t.severity)).toEqual([
      'critical',
      'critical',
      'warning',
      'warning',
    ]);
  });

  it.each([
    // REFERENCE.md §10 #24 (rules_test.go grpc-latency)
    [
      '7d',
      [
        ['1m', '15m', '1m'],
        ['8m', '1h30m', '4m'],
        ['30m', '6h', '15m'],
        ['1h30m', '1d', '45m'],
      ],
    ],
    // REFERENCE.md §10 #25 (rules_test.go operator-ratio)
    [
      '14d',
      [
        ['3m', '30m', '1m'],
        ['15m', '3h', '8m'],
        ['1h', '12h', '30m'],
        ['3h', '2d', '1h30m'],
      ],
    ],
    // REFERENCE.md §10 #26 / §2.3 (computed from rules.go)
    [
      '30d',
      [
        ['5m', '1h4m', '2m'],
        ['32m', '6h26m', '16m'],
        ['2h9m', '1d1h43m', '1h4m'],
        ['6h26m', '4d6h51m', '3h13m'],
      ],
    ],
    [
      '90d',
      [
        ['16m', '3h13m', '6m'],
        ['1h36m', '19h17m', '48m'],
        ['6h26m', '3d5h9m', '3h13m'],
        ['19h17m', '12d20h34m', '9h39m'],
      ],
    ],
  ] as const)('scales and rounds the windows for %s like Pyrra', (period, expected) => {
    expect(windows(period)).toEqual(expected);
    expect(pyrraPolicy(period).tiers.map((t) => t.factor)).toEqual([14, 7, 2, 1]);
  });

  it.each([
    // REFERENCE.md §10 #27 (28d: 2d, 4d, 2w, 4w), #24 (7d: 12h, 1d, 3d12h, 1w), #25 (14d: 1d, 2d, 1w, 2w)
    ['28d', ['2d', '4d', '2w', '4w']],
    ['7d', ['12h', '1d', '3d12h', '1w']],
    ['14d', ['1d', '2d', '1w', '2w']],
  ] as const)(
    "exhausts the %s budget like Pyrra's exhaustion label (period / factor)",
    (period, expected) => {
      const policy = pyrraPolicy(period);
      expect(
        policy.tiers.map((t) => formatDuration(describeTier(t, 0.99, policy.period).timeToExhaust)),
      ).toEqual(expected);
    },
  );

  it("derives each tier's budget share from its fixed factor", () => {
    // 14 × 1 h / 672 h × 100 = 2.0833…%; 7 × 6/672 = 6.25%; 2 × 24/672 = 7.142…%; 1 × 96/672 = 14.285…% (computed)
    expect(pyrraPolicy('28d').tiers.map((t) => t.budgetPercent)).toEqual([
      2.0833333333333335, 6.25, 7.142857142857143, 14.285714285714286,
    ]);
    expect(validatePolicy(pyrraPolicy('28d'), 0.99)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    // REFERENCE.md §10 #27 (rules_test.go): threshold text `(14 * (1-0.99))`, `(14 * (1-0.995))`
    [0.99, 0.14],
    [0.995, 0.07],
  ])('gives the first tier the threshold 14 × (1 − %s) = %s', (target, threshold) => {
    expect(tierThreshold(pyrraPolicy('28d').tiers[0]!, target)).toBe(threshold);
  });

  it.each([
    // REFERENCE.md §10 #28 (rules_test.go IncreaseRules): Pyrra's absent `for` is the first tier's
    // detection time on a total outage plus its `for`: 624 s ⇒ 10m, 372 s ⇒ 6m after rounding
    [0.99, 624_000],
    [0.995, 372_000],
  ])("detects a total outage at %s after %s ms like Pyrra's absent alert", (target, ms) => {
    expect(detectionTime(pyrraPolicy('28d').tiers[0]!, target, 1)).toBe(ms);
  });

  it('accepts milliseconds', () => {
    expect(pyrraPolicy(28 * DAY)).toEqual(pyrraPolicy('4w'));
  });

  describe('edge cases', () => {
    it("rounds a half minute up, as Go's Duration.Round does", () => {
      // 7d / 20160 = 30 s exactly ⇒ 1m (REFERENCE.md §10 #24, first tier's `for`)
      expect(pyrraPolicy('7d').tiers[0]?.for).toBe(60_000);
    });

    it('leaves out a `for` that rounds to 0', () => {
      // 3d / 20160 = 12.857 s ⇒ 0m (computed)
      expect(pyrraPolicy('3d').tiers[0]).not.toHaveProperty('for');
    });

    it('rejects a period whose short window rounds to 0 minutes', () => {
      // 2d / 8064 = 21.4 s ⇒ 0m (computed)
      expect(() => pyrraPolicy('2d')).toThrow(
        expect.objectContaining({ code: 'INVALID_POLICY', path: ['period'] }),
      );
      expect(() => pyrraPolicy('2d')).toThrow(
        /rounds to 0 minutes; use a period of at least 2d19h12m/,
      );
    });

    it('rejects a bad period', () => {
      expect(() => pyrraPolicy('-28d')).toThrow(/Invalid duration/);
      expect(() => pyrraPolicy(0)).toThrow(NinesError);
    });
  });
});
