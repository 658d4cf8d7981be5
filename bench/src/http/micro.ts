/**
 * Hot-path micro benchmark (issue #4 target: < 0.5 µs of CPU per request for Nines): the
 * per-request work of each instrumentation, called in a loop, no HTTP.
 *
 * - Nines: `createNines({ export: 'producer', objectives, meterProvider })`, then
 *   `requestStarted(method, scheme)` + `requestEnded(start, end)` with one reused end object,
 *   as the adapters call it; a Prometheus exporter reads the producer; two objectives attached.
 * - @nines/otel recorder alone: `createHttpMetrics({ export: 'producer', listeners })`, clock
 *   read twice + `record(...)`: the part of the above below the service layer.
 * - OpenTelemetry: clock read twice + `histogram.record(seconds, {5 semconv attributes})`, the
 *   attribute object built per call as a middleware does, SDK MeterProvider + Prometheus exporter.
 * - prom-client: clock read twice + `histogram.observe({method, route, status_code}, seconds)`.
 * - The clock alone (`performance.now()` twice), for scale.
 *
 * Each contender handles the same four rotating requests (200, 201, 500, unmatched 404).
 * Reported: median over rounds of process CPU ns per request (`process.cpuUsage`, so time the
 * scheduler gives to other processes does not count) and of wall ns per request. Rounds
 * alternate contenders, rotating the order; the event loop runs between rounds so the
 * evaluator's timers tick as in a server.
 *
 * Run: pnpm --filter @nines/bench run bench:http:micro
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Attributes } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createEvaluator, HTTP_SERVER_DURATION_BOUNDARIES } from '@nines/core';
import {
  createHttpMetrics,
  createNines,
  createObjectiveListener,
  type RequestEnd,
} from '@nines/otel';
import { Histogram, Registry } from 'prom-client';
import { fmt, markdownTable, median } from '../harness.js';
import { benchObjectives } from './servers/objectives.js';

/** The four requests every contender handles, in turn. */
const REQUESTS = [
  { route: '/api/users/:id', method: 'GET', status: 200 },
  { route: '/api/users', method: 'POST', status: 201 },
  { route: '/api/users/:id', method: 'GET', status: 500 },
  { route: undefined, method: 'GET', status: 404 },
] as const;

interface Contender {
  readonly name: string;
  /** Operations per round, sized so a round takes tens of ms. */
  readonly ops: number;
  readonly run: (n: number) => void;
}

const contenders: Contender[] = [];

// Nines, through the service layer, as the adapters call it.
const nines = createNines({ export: 'producer', objectives: benchObjectives() });
if (nines.metricProducer === undefined)
  throw new Error('createNines gave no metricProducer in producer mode');
new MeterProvider({
  readers: [
    new PrometheusExporter({ preventServerStart: true, metricProducers: [nines.metricProducer] }),
  ],
});
{
  const ends: RequestEnd[] = REQUESTS.map((r) => ({
    route: r.route,
    method: r.method,
    status: r.status,
    error: undefined,
    failure: undefined,
    scheme: 'http',
    httpVersion: '1.1',
  }));
  contenders.push({
    name: 'Nines: requestStarted + requestEnded (producer, 2 objectives)',
    ops: 1_000_000,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        const end = ends[i & 3]!;
        const start = nines.requestStarted(end.method, 'http');
        nines.requestEnded(start, end);
      }
    },
  });
}

// @nines/otel recorder alone, producer mode, objectives attached through a listener.
{
  const recorderObjectives = benchObjectives();
  const evaluator = createEvaluator({ objectives: recorderObjectives });
  const metrics = createHttpMetrics({
    export: 'producer',
    listeners: [createObjectiveListener(recorderObjectives, evaluator)],
  });
  new MeterProvider({
    readers: [
      new PrometheusExporter({
        preventServerStart: true,
        metricProducers: [metrics.metricProducer],
      }),
    ],
  });
  contenders.push({
    name: '@nines/otel recorder: 2 × performance.now() + record(...) (producer, 2 objectives)',
    ops: 1_000_000,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        const r = REQUESTS[i & 3]!;
        const start = performance.now();
        metrics.record(
          r.route,
          r.method,
          r.status,
          undefined,
          'http',
          '1.1',
          (performance.now() - start) / 1000,
        );
      }
    },
  });
}

// Plain OpenTelemetry histogram, 5 attributes built per request.
{
  const provider = new MeterProvider({
    readers: [new PrometheusExporter({ preventServerStart: true })],
  });
  const histogram = provider
    .getMeter('bench-micro')
    .createHistogram('http.server.request.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: [...HTTP_SERVER_DURATION_BOUNDARIES] },
    });
  contenders.push({
    name: 'OpenTelemetry: 2 × performance.now() + histogram.record (5 attributes)',
    ops: 100_000,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        const r = REQUESTS[i & 3]!;
        const start = performance.now();
        const attributes: Attributes = {
          'http.request.method': r.method,
          'url.scheme': 'http',
          'http.response.status_code': r.status,
          'network.protocol.version': '1.1',
        };
        if (r.route !== undefined) attributes['http.route'] = r.route;
        histogram.record((performance.now() - start) / 1000, attributes);
      }
    },
  });
}

// prom-client histogram, 3 labels.
{
  const registry = new Registry();
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'duration',
    labelNames: ['method', 'route', 'status_code'],
    registers: [registry],
  });
  contenders.push({
    name: 'prom-client: 2 × performance.now() + histogram.observe (3 labels)',
    ops: 300_000,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        const r = REQUESTS[i & 3]!;
        const start = performance.now();
        histogram.observe(
          { method: r.method, route: r.route ?? '', status_code: r.status },
          (performance.now() - start) / 1000,
        );
      }
    },
  });
}

// The clock alone.
{
  let sink = 0;
  contenders.push({
    name: 'reference: 2 × performance.now()',
    ops: 2_000_000,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        sink += performance.now() - start;
      }
      if (sink < 0) console.log(sink);
    },
  });
}

const ROUNDS = 15;
const cpuNs: number[][] = contenders.map(() => []);
const wallNs: number[][] = contenders.map(() => []);
for (const c of contenders) c.run(c.ops); // warm-up: JIT, and the first call per series creates it
await yieldToLoop();
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < contenders.length; k++) {
    const index = (k + round) % contenders.length;
    const c = contenders[index]!;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    c.run(c.ops);
    const wall = Number(process.hrtime.bigint() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuNs[index]!.push(((cpu.user + cpu.system) * 1000) / c.ops);
    wallNs[index]!.push(wall / c.ops);
    await yieldToLoop(); // let timers (evaluator flush) run, as between requests in a server
  }
}
await nines.shutdown();

const rows = contenders.map((c, i) => ({
  name: c.name,
  cpu: median(cpuNs[i]!),
  wall: median(wallNs[i]!),
}));
const ninesRow = rows[0]!;
const lines = [
  '#### Hot path micro benchmark (micro.ts)',
  '',
  `Node ${process.version}; ${String(ROUNDS)} rounds, contenders alternated; median ns per request ` +
    '(CPU: process.cpuUsage; wall: hrtime). Four rotating requests: 200, 201, 500, unmatched 404.',
  '',
  markdownTable(
    ['Per request', 'CPU ns (median)', 'wall ns (median)', 'CPU vs Nines'],
    rows.map((r) => [r.name, fmt(r.cpu, 0), fmt(r.wall, 0), `${fmt(r.cpu / ninesRow.cpu, 1)}×`]),
  ),
  '',
  `- hot path < 500 ns CPU per request: ${ninesRow.cpu < 500 ? 'met' : 'MISSED'} (${fmt(ninesRow.cpu, 0)} ns).`,
];
console.log(lines.join('\n'));
