import { describe, expect, it } from 'vitest';
import { definePolicy } from './definePolicy.js';
import { describeTier } from './describeTier.js';
import type { BurnRateTier } from './types.js';
import { workbookPolicy } from './workbookPolicy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PERIOD = 30 * DAY;

function tierWithFactor(factor: number): BurnRateTier {
  return definePolicy({ period: '30d', tiers: [{ severity: 'page', longWindow: '1h', factor }] })
    .tiers[0]!;
}

describe('describeTier', () => {
  it('summarises the Workbook page at 99.9% over 30 d', () => {
    expect(describeTier(workbookPolicy().tiers[0]!, 0.999, PERIOD)).toEqual({
      name: 'page-fast',
      severity: 'page',
      factor: 14.4,
      longWindow: HOUR,
      shortWindow: 5 * MINUTE,
      for: 0,
      threshold: 0.0144,
      reachable: true,
      detectionTimeOnOutage: 51_840,
      resetTime: 5 * MINUTE,
      budgetSpentAtFire: 0.02,
      timeToExhaust: 50 * HOUR,
    });
  });

  it.each([
    // REFERENCE.md §10 #15 (WB-5 Table 5-4; DD burn_rate.md): 30 d / BR
    [1, 30 * DAY],
    [2, 15 * DAY],
    [3, 10 * DAY],
    // REFERENCE.md §10 #14 (DD burn_rate.md): error rate 0.01 at 99.9% is BR 10 ⇒ 3 d
    [10, 3 * DAY],
    // REFERENCE.md §10 #12 (WB-5): 35× exhausts the budget in 720/35 = 20.57 h
    [35, 2_592_000_000 / 35],
    // REFERENCE.md §10 #1 / #39 (WB-5 Table 5-4): BR 1,000 ⇒ 43.2 min
    [1000, 43.2 * MINUTE],
  ])('a factor of %s exhausts a 30 d budget in %s ms', (factor, expected) => {
    expect(describeTier(tierWithFactor(factor), 0.999, PERIOD).timeToExhaust).toBe(expected);
  });

  it('shows why 35× never trips a 36× single-window alert yet exhausts the budget in 20.5 h', () => {
    // REFERENCE.md §10 #12 (WB-5 approach 4): BR 36 = 5% of 30 d in 1 h; 35 × 0.001 = 3.5% errors
    const tier = tierWithFactor(36);
    const d = describeTier(tier, 0.999, PERIOD);
    expect(d.budgetSpentAtFire).toBe(0.05);
    expect(d.threshold).toBe(0.036);
    expect(describeTier(tierWithFactor(35), 0.999, PERIOD).timeToExhaust / HOUR).toBeCloseTo(
      20.57,
      2,
    );
  });

  it('marks an unreachable tier', () => {
    // REFERENCE.md §10 #38 (WB-5): 90% target, 14.4 × 0.1 = 1.44
    const d = describeTier(workbookPolicy().tiers[0]!, 0.9, PERIOD);
    expect(d.threshold).toBe(1.44);
    expect(d.reachable).toBe(false);
    expect(d.detectionTimeOnOutage).toBe(Number.POSITIVE_INFINITY);
  });

  describe('edge cases', () => {
    it('rejects a bad period or factor', () => {
      expect(() => describeTier(workbookPolicy().tiers[0]!, 0.999, 0)).toThrow(RangeError);
      expect(() =>
        describeTier({ ...workbookPolicy().tiers[0]!, factor: 0 }, 0.999, PERIOD),
      ).toThrow(RangeError);
    });
  });
});
