import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { budgetRemaining, budgetRemainingFromCounts } from './budgetConsumed.js';
import {
  defaultErrorBudgetPolicy,
  errorBudgetStatus,
  releaseDecision,
} from './errorBudgetPolicy.js';
import type { ErrorBudgetStatus } from './errorBudgetPolicy.js';

describe('defaultErrorBudgetPolicy', () => {
  it('freezes at exhaustion and warns below a quarter (REFERENCE.md §8: SRE Workbook policy; Datadog 75% consumed; Harness Unhealthy 0–25%)', () => {
    expect(defaultErrorBudgetPolicy).toEqual({ warnBelow: 0.25, freezeBelow: 0 });
    expect(Object.isFrozen(defaultErrorBudgetPolicy)).toBe(true);
  });
});

describe('errorBudgetStatus', () => {
  // [remaining, status, source]
  const rows: [number | null, ErrorBudgetStatus, string][] = [
    [null, 'no-data', 'no events is no data (REFERENCE.md §1.1; Kibana NO_DATA)'],
    [1, 'healthy', 'untouched budget'],
    [0.9, 'healthy', 'REFERENCE.md §10 #30 (Pyrra 90.000%)'],
    [0.5, 'healthy', 'REFERENCE.md §10 #46-#48 (50% remaining)'],
    [0.25, 'healthy', 'exactly a quarter left is not below the warning line'],
    [0.2499, 'warning', 'Harness Unhealthy 0–25% (REFERENCE.md §8)'],
    [0.1, 'warning', 'REFERENCE.md §10 #32 (slo-generator consumed 90%)'],
    [1e-9, 'warning', 'almost spent is still not exhausted'],
    [0, 'exhausted', 'Sloth ErrorBudgetExhausted: remaining <= 0 (REFERENCE.md §8)'],
    [-0.125, 'exhausted', 'overspent, 112.5% consumed'],
    [-1, 'exhausted', 'REFERENCE.md §10 #30 (Pyrra -100.000%)'],
    [-49, 'exhausted', 'REFERENCE.md §10 #31 (slo-generator sli 0.5 at 99%)'],
  ];
  it.each(rows)('remaining %d is %s (%s)', (remaining, status) => {
    expect(errorBudgetStatus(remaining)).toBe(status);
  });

  it('uses a custom policy: freeze at or below freezeBelow, warn strictly below warnBelow', () => {
    const policy = { warnBelow: 0.5, freezeBelow: 0.2 };
    expect(errorBudgetStatus(0.5, policy)).toBe('healthy');
    expect(errorBudgetStatus(0.4999, policy)).toBe('warning');
    expect(errorBudgetStatus(0.2, policy)).toBe('exhausted');
    expect(errorBudgetStatus(0.2001, policy)).toBe('warning');
  });

  it('can tolerate some overspend with a negative freezeBelow', () => {
    const policy = { warnBelow: 0.1, freezeBelow: -0.1 };
    expect(errorBudgetStatus(0, policy)).toBe('warning');
    expect(errorBudgetStatus(-0.1, policy)).toBe('exhausted');
  });

  it('follows the budget from counts (REFERENCE.md §10 #48: 5 of 10 allowed bad events spent)', () => {
    expect(errorBudgetStatus(budgetRemainingFromCounts(0.999, 9_995, 10_000))).toBe('healthy');
    expect(errorBudgetStatus(budgetRemainingFromCounts(0.999, 0, 0))).toBe('no-data');
    expect(errorBudgetStatus(budgetRemaining(0.99, 0.98))).toBe('exhausted');
  });

  it('is monotonic: less budget never gives a better status', () => {
    const rank: Record<ErrorBudgetStatus, number> = {
      'no-data': -1,
      healthy: 0,
      warning: 1,
      exhausted: 2,
    };
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 1, noNaN: true }),
        fc.double({ min: -100, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rank[errorBudgetStatus(low)]).toBeGreaterThanOrEqual(
            rank[errorBudgetStatus(high)],
          );
        },
      ),
    );
  });
});

describe('releaseDecision', () => {
  it('freezes an exhausted budget with the numbers in the reason (SRE Workbook error budget policy)', () => {
    expect(releaseDecision(-0.125)).toEqual({
      decision: 'freeze',
      status: 'exhausted',
      reason:
        'error budget exhausted: 112.5% consumed (remaining -12.5%); freeze all but P0 and security fixes',
      remaining: -0.125,
    });
    expect(releaseDecision(0).reason).toBe(
      'error budget exhausted: 100% consumed (remaining 0%); freeze all but P0 and security fixes',
    );
  });

  it('says "-100%" for the Pyrra tile case (REFERENCE.md §10 #30)', () => {
    expect(releaseDecision(budgetRemainingFromCounts(0.99, 980, 1000)).reason).toBe(
      'error budget exhausted: 200% consumed (remaining -100%); freeze all but P0 and security fixes',
    );
  });

  it('names a custom freeze threshold', () => {
    expect(releaseDecision(0.03, { warnBelow: 0.25, freezeBelow: 0.05 })).toEqual({
      decision: 'freeze',
      status: 'exhausted',
      reason:
        'error budget at or below the freeze threshold of 5% remaining: 97% consumed (remaining 3%); freeze all but P0 and security fixes',
      remaining: 0.03,
    });
  });

  it('asks for caution when the budget runs low', () => {
    expect(releaseDecision(0.1)).toEqual({
      decision: 'caution',
      status: 'warning',
      reason:
        'error budget low: 90% consumed (remaining 10%, warning below 25%); release with caution',
      remaining: 0.1,
    });
  });

  it('lets a healthy budget go', () => {
    expect(releaseDecision(0.5)).toEqual({
      decision: 'go',
      status: 'healthy',
      reason: 'error budget healthy: 50% consumed (remaining 50%); releases may go ahead',
      remaining: 0.5,
    });
  });

  it('rounds long percentages to 3 decimals (REFERENCE.md §10 #42: 111/118 at 95%)', () => {
    const remaining = budgetRemainingFromCounts(0.95, 111, 118);
    expect(releaseDecision(remaining).reason).toBe(
      'error budget exhausted: 118.644% consumed (remaining -18.644%); freeze all but P0 and security fixes',
    );
  });

  it('asks for caution without data rather than freezing or going (documented choice)', () => {
    const decision = releaseDecision(null);
    expect(decision.decision).toBe('caution');
    expect(decision.status).toBe('no-data');
    expect(decision.remaining).toBeNull();
    expect(decision.reason).toMatch(/^no data: /);
  });

  it('maps every status to one decision', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 1, noNaN: true }), (remaining) => {
        const { decision, status } = releaseDecision(remaining);
        const expected = { healthy: 'go', warning: 'caution', exhausted: 'freeze' } as const;
        expect(status).not.toBe('no-data');
        expect(decision).toBe(expected[status as keyof typeof expected]);
      }),
    );
  });
});

describe('edge cases', () => {
  it.each([Number.NaN, Infinity, -Infinity, 1.01])(
    'rejects remaining %d with RangeError',
    (remaining) => {
      expect(() => errorBudgetStatus(remaining)).toThrow(RangeError);
      expect(() => releaseDecision(remaining)).toThrow(
        /remaining must be a finite remaining-budget fraction <= 1/,
      );
    },
  );

  it('rejects a policy with freezeBelow above warnBelow', () => {
    expect(() => errorBudgetStatus(0.5, { warnBelow: 0.1, freezeBelow: 0.2 })).toThrow(NinesError);
    try {
      errorBudgetStatus(0.5, { warnBelow: 0.1, freezeBelow: 0.2 });
    } catch (error) {
      expect(error).toBeInstanceOf(NinesError);
      expect((error as NinesError).code).toBe('INVALID_POLICY');
      expect((error as NinesError).path).toEqual(['freezeBelow']);
    }
  });

  it('reports every bad threshold at once', () => {
    let caught: unknown;
    try {
      releaseDecision(null, { warnBelow: Number.NaN, freezeBelow: 2 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    expect((caught as NinesError).issues.map((issue) => issue.path)).toEqual([
      ['warnBelow'],
      ['freezeBelow'],
    ]);
  });
});

describe('policies from plain JavaScript', () => {
  it.each([null, 'strict', []])('rejects policy %j with INVALID_POLICY', (policy) => {
    expect(() => errorBudgetStatus(0.5, policy as never)).toThrow(NinesError);
    expect(() => releaseDecision(0.5, policy as never)).toThrow(
      /an error budget policy must be an object \{ warnBelow, freezeBelow \}/,
    );
  });

  it('names a wrong-typed threshold by its value', () => {
    expect(() => errorBudgetStatus(0.5, { warnBelow: '25%', freezeBelow: 0 } as never)).toThrow(
      'warnBelow must be a finite remaining-budget fraction <= 1 (e.g. 0.25), got "25%"',
    );
  });

  it('describes a wrong-typed remaining budget by kind', () => {
    expect(() => errorBudgetStatus({} as never)).toThrow(
      'remaining must be a finite remaining-budget fraction <= 1 (negative when overspent), got an object',
    );
  });
});
