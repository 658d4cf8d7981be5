import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNines } from '@nines/otel';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FASTIFY_VERSIONS, attrs, durationCounts, listen, meterSetup } from '../test/harness.js';
import { fastifyNines } from './plugin.js';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

const apps: FastifyInstance[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const objectives = [
  {
    id: 'api-availability',
    service: 'shop',
    target: 0.99,
    window: '1h',
    sli: { kind: 'http-availability' as const, matchers: [] },
    alerting: false as const,
  },
  {
    id: 'nightly-export',
    service: 'shop',
    target: 0.9,
    window: '1h',
    sli: { kind: 'events' as const },
    alerting: false as const,
  },
];

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it('serves the status JSON on statusPath (GET and HEAD), no-store', async () => {
    let now = T0;
    const { provider } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, {
      meterProvider: provider,
      manualTimers: true,
      clock: () => now,
      objectives,
      statusPath: '/slo',
    });
    app.get('/ok', () => 'ok');
    app.get('/fail', async (_request, reply) => reply.code(500).send('no'));
    const base = await listen(app);
    for (const path of ['/ok', '/ok', '/ok', '/fail']) await (await fetch(base + path)).text();
    app.nines.events('nightly-export').add(9, 10);
    now += 60_000;
    app.nines.evaluate();

    const res = await fetch(`${base}/slo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      service: string | undefined;
      at: number;
      objectives: { id: string; good: number; total: number; sli: number | null }[];
    };
    expect(body).toEqual(JSON.parse(JSON.stringify(app.nines.status())));
    expect(body.objectives.map(({ id, good, total, sli }) => ({ id, good, total, sli }))).toEqual([
      { id: 'api-availability', good: 3, total: 4, sli: 0.75 },
      { id: 'nightly-export', good: 9, total: 10, sli: 0.9 },
    ]);

    const head = await fetch(`${base}/slo`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    // Other methods: Fastify's own 404 (no route), as for any route.
    const post = await fetch(`${base}/slo`, { method: 'POST' });
    expect(post.status).toBe(404);
    await post.text();
  });

  it('puts the status route under the prefix of its context and excludes it from objectives', async () => {
    const { provider, reader } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(
      async (admin) => {
        await admin.register(fastifyNines, {
          meterProvider: provider,
          manualTimers: true,
          objectives: [objectives[0]!],
          statusPath: '/slo',
        });
      },
      { prefix: '/admin' },
    );
    expect((await app.inject('/admin/slo')).statusCode).toBe(200);
    expect((await app.inject('/slo')).statusCode).toBe(404);
    expect(app.hasDecorator('nines')).toBe(false); // encapsulated in /admin
    expect(await durationCounts(reader)).toEqual([
      { attributes: attrs('GET', 200, { route: '/admin/slo' }), count: 1 },
    ]);
  });

  it('decorates the instance with nines: track() and events() feed custom SLIs', async () => {
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, { manualTimers: true, objectives });
    app.post('/export', async () => {
      await app.nines.track('nightly-export', () => Promise.resolve('done'));
      await app.nines
        .track('nightly-export', () => Promise.reject(new Error('disk full')))
        .catch(() => undefined);
      return 'ran';
    });
    expect((await app.inject({ method: 'POST', url: '/export' })).body).toBe('ran');
    const status = app.nines.evaluate()?.objectives.find((o) => o.id === 'nightly-export');
    expect([status?.good, status?.total]).toEqual([1, 2]);
  });

  it('shuts an owned Nines down on close: the state file is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nines-fastify-'));
    dirs.push(dir);
    const statePath = join(dir, 'state.json');
    const app = v.create({ logger: false });
    await app.register(fastifyNines, { manualTimers: true, objectives, statePath });
    app.get('/ok', () => 'ok');
    await app.inject('/ok');
    expect(existsSync(statePath)).toBe(false);
    await app.close();
    expect(existsSync(statePath)).toBe(true);
    expect(readFileSync(statePath, 'utf8')).toContain('api-availability');
  });

  it('leaves a Nines passed in to its owner unless shutdownOnClose is true', async () => {
    for (const [shutdownOnClose, calls] of [
      [undefined, 0],
      [false, 0],
      [true, 1],
    ] as const) {
      const nines = createNines({ manualTimers: true });
      const shutdown = vi.spyOn(nines, 'shutdown');
      const app = v.create({ logger: false });
      await app.register(fastifyNines, {
        nines,
        ...(shutdownOnClose === undefined ? {} : { shutdownOnClose }),
      });
      await app.ready();
      expect(app.nines).toBe(nines);
      await app.close();
      expect(shutdown).toHaveBeenCalledTimes(calls);
      await nines.shutdown();
    }
  });
});
