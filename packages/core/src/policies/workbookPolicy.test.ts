import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { validatePolicy } from './validatePolicy.js';
import { workbookPolicy } from './workbookPolicy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('workbookPolicy', () => {
  it('gives the Workbook tiers for 30 days by default', () => {
    // REFERENCE.md §2.1 Table 5-8 and the chapter's 1d/2h example pair; §10 #6 (alert_test.go)
    const policy = workbookPolicy();
    expect(policy.name).toBe('workbook');
    expect(policy.period).toBe(30 * DAY);
    expect(policy.tiers).toEqual([
      {
        name: 'page-fast',
        severity: 'page',
        longWindow: HOUR,
        shortWindow: 5 * MINUTE,
        factor: 14.4,
        budgetPercent: 2,
      },
      {
        name: 'page-slow',
        severity: 'page',
        longWindow: 6 * HOUR,
        shortWindow: 30 * MINUTE,
        factor: 6,
        budgetPercent: 5,
      },
      {
        name: 'ticket-fast',
        severity: 'ticket',
        longWindow: DAY,
        shortWindow: 2 * HOUR,
        factor: 3,
        budgetPercent: 10,
      },
      {
        name: 'ticket-slow',
        severity: 'ticket',
        longWindow: 3 * DAY,
        shortWindow: 6 * HOUR,
        factor: 1,
        budgetPercent: 10,
      },
    ]);
    expect(policy).not.toHaveProperty('minEvents');
  });

  it.each([
    // REFERENCE.md §10 #6 (30d) and #7 (28d, exact where Sloth prints 5.6000000000000005)
    ['30d', [14.4, 6, 3, 1]],
    [30 * DAY, [14.4, 6, 3, 1]],
    ['28d', [13.44, 5.6, 2.8, 0.9333333333333333]],
    ['4w', [13.44, 5.6, 2.8, 0.9333333333333333]],
    // 90d: 2%·2160/1/100 etc. (computed from the §2.2 formula)
    ['90d', [43.2, 18, 9, 3]],
    // 7d with the Workbook's shares (not Sloth's 7d catalog): 2%·168/1/100 = 3.36, 10%·168/72/100 = 7/30 (computed)
    ['7d', [3.36, 1.4, 0.7, 7 / 30]],
  ] as const)('derives factors for %s', (period, factors) => {
    const policy = workbookPolicy(period);
    expect(policy.tiers.map((t) => t.factor)).toEqual(factors);
    expect(policy.tiers.map((t) => t.budgetPercent)).toEqual([2, 5, 10, 10]);
  });

  it.each([
    ['1d', ['page-fast', 'page-slow', 'ticket-fast']],
    ['2d', ['page-fast', 'page-slow', 'ticket-fast']],
    ['3d', ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow']],
    ['6h', ['page-fast', 'page-slow']],
    ['2h', ['page-fast']],
    ['1h', ['page-fast']],
  ] as const)('leaves out tiers whose long window exceeds a %s period', (period, names) => {
    const policy = workbookPolicy(period);
    expect(policy.tiers.map((t) => t.name)).toEqual(names);
    expect(validatePolicy(policy, 0.999).errors).toEqual([]);
  });

  it('keeps the windows and scales only the factor for a 1-day period', () => {
    // 2% of 1 d over 1 h = 2·24/100 = 0.48 (computed)
    const [pageFast] = workbookPolicy('1d').tiers;
    expect(pageFast).toMatchObject({ longWindow: HOUR, shortWindow: 5 * MINUTE, factor: 0.48 });
  });

  it('applies one `for` to every tier, or one per tier', () => {
    expect(workbookPolicy('30d', { for: '2m' }).tiers.map((t) => t.for)).toEqual([
      2 * MINUTE,
      2 * MINUTE,
      2 * MINUTE,
      2 * MINUTE,
    ]);
    const policy = workbookPolicy('30d', { for: { 'page-fast': '1m', 'ticket-slow': 3_600_000 } });
    expect(policy.tiers.map((t) => t.for)).toEqual([MINUTE, undefined, undefined, HOUR]);
    expect(policy.tiers[1]).not.toHaveProperty('for');
    expect(workbookPolicy('30d', { for: '0s' }).tiers[0]?.for).toBe(0);
  });

  it('carries minEvents', () => {
    expect(workbookPolicy(undefined, { minEvents: 30 }).minEvents).toBe(30);
  });

  describe('edge cases', () => {
    it('rejects a period shorter than 1 h: no tier fits', () => {
      expect(() => workbookPolicy('30m')).toThrow(
        /shorter than the Workbook's shortest long window \(1h\)/,
      );
    });

    it.each([['0s'], [0], [-DAY], ['1M'], ['thirty days'], [1.5]])(
      'rejects the period %s',
      (period) => {
        try {
          workbookPolicy(period);
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(NinesError);
          expect((error as NinesError).code).toBe('INVALID_DURATION');
          expect((error as NinesError).path).toEqual(['period']);
        }
      },
    );

    it('reports a bad `for`, an unknown tier and a bad minEvents together', () => {
      try {
        workbookPolicy('30d', {
          minEvents: -1,
          for: { 'page-fast': 'soon', 'page-quick': '1m' } as Record<string, string>,
        });
        expect.unreachable();
      } catch (error) {
        const issues = (error as NinesError).issues;
        expect(issues.map((i) => i.path)).toEqual([
          ['for', 'page-fast'],
          ['for', 'page-quick'],
          ['minEvents'],
        ]);
        expect(issues[1]?.message).toMatch(
          /unknown tier "page-quick"; the Workbook tiers are page-fast, page-slow/,
        );
      }
    });
  });
});
