import { describe, expectTypeOf, it } from 'vitest';
import type { Budgeting } from '../budgeting/types.js';
import type { BurnRatePolicy } from '../policies/types.js';
import type { SloWindow } from '../windows/types.js';
import { defineObjective, defineObjectives } from './defineObjective.js';
import type { Sli } from './sli.js';
import type { Target } from './target.js';
import type { Objective, ObjectiveInput } from './types.js';

const sli = { kind: 'http-availability', matchers: [] } as const;

describe('defineObjective types', () => {
  it('takes an ObjectiveInput and returns an Objective', () => {
    expectTypeOf(defineObjective).parameter(0).toEqualTypeOf<ObjectiveInput>();
    expectTypeOf(defineObjective).returns.toEqualTypeOf<Objective>();
  });

  it('returns exact field types', () => {
    const objective = defineObjective({ id: 'a', target: 0.999, window: '30d', sli });
    expectTypeOf(objective.target).toEqualTypeOf<Target>();
    expectTypeOf(objective.window).toEqualTypeOf<SloWindow>();
    expectTypeOf(objective.budgeting).toEqualTypeOf<Budgeting>();
    expectTypeOf(objective.sli).toEqualTypeOf<Sli>();
    expectTypeOf(objective.alerting).toEqualTypeOf<BurnRatePolicy | undefined>();
    expectTypeOf(objective.labels).toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf(objective.description).toEqualTypeOf<string | undefined>();
    expectTypeOf(objective.id).toBeString();
  });

  it('accepts every documented input form', () => {
    defineObjective({
      id: 'a',
      targetPercent: 99.9,
      window: 2_592_000_000,
      sli: { kind: 'events' },
    });
    defineObjective({
      id: 'b',
      target: 0.99,
      window: { kind: 'calendar', unit: 'month', count: 1, timeZone: 'UTC' },
      budgeting: { method: 'timeslices', slice: '1m', sliceTarget: 0.95, op: 'gt' },
      sli: {
        kind: 'http-latency',
        threshold: 0.3,
        matchers: [{ attribute: 'http.route', op: '=~', value: '/api/.*' }],
      },
      alerting: false,
      labels: { team: 'payments' },
    });
    defineObjective({
      id: 'c',
      target: 0.999,
      window: '28d',
      budgeting: 'ratio-timeslices',
      sli: { kind: 'promql', errorRatioQuery: 'x' },
    });
  });

  it('rejects inputs that break the types', () => {
    // @ts-expect-error id is required
    defineObjective({ target: 0.999, window: '30d', sli });
    // @ts-expect-error window is required
    defineObjective({ id: 'a', target: 0.999, sli });
    // @ts-expect-error sli is required
    defineObjective({ id: 'a', target: 0.999, window: '30d' });
    // @ts-expect-error target is a number, not text
    defineObjective({ id: 'a', target: '0.999', window: '30d', sli });
    // @ts-expect-error unknown SLI kind
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli: { kind: 'grpc' } });
    const goodSli = {
      kind: 'http-availability',
      matchers: [{ attribute: 'x', op: '=', value: 'y' }],
    } as const;
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli: goodSli });
    const badOperator = [{ attribute: 'x', op: '==', value: 'y' }] as const;
    const badSli = { kind: 'http-availability', matchers: badOperator } as const;
    // @ts-expect-error unknown matcher operator
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli: badSli });
    // @ts-expect-error alerting: true is not a policy
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli, alerting: true });
    // @ts-expect-error label values are strings
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli, labels: { tier: 1 } });
    // @ts-expect-error unknown budgeting method
    defineObjective({ id: 'a', target: 0.999, window: '30d', sli, budgeting: 'slices' });
  });
});

describe('defineObjectives types', () => {
  it('takes a readonly array and returns Objective[]', () => {
    expectTypeOf(defineObjectives).parameter(0).toEqualTypeOf<readonly ObjectiveInput[]>();
    expectTypeOf(defineObjectives).returns.toEqualTypeOf<Objective[]>();
    const inputs: readonly ObjectiveInput[] = [];
    expectTypeOf(defineObjectives(inputs)).toEqualTypeOf<Objective[]>();
  });
});
