import { createEvaluator, defineObjective, NinesError, type Objective } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { createHttpMetrics } from '../http/recorder.js';
import { createObjectiveListener, type SliHandle, type SliHandleSource } from './listener.js';

function counters(): SliHandleSource & { counts: Map<string, [number, number]> } {
  const counts = new Map<string, [number, number]>();
  return {
    counts,
    handle(objectiveId): SliHandle {
      const pair: [number, number] = [0, 0];
      counts.set(objectiveId, pair);
      return {
        good: () => {
          pair[0]++;
        },
        bad: () => {
          pair[1]++;
        },
      };
    },
  };
}

const objectives: Objective[] = [
  defineObjective({
    id: 'availability',
    target: 0.999,
    window: '30d',
    sli: {
      kind: 'http-availability',
      matchers: [{ attribute: 'http.route', op: '!=', value: '/health' }],
    },
  }),
  defineObjective({
    id: 'checkout-latency',
    target: 0.99,
    window: '30d',
    sli: {
      kind: 'http-latency',
      threshold: 0.25,
      matchers: [{ attribute: 'http.route', op: '=~', value: '/checkout.*' }],
    },
  }),
  defineObjective({ id: 'jobs', target: 0.99, window: '30d', sli: { kind: 'events' } }),
];

describe('createObjectiveListener', () => {
  it('feeds HTTP objectives from matching series only', () => {
    const source = counters();
    const recorder = createHttpMetrics({
      listeners: [createObjectiveListener(objectives, source)],
    });
    recorder.record('/checkout/:id', 'POST', 200, undefined, 'http', '1.1', 0.1); // ok, fast
    recorder.record('/checkout/:id', 'POST', 200, undefined, 'http', '1.1', 0.3); // ok, slow
    recorder.record('/checkout/:id', 'POST', 502, undefined, 'http', '1.1', 0.1); // failed
    recorder.record('/health', 'GET', 503, undefined, 'http', '1.1', 0.001); // excluded
    recorder.record(undefined, 'GET', 404, undefined, 'http', '1.1', 0.001); // 404 is good
    expect(source.counts.get('availability')).toEqual([3, 1]);
    expect(source.counts.get('checkout-latency')).toEqual([1, 2]);
    expect(source.counts.has('jobs')).toBe(false);
  });

  it('feeds the @nines/core evaluator through its handles', () => {
    let now = Date.UTC(2026, 0, 1);
    const evaluator = createEvaluator({ objectives, clock: () => now });
    const recorder = createHttpMetrics({
      export: 'producer',
      listeners: [createObjectiveListener(objectives, evaluator)],
    });
    for (let i = 0; i < 100; i++) {
      recorder.record('/checkout/:id', 'POST', i < 2 ? 500 : 200, undefined, 'http', '1.1', 0.01);
    }
    now += 60_000;
    evaluator.evaluate();
    expect(evaluator.status('availability')).toMatchObject({ good: 98, total: 100 });
    expect(evaluator.status('checkout-latency')).toMatchObject({ good: 98, total: 100 });
  });

  describe('edge cases', () => {
    it('rejects a bad regex at creation, with the objective path', () => {
      const bad = {
        ...objectives[0]!,
        sli: {
          kind: 'http-availability' as const,
          matchers: [{ attribute: 'http.route', op: '=~' as const, value: '[' }],
        },
      };
      expect(() => createObjectiveListener([bad], counters())).toThrow(NinesError);
    });

    it('rejects a latency threshold that is not a finite number ≥ 0', () => {
      const bad = {
        ...objectives[1]!,
        sli: { kind: 'http-latency' as const, threshold: -1, matchers: [] },
      };
      expect(() => createObjectiveListener([bad], counters())).toThrow(
        /Latency threshold -1 of objective "checkout-latency"/,
      );
    });
  });
});
