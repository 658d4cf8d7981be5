import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { Readable } from 'node:stream';
import { AggregationType, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { HTTP_SERVER_DURATION_BOUNDARIES } from '@nines/core';
import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FASTIFY_VERSIONS,
  attrs,
  captureDiag,
  collectMetrics,
  durationCounts,
  expectSeries,
  durationMetric,
  listen,
  meterSetup,
  until,
  type FastifyVersion,
} from '../test/harness.js';
import type { FastifyNinesOptions } from './options.js';
import { fastifyNines } from './plugin.js';

class PaymentDeclined extends Error {}

/** The routes every case uses, registered under `/api` (REFERENCE.md §5.8 scenarios). */
const routes: FastifyPluginCallback = (api, _options, done) => {
  api.get('/users/:id', (request) => ({ id: (request.params as { id: string }).id }));
  api.get('/files/*', () => 'file');
  api.get('/boom', () => Promise.reject(new Error('boom')));
  api.get('/declined', () => Promise.reject(new PaymentDeclined('card declined')));
  api.get('/type', () => Promise.reject(new TypeError('x is not a function')));
  api.get('/bad', () => Promise.reject(Object.assign(new Error('bad input'), { statusCode: 400 })));
  api.get('/teapot', async (_request, reply) => reply.code(418).send('short and stout'));
  api.get('/unavailable', async (_request, reply) => reply.code(503).send('later'));
  api.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'late';
  });
  api.get('/sleep', async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    return 'slept';
  });
  api.get('/hang', () => new Promise(() => {}));
  api.get('/stream', (_request, reply) => {
    let chunks = 0;
    const body = new Readable({
      read() {
        setTimeout(() => this.push(chunks++ < 3 ? 'chunk\n' : null), 100);
      },
    });
    void reply.type('text/plain').send(body);
  });
  api.register((handled, _o, next) => {
    handled.setErrorHandler(async (_error, _request, reply) => reply.code(200).send('recovered'));
    handled.get('/handled', () => Promise.reject(new Error('handled by the error handler')));
    next();
  });
  done();
};

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function build(
  v: FastifyVersion,
  options: Partial<FastifyNinesOptions> = {},
  serverOptions: Parameters<FastifyVersion['create']>[0] = {},
) {
  const { provider, reader } = meterSetup();
  const app = v.create({ logger: false, ...serverOptions });
  apps.push(app);
  await app.register(fastifyNines, { meterProvider: provider, manualTimers: true, ...options });
  await app.register(routes, { prefix: '/api' });
  await app.ready();
  return { app, reader, provider };
}

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it('records one series per route template, method and status (the basic row)', async () => {
    const { app, reader } = await build(v);
    for (const id of ['1', '2', '3']) {
      const res = await app.inject({ method: 'GET', url: `/api/users/${id}` });
      expect(res.statusCode).toBe(200);
    }
    const { metric, rows } = await durationMetric(reader);
    expect(metric?.descriptor).toMatchObject({ name: 'http.server.request.duration', unit: 's' });
    expect(rows.map(({ attributes, count }) => ({ attributes, count }))).toEqual([
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 3 },
    ]);
  });

  // REFERENCE.md §11.1 #1 (SC L134; Fastify routeOptions.url undefined on 404)
  it('#1 an unmatched route has no http.route, status 404, no error.type', async () => {
    const { app, reader } = await build(v);
    const res = await app.inject({ method: 'GET', url: '/no/such/path' });
    expect(res.statusCode).toBe(404);
    await expectSeries(reader, [{ attributes: attrs('GET', 404), count: 1 }]);
  });

  // REFERENCE.md §11.1 #2 (gofr#4163, fastify-metrics#99): a scanner's random paths
  it('#2 a flood of random 404 paths keeps one series', async () => {
    const { app, reader } = await build(v);
    for (let i = 0; i < 500; i++) {
      await app.inject({ method: 'GET', url: `/wp-admin/${i}/${Math.random().toString(36)}.php` });
    }
    await expectSeries(reader, [{ attributes: attrs('GET', 404), count: 500 }]);
  });

  // REFERENCE.md §11.1 #3 (SC L97-110): unknown methods are _OTHER, Fastify answers 404
  it('#3 unknown methods are _OTHER and reach the 404 handler without a route', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    for (const method of ['PURGE', 'PROPFIND', 'M-SEARCH']) {
      const res = await fetch(`${base}/api/users/1`, { method });
      expect(res.status).toBe(404);
      await res.arrayBuffer();
    }
    await until(async () => (await durationCounts(reader)).length > 0);
    await expectSeries(reader, [{ attributes: attrs('_OTHER', 404), count: 3 }]);
  });

  // REFERENCE.md §11.1 #3: "known-methods override works"
  it('#3 knownMethods replaces the known set', async () => {
    const { app, reader } = await build(v, { knownMethods: ['GET', 'PURGE'] });
    const base = await listen(app);
    for (const method of ['PURGE', 'PROPFIND', 'GET']) {
      const res = await fetch(`${base}/nothing-here`, { method });
      await res.arrayBuffer();
    }
    await until(async () => (await durationCounts(reader)).length === 3);
    await expectSeries(reader, [
      { attributes: attrs('GET', 404), count: 1 },
      { attributes: attrs('PURGE', 404), count: 1 },
      { attributes: attrs('_OTHER', 404), count: 1 },
    ]);
  });

  // REFERENCE.md §5.3 (QUERY is a known method since semconv v1.38.0)
  it('QUERY: Fastify 5 records it; Fastify 4 answers it before any hook (not recorded)', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    const port = Number(new URL(base).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end(
          'QUERY /api/users/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n' +
            'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => {
        resolve(text);
      });
      socket.on('error', reject);
    });
    expect(reply.startsWith('HTTP/1.1 404')).toBe(true);
    if (v.major === 5) {
      await until(async () => (await durationCounts(reader)).length > 0);
      await expectSeries(reader, [{ attributes: attrs('QUERY', 404), count: 1 }]);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expectSeries(reader, []);
    }
  });

  // REFERENCE.md §11.1 #3 / §5.8: malformed methods are rejected by Node's parser
  it('#3 a malformed method never reaches the hooks (HPE_INVALID_METHOD)', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    const port = Number(new URL(base).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end('get /api/users/1 HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => {
        resolve(text);
      });
      socket.on('error', reject);
    });
    expect(reply.startsWith('HTTP/1.1 400')).toBe(true);
    await expectSeries(reader, []);
  });

  // REFERENCE.md §11.1 #8 (instrumentation-http http.ts L604-615; instana#548): abort before headers
  it('#8 a client abort before headers is recorded once, without status, error.type=aborted', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/api/slow`);
      request.on('error', () => {});
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    await until(async () => (await durationCounts(reader)).length > 0);
    // The handler finishes at 300 ms: nothing more may be recorded (never a 200).
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expectSeries(reader, [
      {
        attributes: attrs('GET', undefined, { route: '/api/slow', errorType: 'aborted' }),
        count: 1,
      },
    ]);
  });

  // REFERENCE.md §11.1 #9 (node 85a293bdfc; EPB normalizeStatusCode.js): abort after headers
  it('#9 an abort mid-body keeps the status sent and flags aborted', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/api/stream`, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', () => {});
    });
    await until(async () => (await durationCounts(reader)).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expectSeries(reader, [
      {
        attributes: attrs('GET', 200, { route: '/api/stream', errorType: 'aborted' }),
        count: 1,
      },
    ]);
  });

  it('aborts: false leaves aborted requests unrecorded (as fastify-metrics does)', async () => {
    const { app, reader } = await build(v, { aborts: false });
    const base = await listen(app);
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/api/slow`);
      request.on('error', () => {});
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expectSeries(reader, []);
  });

  // REFERENCE.md §11.1 #10 (WaveHouse#421, drive9#633): the duration covers the whole stream
  it('#10 a streamed reply is recorded when the stream ends, its duration covering it', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    const started = performance.now();
    const res = await fetch(`${base}/api/stream`);
    expect(await res.text()).toBe('chunk\nchunk\nchunk\n');
    const clientSeconds = (performance.now() - started) / 1000;
    await until(async () => (await durationCounts(reader)).length > 0);
    const { rows } = await durationMetric(reader);
    expect(rows.map(({ attributes, count }) => ({ attributes, count }))).toEqual([
      { attributes: attrs('GET', 200, { route: '/api/stream' }), count: 1 },
    ]);
    // Four reads 100 ms apart (three chunks, then the end): at least 0.35 s, at most what the
    // client waited.
    expect(rows[0]!.sum).toBeGreaterThanOrEqual(0.35);
    expect(rows[0]!.sum).toBeLessThanOrEqual(clientSeconds);
  });

  it('a hijacked reply written on the raw response is still recorded, with its status', async () => {
    const { reader, provider } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
    app.get('/raw', (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(202, { 'content-type': 'text/plain' });
      reply.raw.end('accepted');
    });
    const base = await listen(app);
    const res = await fetch(`${base}/raw`);
    expect([res.status, await res.text()]).toEqual([202, 'accepted']);
    await until(async () => (await durationCounts(reader)).length > 0);
    await expectSeries(reader, [{ attributes: attrs('GET', 202, { route: '/raw' }), count: 1 }]);
  });

  // REFERENCE.md §11.1 #11 and §5.8: onError sees 200, onResponse the final status
  it('#11 premise: in onError reply.statusCode is still 200, onResponse sees 500', async () => {
    const probe = v.create({ logger: false });
    apps.push(probe);
    const seen: [string, number][] = [];
    probe.addHook('onError', (_request, reply, _error, done) => {
      seen.push(['onError', reply.statusCode]);
      done();
    });
    probe.addHook('onResponse', (_request, reply, done) => {
      seen.push(['onResponse', reply.statusCode]);
      done();
    });
    probe.get('/boom', () => Promise.reject(new Error('boom')));
    const res = await probe.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(seen).toEqual([
      ['onError', 200],
      ['onResponse', 500],
    ]);
  });

  it.each([
    // [url, status, error.type] REFERENCE.md §11.1 #11, #12; SC http-spans L101-105
    ['/api/boom', 500, 'Error'],
    ['/api/declined', 500, 'PaymentDeclined'], // the class name, not `name`
    ['/api/type', 500, 'TypeError'], // exception name wins over the status text
    ['/api/bad', 400, undefined], // statusCode 400 error: a client error, not a failure
    ['/api/teapot', 418, undefined], // 4xx: no error.type
    ['/api/unavailable', 503, '503'], // 5xx without an exception: the status text
    ['/api/handled', 200, undefined], // handled by an error handler: not an error
  ] as const)('#11/#12 %s is recorded as %s with error.type %s', async (url, status, errorType) => {
    const { app, reader } = await build(v);
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    await expectSeries(reader, [
      {
        attributes: attrs('GET', status, {
          route: url,
          ...(errorType === undefined ? {} : { errorType }),
        }),
        count: 1,
      },
    ]);
  });

  // REFERENCE.md §11.1 #13 (FM src/types.ts L208-213; §5.8 routeOptions.url)
  it('#13 prefix, wildcard and auto-HEAD carry the registered template', async () => {
    const { app, reader } = await build(v);
    const base = await listen(app);
    for (const [method, path] of [
      ['GET', '/api/users/42'],
      ['HEAD', '/api/users/42'],
      ['GET', '/api/files/a/b/c.txt'],
      ['HEAD', '/api/files/x'],
    ] as const) {
      const res = await fetch(base + path, { method });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    await until(async () => (await durationCounts(reader)).reduce((n, r) => n + r.count, 0) === 4);
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/files/*' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
      { attributes: attrs('HEAD', 200, { route: '/api/files/*' }), count: 1 },
      { attributes: attrs('HEAD', 200, { route: '/api/users/:id' }), count: 1 },
    ]);
  });

  // REFERENCE.md §11.1 #16 (SPEC sdk.md L902-931): our own route cap, cumulative-safe
  it('#16 past maxRoutes new routes share http.route=_OTHER', async () => {
    const { app, reader } = await build(v, { maxRoutes: 2 });
    for (const id of ['1', '1']) await app.inject(`/api/users/${id}`);
    await app.inject('/api/files/x');
    await app.inject('/api/teapot');
    await app.inject('/api/unavailable');
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/files/*' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 2 },
      { attributes: attrs('GET', 418, { route: '_OTHER' }), count: 1 },
      { attributes: attrs('GET', 503, { route: '_OTHER', errorType: '503' }), count: 1 },
    ]);
  });

  // REFERENCE.md §11.1 #16: the SDK's own limit still applies on the API path
  it('#16 the SDK cardinality limit yields otel.metric.overflow=true', async () => {
    const { provider, reader } = meterSetup([
      { instrumentName: 'http.server.request.duration', aggregationCardinalityLimit: 3 },
    ]);
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
    await app.register(routes, { prefix: '/api' });
    for (const url of ['/api/users/1', '/api/files/x', '/api/teapot', '/api/bad', '/nope']) {
      await app.inject(url);
    }
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/files/*' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
      { attributes: { 'otel.metric.overflow': true }, count: 3 },
    ]);
  });

  it('#16 past maxSeries requests go to one otel.metric.overflow series', async () => {
    const { app, reader } = await build(v, { maxSeries: 2 });
    for (const url of ['/api/users/1', '/api/files/x', '/api/teapot', '/nope']) {
      await app.inject(url);
    }
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/files/*' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
      { attributes: { 'otel.metric.overflow': true }, count: 2 },
    ]);
  });

  // REFERENCE.md §11.1 #18 (sdk-metrics Aggregation.cjs; aspnetcore-grafana#4)
  it('#18 seconds, with the semconv boundaries as advice', async () => {
    const { app, reader } = await build(v);
    await app.inject('/api/sleep');
    const { metric, rows } = await durationMetric(reader);
    expect(metric?.descriptor.unit).toBe('s');
    const point = metric?.dataPoints[0] as DataPoint<Histogram>;
    expect(point.value.buckets.boundaries).toEqual([...HTTP_SERVER_DURATION_BOUNDARIES]);
    expect(HTTP_SERVER_DURATION_BOUNDARIES).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
    // 120 ms of sleep is 0.12 s, not 120.
    expect(rows[0]!.sum).toBeGreaterThanOrEqual(0.11);
    expect(rows[0]!.sum).toBeLessThan(1);
  });

  it('#18 a user view overriding the aggregation wins over the advice', async () => {
    const { provider, reader } = meterSetup([
      {
        instrumentName: 'http.server.request.duration',
        aggregation: {
          type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
          options: { boundaries: [0.1, 1] },
        },
      },
    ]);
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
    await app.register(routes, { prefix: '/api' });
    await app.inject('/api/sleep');
    const { metric } = await durationMetric(reader);
    const point = metric?.dataPoints[0] as DataPoint<Histogram>;
    expect(point.value.buckets).toEqual({ boundaries: [0.1, 1], counts: [0, 1, 0] });
  });

  // REFERENCE.md §11.1 #19 (SC L146): HTTP/2 is written "2" (not in the Fastify list, cheap to prove)
  it('#19 HTTP/2 records network.protocol.version "2"', async () => {
    const { app, reader } = await build(v, {}, { http2: true } as never);
    const base = await listen(app);
    const session = http2.connect(base);
    const status = await new Promise<number>((resolve, reject) => {
      const stream = session.request({ ':path': '/api/users/5' });
      let code = 0;
      stream.on('response', (headers) => (code = Number(headers[':status'])));
      stream.on('data', () => {});
      stream.on('end', () => {
        resolve(code);
      });
      stream.on('error', reject);
    });
    session.close();
    expect(status).toBe(200);
    await until(async () => (await durationCounts(reader)).length > 0);
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/users/:id', version: '2' }), count: 1 },
    ]);
  });

  // REFERENCE.md §11.1 #20 (FASTIFY Request.md L37-51; SC L116)
  it.each([
    [false, 'http'],
    [true, 'https'],
  ] as const)(
    '#20 X-Forwarded-Proto with trustProxy=%s gives url.scheme %s',
    async (trust, scheme) => {
      const { app, reader } = await build(v, {}, { trustProxy: trust });
      const base = await listen(app);
      const res = await fetch(`${base}/api/users/1`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await until(async () => (await durationCounts(reader)).length > 0);
      await expectSeries(reader, [
        { attributes: attrs('GET', 200, { route: '/api/users/:id', scheme }), count: 1 },
      ]);
    },
  );

  // REFERENCE.md §11.1 #21 (EPB excludeRoutes, FM routeBlacklist)
  it('#21 health and status routes stay out of the objectives, still in the metrics', async () => {
    const { app, reader } = await buildWithHealth(v, {});
    await exercise(app);
    const report = app.nines.evaluate();
    expect(report?.objectives.map((o) => [o.id, o.good, o.total])).toEqual([
      ['availability', 1, 2],
    ]);
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/health' }), count: 3 },
      { attributes: attrs('GET', 200, { route: '/slo' }), count: 2 },
      { attributes: attrs('GET', 503, { route: '/api/unavailable', errorType: '503' }), count: 1 },
    ]);
  });

  it('#21 excludeFromMetrics also keeps them out of the metrics', async () => {
    const { app, reader } = await buildWithHealth(v, { excludeFromMetrics: true });
    await exercise(app);
    expect(app.nines.evaluate()?.objectives.map((o) => [o.id, o.good, o.total])).toEqual([
      ['availability', 1, 2],
    ]);
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
      { attributes: attrs('GET', 503, { route: '/api/unavailable', errorType: '503' }), count: 1 },
    ]);
  });

  // REFERENCE.md §11.1 #23 (sdk-metrics README): no provider registered at all
  it('#23 without a MeterProvider nothing throws and the objectives still count', async () => {
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { manualTimers: true, objectives: [availability()] });
    await app.register(routes, { prefix: '/api' });
    expect((await app.inject('/api/users/1')).statusCode).toBe(200);
    expect((await app.inject('/api/boom')).statusCode).toBe(500);
    expect((await app.inject('/nope')).statusCode).toBe(404);
    expect(app.nines.evaluate()?.objectives.map((o) => [o.good, o.total])).toEqual([[2, 3]]);
  });

  // REFERENCE.md §11.1 #24 (§5.5 conflict warning): registered twice
  it('#24 registering twice counts each request once and warns once', async () => {
    const diagnostics = captureDiag();
    try {
      const { provider, reader } = meterSetup();
      const app = v.create({ logger: false });
      apps.push(app);
      await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
      await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
      // ... and once more inside a child context, which inherits the first registration.
      await app.register((child, _o, done) => {
        void child.register(fastifyNines, { meterProvider: provider, manualTimers: true });
        child.get('/child', () => 'child');
        done();
      });
      await app.register(routes, { prefix: '/api' });
      await app.inject('/api/users/1');
      await app.inject('/child');
      await expectSeries(reader, [
        { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 1 },
        { attributes: attrs('GET', 200, { route: '/child' }), count: 1 },
      ]);
      expect(diagnostics.lines.filter((l) => l.includes('registered more than once'))).toHaveLength(
        2,
      );
      expect(diagnostics.lines.filter((l) => /conflict|duplicate/i.test(l))).toEqual([]);
    } finally {
      diagnostics.stop();
    }
  });

  it('covers routes and plugins registered before it (Fastify hands hooks to existing children)', async () => {
    const { provider, reader } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    app.get('/early', () => 'early');
    await app.register((child, _o, done) => {
      child.get('/child-early', () => 'child');
      done();
    });
    await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
    app.get('/late', () => 'late');
    for (const url of ['/early', '/child-early', '/late']) await app.inject(url);
    await expectSeries(reader, [
      { attributes: attrs('GET', 200, { route: '/early' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/child-early' }), count: 1 },
      { attributes: attrs('GET', 200, { route: '/late' }), count: 1 },
    ]);
  });

  it('#24 a child registered first, then the root: each request counted once, by one Nines', async () => {
    const diagnostics = captureDiag();
    try {
      const { provider, reader } = meterSetup();
      const app = v.create({ logger: false });
      apps.push(app);
      // The child's own registration, then the root's: Fastify propagates the root's hooks into
      // the existing child, so child requests run both sets.
      let childNines: FastifyInstance['nines'] | undefined;
      await app.register(async (child) => {
        await child.register(fastifyNines, {
          meterProvider: provider,
          manualTimers: true,
          activeRequests: true,
        });
        childNines = child.nines;
        child.get('/child', () => 'child');
      });
      await app.register(fastifyNines, {
        meterProvider: provider,
        manualTimers: true,
        activeRequests: true,
      });
      app.get('/root', () => 'root');
      await app.inject('/child');
      await app.inject('/root');
      await expectSeries(reader, [
        { attributes: attrs('GET', 200, { route: '/child' }), count: 1 },
        { attributes: attrs('GET', 200, { route: '/root' }), count: 1 },
      ]);
      // The child's Nines recorded the child's request, the root's the root's; none left active.
      expect(childNines).not.toBe(app.nines);
      expect(childNines?.metrics.tableSizes().series).toBe(1);
      expect(app.nines.metrics.tableSizes().series).toBe(1);
      const active = (await collectMetrics(reader))
        .filter((m) => m.descriptor.name === 'http.server.active_requests')
        .flatMap((m) => m.dataPoints.map((p) => p.value));
      expect(active.every((value) => value === 0)).toBe(true);
      expect(diagnostics.lines).toEqual([]);
    } finally {
      diagnostics.stop();
    }
  });

  it('#24 two apps on one MeterProvider share the instrument without a conflict', async () => {
    const diagnostics = captureDiag();
    try {
      const { provider, reader } = meterSetup();
      for (let i = 0; i < 2; i++) {
        const app = v.create({ logger: false });
        apps.push(app);
        await app.register(fastifyNines, { meterProvider: provider, manualTimers: true });
        await app.register(routes, { prefix: '/api' });
        await app.inject('/api/users/1');
      }
      await expectSeries(reader, [
        { attributes: attrs('GET', 200, { route: '/api/users/:id' }), count: 2 },
      ]);
      expect(diagnostics.lines).toEqual([]);
    } finally {
      diagnostics.stop();
    }
  });

  it('records a socket timeout once as error.type=timeout (onTimeout, connectionTimeout)', async () => {
    const { app, reader } = await build(v, {}, { connectionTimeout: 200 });
    const base = await listen(app);
    const outcome = await new Promise<string>((resolve) => {
      const request = http.get(`${base}/api/hang`);
      request.on('error', (error: NodeJS.ErrnoException) => {
        resolve(error.code ?? 'error');
      });
      request.on('response', () => {
        resolve('response');
      });
    });
    expect(outcome).toBe('ECONNRESET');
    await until(async () => (await durationCounts(reader)).length > 0);
    // Fastify fires onRequestAbort after onTimeout: still one record.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectSeries(reader, [
      {
        attributes: attrs('GET', undefined, { route: '/api/hang', errorType: 'timeout' }),
        count: 1,
      },
    ]);
  });

  it('timeouts: false records the same hang-up as aborted', async () => {
    const { app, reader } = await build(v, { timeouts: false }, { connectionTimeout: 200 });
    const base = await listen(app);
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/api/hang`);
      request.on('error', () => {
        resolve();
      });
    });
    await until(async () => (await durationCounts(reader)).length > 0);
    await expectSeries(reader, [
      {
        attributes: attrs('GET', undefined, { route: '/api/hang', errorType: 'aborted' }),
        count: 1,
      },
    ]);
  });
});

function availability() {
  return {
    id: 'availability',
    target: 0.99,
    window: '1h',
    sli: { kind: 'http-availability' as const, matchers: [] },
  };
}

async function buildWithHealth(v: FastifyVersion, options: Partial<FastifyNinesOptions>) {
  const { provider, reader } = meterSetup();
  const app = v.create({ logger: false });
  apps.push(app);
  await app.register(fastifyNines, {
    meterProvider: provider,
    manualTimers: true,
    objectives: [availability()],
    excludeRoutes: ['/health'],
    statusPath: '/slo',
    ...options,
  });
  app.get('/health', () => 'ok');
  await app.register(routes, { prefix: '/api' });
  return { app, reader };
}

async function exercise(app: FastifyInstance): Promise<void> {
  await app.inject('/api/users/1');
  await app.inject('/api/unavailable');
  for (let i = 0; i < 3; i++) await app.inject('/health');
  for (let i = 0; i < 2; i++) await app.inject('/slo');
}
