import { describe, expectTypeOf, it } from 'vitest';
import { targetFromPercent } from '../objectives/target.js';
import type { Target, TargetInput } from '../objectives/target.js';
import {
  allowedBadEvents,
  allowedDowntime,
  budgetConsumed,
  budgetConsumedFromCounts,
  budgetDrop,
  budgetRemaining,
  budgetRemainingFromCounts,
  budgetSpentInWindow,
  burnRate,
  burnRateForBudgetShare,
  burnRateFromCounts,
  defaultErrorBudgetPolicy,
  errorBudget,
  errorBudgetStatus,
  maxBurnRate,
  nines,
  ninesTable,
  releaseDecision,
  remainingBadEvents,
  sliFromCounts,
  targetFromNines,
  timeToExhaustion,
} from './index.js';
import type {
  ErrorBudgetPolicy,
  ErrorBudgetStatus,
  NinesTableRow,
  ReleaseDecision,
} from './index.js';

describe('budgets types', () => {
  it('takes a fraction or a Target wherever a target is expected', () => {
    for (const fn of [errorBudget, maxBurnRate, nines]) {
      expectTypeOf(fn).parameter(0).toEqualTypeOf<TargetInput>();
      expectTypeOf(fn).returns.toEqualTypeOf<number>();
    }
    expectTypeOf(burnRate).toBeCallableWith(targetFromPercent(99.9), 0.01);
    expectTypeOf(allowedDowntime).toBeCallableWith(0.999, 2_592_000_000);
    // @ts-expect-error: a target is not percent text
    errorBudget('99.9%');
  });

  it('returns null, never NaN, where there may be no events', () => {
    expectTypeOf(sliFromCounts(0, 0)).toEqualTypeOf<number | null>();
    expectTypeOf(burnRateFromCounts(0.999, 0, 0)).toEqualTypeOf<number | null>();
    expectTypeOf(budgetConsumedFromCounts(0.999, 0, 0)).toEqualTypeOf<number | null>();
    expectTypeOf(budgetRemainingFromCounts(0.999, 0, 0)).toEqualTypeOf<number | null>();
    expectTypeOf(remainingBadEvents(0.999, 0, 0)).toEqualTypeOf<number>();
  });

  it('keeps the plain-number math signatures', () => {
    expectTypeOf(allowedBadEvents).toEqualTypeOf<
      (target: TargetInput, totalEvents: number) => number
    >();
    expectTypeOf(budgetConsumed).toEqualTypeOf<(target: TargetInput, sli: number) => number>();
    expectTypeOf(budgetRemaining).toEqualTypeOf<(target: TargetInput, sli: number) => number>();
    expectTypeOf(budgetSpentInWindow).toEqualTypeOf<
      (burnRate: number, windowMs: number, periodMs: number) => number
    >();
    expectTypeOf(burnRateForBudgetShare).toEqualTypeOf<
      (share: number, windowMs: number, periodMs: number) => number
    >();
    expectTypeOf(timeToExhaustion).toEqualTypeOf<
      (periodMs: number, burnRate: number, remaining?: number) => number
    >();
    expectTypeOf(budgetDrop).toEqualTypeOf<
      (remainingBefore: number, remainingNow: number) => number
    >();
    expectTypeOf(targetFromNines).toEqualTypeOf<(n: number) => Target>();
  });

  it('builds the nines table from optional targets and windows', () => {
    expectTypeOf(ninesTable()).toEqualTypeOf<NinesTableRow[]>();
    expectTypeOf(ninesTable).toBeCallableWith({ targets: [0.999, targetFromPercent(99.5)] });
    expectTypeOf(ninesTable).toBeCallableWith({ windows: [86_400_000] });
    expectTypeOf<NinesTableRow['target']>().toEqualTypeOf<Target>();
    // @ts-expect-error: windows are milliseconds, not text
    ninesTable({ windows: ['30d'] });
  });

  it('classifies a remaining budget, null meaning no data', () => {
    expectTypeOf(errorBudgetStatus).parameter(0).toEqualTypeOf<number | null>();
    expectTypeOf(errorBudgetStatus(null)).toEqualTypeOf<ErrorBudgetStatus>();
    expectTypeOf<ErrorBudgetStatus>().toEqualTypeOf<
      'no-data' | 'healthy' | 'warning' | 'exhausted'
    >();
    expectTypeOf(releaseDecision(0.5)).toEqualTypeOf<ReleaseDecision>();
    expectTypeOf<ReleaseDecision['decision']>().toEqualTypeOf<'go' | 'caution' | 'freeze'>();
    expectTypeOf<ReleaseDecision['remaining']>().toEqualTypeOf<number | null>();
    expectTypeOf(defaultErrorBudgetPolicy).toEqualTypeOf<ErrorBudgetPolicy>();
    // @ts-expect-error: thresholds are fractions, both required
    releaseDecision(0.5, { warnBelow: 0.25 });
  });
});
