/**
 * Coexistence with the real @opentelemetry/instrumentation-http 0.223 (REFERENCE.md §5.7,
 * §11.1 #17): both on one node:http server, one MeterProvider.
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createNines,
  type InstrumentationHttpMode,
  type Nines,
  type RequestEnd,
} from '../src/index.js';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TestReader } from './testReader.js';

const DURATION = 'http.server.request.duration';
const OURS = '@nines/otel';
const THEIRS = '@opentelemetry/instrumentation-http';

const contextManager = new AsyncLocalStorageContextManager().enable();
context.setGlobalContextManager(contextManager);
let reader = new TestReader();
let provider = new MeterProvider({ readers: [reader] });
const instrumentation = new HttpInstrumentation();
instrumentation.setMeterProvider(provider);
// require() runs the require-in-the-middle hook that patches node:http's Server.prototype.emit.
const http = createRequire(import.meta.url)('node:http') as typeof Http;

/**
 * How the handler records: `first` prepends a `close` listener, so it runs before
 * instrumentation-http's (as @nines/express does); `late` adds it after theirs and runs it on the
 * root context, as if the context had been lost, so only the start mark can tell.
 */
type EndMode = 'first' | 'late';

let nines: Nines | undefined;
let endMode: EndMode = 'first';

const ROUTES: [RegExp, string][] = [
  [/^\/users\/\d+$/, '/users/:id'],
  [/^\/fail$/, '/fail'],
  [/^\/slow$/, '/slow'],
];

const server = http.createServer((req, res) => {
  const current = nines;
  if (current === undefined) {
    res.end();
    return;
  }
  const method = req.method ?? 'GET';
  const start = current.requestStarted(method, 'http');
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = ROUTES.find(([pattern]) => pattern.test(path))?.[1];
  const record = (): void => {
    const end: RequestEnd = {
      route,
      method,
      status: res.headersSent ? res.statusCode : undefined,
      error: undefined,
      failure: res.writableFinished ? undefined : 'aborted',
      scheme: 'http',
      httpVersion: req.httpVersion,
    };
    current.requestEnded(start, end);
  };
  if (endMode === 'first') res.prependListener('close', record);
  else {
    res.once('close', () => {
      context.with(ROOT_CONTEXT, record);
    });
  }
  if (route === '/slow') {
    slowEntered();
    const timer = setTimeout(() => res.end(), 10_000);
    res.once('close', () => {
      clearTimeout(timer);
    });
    return;
  }
  res.statusCode = route === undefined ? 404 : route === '/fail' ? 503 : 200;
  res.end('ok');
});

/** Resolved when the slow handler runs, so the client aborts a request the server has. */
let slowEntered: () => void = () => undefined;

let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  instrumentation.disable();
  context.disable();
});
afterEach(async () => {
  await nines?.shutdown();
  nines = undefined;
  endMode = 'first';
  // A fresh provider per test: cumulative series from an earlier test must not leak in.
  await provider.shutdown();
  reader = new TestReader();
  provider = new MeterProvider({ readers: [reader] });
  instrumentation.setMeterProvider(provider);
});

async function get(path: string): Promise<number> {
  const response = await fetch(`${base}${path}`);
  await response.arrayBuffer();
  return response.status;
}

/**
 * Waits until the duration series are as expected: instrumentation-http records in the
 * response's `close` listener, which may run after the client already has the body.
 */
async function expectSeries(expected: Seen[]): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(await durationSeries()).toEqual(expected);
    },
    { timeout: 5000, interval: 20 },
  );
}

function start(mode: InstrumentationHttpMode | undefined): Nines {
  nines = createNines({
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
  return nines;
}

interface Seen {
  scope: string;
  route: unknown;
  status: unknown;
  errorType: unknown;
  count: number;
}

async function durationSeries(): Promise<Seen[]> {
  const points = await reader.points(DURATION);
  return points
    .map((point) => ({
      scope: point.scope,
      route: point.attributes['http.route'],
      status: point.attributes['http.response.status_code'],
      errorType: point.attributes['error.type'],
      count: (point.value as { count: number }).count,
    }))
    .sort((a, b) => `${a.scope}${String(a.route)}`.localeCompare(`${b.scope}${String(b.route)}`));
}

describe('instrumentation-http coexistence (REFERENCE.md §5.7, §11.1 #17)', () => {
  it('patches node:http (the test is real)', () => {
    expect((http.Server.prototype.emit as { __wrapped?: boolean }).__wrapped).toBe(true);
  });

  it('enrich (default): one duration series per request, its own, with our route; SLOs still fed', async () => {
    const service = start(undefined);
    expect(await get('/users/7')).toBe(200);
    expect(await get('/users/8')).toBe(200);
    expect(await get('/fail')).toBe(503);
    expect(await get('/nowhere')).toBe(404);
    await expectSeries([
      { scope: THEIRS, route: '/fail', status: 503, errorType: '503', count: 1 },
      { scope: THEIRS, route: '/users/:id', status: 200, errorType: undefined, count: 2 },
      { scope: THEIRS, route: undefined, status: 404, errorType: undefined, count: 1 },
    ]);
    const report = service.evaluate();
    expect(report?.objectives[0]).toMatchObject({ good: 3, total: 4 });
    // Our series exist for the SLO feed only: nothing of ours is exported.
    expect(service.metrics.tableSizes().series).toBe(3);
    expect(
      (await reader.metrics())
        .filter((one) => one.scope === OURS)
        .map((one) => one.descriptor.name),
    ).not.toContain(DURATION);
  });

  it('enrich: a client abort is one series (its, status 200 as it records aborts) and a bad SLO event', async () => {
    const service = start(undefined);
    const aborted = new AbortController();
    const entered = new Promise<void>((resolve) => {
      slowEntered = resolve;
    });
    const request = fetch(`${base}/slow`, { signal: aborted.signal });
    await entered;
    aborted.abort();
    await expect(request).rejects.toThrow();
    await expectSeries([
      { scope: THEIRS, route: '/slow', status: 200, errorType: undefined, count: 1 },
    ]);
    expect(service.evaluate()?.objectives[0]).toMatchObject({ good: 0, total: 1 });
  });

  it('enrich: with the context lost at the end, the start mark still prevents a second series', async () => {
    const service = start('enrich');
    endMode = 'late';
    expect(await get('/users/1')).toBe(200);
    // instrumentation-http recorded before us (no route), and we did not double-count. Both
    // listeners run in one 'close' emit, so once its point is there, ours would be too.
    await expectSeries([
      { scope: THEIRS, route: undefined, status: 200, errorType: undefined, count: 1 },
    ]);
    expect(service.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 1 });
  });

  it('record: both export, both carry our route', async () => {
    start('record');
    expect(await get('/users/7')).toBe(200);
    await expectSeries([
      { scope: OURS, route: '/users/:id', status: 200, errorType: undefined, count: 1 },
      { scope: THEIRS, route: '/users/:id', status: 200, errorType: undefined, count: 1 },
    ]);
  });

  it('ignore: its metadata is left alone (no route on its series), ours is exported', async () => {
    start('ignore');
    expect(await get('/users/7')).toBe(200);
    await expectSeries([
      { scope: OURS, route: '/users/:id', status: 200, errorType: undefined, count: 1 },
      { scope: THEIRS, route: undefined, status: 200, errorType: undefined, count: 1 },
    ]);
  });
});
