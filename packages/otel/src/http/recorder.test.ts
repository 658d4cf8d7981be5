import { captureDiag } from '../../test/diag.js';
import {
  createNoopMeter,
  diag,
  metrics as metricsApi,
  type Attributes,
  type Meter,
  type MeterProvider as ApiMeterProvider,
} from '@opentelemetry/api';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { NinesError } from '@nines/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesFeed, SeriesListener, SliHandle } from '../slis/listener.js';
import { createHttpMetrics, type HttpMetrics, type ProducerHttpMetrics } from './recorder.js';

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

async function metricsOf(recorder: ProducerHttpMetrics): Promise<MetricData[]> {
  const { resourceMetrics, errors } = await recorder.metricProducer.collect();
  expect(errors).toEqual([]);
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

async function durationPoints(recorder: ProducerHttpMetrics): Promise<DataPoint<Histogram>[]> {
  const metric = (await metricsOf(recorder)).find(
    (one) => one.descriptor.name === 'http.server.request.duration',
  );
  return (metric?.dataPoints ?? []) as DataPoint<Histogram>[];
}

afterEach(() => {
  diag.disable();
  metricsApi.disable();
});

type RecordArgs = Parameters<HttpMetrics['record']>;

describe('semconv attributes of http.server.request.duration', () => {
  // [case, record arguments, expected attributes, source]
  const rows: [string, RecordArgs, Attributes, string][] = [
    [
      'matched route, 200',
      ['/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.01],
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/users/:id',
        'http.response.status_code': 200,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §5.3',
    ],
    [
      '404 without a route: no http.route, no error.type',
      [undefined, 'GET', 404, undefined, 'http', '1.1', 0.01],
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.response.status_code': 404,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #1',
    ],
    [
      'unknown method',
      [undefined, 'PURGE', 404, undefined, 'http', '1.1', 0.01],
      {
        'http.request.method': '_OTHER',
        'url.scheme': 'http',
        'http.response.status_code': 404,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #3',
    ],
    [
      'lowercase method is not normalised to upper case',
      ['/a', 'get', 200, undefined, 'http', '1.1', 0.01],
      {
        'http.request.method': '_OTHER',
        'url.scheme': 'http',
        'http.route': '/a',
        'http.response.status_code': 200,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §5.3 (case-sensitive)',
    ],
    [
      '503 without exception: error.type is the status text',
      ['/a', 'GET', 503, undefined, 'https', '1.1', 0.01],
      {
        'http.request.method': 'GET',
        'url.scheme': 'https',
        'http.route': '/a',
        'http.response.status_code': 503,
        'error.type': '503',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #12',
    ],
    [
      '500 with an exception: the exception name wins',
      ['/a', 'POST', 500, 'TypeError', 'http', '1.1', 0.01],
      {
        'http.request.method': 'POST',
        'url.scheme': 'http',
        'http.route': '/a',
        'http.response.status_code': 500,
        'error.type': 'TypeError',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #12; instrumentation-http utils.ts L792-797',
    ],
    [
      '4xx is not an error',
      ['/a', 'POST', 400, undefined, 'http', '1.1', 0.01],
      {
        'http.request.method': 'POST',
        'url.scheme': 'http',
        'http.route': '/a',
        'http.response.status_code': 400,
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #12',
    ],
    [
      'abort before headers: no status code, error.type aborted',
      ['/a', 'GET', undefined, 'aborted', 'http', '1.1', 0.01],
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'http.route': '/a',
        'error.type': 'aborted',
        'network.protocol.version': '1.1',
      },
      'REFERENCE.md §11.1 #8',
    ],
    [
      'HTTP/2 from Node ("2.0") is written "2"',
      ['/a', 'GET', 200, undefined, 'https', '2.0', 0.01],
      {
        'http.request.method': 'GET',
        'url.scheme': 'https',
        'http.route': '/a',
        'http.response.status_code': 200,
        'network.protocol.version': '2',
      },
      'REFERENCE.md §11.1 #19; SC L146',
    ],
    [
      'HTTP/1.0',
      ['/a', 'HEAD', 200, undefined, 'http', '1.0', 0.01],
      {
        'http.request.method': 'HEAD',
        'url.scheme': 'http',
        'http.route': '/a',
        'http.response.status_code': 200,
        'network.protocol.version': '1.0',
      },
      'REFERENCE.md §5.3',
    ],
    [
      'QUERY is a known method',
      ['/search', 'QUERY', 200, undefined, 'http', undefined, 0.01],
      {
        'http.request.method': 'QUERY',
        'url.scheme': 'http',
        'http.route': '/search',
        'http.response.status_code': 200,
      },
      'REFERENCE.md §5.1 (semconv v1.38.0)',
    ],
  ];

  it.each(rows)('%s (%s)', async (_case, args, expected) => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record(...args);
    const [point, ...rest] = await durationPoints(recorder);
    expect(rest).toEqual([]);
    expect(point?.attributes).toStrictEqual(expected);
    expect(Object.isFrozen(point?.attributes)).toBe(true);
    expect(point?.value.count).toBe(1);
  });

  it('merges an explicit "503" error.type with the status-derived one (one series, not two)', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 503, undefined, 'http', '1.1', 0.01);
    recorder.record('/a', 'GET', 503, '503', 'http', '1.1', 0.02);
    const points = await durationPoints(recorder);
    expect(points).toHaveLength(1);
    expect(points[0]?.value.count).toBe(2);
    expect(recorder.tableSizes().errorTypes).toBe(0);
  });

  it('never records a raw path: the route is whatever template the adapter passes', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.03);
    const points = await durationPoints(recorder);
    expect(points.map((point) => point.attributes['http.route'])).toEqual(['/users/:id']);
  });
});

describe('histogram values', () => {
  it('counts bucket, count, sum, min and max with upper-inclusive buckets (REFERENCE.md §1.7)', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    for (const seconds of [0.005, 0.0051, 0.25, 10, 12, 0]) {
      recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', seconds);
    }
    const [point] = await durationPoints(recorder);
    expect(point?.value).toEqual({
      min: 0,
      max: 12,
      sum: 0.005 + 0.0051 + 0.25 + 10 + 12 + 0,
      count: 6,
      buckets: {
        boundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        // 0 and 0.005 in le=0.005; 0.0051 in le=0.01; 0.25 in le=0.25; 10 in le=10; 12 in +Inf
        counts: [2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1],
      },
    });
  });

  it('takes custom boundaries', async () => {
    const recorder = createHttpMetrics({ export: 'producer', boundaries: [0.1, 0.3] });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.3);
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.31);
    const [point] = await durationPoints(recorder);
    expect(point?.value.buckets).toEqual({ boundaries: [0.1, 0.3], counts: [0, 1, 1] });
    expect(recorder.boundaries).toEqual([0.1, 0.3]);
  });

  it('snapshots on collect: later records do not change an earlier result', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const [before] = await durationPoints(recorder);
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    expect(before?.value.count).toBe(1);
    expect(before?.value.buckets.counts[1]).toBe(1);
  });

  it('drops invalid durations with one diagnostic', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer' });
    for (const bad of [-1, Number.NaN, Infinity, -0.001, '0.1' as unknown as number]) {
      recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', bad);
    }
    expect(await durationPoints(recorder)).toEqual([]);
    expect(lines).toEqual([
      'warn @nines/otel: dropped a request duration of -1 s: it must be a finite number ≥ 0.',
    ]);
  });

  it('omits a status that is not an integer in [100, 999], with one diagnostic', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 99, undefined, 'http', '1.1', 0.01);
    recorder.record('/a', 'GET', 200.5, undefined, 'http', '1.1', 0.01);
    const points = await durationPoints(recorder);
    expect(points.map((point) => point.attributes['http.response.status_code'])).toEqual([
      undefined,
    ]);
    expect(points[0]?.value.count).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/99 is not an integer in \[100, 999\]/);
  });
});

describe('series lookup', () => {
  it('tells apart requests to one route that differ in any one input', async () => {
    const recorder = createHttpMetrics({ export: 'producer', serverAttributes: true });
    const base: RecordArgs = ['/a', 'GET', 200, undefined, 'http', '1.1', 0.01, 1, 1, 'h', 80];
    const variants: RecordArgs[] = [
      base,
      ['/a', 'POST', 200, undefined, 'http', '1.1', 0.01, 1, 1, 'h', 80],
      ['/a', 'GET', 201, undefined, 'http', '1.1', 0.01, 1, 1, 'h', 80],
      ['/a', 'GET', 200, 'Error', 'http', '1.1', 0.01, 1, 1, 'h', 80],
      ['/a', 'GET', 200, undefined, 'https', '1.1', 0.01, 1, 1, 'h', 80],
      ['/a', 'GET', 200, undefined, 'http', '2.0', 0.01, 1, 1, 'h', 80],
      ['/a', 'GET', 200, undefined, 'http', '1.1', 0.01, 1, 1, 'g', 80],
      ['/a', 'GET', 200, undefined, 'http', '1.1', 0.01, 1, 1, 'h', 81],
    ];
    // Interleave so that every lookup follows a different one on the same route.
    for (let round = 0; round < 3; round++) {
      for (const args of variants) {
        recorder.record(...args);
        recorder.record(...base);
      }
    }
    const points = await durationPoints(recorder);
    expect(points.map((point) => point.value.count)).toEqual([27, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('maps equivalent inputs to one series ("2.0" and "2")', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 200, undefined, 'https', '2.0', 0.01);
    recorder.record('/a', 'GET', 200, undefined, 'https', '2', 0.01);
    expect((await durationPoints(recorder)).map((point) => point.value.count)).toEqual([2]);
  });
});

describe('caps', () => {
  it('maps routes past maxRoutes to http.route="_OTHER" and warns once', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer', maxRoutes: 3 });
    for (let i = 0; i < 10; i++) {
      recorder.record(`/r${i}`, 'GET', 200, undefined, 'http', '1.1', 0.01);
    }
    const points = await durationPoints(recorder);
    expect(points.map((point) => [point.attributes['http.route'], point.value.count])).toEqual([
      ['/r0', 1],
      ['/r1', 1],
      ['/r2', 1],
      ['_OTHER', 7],
    ]);
    expect(recorder.tableSizes().routes).toBe(3);
    expect(lines).toEqual([
      'warn @nines/otel: more than 3 distinct http.route values; further routes are recorded as http.route="_OTHER". Raise maxRoutes if the app really has that many templates; if not, an adapter is passing raw paths.',
    ]);
  });

  it('keeps known routes working after the cap is hit', async () => {
    const recorder = createHttpMetrics({ export: 'producer', maxRoutes: 1 });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const points = await durationPoints(recorder);
    expect(points.map((point) => [point.attributes['http.route'], point.value.count])).toEqual([
      ['/a', 2],
      ['_OTHER', 1],
    ]);
  });

  it('shares one series between a literal "_OTHER" route and the overflow', async () => {
    const recorder = createHttpMetrics({ export: 'producer', maxRoutes: 1 });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('_OTHER', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const points = await durationPoints(recorder);
    expect(points.map((point) => point.value.count)).toEqual([1, 2]);
  });

  it('maps error types past maxErrorTypes to "_OTHER" and warns once', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer', maxErrorTypes: 2 });
    for (const name of ['TypeError', 'RangeError', 'EvilError1', 'EvilError2', 'TypeError']) {
      recorder.record('/a', 'GET', 500, name, 'http', '1.1', 0.01);
    }
    const points = await durationPoints(recorder);
    expect(points.map((point) => [point.attributes['error.type'], point.value.count])).toEqual([
      ['TypeError', 2],
      ['RangeError', 1],
      ['_OTHER', 2],
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/more than 2 distinct error.type values/);
  });

  it('caps url.scheme (X-Forwarded-Proto can be client-chosen)', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    for (const scheme of ['http', 'https', 'ws', 'wss', 'evil1', 'evil2', 'evil3']) {
      recorder.record('/a', 'GET', 200, undefined, scheme, '1.1', 0.01);
    }
    const points = await durationPoints(recorder);
    expect(points.map((point) => [point.attributes['url.scheme'], point.value.count])).toEqual([
      ['http', 1],
      ['https', 1],
      ['ws', 1],
      ['wss', 1],
      ['_OTHER', 3],
    ]);
    expect(recorder.tableSizes().schemes).toBe(4);
  });

  it('sends attribute sets past maxSeries to one otel.metric.overflow series (REFERENCE.md §5.5)', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer', maxSeries: 2 });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/c', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/a', 'POST', 500, undefined, 'http', '1.1', 0.01);
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const points = await durationPoints(recorder);
    expect(points.map((point) => [point.attributes, point.value.count])).toEqual([
      [
        {
          'http.request.method': 'GET',
          'url.scheme': 'http',
          'http.route': '/a',
          'http.response.status_code': 200,
          'network.protocol.version': '1.1',
        },
        2,
      ],
      [
        {
          'http.request.method': 'GET',
          'url.scheme': 'http',
          'http.route': '/b',
          'http.response.status_code': 200,
          'network.protocol.version': '1.1',
        },
        1,
      ],
      [{ 'otel.metric.overflow': true }, 2],
    ]);
    expect(recorder.tableSizes()).toMatchObject({ series: 2, overflowSeries: true });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/more than 2 HTTP metric series/);
  });
});

describe('options', () => {
  it('reports every invalid option at once', () => {
    let caught: unknown;
    try {
      createHttpMetrics({
        maxRoutes: 0,
        maxSeries: 1.5,
        boundaries: [1, 0.5],
        knownMethods: ['G T'],
        export: 'fast' as 'api',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    const error = caught as NinesError;
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues.map((one) => one.path)).toEqual([
      ['export'],
      ['boundaries', 1],
      ['maxRoutes'],
      ['maxSeries'],
      ['knownMethods', 0],
    ]);
  });

  it.each([
    [{ boundaries: [] }, /boundaries must list 1 to 64/],
    [{ boundaries: [0.1, Number.NaN] }, /boundaries\[1\] = NaN/],
    [{ bodySizeBoundaries: [10, 10] }, /bodySizeBoundaries\[1\] = 10/],
    [{ maxErrorTypes: -1 }, /maxErrorTypes -1 is not an integer in \[1, 100000\]/],
    [
      { serverAttributes: true, maxServers: 100_000, maxErrorTypes: 100_000 },
      /attribute combinations per route/,
    ],
  ])('rejects %j', (options, message) => {
    expect(() => createHttpMetrics(options)).toThrow(message);
  });

  it("exports nothing in 'none' mode but still feeds SLIs", () => {
    let getMeterCalls = 0;
    metricsApi.setGlobalMeterProvider({
      getMeter: () => {
        getMeterCalls++;
        return createNoopMeter();
      },
    });
    let good = 0;
    const recorder = createHttpMetrics({
      export: 'none',
      activeRequests: true,
      listeners: [
        {
          bindSeries: () => [
            {
              kind: 'availability',
              handle: {
                good: () => {
                  good++;
                },
                bad: () => undefined,
              },
            },
          ],
        },
      ],
    });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    expect(good).toBe(1);
    expect(getMeterCalls).toBe(0);
    expect(recorder.metricProducer).toBeUndefined();
    expect(recorder.tableSizes().series).toBe(1);
  });

  it("defaults to the 'api' mode without a producer", () => {
    const recorder = createHttpMetrics();
    expect(recorder.mode).toBe('api');
    expect(recorder.metricProducer).toBeUndefined();
  });
});

describe('opt-in instruments', () => {
  it('records body sizes with the SDK default boundaries and skips unknown sizes', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer', bodySizes: true });
    recorder.record('/a', 'POST', 200, undefined, 'http', '1.1', 0.01, 120, 4000);
    recorder.record('/a', 'POST', 200, undefined, 'http', '1.1', 0.01, undefined, 0);
    recorder.record('/a', 'POST', 200, undefined, 'http', '1.1', 0.01, -5, 1.5);
    const data = await metricsOf(recorder);
    expect(data.map((metric) => metric.descriptor.name)).toEqual([
      'http.server.request.duration',
      'http.server.request.body.size',
      'http.server.response.body.size',
    ]);
    const request = data[1]?.dataPoints[0] as DataPoint<Histogram>;
    const response = data[2]?.dataPoints[0] as DataPoint<Histogram>;
    expect(request.value).toMatchObject({ count: 1, sum: 120, min: 120, max: 120 });
    expect(response.value).toMatchObject({ count: 2, sum: 4000, min: 0, max: 4000 });
    expect(response.value.buckets.boundaries).toEqual([
      0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
    ]);
    expect(data[1]?.descriptor).toMatchObject({ unit: 'By', advice: {} });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/dropped a body size of -5/);
  });

  it('records server.address and server.port only when enabled, capped', async () => {
    const recorder = createHttpMetrics({
      export: 'producer',
      serverAttributes: true,
      maxServers: 2,
    });
    recorder.record(
      '/a',
      'GET',
      200,
      undefined,
      'http',
      '1.1',
      0.01,
      undefined,
      undefined,
      'a.example',
      443,
    );
    recorder.record(
      '/a',
      'GET',
      200,
      undefined,
      'http',
      '1.1',
      0.01,
      undefined,
      undefined,
      'a.example',
    );
    recorder.record(
      '/a',
      'GET',
      200,
      undefined,
      'http',
      '1.1',
      0.01,
      undefined,
      undefined,
      'evil',
      1,
    );
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const points = await durationPoints(recorder);
    expect(
      points.map((point) => [point.attributes['server.address'], point.attributes['server.port']]),
    ).toEqual([
      ['a.example', 443],
      ['a.example', undefined],
      ['_OTHER', undefined],
      [undefined, undefined],
    ]);
    const off = createHttpMetrics({ export: 'producer' });
    off.record(
      '/a',
      'GET',
      200,
      undefined,
      'http',
      '1.1',
      0.01,
      undefined,
      undefined,
      'a.example',
      443,
    );
    expect((await durationPoints(off))[0]?.attributes['server.address']).toBeUndefined();
  });

  it('counts active requests per method and scheme with plain counters', async () => {
    const recorder = createHttpMetrics({ export: 'producer', activeRequests: true });
    const a = recorder.activeRequestStarted('GET', 'http');
    const b = recorder.activeRequestStarted('GET', 'http');
    const c = recorder.activeRequestStarted('PURGE', 'https');
    recorder.activeRequestEnded(a);
    recorder.activeRequestEnded(-1);
    recorder.activeRequestEnded(1e9);
    expect(a).toBe(b);
    const metric = (await metricsOf(recorder)).find(
      (one) => one.descriptor.name === 'http.server.active_requests',
    );
    expect(metric?.descriptor).toMatchObject({
      unit: '{request}',
      type: 'OBSERVABLE_UP_DOWN_COUNTER',
      valueType: 0,
    });
    expect(metric?.dataPoints.map((point) => [point.attributes, point.value])).toEqual([
      [{ 'http.request.method': 'GET', 'url.scheme': 'http' }, 1],
      [{ 'http.request.method': '_OTHER', 'url.scheme': 'https' }, 1],
    ]);
    recorder.activeRequestEnded(b);
    recorder.activeRequestEnded(c);
    const after = (await metricsOf(recorder)).find(
      (one) => one.descriptor.name === 'http.server.active_requests',
    );
    expect(after?.dataPoints.map((point) => point.value)).toEqual([0, 0]);
  });

  it('returns slot -1 when active requests are off', () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    expect(recorder.activeRequestStarted('GET', 'http')).toBe(-1);
    expect(() => {
      recorder.activeRequestEnded(-1);
    }).not.toThrow();
  });
});

describe('series listeners (SLI feeds)', () => {
  function countingHandle(): SliHandle & { goodCount: number; badCount: number } {
    return {
      goodCount: 0,
      badCount: 0,
      good() {
        this.goodCount++;
      },
      bad() {
        this.badCount++;
      },
    };
  }

  it('asks listeners once per series, never per request', () => {
    const seen: Readonly<Attributes>[] = [];
    const listener: SeriesListener = {
      bindSeries(attributes) {
        seen.push(attributes);
        return [];
      },
    };
    const recorder = createHttpMetrics({ export: 'producer', listeners: [listener] });
    for (let i = 0; i < 1000; i++) {
      recorder.record(i % 2 ? '/a' : '/b', 'GET', 200, undefined, 'http', '1.1', 0.01);
    }
    expect(seen.map((attributes) => attributes['http.route'])).toEqual(['/b', '/a']);
  });

  it('feeds availability (bad = 5xx or error.type) and latency (good = ok and ≤ threshold)', () => {
    const availability = countingHandle();
    const latency = countingHandle();
    const feeds: SeriesFeed[] = [
      { kind: 'availability', handle: availability },
      { kind: 'latency', threshold: 0.25, handle: latency },
    ];
    const recorder = createHttpMetrics({ listeners: [{ bindSeries: () => feeds }] });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.25); // good, good (≤ inclusive)
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.2501); // good, bad
    recorder.record('/a', 'GET', 404, undefined, 'http', '1.1', 0.01); // good, good (4xx ok)
    recorder.record('/a', 'GET', 503, undefined, 'http', '1.1', 0.01); // bad, bad
    recorder.record('/a', 'GET', 200, 'aborted', 'http', '1.1', 0.01); // bad, bad
    recorder.record('/a', 'GET', undefined, 'timeout', 'http', '1.1', 0.01); // bad, bad
    expect([availability.goodCount, availability.badCount]).toEqual([3, 3]);
    expect([latency.goodCount, latency.badCount]).toEqual([2, 4]);
  });

  it('decides per request on the overflow series, where outcomes are mixed', () => {
    const availability = countingHandle();
    const recorder = createHttpMetrics({
      export: 'producer',
      maxSeries: 1,
      listeners: [{ bindSeries: () => [{ kind: 'availability', handle: availability }] }],
    });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 500, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 201, 'Error', 'http', '1.1', 0.01);
    expect([availability.goodCount, availability.badCount]).toEqual([2, 2]);
  });

  it('binds existing series when a listener is added later, and unbinds on removal', () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const handle = countingHandle();
    const listener: SeriesListener = {
      bindSeries: (attributes) =>
        attributes['http.route'] === '/a' ? [{ kind: 'availability', handle }] : [],
    };
    recorder.addListener(listener);
    recorder.addListener(listener); // idempotent
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.record('/b', 'GET', 500, undefined, 'http', '1.1', 0.01);
    expect([handle.goodCount, handle.badCount]).toEqual([1, 0]);
    recorder.removeListener(listener);
    recorder.record('/a', 'GET', 500, undefined, 'http', '1.1', 0.01);
    expect([handle.goodCount, handle.badCount]).toEqual([1, 0]);
  });

  it('survives throwing listeners and handles, reporting each kind once', async () => {
    const lines = captureDiag();
    const good = countingHandle();
    const throwing: SliHandle = {
      good() {
        throw new Error('handle down');
      },
      bad() {
        throw new Error('handle down');
      },
    };
    const recorder = createHttpMetrics({
      export: 'producer',
      listeners: [
        {
          bindSeries: () => {
            throw new Error('listener down');
          },
        },
        {
          bindSeries: () => [
            { kind: 'availability', handle: throwing },
            { kind: 'availability', handle: good },
            { kind: 'latency', threshold: Number.NaN, handle: good },
          ],
        },
      ],
    });
    for (let i = 0; i < 5; i++) {
      recorder.record(`/r${i % 2}`, 'GET', 200, undefined, 'http', '1.1', 0.01);
    }
    expect(good.goodCount).toBe(5);
    expect((await durationPoints(recorder)).map((point) => point.value.count)).toEqual([3, 2]);
    expect(lines.map((line) => line.replace(/:.*/, ''))).toEqual([
      'error @nines/otel',
      'warn @nines/otel',
      'error @nines/otel',
    ]);
    expect(lines.join('\n')).toMatch(
      /series listener threw[\s\S]*threshold NaN[\s\S]*SLI handle threw/,
    );
  });
});

describe('faults never reach the request (REFERENCE.md §11.1 #23, #24; DESIGN.md "Errors")', () => {
  function meterProviderWith(meter: Partial<Meter>): ApiMeterProvider {
    return { getMeter: () => meter as Meter };
  }

  it('does not throw when histogram.record throws, and still feeds SLIs', () => {
    const lines = captureDiag();
    let handled = 0;
    const recorder = createHttpMetrics({
      meterProvider: meterProviderWith({
        createHistogram: () => ({
          record: () => {
            throw new Error('exporter on fire');
          },
        }),
      }),
      listeners: [
        {
          bindSeries: () => [
            {
              kind: 'availability',
              handle: {
                good: () => {
                  handled++;
                },
                bad: () => {
                  handled++;
                },
              },
            },
          ],
        },
      ],
    });
    for (let i = 0; i < 1000; i++) {
      expect(() => {
        recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
      }).not.toThrow();
    }
    expect(handled).toBe(1000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('error @nines/otel: recording an HTTP request failed');
  });

  it('does not throw when creating the instruments throws', () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({
      activeRequests: true,
      meterProvider: meterProviderWith({
        createHistogram: () => {
          throw new Error('meter on fire');
        },
      }),
    });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    recorder.activeRequestEnded(recorder.activeRequestStarted('GET', 'http'));
    expect(lines).toEqual([
      'error @nines/otel: creating the HTTP instruments failed; HTTP metrics are not exported through the API',
    ]);
  });

  it('works with no MeterProvider registered: the API path is a no-op, feeds and producer work', async () => {
    metricsApi.disable();
    let events = 0;
    const api = createHttpMetrics({
      activeRequests: true,
      bodySizes: true,
      listeners: [
        {
          bindSeries: () => [
            {
              kind: 'availability',
              handle: {
                good: () => {
                  events++;
                },
                bad: () => {
                  events++;
                },
              },
            },
          ],
        },
      ],
    });
    expect(() => {
      api.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01, 10, 10);
    }).not.toThrow();
    expect(events).toBe(1);
    const producer = createHttpMetrics({ export: 'producer' });
    producer.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    expect((await durationPoints(producer))[0]?.value.count).toBe(1);
  });

  it('reuses the instruments when created twice on one provider: no conflict, one metric', async () => {
    const lines = captureDiag();
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    const first = createHttpMetrics({ meterProvider: provider, bodySizes: true });
    const second = createHttpMetrics({ meterProvider: provider, bodySizes: true });
    first.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01, 1, 1);
    second.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.02, 1, 1);
    const { resourceMetrics } = await reader.collect();
    const names = resourceMetrics.scopeMetrics.flatMap((scope) =>
      scope.metrics.map((metric) => metric.descriptor.name),
    );
    expect(names).toEqual([
      'http.server.request.duration',
      'http.server.request.body.size',
      'http.server.response.body.size',
    ]);
    const point = resourceMetrics.scopeMetrics[0]?.metrics[0]
      ?.dataPoints[0] as DataPoint<Histogram>;
    expect(point.value.count).toBe(2);
    expect(lines).toEqual([]);
  });

  it('never rejects a collect: a fault comes back in errors', async () => {
    const lines = captureDiag();
    const recorder = createHttpMetrics({ export: 'producer' });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    // Break the series list through a poisoned attribute read during collection.
    const original = Array.from;
    Array.from = (() => {
      throw new Error('boom');
    }) as typeof Array.from;
    let result;
    try {
      result = await recorder.metricProducer.collect();
    } finally {
      Array.from = original;
    }
    expect(result.resourceMetrics.scopeMetrics).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(lines).toEqual(['error @nines/otel: collecting HTTP metrics failed']);
  });
});
