import { describe, expectTypeOf, it } from 'vitest';
import type { NinesIssue } from '../errors.js';
import type { TargetInput } from '../objectives/target.js';
import {
  assertPolicy,
  burnRateFactor,
  datadogPolicy,
  definePolicy,
  describeTier,
  detectionTime,
  grafanaPolicy,
  pyrraPolicy,
  resetTime,
  slothPolicy,
  tierThreshold,
  validatePolicy,
  workbookPolicy,
  budgetSpentAtFire,
  type BurnRatePolicy,
  type BurnRateTier,
  type PolicyInput,
  type TierDescription,
  type WorkbookTierName,
} from './index.js';

describe('policy types', () => {
  it('builds policies', () => {
    expectTypeOf(workbookPolicy()).toEqualTypeOf<BurnRatePolicy>();
    expectTypeOf(workbookPolicy).parameter(0).toEqualTypeOf<string | number | undefined>();
    expectTypeOf(slothPolicy).parameter(0).toEqualTypeOf<'30d' | '28d' | '7d'>();
    expectTypeOf(datadogPolicy).parameter(0).toEqualTypeOf<'30d' | '7d' | '90d'>();
    expectTypeOf(pyrraPolicy).returns.toEqualTypeOf<BurnRatePolicy>();
    expectTypeOf(grafanaPolicy).parameters.toEqualTypeOf<[]>();
    expectTypeOf(definePolicy).returns.toEqualTypeOf<BurnRatePolicy>();
    expectTypeOf<WorkbookTierName>().toEqualTypeOf<
      'page-fast' | 'page-slow' | 'ticket-fast' | 'ticket-slow'
    >();
  });

  it('rejects periods without a catalog at compile time', () => {
    // @ts-expect-error Sloth has no 14d catalog
    slothPolicy('14d');
    // @ts-expect-error Datadog has no 28d period
    datadogPolicy('28d');
    // @ts-expect-error unknown Workbook tier name
    workbookPolicy('30d', { for: { 'page-quick': '1m' } });
  });

  it('accepts a BurnRatePolicy as definePolicy input', () => {
    expectTypeOf<BurnRatePolicy>().toExtend<PolicyInput>();
    // @ts-expect-error severity is required
    definePolicy({ period: '30d', tiers: [{ longWindow: '1h', factor: 1 }] });
  });

  it('has the math signatures other packages code against', () => {
    expectTypeOf(burnRateFactor).toEqualTypeOf<
      (budgetPercent: number, periodMs: number, longWindowMs: number) => number
    >();
    expectTypeOf(tierThreshold).toEqualTypeOf<
      (tier: BurnRateTier, target: TargetInput) => number
    >();
    expectTypeOf(detectionTime).toEqualTypeOf<
      (tier: BurnRateTier, target: TargetInput, errorRatio: number) => number
    >();
    expectTypeOf(resetTime).toEqualTypeOf<(tier: BurnRateTier) => number>();
    expectTypeOf(budgetSpentAtFire).toEqualTypeOf<
      (tier: BurnRateTier, periodMs: number) => number
    >();
    expectTypeOf(validatePolicy).returns.toEqualTypeOf<{
      readonly errors: NinesIssue[];
      readonly warnings: NinesIssue[];
    }>();
    expectTypeOf(assertPolicy).returns.toBeVoid();
    expectTypeOf(describeTier).returns.toEqualTypeOf<TierDescription>();
    expectTypeOf<TierDescription['detectionTimeOnOutage']>().toEqualTypeOf<number>();
  });
});
