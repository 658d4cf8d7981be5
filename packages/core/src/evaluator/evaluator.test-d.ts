import { describe, expectTypeOf, test } from 'vitest';
import type { ErrorBudgetStatus } from '../budgets/index.js';
import type { Objective } from '../objectives/types.js';
import {
  createEvaluator,
  estimateMemory,
  parseSnapshot,
  storageLayout,
  type AlertEvent,
  type EvaluationReport,
  type Evaluator,
  type EvaluatorSnapshot,
  type EventsHandle,
  type ObjectiveHealth,
  type ObjectiveStatus,
  type RestoreSummary,
  type StorageLayout,
  type TierStatus,
} from './index.js';

describe('evaluator types', () => {
  test('createEvaluator takes objectives, an optional clock and snapshot', () => {
    expectTypeOf(createEvaluator).parameter(0).toExtend<{ objectives: readonly Objective[] }>();
    expectTypeOf(createEvaluator).returns.toEqualTypeOf<Evaluator>();
    expectTypeOf<Parameters<typeof createEvaluator>[0]['clock']>().toEqualTypeOf<
      (() => number) | undefined
    >();
    expectTypeOf<Parameters<typeof createEvaluator>[0]['snapshot']>().toEqualTypeOf<
      EvaluatorSnapshot | undefined
    >();
  });

  test('the evaluator surface', () => {
    expectTypeOf<Evaluator['handle']>().toEqualTypeOf<(objectiveId: string) => EventsHandle>();
    expectTypeOf<Evaluator['evaluate']>().toEqualTypeOf<(now?: number) => EvaluationReport>();
    expectTypeOf<Evaluator['tick']>().toEqualTypeOf<(now?: number) => void>();
    expectTypeOf<Evaluator['status']>().returns.toEqualTypeOf<ObjectiveStatus | undefined>();
    expectTypeOf<Evaluator['onAlert']>().toEqualTypeOf<
      (listener: (event: AlertEvent) => void) => () => void
    >();
    expectTypeOf<Evaluator['snapshot']>().returns.toEqualTypeOf<EvaluatorSnapshot>();
    expectTypeOf<Evaluator['restoreSummary']>().toEqualTypeOf<RestoreSummary | undefined>();
    expectTypeOf<Evaluator['objectives']>().toEqualTypeOf<readonly Objective[]>();
  });

  test('the hot-path handle', () => {
    expectTypeOf<EventsHandle['good']>().toEqualTypeOf<(count?: number) => void>();
    expectTypeOf<EventsHandle['bad']>().toEqualTypeOf<(count?: number) => void>();
    expectTypeOf<EventsHandle['add']>().toEqualTypeOf<(good: number, total: number) => void>();
    // Properties, not methods: safe to pass detached (`const { good } = handle`).
    expectTypeOf<EventsHandle>().toEqualTypeOf<{
      readonly objectiveId: string;
      readonly good: (count?: number) => void;
      readonly bad: (count?: number) => void;
      readonly add: (good: number, total: number) => void;
    }>();
  });

  test('no data is null, never a number', () => {
    expectTypeOf<ObjectiveStatus['sli']>().toEqualTypeOf<number | null>();
    expectTypeOf<ObjectiveStatus['budget']>().toExtend<{ consumed: number } | null>();
    expectTypeOf<ObjectiveStatus['windows'][number]['burnRate']>().toEqualTypeOf<number | null>();
    expectTypeOf<TierStatus['longBurnRate']>().toEqualTypeOf<number | null>();
    expectTypeOf<TierStatus['since']>().toEqualTypeOf<number | null>();
  });

  test('statuses and alert states are literal unions', () => {
    expectTypeOf<ObjectiveHealth>().toEqualTypeOf<
      'no-data' | 'warming-up' | 'healthy' | 'warning' | 'exhausted'
    >();
    expectTypeOf<ObjectiveStatus['budgetStatus']>().toEqualTypeOf<ErrorBudgetStatus>();
    expectTypeOf<TierStatus['state']>().toEqualTypeOf<'inactive' | 'pending' | 'firing'>();
    expectTypeOf<AlertEvent['state']>().toEqualTypeOf<'pending' | 'firing' | 'resolved'>();
  });

  test('snapshots are versioned plain data', () => {
    expectTypeOf<EvaluatorSnapshot['version']>().toEqualTypeOf<1>();
    expectTypeOf<EvaluatorSnapshot['objectives'][string]['rings'][number]['good']>().toEqualTypeOf<
      readonly number[]
    >();
    expectTypeOf(parseSnapshot).parameters.toEqualTypeOf<[value: unknown, now: number]>();
    expectTypeOf(parseSnapshot).returns.toEqualTypeOf<EvaluatorSnapshot>();
  });

  test('memory helpers', () => {
    expectTypeOf(estimateMemory).toEqualTypeOf<(objective: Objective) => number>();
    expectTypeOf(storageLayout).returns.toEqualTypeOf<StorageLayout>();
  });
});
