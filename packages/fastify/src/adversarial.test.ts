import { METHODS } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FASTIFY_VERSIONS,
  durationCounts,
  listen,
  meterSetup,
  pipelined,
} from '../test/harness.js';
import { fastifyNines } from './plugin.js';

// A real gc() for the heap check (vitest does not start Node with --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Semconv's known methods (REFERENCE.md §5.3); every other method is `_OTHER`. */
const KNOWN = [
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
  'QUERY',
];
const REQUESTS = 100_000;
const WARM_UP = 10_000;

/**
 * Adversarial traffic (issue 4; REFERENCE.md §11.1 #2, #3, #16): 100,000 requests with random
 * paths and random methods: any that Node's parser lets through (`http.METHODS`, 24 of them
 * unknown to semconv; `CONNECT` is a tunnel, not a request, and never reaches Fastify). Other
 * tokens are rejected by Node (`HPE_INVALID_METHOD`, plugin.test.ts #3).
 *
 * Sent over real sockets, pipelined (test/harness.ts `pipelined`), not with `inject()`: on
 * Node 20 with Fastify 5.12.8 / light-my-request 6.8.1, `inject()` retains about 9 KB per
 * request even without this plugin (measured: +181 MB after 20,000 injects on a bare app, +0.1
 * MB over real sockets), which would hide any growth of ours.
 */
describe.each(FASTIFY_VERSIONS)('$name: 100,000 random requests', (v) => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('leave the exported series bounded and the heap flat', { timeout: 120_000 }, async () => {
    const { provider, reader } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
    app.all('/api/users/:id', () => 'user');
    app.get('/api/files/*', () => 'file');
    const base = await listen(app);

    // Random paths under a route, under a wildcard, and nowhere; random methods. Every path is
    // new: a random tail plus the request's index.
    const shapes = fc.sample(
      fc.tuple(
        fc.constantFrom(...METHODS.filter((m) => m !== 'CONNECT')),
        fc.constantFrom('/api/users/', '/api/files/', '/', '/wp-admin/', '/.env/'),
        fc.stringMatching(/^[a-z0-9]{1,24}$/),
      ),
      { numRuns: 1000, seed: 4 },
    );
    const requests = Array.from({ length: REQUESTS }, (_, i) => {
      const [method, prefix, tail] = shapes[i % shapes.length]!;
      return [method, `${prefix}${tail}${i.toString(36)}`] as const;
    });

    const warm = await pipelined(base, requests.slice(0, WARM_UP));
    const before = heapAfterGc();
    const seriesBefore = (await durationCounts(reader)).length;
    const rest = await pipelined(base, requests.slice(WARM_UP));
    const after = heapAfterGc();
    const series = await durationCounts(reader);

    expect(warm.length + rest.length).toBe(REQUESTS);
    // Fastify 4 answers methods it does not support (of Node's, only QUERY) with a 404 before
    // any hook runs, so those are not recorded (plugin.test.ts, "Fastify 4 and QUERY").
    const unseen = v.major === 4 ? requests.filter(([method]) => method === 'QUERY').length : 0;
    expect(v.major === 4 ? unseen > 0 : unseen === 0).toBe(true);
    const total = series.reduce((sum, row) => sum + row.count, 0);
    expect(total).toBe(REQUESTS - unseen);
    // Routes: two templates or none, never a raw path; methods: the known ones or _OTHER.
    const statuses = new Set<unknown>();
    for (const { attributes } of series) {
      expect([undefined, '/api/users/:id', '/api/files/*']).toContain(attributes['http.route']);
      expect([...KNOWN, '_OTHER']).toContain(attributes['http.request.method']);
      statuses.add(attributes['http.response.status_code']);
    }
    expect([...statuses].sort()).toEqual([...new Set([...warm, ...rest])].sort());
    // Fastify 5 answers a QUERY without Content-Type with 400 (FST_ERR_ROUTE_MISSING_CONTENT_TYPE).
    expect([...statuses].sort()).toEqual(v.major === 5 ? [200, 400, 404] : [200, 404]);
    // 3 route values x 11 method values x the statuses seen: the bound whatever the traffic.
    expect(series.length).toBeLessThanOrEqual(3 * (KNOWN.length + 1) * statuses.size);
    expect(series.length).toBe(seriesBefore); // nothing new after the warm-up
    expect(app.nines.metrics.tableSizes().routes).toBe(2);
    // Heap: 90,000 more requests with new paths and methods add well under 4 MB.
    expect(after - before).toBeLessThan(4 * 1024 * 1024);
  });
});
