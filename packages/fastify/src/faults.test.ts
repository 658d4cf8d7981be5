import {
  createNoopMeter,
  type Histogram,
  type Meter,
  type MeterProvider as ApiMeterProvider,
} from '@opentelemetry/api';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import type { AddressInfo } from 'node:net';
import { createNines } from '@nines/otel';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FASTIFY_VERSIONS, captureDiag, listen, type FastifyVersion } from '../test/harness.js';
import type { FastifyNinesOptions } from './options.js';
import { fastifyNines } from './plugin.js';

/**
 * Telemetry never changes a response (DESIGN.md "Errors"; issue 4 fault test): the same requests
 * against a bare app and against apps whose meter, exporter or Nines throws give the same
 * status, headers and body.
 */

const apps: FastifyInstance[] = [];
let diagnostics: ReturnType<typeof captureDiag> | undefined;
afterEach(async () => {
  diagnostics?.stop();
  diagnostics = undefined;
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const REQUESTS: readonly (readonly [string, string])[] = [
  ['GET', '/users/7'],
  ['HEAD', '/users/7'],
  ['POST', '/users/7'],
  ['GET', '/boom'],
  ['GET', '/bad'],
  ['GET', '/nope'],
  ['PURGE', '/users/7'],
];

async function makeApp(v: FastifyVersion, options: FastifyNinesOptions | undefined) {
  const app = v.create({ logger: false });
  apps.push(app);
  if (options !== undefined) await app.register(fastifyNines, options);
  app.get('/users/:id', (request) => ({ id: (request.params as { id: string }).id }));
  app.get('/boom', () => Promise.reject(new TypeError('boom')));
  app.get('/bad', () => Promise.reject(Object.assign(new Error('bad'), { statusCode: 400 })));
  return app;
}

/** What a client sees, minus the headers that differ between any two responses. */
async function responses(app: FastifyInstance) {
  const base = app.server.listening ? baseOf(app) : await listen(app);
  const out = [];
  for (const [method, path] of REQUESTS) {
    const res = await fetch(base + path, { method });
    const headers = Object.fromEntries(
      [...res.headers].filter(([name]) => name !== 'date' && name !== 'keep-alive'),
    );
    out.push({ method, path, status: res.status, headers, body: await res.text() });
  }
  return out;
}

function baseOf(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

function throwingMeterProvider(where: 'createHistogram' | 'record'): ApiMeterProvider {
  const meter: Meter = createNoopMeter();
  const throwing: Meter = Object.assign(Object.create(meter) as Meter, {
    createHistogram(): Histogram {
      if (where === 'createHistogram') throw new Error('meter broke');
      return {
        record() {
          throw new Error('record broke');
        },
      };
    },
  });
  return { getMeter: () => throwing };
}

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it.each(['createHistogram', 'record'] as const)(
    'a meter that throws in %s never changes a response',
    async (where) => {
      diagnostics = captureDiag();
      const bare = await responses(await makeApp(v, undefined));
      const objectives = [
        {
          id: 'all',
          target: 0.9,
          window: '1h',
          sli: { kind: 'http-availability' as const, matchers: [] },
        },
      ];
      const app = await makeApp(v, {
        meterProvider: throwingMeterProvider(where),
        manualTimers: true,
        objectives,
      });
      expect(await responses(app)).toEqual(bare);
      // The SLO feed is independent of the meter: every request still counted.
      expect(app.nines.evaluate()?.objectives.map((o) => [o.good, o.total])).toEqual([[6, 7]]);
      expect(
        diagnostics.lines.some((line) => line.includes('broke') || /fail|throw/i.test(line)),
      ).toBe(true);
    },
  );

  it('an exporter that throws never changes a response', async () => {
    diagnostics = captureDiag();
    const bare = await responses(await makeApp(v, undefined));
    let exports = 0;
    const exporter: PushMetricExporter = {
      export: () => {
        exports++;
        throw new Error('exporter broke');
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    };
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 10 });
    const provider = new MeterProvider({ readers: [reader] });
    const app = await makeApp(v, { meterProvider: provider, manualTimers: true });
    expect(await responses(app)).toEqual(bare);
    await provider.forceFlush().catch(() => undefined);
    expect(await responses(app)).toEqual(bare);
    expect(exports).toBeGreaterThan(0); // the exporter did run, and threw
    await provider.shutdown().catch(() => undefined);
  });

  it('a Nines that throws on every call never changes a response; one diag line', async () => {
    diagnostics = captureDiag();
    const bare = await responses(await makeApp(v, undefined));
    const nines = createNines({ manualTimers: true });
    vi.spyOn(nines, 'requestStarted').mockImplementation(() => {
      throw new Error('start broke');
    });
    const app = await makeApp(v, { nines });
    expect(await responses(app)).toEqual(bare);

    const nines2 = createNines({ manualTimers: true });
    vi.spyOn(nines2, 'requestEnded').mockImplementation(() => {
      throw new Error('end broke');
    });
    const app2 = await makeApp(v, { nines: nines2 });
    expect(await responses(app2)).toEqual(bare);

    // With body sizes the end comes from Fastify's onResponse hook instead of the watch.
    const nines3 = createNines({ manualTimers: true, bodySizes: true });
    vi.spyOn(nines3, 'requestEnded').mockImplementation(() => {
      throw new Error('end broke');
    });
    const app3 = await makeApp(v, { nines: nines3 });
    expect(await responses(app3)).toEqual(bare);
    expect(diagnostics.lines.filter((line) => line.includes('@nines/fastify'))).toEqual([
      'error @nines/fastify: the onRequest hook failed; requests go on unrecorded where it fails',
      'error @nines/fastify: the response-end callback failed; requests go on unrecorded where it fails',
      'error @nines/fastify: the onResponse hook failed; requests go on unrecorded where it fails',
    ]);
    await nines.shutdown();
    await nines2.shutdown();
    await nines3.shutdown();
  });
});
