import { diag, metrics as metricsApi } from '@opentelemetry/api';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MeterProvider, type MetricData } from '@opentelemetry/sdk-metrics';
import type { ObjectiveInput } from '@nines/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestReader } from '../../test/testReader.js';
import { createNines } from './createNines.js';
import type { Nines, NinesOptions, RequestEnd } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
let now = T0;
let perf = 1000;
const clock = (): number => now;

beforeEach(() => {
  now = T0;
  perf = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => perf);
});
const services: Nines[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((one) => one.shutdown()));
  vi.restoreAllMocks();
  diag.disable();
  metricsApi.disable();
});

function setup(options: NinesOptions = {}): { nines: Nines; reader: TestReader } {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const nines = createNines({ meterProvider: provider, manualTimers: true, clock, ...options });
  services.push(nines);
  return { nines, reader };
}

function request(nines: Nines, status: number): void {
  const end: RequestEnd = {
    route: '/pay',
    method: 'POST',
    status,
    error: undefined,
    failure: undefined,
    scheme: 'https',
    httpVersion: '1.1',
  };
  const start = nines.requestStarted('POST', 'https');
  perf += 20;
  nines.requestEnded(start, end);
}

const CHECKOUT: ObjectiveInput = {
  id: 'checkout',
  service: 'shop',
  target: 0.9,
  window: '1h',
  labels: { team: 'payments' },
  sli: { kind: 'http-availability', matchers: [] },
};
const JOBS: ObjectiveInput = {
  id: 'jobs',
  service: 'shop',
  targetPercent: 99,
  window: '1h',
  sli: { kind: 'events' },
};
const CHECKOUT_ATTRS = { team: 'payments', 'nines.slo': 'checkout', 'nines.service': 'shop' };
const JOBS_ATTRS = { 'nines.slo': 'jobs', 'nines.service': 'shop' };

/** name -> [attributes, value][] for every SLO metric, in export order. */
async function sloPoints(reader: TestReader): Promise<Record<string, [unknown, unknown][]>> {
  const out: Record<string, [unknown, unknown][]> = {};
  for (const metric of await reader.metrics()) {
    if (!metric.descriptor.name.startsWith('nines.')) continue;
    out[metric.descriptor.name] = metric.dataPoints.map((p) => [p.attributes, p.value]);
  }
  return out;
}

/** 8 good and 2 bad requests, 3 good and 1 bad job, then one evaluation a minute later. */
function traffic(nines: Nines): void {
  for (let i = 0; i < 8; i++) request(nines, 200);
  request(nines, 500);
  request(nines, 502);
  nines.events('jobs').good(3);
  nines.events('jobs').bad();
  now += 60_000;
  nines.evaluate();
}

describe('SLO gauges, read back through a real MeterProvider', () => {
  it('exports budget, burn rate per window, SLI, target and alert state with documented names', async () => {
    const { nines, reader } = setup({ objectives: [CHECKOUT, JOBS] });
    traffic(nines);
    // checkout: SLI 8/10 = 0.8; error ratio 0.2 / budget 0.1 = burn rate 2, remaining 1 − 2 = −1.
    // jobs: SLI 3/4 = 0.75; error ratio 0.25 / 0.01 = 25, remaining −24.
    expect(await sloPoints(reader)).toEqual({
      'nines.slo.sli': [
        [CHECKOUT_ATTRS, 0.8],
        [JOBS_ATTRS, 0.75],
      ],
      'nines.slo.target': [
        [CHECKOUT_ATTRS, 0.9],
        [JOBS_ATTRS, 0.99],
      ],
      'nines.slo.budget.remaining': [
        [CHECKOUT_ATTRS, -1],
        [JOBS_ATTRS, -24],
      ],
      'nines.slo.burn_rate': [
        [{ ...CHECKOUT_ATTRS, 'nines.slo.window': '5m' }, 2],
        [{ ...CHECKOUT_ATTRS, 'nines.slo.window': '1h' }, 2],
        [{ ...JOBS_ATTRS, 'nines.slo.window': '5m' }, 25],
        [{ ...JOBS_ATTRS, 'nines.slo.window': '1h' }, 25],
      ],
      'nines.slo.alert.state': [
        [{ ...CHECKOUT_ATTRS, 'nines.slo.tier': 'page-fast', 'nines.slo.severity': 'page' }, 2],
        [{ ...JOBS_ATTRS, 'nines.slo.tier': 'page-fast', 'nines.slo.severity': 'page' }, 2],
      ],
      'nines.sli.events': [
        [{ ...JOBS_ATTRS, 'nines.outcome': 'good' }, 3],
        [{ ...JOBS_ATTRS, 'nines.outcome': 'bad' }, 1],
      ],
    });
    const units = Object.fromEntries(
      (await reader.metrics())
        .filter((m) => m.descriptor.name.startsWith('nines.'))
        .map((m) => [
          m.descriptor.name,
          [(m.descriptor as { type?: unknown }).type, m.descriptor.unit],
        ]),
    );
    expect(units).toEqual({
      'nines.slo.sli': ['OBSERVABLE_GAUGE', '1'],
      'nines.slo.target': ['OBSERVABLE_GAUGE', '1'],
      'nines.slo.budget.remaining': ['OBSERVABLE_GAUGE', '1'],
      'nines.slo.burn_rate': ['OBSERVABLE_GAUGE', '1'],
      'nines.slo.alert.state': ['OBSERVABLE_GAUGE', ''],
      'nines.sli.events': ['OBSERVABLE_COUNTER', '{event}'],
    });
  });

  it('no data gives no point (never NaN); before the first evaluation only the target and counters', async () => {
    const { nines, reader } = setup({ objectives: [CHECKOUT, JOBS] });
    expect(await sloPoints(reader)).toEqual({
      'nines.slo.target': [
        [CHECKOUT_ATTRS, 0.9],
        [JOBS_ATTRS, 0.99],
      ],
      'nines.sli.events': [
        [{ ...JOBS_ATTRS, 'nines.outcome': 'good' }, 0],
        [{ ...JOBS_ATTRS, 'nines.outcome': 'bad' }, 0],
      ],
    });
    nines.evaluate();
    const points = await sloPoints(reader);
    expect(points['nines.slo.sli']).toBeUndefined();
    expect(points['nines.slo.budget.remaining']).toBeUndefined();
    expect(points['nines.slo.burn_rate']).toBeUndefined();
    expect(points['nines.slo.alert.state']).toEqual([
      [{ ...CHECKOUT_ATTRS, 'nines.slo.tier': 'page-fast', 'nines.slo.severity': 'page' }, 0],
      [{ ...JOBS_ATTRS, 'nines.slo.tier': 'page-fast', 'nines.slo.severity': 'page' }, 0],
    ]);
  });

  it('alert state 1 while a tier with `for` is pending', async () => {
    const { nines, reader } = setup({
      objectives: [
        {
          ...CHECKOUT,
          alerting: {
            name: 'custom',
            period: 3_600_000,
            tiers: [
              {
                name: 'slow',
                severity: 'ticket',
                longWindow: 3_600_000,
                shortWindow: 300_000,
                factor: 1,
                budgetPercent: 100,
                for: 600_000,
              },
            ],
          },
        },
      ],
    });
    request(nines, 500);
    now += 1000;
    nines.evaluate();
    expect((await sloPoints(reader))['nines.slo.alert.state']).toEqual([
      [{ ...CHECKOUT_ATTRS, 'nines.slo.tier': 'slow', 'nines.slo.severity': 'ticket' }, 1],
    ]);
  });

  it('producer mode yields the same SLO data through nines.metricProducer', async () => {
    const api = setup({ objectives: [CHECKOUT, JOBS] });
    traffic(api.nines);
    now = T0;
    const producer = setup({ objectives: [CHECKOUT, JOBS], export: 'producer' });
    traffic(producer.nines);
    expect(producer.nines.metricProducer).toBeDefined();
    const { resourceMetrics, errors } = (await producer.nines.metricProducer?.collect()) ?? {};
    expect(errors).toEqual([]);
    expect(resourceMetrics?.scopeMetrics.map((scope) => scope.scope.name)).toEqual(['@nines/otel']);
    const strip = (metrics: MetricData[]): unknown =>
      metrics.map((m) => ({
        descriptor: m.descriptor,
        dataPointType: m.dataPointType,
        isMonotonic: 'isMonotonic' in m ? m.isMonotonic : undefined,
        points: m.dataPoints.map((p) => [p.attributes, p.value]),
      }));
    const fromApi = (await api.reader.scopes()).flatMap((scope) => scope.metrics);
    const fromProducer = resourceMetrics?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];
    expect(strip(fromProducer)).toEqual(strip(fromApi));
    // The API path's meter for the SLO gauges is not used in producer mode.
    expect((await producer.reader.metrics()).length).toBe(0);
  });

  it('stops observing at shutdown (the SDK keeps exporting the last cumulative value)', async () => {
    const { nines, reader } = setup({ objectives: [JOBS] });
    nines.events('jobs').good();
    now += 1000;
    nines.evaluate();
    expect((await sloPoints(reader))['nines.slo.sli']).toEqual([[JOBS_ATTRS, 1]]);
    await nines.shutdown();
    nines.events('jobs').bad(3);
    now += 1000;
    expect(nines.evaluate()?.objectives[0]?.sli).toBe(0.25);
    expect((await sloPoints(reader))['nines.slo.sli']).toEqual([[JOBS_ATTRS, 1]]);
  });
});

describe('Prometheus exposition (JS exporter naming, REFERENCE.md §5.6)', () => {
  it('is the series @nines/rules queries: nines_sli_events_total{nines_slo, nines_outcome}', async () => {
    const { nines, reader } = setup({ objectives: [CHECKOUT, JOBS] });
    traffic(nines);
    const { resourceMetrics } = await reader.collect();
    const lines = new PrometheusSerializer()
      .serialize(resourceMetrics)
      .split('\n')
      .filter((line) => line.startsWith('nines_'))
      .map((line) => line.replace(/,?otel_scope_[a-z_]+="[^"]*"/g, '').replace('{,', '{'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'nines_sli_events_total{nines_slo="jobs",nines_service="shop",nines_outcome="good"} 3',
        'nines_sli_events_total{nines_slo="jobs",nines_service="shop",nines_outcome="bad"} 1',
        'nines_slo_budget_remaining{team="payments",nines_slo="checkout",nines_service="shop"} -1',
        'nines_slo_burn_rate{team="payments",nines_slo="checkout",nines_service="shop",nines_slo_window="1h"} 2',
        'nines_slo_alert_state{nines_slo="jobs",nines_service="shop",nines_slo_tier="page-fast",nines_slo_severity="page"} 2',
      ]),
    );
  });
});

describe('custom SLIs: events and track', () => {
  it('counts events into the evaluator and nines.sli.events alike; invalid input into neither', async () => {
    const { nines, reader } = setup({ objectives: [JOBS] });
    const jobs = nines.events('jobs');
    expect(nines.events('jobs')).toBe(jobs); // one handle, looked up once
    const { good, bad, add } = jobs; // detached calls work
    good();
    good(2);
    bad();
    add(5, 7);
    good(-1);
    bad(Number.NaN);
    add(3, 2);
    now += 1000;
    const status = nines.evaluate()?.objectives[0];
    expect(status).toMatchObject({ good: 8, total: 11, droppedInputs: 3 });
    expect((await sloPoints(reader))['nines.sli.events']).toEqual([
      [{ ...JOBS_ATTRS, 'nines.outcome': 'good' }, 8],
      [{ ...JOBS_ATTRS, 'nines.outcome': 'bad' }, 3],
    ]);
  });

  it('track counts a good event per resolved call and a bad one per throw or rejection, rethrowing', async () => {
    const { nines } = setup({ objectives: [JOBS] });
    await expect(nines.track('jobs', () => 42)).resolves.toBe(42);
    await expect(nines.track('jobs', () => Promise.resolve('ok'))).resolves.toBe('ok');
    const sync = new Error('sync');
    await expect(
      nines.track('jobs', () => {
        throw sync;
      }),
    ).rejects.toBe(sync);
    const later = new Error('later');
    await expect(nines.track('jobs', () => Promise.reject(later))).rejects.toBe(later);
    now += 1000;
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 2, total: 4 });
  });

  it('edge cases: unknown ids and HTTP objectives are refused with the list of events objectives', async () => {
    const { nines } = setup({ objectives: [CHECKOUT, JOBS] });
    expect(() => nines.events('nope')).toThrow(
      /no objective with id "nope"; events objectives: jobs/,
    );
    expect(() => nines.events('checkout')).toThrow(/http-availability SLI/);
    let ran = false;
    await expect(
      nines.track('nope', () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_OBJECTIVE' });
    expect(ran).toBe(false);
    expect(() => setup().nines.events('jobs')).toThrow(/events objectives: \(none\)/);
  });
});
