import { diag, metrics as metricsApi, type Attributes } from '@opentelemetry/api';
import { MeterProvider, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { defineObjective, NinesError, type AlertEvent, type ObjectiveInput } from '@nines/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureDiag } from '../../test/diag.js';
import { TestReader } from '../../test/testReader.js';
import { createNines } from './createNines.js';
import type { Nines, NinesOptions, RequestEnd } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
const DURATION = 'http.server.request.duration';
let now = T0;
let perf = 1000;
const clock = (): number => now;

beforeEach(() => {
  now = T0;
  perf = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => perf);
});
afterEach(() => {
  vi.restoreAllMocks();
  diag.disable();
  metricsApi.disable();
});

const services: Nines[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((one) => one.shutdown()));
});

function setup(options: NinesOptions = {}): { nines: Nines; reader: TestReader } {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const nines = createNines({ meterProvider: provider, manualTimers: true, clock, ...options });
  services.push(nines);
  return { nines, reader };
}

const BASE: RequestEnd = {
  route: '/r',
  method: 'GET',
  status: 200,
  error: undefined,
  failure: undefined,
  scheme: 'http',
  httpVersion: '1.1',
};

/** One request through the public API, taking `ms` milliseconds of (fake) monotonic time. */
function request(nines: Nines, end: Partial<RequestEnd> = {}, ms = 10): void {
  const full = { ...BASE, ...end };
  const start = nines.requestStarted(full.method, full.scheme);
  perf += ms;
  nines.requestEnded(start, full);
}

function availability(id = 'availability', extra: Partial<ObjectiveInput> = {}): ObjectiveInput {
  return {
    id,
    target: 0.9,
    window: '1h',
    sli: { kind: 'http-availability', matchers: [] },
    ...extra,
  };
}

async function durationPoints(reader: TestReader): Promise<DataPoint<Histogram>[]> {
  return (await reader.points(DURATION)) as unknown as DataPoint<Histogram>[];
}

describe('requestEnded: classification, exported as semconv attributes', () => {
  // [case, request end, exported attributes, source]
  const rows: [string, Partial<RequestEnd>, Attributes, string][] = [
    [
      'unmatched route / 404: no http.route, no error.type',
      { route: undefined, status: 404 },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.response.status_code': 404,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #1',
    ],
    [
      'unknown method PURGE is _OTHER',
      { method: 'PURGE' },
      {
        'http.request.method': '_OTHER',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 200,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #3',
    ],
    [
      'client aborts before headers: no status, error.type aborted',
      { status: undefined, failure: 'aborted' },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'error.type': 'aborted',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #8',
    ],
    [
      'client aborts mid-body after headers: status as sent + abort',
      { status: 200, failure: 'aborted' },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 200,
        'error.type': 'aborted',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #9',
    ],
    [
      'thrown error, final 500: the exception class name',
      { status: 500, error: new TypeError('x') },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 500,
        'error.type': 'TypeError',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #11, #12',
    ],
    [
      'thrown error with statusCode 400 is not an error',
      { status: 400, error: Object.assign(new Error('bad'), { statusCode: 400 }) },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 400,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #11',
    ],
    [
      '503 is "503"',
      { status: 503 },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 503,
        'error.type': '503',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #12',
    ],
    [
      '429 has no error.type',
      { status: 429 },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 429,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #12',
    ],
    [
      'HTTP/2 "2.0" is "2"',
      { httpVersion: '2.0', scheme: 'https' },
      {
        'http.request.method': 'GET',
        'url.scheme': 'https',
        'http.route': '/r',
        'http.response.status_code': 200,
        'network.protocol.version': '2',
      },
      'REFERENCE.md §11.1 #19',
    ],
    [
      'server timeout before headers',
      { status: undefined, failure: 'timeout' },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'error.type': 'timeout',
        'network.protocol.version': '1.1',
      },
      'issue 4 (timeout)',
    ],
    [
      'a thrown string is _OTHER',
      { status: 500, error: 'boom' },
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/r',
        'http.response.status_code': 500,
        'error.type': '_OTHER',
        'network.protocol.version': '1.1',
      },
      'task: _OTHER for non-Error throws',
    ],
  ];
  it.each(rows)('%s', async (_name, end, attributes) => {
    const { nines, reader } = setup();
    request(nines, end, 12);
    const points = await durationPoints(reader);
    expect(points.map((point) => point.attributes)).toEqual([attributes]);
    expect(points[0]?.value).toMatchObject({ count: 1, sum: 0.012 });
  });

  it('measures the duration in seconds from the start mark', async () => {
    const { nines, reader } = setup();
    request(nines, {}, 250);
    request(nines, {}, 5);
    const [point] = await durationPoints(reader);
    expect(point?.value).toMatchObject({ count: 2, sum: 0.255, min: 0.005, max: 0.25 });
  });

  it('never throws, reports each fault kind once through diag', () => {
    const lines = captureDiag();
    const { nines } = setup();
    const bad = null as unknown as RequestEnd;
    expect(() => {
      nines.requestEnded(perf, bad);
      nines.requestEnded(perf, bad);
      nines.requestEnded(Number.NaN, BASE);
      nines.requestEnded(Number.NaN, BASE);
    }).not.toThrow();
    expect(
      lines.filter((line) => line.includes('recording a finished request failed')),
    ).toHaveLength(1);
    expect(lines.filter((line) => line.includes('dropped a request duration of NaN'))).toHaveLength(
      1,
    );
  });

  it('counts active requests from start to end', async () => {
    const { nines, reader } = setup({ activeRequests: true });
    const first = nines.requestStarted('GET', 'http');
    nines.requestStarted('POST', 'https');
    const active = async (): Promise<unknown[]> =>
      (await reader.points('http.server.active_requests')).map((p) => [
        p.attributes['http.request.method'],
        p.value,
      ]);
    expect(await active()).toEqual([
      ['GET', 1],
      ['POST', 1],
    ]);
    nines.requestEnded(first, BASE);
    expect(await active()).toEqual([
      ['GET', 0],
      ['POST', 1],
    ]);
  });
});

describe('objectives fed from the same data', () => {
  it('availability: 5xx, exceptions and aborts are bad; 2xx and 4xx good', () => {
    const { nines } = setup({ objectives: [availability()] });
    request(nines, { status: 200 });
    request(nines, { status: 404, route: undefined });
    request(nines, { status: 500 });
    request(nines, { status: undefined, failure: 'aborted' });
    request(nines, { status: 200, error: new Error('late') });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 2, total: 5 });
  });

  it('latency on a bucket boundary: ≤ threshold is good (Prometheus le), failures are bad', () => {
    const { nines } = setup({
      objectives: [
        {
          id: 'latency',
          target: 0.9,
          window: '1h',
          sli: { kind: 'http-latency', threshold: 0.1, matchers: [] },
        },
      ],
    });
    request(nines, {}, 100); // exactly 0.1 s: good
    request(nines, {}, 99); // good
    request(nines, {}, 101); // bad
    request(nines, { status: 503 }, 1); // fast but failed: bad
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 2, total: 4 });
  });

  it('matchers select the series (once per series), e.g. one route', () => {
    const { nines } = setup({
      objectives: [
        availability('checkout', {
          sli: {
            kind: 'http-availability',
            matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
          },
        }),
      ],
    });
    request(nines, { route: '/checkout', status: 500 });
    request(nines, { route: '/checkout' });
    request(nines, { route: '/other', status: 500 });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 2 });
  });

  it('excludeRoutes stay out of objectives but in metrics (REFERENCE.md §11.1 #21)', async () => {
    const { nines, reader } = setup({
      objectives: [availability()],
      excludeRoutes: ['/metrics', /^\/health/],
    });
    request(nines, { route: '/metrics', status: 500 });
    request(nines, { route: '/healthz', status: 500 });
    request(nines, { route: '/r' });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 1 });
    const routes = (await durationPoints(reader)).map((p) => p.attributes['http.route']);
    expect(routes).toEqual(['/metrics', '/healthz', '/r']);
  });

  it('excludeFromMetrics also keeps them out of the metrics', async () => {
    const { nines, reader } = setup({
      objectives: [availability()],
      excludeRoutes: ['/metrics'],
      excludeFromMetrics: true,
      activeRequests: true,
    });
    request(nines, { route: '/metrics' });
    request(nines, { route: '/r' });
    expect((await durationPoints(reader)).map((p) => p.attributes['http.route'])).toEqual(['/r']);
    // The excluded request still ended its active-request count.
    expect((await reader.points('http.server.active_requests')).map((p) => p.value)).toEqual([0]);
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 1 });
  });

  it('accepts defined objectives and inputs; promql objectives are left to the fleet path', () => {
    const lines = captureDiag();
    const { nines } = setup({
      objectives: [
        defineObjective(availability('a')),
        availability('b'),
        { id: 'p', target: 0.99, window: '30d', sli: { kind: 'promql', errorRatioQuery: 'x' } },
      ],
    });
    expect(nines.objectives.map((one) => one.id)).toEqual(['a', 'b']);
    expect(lines.filter((line) => line.includes('promql SLI'))).toHaveLength(1);
  });
});

describe('alerts through onAlert (short-window objective, fake clock)', () => {
  it('fires on errors and resolves after recovery, with tier, severity and window pair', () => {
    const alerts: AlertEvent[] = [];
    const { nines } = setup({
      objectives: [availability('api')],
      onAlert: (event) => alerts.push(event),
    });
    // 1 minute at 50% errors: both windows (5m and 1h for a 1h objective) burn far above 0.02.
    for (let s = 0; s < 60; s++) {
      now += 1000;
      request(nines, { status: 200 });
      request(nines, { status: 500 });
      nines.evaluator?.tick();
    }
    nines.evaluate();
    expect(alerts).toEqual([
      expect.objectContaining({
        objectiveId: 'api',
        tier: 'page-fast',
        severity: 'page',
        state: 'firing',
        longWindow: 3_600_000,
        shortWindow: 300_000,
        longBurnRate: 5,
        shortBurnRate: 5,
      }),
    ]);
    // Six minutes of good traffic: the 5m window is clean, so the tier resolves.
    for (let s = 0; s < 360; s++) {
      now += 1000;
      request(nines, { status: 200 });
      nines.evaluator?.tick();
    }
    nines.evaluate();
    expect(alerts.map((one) => one.state)).toEqual(['firing', 'resolved']);
    expect(alerts[1]).toMatchObject({ tier: 'page-fast', shortBurnRate: 0, at: now });
  });

  it('a throwing or rejecting onAlert breaks nothing and is reported once', async () => {
    const lines = captureDiag();
    let calls = 0;
    const { nines } = setup({
      objectives: [availability('sync-throw'), availability('async-reject')],
      onAlert: (event) => {
        calls++;
        if (event.objectiveId === 'sync-throw') throw new Error('callback broke');
        return Promise.reject(new Error('callback rejected')) as unknown as undefined;
      },
    });
    now += 1000;
    request(nines, { status: 500 });
    const report = nines.evaluate();
    expect(report?.alerts.map((one) => one.objectiveId)).toEqual(['sync-throw', 'async-reject']);
    expect(report?.listenerErrors).toEqual([]);
    expect(calls).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines.filter((line) => line.includes('onAlert callback threw'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('onAlert callback rejected'))).toHaveLength(1);
  });
});

describe('edge cases: options', () => {
  it('reports every invalid option and objective at once', () => {
    let caught: unknown;
    try {
      createNines({
        tickIntervalMs: 0,
        evaluateIntervalMs: 1.5,
        instrumentationHttp: 'both' as never,
        maxRoutes: -1,
        excludeRoutes: [42 as never],
        objectives: [
          availability('dup'),
          availability('dup'),
          { ...availability('bad'), target: 2 },
        ],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    const issues = (caught as NinesError).issues.map((one) => [one.code, one.path.join('.')]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['INVALID_ARGUMENT', 'tickIntervalMs'],
        ['INVALID_ARGUMENT', 'evaluateIntervalMs'],
        ['INVALID_ARGUMENT', 'instrumentationHttp'],
        ['INVALID_ARGUMENT', 'excludeRoutes.0'],
        ['INVALID_ARGUMENT', 'maxRoutes'],
        ['DUPLICATE_ID', 'objectives.1.id'],
        ['INVALID_TARGET', 'objectives.2.target'],
      ]),
    );
    expect(issues).toHaveLength(7);
  });

  it('reports a null objective as an issue, not a TypeError', () => {
    expect(() => createNines({ objectives: [null as never] })).toThrow(NinesError);
  });

  it('works without objectives: no evaluator, empty status', () => {
    const { nines } = setup();
    expect(nines.evaluator).toBeUndefined();
    expect(nines.evaluate()).toBeUndefined();
    expect(nines.status()).toEqual({ service: undefined, at: T0, objectives: [] });
  });
});

describe('evaluator lifecycle: timers', () => {
  it('ticks and evaluates on its intervals with unref()ed timers, and stops them at shutdown', async () => {
    const created: ReturnType<typeof setInterval>[] = [];
    const original = globalThis.setInterval;
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const timer = original(fn, ms);
      created.push(timer);
      return timer;
    }) as typeof setInterval);
    const cleared = vi.spyOn(globalThis, 'clearInterval');
    const nines = createNines({
      objectives: [{ id: 'jobs', target: 0.9, window: '1h', sli: { kind: 'events' } }],
      clock,
      tickIntervalMs: 20,
      evaluateIntervalMs: 60,
    });
    expect(created).toHaveLength(2);
    expect(created.map((timer) => timer.hasRef())).toEqual([false, false]);
    nines.events('jobs').good();
    expect(nines.evaluator?.status('jobs')).toBeUndefined();
    await vi.waitFor(
      () => {
        expect(nines.evaluator?.status('jobs')).toMatchObject({ good: 1, total: 1 });
      },
      { timeout: 5000, interval: 10 },
    );
    await nines.shutdown();
    expect(cleared.mock.calls.map(([timer]) => timer)).toEqual(created);
  });

  it('adds an unref()ed save timer with statePath; manualTimers starts none', async () => {
    const spy = vi.spyOn(globalThis, 'setInterval');
    const path = `${process.env.TMPDIR ?? '/tmp'}/nines-timers-${String(process.pid)}.json`;
    const withState = createNines({
      objectives: [availability()],
      statePath: path,
      saveIntervalMs: 3_600_000,
    });
    expect(spy.mock.calls.map(([, ms]) => ms)).toEqual([1000, 10_000, 3_600_000]);
    expect(
      spy.mock.results.map((r) => (r.value as ReturnType<typeof setInterval>).hasRef()),
    ).toEqual([false, false, false]);
    await withState.shutdown();
    await import('node:fs/promises').then((fs) => fs.rm(path, { force: true }));
    spy.mockClear();
    services.push(createNines({ objectives: [availability()], manualTimers: true }));
    expect(spy).not.toHaveBeenCalled();
  });

  it('shutdown evaluates once more and is idempotent', async () => {
    const { nines } = setup({ objectives: [availability()] });
    request(nines);
    const first = nines.shutdown();
    expect(nines.shutdown()).toBe(first);
    await first;
    expect(nines.evaluator?.status('availability')).toMatchObject({ good: 1, total: 1 });
    // After shutdown, HTTP requests no longer feed the objectives (the listener is removed).
    request(nines, { status: 500 });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 1 });
  });
});

describe('status()', () => {
  it('evaluates first when nothing was evaluated yet, then serves the last evaluation', () => {
    const { nines } = setup({
      objectives: [availability('a', { service: 'shop', name: 'Checkout' })],
    });
    request(nines);
    now += 5000;
    const first = nines.status();
    expect(first).toMatchObject({
      service: 'shop',
      at: T0 + 5000,
      objectives: [
        {
          id: 'a',
          name: 'Checkout',
          service: 'shop',
          target: 0.9,
          good: 1,
          total: 1,
          budget: { remaining: 1 },
        },
      ],
    });
    request(nines, { status: 500 });
    now += 5000;
    // Not re-evaluated: the status of the last evaluation.
    expect(nines.status().at).toBe(T0 + 5000);
    nines.evaluate();
    expect(nines.status()).toMatchObject({ at: T0 + 10_000, objectives: [{ good: 1, total: 2 }] });
  });

  it('service: the option wins; objectives of several services give none', () => {
    expect(
      setup({
        objectives: [availability('a', { service: 'x' }), availability('b', { service: 'y' })],
      }).nines.status().service,
    ).toBeUndefined();
    expect(
      setup({ service: 'api', objectives: [availability('a', { service: 'x' })] }).nines.status()
        .service,
    ).toBe('api');
  });

  it('is plain JSON: no NaN, no undefined inside objectives', () => {
    const { nines } = setup({ objectives: [availability('a')] });
    const text = JSON.stringify(nines.status());
    expect(text).not.toContain('NaN');
    expect(JSON.parse(text)).toMatchObject({
      objectives: [{ id: 'a', status: 'no-data', sli: null, budget: null }],
    });
  });
});

describe('OpenTelemetry faults and absence (REFERENCE.md §11.1 #23, #24)', () => {
  it('with no MeterProvider registered, nothing breaks and the evaluator still works', () => {
    const lines = captureDiag();
    const nines = createNines({ objectives: [availability()], manualTimers: true, clock });
    services.push(nines);
    request(nines, { status: 200 });
    request(nines, { status: 500 });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 2 });
    expect(nines.status().objectives).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('two services on one provider: no duplicate-instrument conflicts, both export', async () => {
    const lines = captureDiag();
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    const first = createNines({
      meterProvider: provider,
      manualTimers: true,
      clock,
      objectives: [availability('one')],
    });
    const second = createNines({
      meterProvider: provider,
      manualTimers: true,
      clock,
      objectives: [availability('two')],
    });
    services.push(first, second);
    request(first);
    request(second, { status: 500 });
    first.evaluate();
    second.evaluate();
    const sli = (await reader.points('nines.slo.sli')).map((p) => [
      p.attributes['nines.slo'],
      p.value,
    ]);
    expect(sli).toEqual([
      ['one', 1],
      ['two', 0],
    ]);
    const [duration] = await durationPoints(reader);
    expect(duration?.value).toMatchObject({ count: 1 }); // one series each, no conflict
    expect((await durationPoints(reader)).length).toBe(2);
    expect(lines).toEqual([]);
  });

  it('a throwing meter changes nothing: requests, SLOs and status go on, faults go to diag', () => {
    const lines = captureDiag();
    const boom = (): never => {
      throw new Error('meter broke');
    };
    const meter = new Proxy({}, { get: () => boom });
    const nines = createNines({
      meterProvider: { getMeter: () => meter as never },
      manualTimers: true,
      clock,
      activeRequests: true,
      objectives: [availability()],
    });
    services.push(nines);
    expect(() => {
      request(nines, { status: 200 });
      request(nines, { status: 503 });
    }).not.toThrow();
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 1, total: 2 });
    expect(nines.status().objectives[0]?.budget).not.toBeNull();
    expect(lines.some((line) => line.includes('creating the HTTP instruments failed'))).toBe(true);
    expect(lines.some((line) => line.includes('creating the SLO gauges failed'))).toBe(true);
  });

  it('a histogram whose record throws still feeds the SLOs', () => {
    const lines = captureDiag();
    const provider = new MeterProvider();
    const real = provider.getMeter('x');
    const meter = Object.create(real) as typeof real;
    meter.createHistogram = () => ({
      record: () => {
        throw new Error('record broke');
      },
    });
    const nines = createNines({
      meterProvider: { getMeter: () => meter },
      manualTimers: true,
      clock,
      objectives: [availability()],
    });
    services.push(nines);
    request(nines, { status: 200 });
    request(nines, { status: 200 });
    expect(nines.evaluate()?.objectives[0]).toMatchObject({ good: 2, total: 2 });
    expect(lines.filter((line) => line.includes('recording an HTTP request failed'))).toHaveLength(
      1,
    );
  });
});
