import type { Meter } from '@opentelemetry/api';
import { DataPointType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memoryStore.js';
import { createLedger } from './createLedger.js';
import { TOIL_ATTRIBUTES, TOIL_METRICS } from './metrics.js';

class TestReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

function setup() {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const meter: Meter = provider.getMeter('@nines/toil');
  const ledger = createLedger({ store: createMemoryStore(), meter, clock: () => 0 });
  const collect = async (): Promise<Map<string, MetricData>> => {
    const { resourceMetrics } = await reader.collect();
    const out = new Map<string, MetricData>();
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) out.set(metric.descriptor.name, metric);
    }
    return out;
  };
  return { ledger, collect };
}

function points(metric: MetricData | undefined): [Record<string, unknown>, unknown][] {
  if (metric === undefined) return [];
  return metric.dataPoints.map((point) => [point.attributes, point.value]);
}

describe('toil metrics', () => {
  it('counts each toil entry as toil.time (s), toil.entries and toil.work.time', async () => {
    const { ledger, collect } = setup();
    const base = {
      task: 'restart api',
      category: 'production-interrupt',
      team: 'sre',
      automatable: 'yes',
    } as const;
    await ledger.record({ ...base, minutes: 15 });
    await ledger.record({ ...base, minutes: 0.1 }); // 6 s exactly, not 6.000000000000001
    await ledger.record({ kind: 'engineering', minutes: 60, team: 'sre' });

    const metrics = await collect();
    const time = metrics.get(TOIL_METRICS.time.name);
    expect(time?.descriptor).toMatchObject({
      name: 'toil.time',
      unit: 's',
      description: 'Hands-on time spent on toil.',
    });
    expect(time?.dataPointType).toBe(DataPointType.SUM);
    const attributes = {
      'toil.task': 'restart api',
      'toil.category': 'production-interrupt',
      'toil.team': 'sre',
      'toil.automatable': 'yes',
    };
    expect(points(time)).toEqual([[attributes, 906]]);

    const entries = metrics.get(TOIL_METRICS.entries.name);
    expect(entries?.descriptor).toMatchObject({ name: 'toil.entries', unit: '{entry}' });
    expect(points(entries)).toEqual([[attributes, 2]]);

    const work = metrics.get(TOIL_METRICS.workTime.name);
    expect(work?.descriptor).toMatchObject({ name: 'toil.work.time', unit: 's' });
    expect(points(work)).toEqual([
      [{ 'toil.team': 'sre', 'toil.work.kind': 'toil' }, 906],
      [{ 'toil.team': 'sre', 'toil.work.kind': 'engineering' }, 3600],
    ]);
    expect(Object.values(TOIL_ATTRIBUTES)).toEqual([
      'toil.task',
      'toil.category',
      'toil.team',
      'toil.automatable',
      'toil.work.kind',
    ]);
  });

  it('produces nothing for invalid entries', async () => {
    const { ledger, collect } = setup();
    await expect(
      ledger.record({
        task: 't',
        category: 'migration',
        team: 'sre',
        automatable: 'no',
        minutes: -1,
      }),
    ).rejects.toThrow();
    const metrics = await collect();
    expect(points(metrics.get('toil.time'))).toEqual([]);
  });

  it('never lets a faulty meter break recording', async () => {
    const errors: unknown[] = [];
    const store = createMemoryStore();
    const ledger = createLedger({
      store,
      meter: {
        createCounter: () => ({
          add: () => {
            throw new Error('sdk fault');
          },
        }),
      },
      onError: (error) => errors.push(error),
    });
    await ledger.record({
      task: 't',
      category: 'migration',
      team: 'sre',
      automatable: 'no',
      minutes: 1,
    });
    expect(store.entries).toHaveLength(1);
    expect(errors).toEqual([new Error('sdk fault')]);
  });

  it('is a no-op without a meter', async () => {
    const store = createMemoryStore();
    const ledger = createLedger({ store });
    await ledger.record({
      task: 't',
      category: 'migration',
      team: 'sre',
      automatable: 'no',
      minutes: 1,
    });
    expect(store.entries).toHaveLength(1);
  });
});
