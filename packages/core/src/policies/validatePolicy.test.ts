import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import { definePolicy } from './definePolicy.js';
import { pyrraPolicy } from './pyrraPolicy.js';
import { slothPolicy } from './slothPolicy.js';
import type { BurnRatePolicy, BurnRateTier } from './types.js';
import { assertPolicy, validatePolicy } from './validatePolicy.js';
import { workbookPolicy } from './workbookPolicy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pageFast: BurnRateTier = {
  name: 'page-fast',
  severity: 'page',
  longWindow: HOUR,
  shortWindow: 5 * MINUTE,
  factor: 14.4,
  budgetPercent: 2,
};

function policyOf(tiers: BurnRateTier[], extra: Partial<BurnRatePolicy> = {}): BurnRatePolicy {
  return { name: 'test', period: 30 * DAY, tiers, ...extra };
}

describe('validatePolicy', () => {
  it.each([0.999, 0.99, 0.9999, 0.99999])(
    'finds nothing wrong with the Workbook policy at %s',
    (target) => {
      expect(validatePolicy(workbookPolicy(), target)).toEqual({ errors: [], warnings: [] });
    },
  );

  it('warns that the 14.4 × 1 h page can never fire for a 90% target', () => {
    // REFERENCE.md §2.6 and §10 #38 (WB-5): 14.4 × 0.1 = 1.44 > 1; a 1 h total outage spends 1/72 ≈ 1.39%
    const { errors, warnings } = validatePolicy(workbookPolicy(), 0.9);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        code: 'UNREACHABLE_TIER',
        path: ['tiers', 0, 'factor'],
        message:
          'tier "page-fast" can never fire for a 90% target: its threshold 14.4 × 0.1 = 1.44 exceeds 1, an error ratio above 100%; factor 14.4 is above the highest burn rate this target can reach, 1/0.1 = 10. Lower the factor to at most 10 (over a 1h long window of a 30d period that is 1.389% of the budget), or remove the tier and rely on slower tiers',
      },
    ]);
  });

  it('accepts a Target object as well as a fraction', () => {
    expect(validatePolicy(workbookPolicy(), targetFromPercent(90)).warnings).toHaveLength(1);
  });

  it.each([
    // REFERENCE.md §10 #13 (DD burn_rate.md): maxBurnRate(0.96) = 25
    [25, 'fires only on a total outage'],
    [26, 'can never fire'],
    [24.9, null],
  ])('at 96%%, factor %s: %s', (factor, expected) => {
    const { warnings } = validatePolicy(
      policyOf([{ ...pageFast, factor, budgetPercent: (factor * 100) / 720 }]),
      0.96,
    );
    if (expected === null) expect(warnings).toEqual([]);
    else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toContain(expected);
      expect(warnings[0]?.message).toContain('25');
    }
  });

  it('warns for every unreachable tier of the Sloth 30d catalog at 80%', () => {
    // thresholds 14.4 × 0.2 = 2.88 and 6 × 0.2 = 1.2 exceed 1; 3 × 0.2 = 0.6 does not (computed)
    const { warnings } = validatePolicy(slothPolicy('30d'), 0.8);
    expect(warnings.map((w) => w.path)).toEqual([
      ['tiers', 0, 'factor'],
      ['tiers', 1, 'factor'],
    ]);
    expect(warnings[1]?.message).toContain('6 × 0.2 = 1.2 exceeds 1');
  });

  it('accepts Pyrra policies for every period it scales to', () => {
    for (const period of ['7d', '14d', '28d', '30d', '90d']) {
      expect(validatePolicy(pyrraPolicy(period), 0.99).errors).toEqual([]);
    }
  });

  describe('errors', () => {
    it('reports short ≥ long, non-positive values, long > period, duplicate names and mismatched shares', () => {
      const policy = policyOf([
        { ...pageFast, shortWindow: HOUR },
        { ...pageFast, name: 'zero', longWindow: 0, factor: -1 },
        {
          ...pageFast,
          name: 'long',
          longWindow: 31 * DAY,
          shortWindow: DAY,
          factor: 1,
          budgetPercent: 103.33333333333333,
        },
        { ...pageFast, name: 'page-fast', for: -5 },
        { ...pageFast, name: 'mismatch', budgetPercent: 5 },
      ]);
      const { errors, warnings } = validatePolicy(policy, 0.999);
      expect(errors.map((e) => e.path)).toEqual([
        ['tiers', 0, 'shortWindow'],
        ['tiers', 1, 'longWindow'],
        ['tiers', 1, 'factor'],
        ['tiers', 2, 'longWindow'],
        ['tiers', 3, 'for'],
        ['tiers', 4, 'budgetPercent'],
        ['tiers', 3, 'name'],
      ]);
      expect(errors.every((e) => e.code === 'INVALID_POLICY')).toBe(true);
      expect(errors[3]?.message).toBe(
        'longWindow 31d is longer than the period 30d; use a long window of at most the period, or drop the tier',
      );
      expect(warnings).toEqual([]);
    });

    it('reports a bad period, empty tiers, a bad name and a bad minEvents', () => {
      const bad = { name: '', period: -1, tiers: [], minEvents: -3 } as BurnRatePolicy;
      expect(validatePolicy(bad, 0.999).errors.map((e) => e.path)).toEqual([
        ['name'],
        ['period'],
        ['tiers'],
        ['minEvents'],
      ]);
    });
  });

  describe('edge cases', () => {
    it('reads a malformed policy from plain JavaScript without crashing', () => {
      const bad = {
        name: 'js',
        period: 30 * DAY,
        tiers: [null, { severity: 'page' }],
      } as unknown as BurnRatePolicy;
      expect(validatePolicy(bad, 0.999).errors.map((e) => e.path)).toEqual([
        ['tiers', 0],
        ['tiers', 1, 'name'],
        ['tiers', 1, 'longWindow'],
        ['tiers', 1, 'shortWindow'],
        ['tiers', 1, 'factor'],
        ['tiers', 1, 'budgetPercent'],
      ]);
    });

    it('throws INVALID_TARGET for a target outside (0, 1)', () => {
      expect(() => validatePolicy(workbookPolicy(), 1)).toThrow(NinesError);
      expect(() => validatePolicy(workbookPolicy(), 99.9)).toThrow(/strictly between 0 and 1/);
    });
  });
});

describe('assertPolicy', () => {
  it('passes a valid policy even when a tier is unreachable (that is a warning)', () => {
    expect(() => {
      assertPolicy(workbookPolicy(), 0.9);
    }).not.toThrow();
  });

  it('throws every error at once', () => {
    const policy = policyOf([{ ...pageFast, shortWindow: 2 * HOUR }, { ...pageFast }]);
    try {
      assertPolicy(policy, 0.999);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NinesError);
      const e = error as NinesError;
      expect(e.code).toBe('INVALID_POLICY');
      expect(e.issues.map((i) => i.path)).toEqual([
        ['tiers', 0, 'shortWindow'],
        ['tiers', 1, 'name'],
      ]);
      expect(e.message).toMatch(
        /^2 problems:\ntiers\[0\]\.shortWindow: shortWindow 2h must be shorter/,
      );
    }
  });

  it('agrees with definePolicy about what is valid', () => {
    const policy = definePolicy({
      period: '30d',
      tiers: [{ severity: 'page', longWindow: '1h', budgetPercent: 2 }],
    });
    expect(() => {
      assertPolicy(policy, 0.999);
    }).not.toThrow();
  });
});

describe('policies from plain JavaScript', () => {
  it.each([null, undefined, 'workbook', 5])(
    'reports %j as one error instead of crashing',
    (policy) => {
      const { errors, warnings } = validatePolicy(policy as never, 0.999);
      expect(warnings).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.code).toBe('INVALID_POLICY');
      expect(errors[0]?.message).toMatch(
        /^a policy must be an object \{ name, period, tiers, minEvents\? \}/,
      );
      expect(() => {
        assertPolicy(policy as never, 0.999);
      }).toThrow(NinesError);
    },
  );
});
