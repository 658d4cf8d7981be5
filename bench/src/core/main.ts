/**
 * @nines/core benchmarks (issue #2 targets):
 * - feeding the evaluator through a precomputed handle: >= 20 million events/s on one core;
 * - memory: <= 256 KiB per objective for a 30-day window, independent of traffic (100 objectives);
 * - one evaluation pass over 100 objectives x 4 tiers: < 1 ms.
 * Reference points in the same run: a prom-client Counter.inc() and an OpenTelemetry
 * Counter.add() on an SDK MeterProvider, the usual ways a Node service counts an event.
 *
 * Run: pnpm --filter @nines/bench run bench:core
 */
import { metrics } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createEvaluator, defineObjective, estimateMemory, type Objective } from '@nines/core';
import { Counter, Registry } from 'prom-client';
import { compare, fmt, markdownTable, median } from '../harness.js';

const DAY = 86_400_000;

function objectives(count: number): Objective[] {
  return Array.from({ length: count }, (_, i) =>
    defineObjective({
      id: `objective-${i}`,
      targetPercent: 99.9,
      window: '30d',
      sli: { kind: 'events' },
    }),
  );
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// 1. Feeding.
let now = Date.UTC(2026, 0, 1);
const feedEvaluator = createEvaluator({ objectives: objectives(1), clock: () => now });
const handle = feedEvaluator.handle('objective-0');
const registry = new Registry();
const promCounter = new Counter({ name: 'events_total', help: 'events', registers: [registry] });
const provider = new MeterProvider();
metrics.setGlobalMeterProvider(provider);
const otelCounter = provider.getMeter('bench').createCounter('events');
const N = 20_000_000;
const feed = compare(
  [
    {
      name: 'nines handle.good()',
      run: (n) => {
        for (let i = 0; i < n; i++) handle.good();
      },
    },
    {
      name: 'nines handle.add(1, 1)',
      run: (n) => {
        for (let i = 0; i < n; i++) handle.add(1, 1);
      },
    },
    {
      name: 'prom-client Counter.inc()',
      run: (n) => {
        for (let i = 0; i < n / 10; i++) promCounter.inc();
      },
    },
    {
      name: 'OpenTelemetry Counter.add(1)',
      run: (n) => {
        for (let i = 0; i < n / 10; i++) otelCounter.add(1);
      },
    },
  ],
  N,
);
// The two peers ran a tenth of the operations (they are much slower); scale back.
const feedRows = feed.map((r, i) => {
  const nsPerOp = i >= 2 ? r.nsPerOp * 10 : r.nsPerOp;
  return [r.name, fmt(nsPerOp, 2), fmt(1e9 / nsPerOp / 1e6, 1)];
});
feedEvaluator.evaluate(now + 1000);

// 2. Memory for 100 objectives, before and after a month of traffic.
gc();
const heapBefore = process.memoryUsage().heapUsed;
const arrayBefore = process.memoryUsage().arrayBuffers;
const hundred = objectives(100);
const memEvaluator = createEvaluator({ objectives: hundred, clock: () => now });
memEvaluator.evaluate(now);
gc();
const heapAfterCreate = process.memoryUsage().heapUsed - heapBefore;
const arrayAfterCreate = process.memoryUsage().arrayBuffers - arrayBefore;
const handles = hundred.map((o) => memEvaluator.handle(o.id));
const start = now;
for (let t = 0; t < 30 * DAY; t += 60_000) {
  now = start + t;
  for (const h of handles) h.add(995, 1000);
  if (t % (10 * 60_000) === 0) memEvaluator.evaluate(now);
  else memEvaluator.tick(now);
}
gc();
const heapAfterMonth = process.memoryUsage().heapUsed - heapBefore;
const arrayAfterMonth = process.memoryUsage().arrayBuffers - arrayBefore;
const estimated = estimateMemory(hundred[0]!);

// 3. Evaluation pass over 100 objectives x 4 tiers.
const passes: number[] = [];
for (let i = 0; i < 200; i++) {
  now += 1000;
  for (const h of handles) h.add(999, 1000);
  const t0 = process.hrtime.bigint();
  memEvaluator.evaluate(now);
  passes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const evalMedian = median(passes.slice(20));
const evalP95 = [...passes.slice(20)].sort((a, b) => a - b)[Math.floor(0.95 * 180)] ?? 0;

console.log(`Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('Feeding one objective (median of 7 rounds of 20M events, alternating):\n');
console.log(markdownTable(['contender', 'ns/event', 'million events/s'], feedRows));
console.log('\nMemory, 100 objectives, 99.9% / 30d, workbook policy (4 tiers):\n');
console.log(
  markdownTable(
    ['measure', 'total', 'per objective'],
    [
      [
        'ring storage (estimateMemory)',
        `${fmt((estimated * 100) / 1024)} KiB`,
        `${fmt(estimated / 1024, 1)} KiB`,
      ],
      [
        'heap + array buffers after creation',
        `${fmt((heapAfterCreate + arrayAfterCreate) / 1024)} KiB`,
        `${fmt((heapAfterCreate + arrayAfterCreate) / 102400, 1)} KiB`,
      ],
      [
        'heap + array buffers after 30 days of traffic',
        `${fmt((heapAfterMonth + arrayAfterMonth) / 1024)} KiB`,
        `${fmt((heapAfterMonth + arrayAfterMonth) / 102400, 1)} KiB`,
      ],
    ],
  ),
);
console.log('\nOne evaluate() pass over 100 objectives x 4 tiers (180 passes after 20 warm-up):\n');
console.log(
  markdownTable(['median', 'p95'], [[`${fmt(evalMedian, 3)} ms`, `${fmt(evalP95, 3)} ms`]]),
);
