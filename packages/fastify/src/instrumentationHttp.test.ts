/**
 * REFERENCE.md §11.1 #17 and §5.7: @opentelemetry/instrumentation-http active next to the plugin
 * on a real listening Fastify server, both on one MeterProvider. instrumentation-http records on
 * the response's `close`; Fastify's `onResponse` runs on `finish`, before it, inside the context
 * instrumentation-http bound to the response, so the plugin can hand it our route template.
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import { context } from '@opentelemetry/api';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { InstrumentationHttpMode } from '@nines/otel';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FASTIFY_VERSIONS, listen, meterSetup, until } from '../test/harness.js';
import { fastifyNines } from './plugin.js';

const DURATION = 'http.server.request.duration';
const OURS = '@nines/otel';
const THEIRS = '@opentelemetry/instrumentation-http';

const contextManager = new AsyncLocalStorageContextManager().enable();
context.setGlobalContextManager(contextManager);
const instrumentation = new HttpInstrumentation();
// Fastify required node:http before the instrumentation existed; this require() runs the
// require-in-the-middle hook, which patches the shared Server.prototype.emit.
const http = createRequire(import.meta.url)('node:http') as typeof Http;

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(() => {
  instrumentation.disable();
  context.disable();
});

interface Seen {
  scope: string;
  route: unknown;
  status: unknown;
  errorType: unknown;
  count: number;
}

/** Every duration point of one collection, with the scope that exported it. */
async function durationByScope(reader: MetricReader): Promise<Seen[]> {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  return resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics.map((metric) => ({ scope: scope.scope.name, metric })))
    .filter(({ metric }) => metric.descriptor.name === DURATION)
    .flatMap(({ scope, metric }) =>
      metric.dataPoints.map((point) => ({
        scope,
        route: point.attributes['http.route'],
        status: point.attributes['http.response.status_code'],
        errorType: point.attributes['error.type'],
        count: (point.value as { count: number }).count,
      })),
    )
    .sort((a, b) => `${a.scope}${String(a.route)}`.localeCompare(`${b.scope}${String(b.route)}`));
}

describe.each(FASTIFY_VERSIONS)('$name with instrumentation-http', (v) => {
  async function start(mode: InstrumentationHttpMode | undefined) {
    const { provider, reader } = meterSetup();
    instrumentation.setMeterProvider(provider);
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, {
      meterProvider: provider,
      manualTimers: true,
      ...(mode === undefined ? {} : { instrumentationHttp: mode }),
      objectives: [
        {
          id: 'availability',
          target: 0.99,
          window: '1h',
          sli: { kind: 'http-availability', matchers: [] },
        },
      ],
    });
    await app.register(
      (api, _o, done) => {
        api.get('/users/:id', () => 'user');
        api.get('/boom', () => Promise.reject(new RangeError('boom')));
        done();
      },
      { prefix: '/api' },
    );
    const base = await listen(app);
    for (const path of ['/api/users/1', '/api/users/2', '/api/boom', '/nowhere']) {
      await (await fetch(base + path)).arrayBuffer();
    }
    // instrumentation-http records on `close`, after the client saw the end.
    await until(
      async () =>
        (await durationByScope(reader))
          .filter((one) => one.scope === THEIRS)
          .reduce((sum, one) => sum + one.count, 0) === 4,
    );
    return { app, reader };
  }

  it('patches node:http (the test is real)', () => {
    expect((http.Server.prototype.emit as { __wrapped?: boolean }).__wrapped).toBe(true);
  });

  it('enrich (default): only its series are exported, carrying our route; SLOs still fed', async () => {
    const { app, reader } = await start(undefined);
    expect(await durationByScope(reader)).toEqual([
      // instrumentation-http's own error.type for a 5xx is the status text (REFERENCE.md §5.3).
      { scope: THEIRS, route: '/api/boom', status: 500, errorType: '500', count: 1 },
      { scope: THEIRS, route: '/api/users/:id', status: 200, errorType: undefined, count: 2 },
      { scope: THEIRS, route: undefined, status: 404, errorType: undefined, count: 1 },
    ]);
    expect(app.nines.evaluate()?.objectives[0]).toMatchObject({ good: 3, total: 4 });
  });

  it('record: both are exported (two scopes, so sums would double-count)', async () => {
    const { reader } = await start('record');
    expect(await durationByScope(reader)).toEqual([
      // ours: the exception class wins over the status text
      { scope: OURS, route: '/api/boom', status: 500, errorType: 'RangeError', count: 1 },
      { scope: OURS, route: '/api/users/:id', status: 200, errorType: undefined, count: 2 },
      { scope: OURS, route: undefined, status: 404, errorType: undefined, count: 1 },
      { scope: THEIRS, route: '/api/boom', status: 500, errorType: '500', count: 1 },
      { scope: THEIRS, route: '/api/users/:id', status: 200, errorType: undefined, count: 2 },
      { scope: THEIRS, route: undefined, status: 404, errorType: undefined, count: 1 },
    ]);
  });

  it('ignore: both exported, and its route stays unset', async () => {
    const { reader } = await start('ignore');
    const seen = await durationByScope(reader);
    const theirs = seen.filter((one) => one.scope === THEIRS);
    expect(theirs.map(({ route, status, count }) => [route, status, count])).toEqual([
      [undefined, 200, 2],
      [undefined, 500, 1],
      [undefined, 404, 1],
    ]);
    expect(seen.filter((one) => one.scope === OURS).reduce((n, one) => n + one.count, 0)).toBe(4);
  });
});
