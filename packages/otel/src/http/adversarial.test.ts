import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWN_METHODS } from './methods.js';
import {
  DEFAULT_MAX_ERROR_TYPES,
  DEFAULT_MAX_ROUTES,
  DEFAULT_MAX_SERIES,
  MAX_PROTOCOL_VERSIONS,
  MAX_SCHEMES,
} from './options.js';
import { createHttpMetrics, type ProducerHttpMetrics } from './recorder.js';

/*
 * REFERENCE.md §11.1 #2 (scanner floods of random 404 paths) and #16 (cardinality overflow):
 * memory must not grow with attacker-chosen paths, methods or headers.
 */

/** mulberry32: a seeded PRNG so every run sees the same "random" traffic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomToken(random: () => number): string {
  return Math.floor(random() * 2 ** 48).toString(36);
}

/** Gets V8's `gc()` without the `--expose-gc` command-line flag. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * A misbehaving adapter: random raw paths as routes, random methods (known, lowercase, junk),
 * random exception names, client-chosen schemes and protocol versions.
 */
function adversarialFlood(recorder: ProducerHttpMetrics, count: number, seed: number): void {
  const random = prng(seed);
  const methods = [...DEFAULT_KNOWN_METHODS, 'get', 'PURGE'];
  for (let i = 0; i < count; i++) {
    const matched = random() < 0.5;
    const route = matched ? `/${randomToken(random)}/${randomToken(random)}` : undefined;
    const method =
      random() < 0.8 ? methods[Math.floor(random() * methods.length)]! : randomToken(random);
    const status = matched ? (random() < 0.9 ? 200 : 500) : 404;
    const errorType = status === 500 && random() < 0.5 ? `Error${randomToken(random)}` : undefined;
    const scheme = random() < 0.9 ? 'http' : randomToken(random);
    const protocol = random() < 0.9 ? '1.1' : randomToken(random);
    recorder.record(route, method, status, errorType, scheme, protocol, random() * 2);
  }
}

describe('adversarial traffic keeps memory bounded', () => {
  it('a well-behaved adapter under a 404 flood: series count constant (REFERENCE.md §11.1 #2)', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    const random = prng(1);
    const methods = [...DEFAULT_KNOWN_METHODS, 'get', 'PURGE', 'M-SEARCH'];
    for (let i = 0; i < 100_000; i++) {
      // The raw path never reaches the recorder: unmatched requests pass route undefined.
      const method =
        random() < 0.5 ? methods[Math.floor(random() * methods.length)]! : randomToken(random);
      recorder.record(undefined, method, 404, undefined, 'http', '1.1', random());
    }
    // One series per http.request.method value: 10 known methods + _OTHER.
    expect(recorder.tableSizes()).toEqual({
      routes: 0,
      series: 11,
      overflowSeries: false,
      errorTypes: 0,
      schemes: 2,
      protocolVersions: 4,
      servers: 0,
      activeSlots: 0,
    });
    const { resourceMetrics } = await recorder.metricProducer.collect();
    const points = resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints ?? [];
    expect(points).toHaveLength(11);
    expect(points.reduce((sum, point) => sum + (point.value as { count: number }).count, 0)).toBe(
      100_000,
    );
  });

  it('a misbehaving adapter passing raw paths: every table stops at its cap', async () => {
    const maxSeries = 300;
    const recorder = createHttpMetrics({ export: 'producer', maxSeries });
    adversarialFlood(recorder, 100_000, 2);
    const full = {
      routes: DEFAULT_MAX_ROUTES,
      series: maxSeries,
      overflowSeries: true,
      errorTypes: DEFAULT_MAX_ERROR_TYPES,
      schemes: MAX_SCHEMES,
      protocolVersions: MAX_PROTOCOL_VERSIONS,
      servers: 0,
      activeSlots: 0,
    };
    expect(recorder.tableSizes()).toEqual(full);
    const { resourceMetrics } = await recorder.metricProducer.collect();
    const points = resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints ?? [];
    expect(points).toHaveLength(maxSeries + 1);
    expect(points.reduce((sum, point) => sum + (point.value as { count: number }).count, 0)).toBe(
      100_000,
    );
    const routes = new Set(points.map((point) => point.attributes['http.route']));
    expect(routes.size).toBeLessThanOrEqual(DEFAULT_MAX_ROUTES + 2); // + "_OTHER" + absent
    // A second flood of fresh values changes nothing.
    adversarialFlood(recorder, 100_000, 3);
    expect(recorder.tableSizes()).toEqual(full);
  });

  it('stays within the default caps', () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    adversarialFlood(recorder, 100_000, 6);
    const sizes = recorder.tableSizes();
    expect(sizes.routes).toBe(DEFAULT_MAX_ROUTES);
    expect(sizes.errorTypes).toBe(DEFAULT_MAX_ERROR_TYPES);
    expect(sizes.series).toBeLessThanOrEqual(DEFAULT_MAX_SERIES);
  });

  it('keeps the heap flat once the tables are full', () => {
    const gc = exposeGc();
    const recorder = createHttpMetrics({ export: 'producer', maxSeries: 300 });
    adversarialFlood(recorder, 100_000, 4);
    gc();
    const before = process.memoryUsage().heapUsed;
    adversarialFlood(recorder, 100_000, 5);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // 100,000 retained random routes would take several MB; the tables are full, so nothing is
    // retained. The margin covers V8's own noise (JIT code, feedback) between the two readings.
    expect(growth).toBeLessThan(512 * 1024);
    expect(recorder.tableSizes().series).toBe(300);
  });
});

describe('the hot path does not allocate after warm-up (producer mode)', () => {
  it('triggers no young-generation GC over 1,000,000 records', async () => {
    const recorder = createHttpMetrics({
      export: 'producer',
      listeners: [
        {
          bindSeries: () => [
            { kind: 'availability', handle: { good() {}, bad() {} } },
            { kind: 'latency', threshold: 0.25, handle: { good() {}, bad() {} } },
          ],
        },
      ],
    });
    const routes = ['/users/:id', '/orders', undefined];
    const methods = ['GET', 'POST', 'PURGE'];
    const statuses = [200, 503, 404];
    const durations = [0.001, 0.3, 12];
    const run = (count: number): void => {
      for (let i = 0; i < count; i++) {
        const k = i % 3;
        recorder.record(
          routes[k],
          methods[k]!,
          statuses[k],
          undefined,
          'http',
          '1.1',
          durations[k]!,
        );
      }
    };
    run(200_000); // warm-up: create the series, let V8 optimise
    const gc = exposeGc();
    gc();
    let minorGcs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // NODE_PERFORMANCE_GC_MINOR = 1 (perf_hooks.constants)
        if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) minorGcs++;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    run(1_000_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    // Even 16 bytes per record would be 16 MB: several scavenges of V8's 16 MB young generation.
    expect(minorGcs).toBeLessThanOrEqual(1);
    expect(recorder.tableSizes().series).toBe(3);
  });
});
