import type { IncomingMessage, ServerResponse } from 'node:http';
import { ValueType, type Attributes } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  MetricReader,
  PeriodicExportingMetricReader,
  type CollectionResult,
} from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { SCOPE_NAME, SCOPE_VERSION } from '../version.js';
import { DEFAULT_KNOWN_METHODS } from './methods.js';
import type { HttpMetricsOptions } from './options.js';
import { createHttpMetrics, type HttpMetrics } from './recorder.js';

/*
 * DESIGN.md "Hot path": export to OpenTelemetry must yield exactly the data that plain
 * `histogram.record` calls would. Three paths see the same traffic:
 * - reference: a histogram created in this test, attributes built by hand per request;
 * - api: the recorder in 'api' mode (cached attribute objects);
 * - producer: the recorder in 'producer' mode, read through `metricProducers`.
 */

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

interface Request {
  route: string | undefined;
  method: string;
  status: number | undefined;
  errorType: string | undefined;
  scheme: string;
  protocol: string | undefined;
  seconds: number;
  requestBytes: number | undefined;
  responseBytes: number | undefined;
  host: string | undefined;
  port: number | undefined;
}

/** A deterministic mix covering every attribute rule and bucket edge. */
function traffic(): Request[] {
  const shapes: Omit<Request, 'seconds' | 'requestBytes' | 'responseBytes'>[] = [
    r('/users/:id', 'GET', 200, undefined, 'http', '1.1', 'api.example', 443),
    r('/users/:id', 'GET', 200, undefined, 'https', '2.0', 'api.example', 443),
    r('/users/:id', 'PUT', 400, undefined, 'http', '1.1', 'api.example', undefined),
    r('/orders', 'POST', 201, undefined, 'http', '1.1', undefined, undefined),
    r('/orders', 'POST', 500, 'TypeError', 'http', '1.1', undefined, undefined),
    r('/orders', 'POST', 503, undefined, 'http', '1.0', undefined, undefined),
    r(undefined, 'GET', 404, undefined, 'http', '1.1', 'other.example', 80),
    r(undefined, 'PURGE', 404, undefined, 'http', '1.1', undefined, undefined),
    r(undefined, 'get', 404, undefined, 'http', '1.1', undefined, undefined),
    r('/stream', 'GET', undefined, 'aborted', 'http', '1.1', undefined, undefined),
    r('/stream', 'GET', 200, 'aborted', 'http', '1.1', undefined, undefined),
    r('/slow', 'QUERY', 504, 'timeout', 'https', '2.0', undefined, undefined),
    r('/files/*', 'HEAD', 200, undefined, 'https', undefined, undefined, undefined),
  ];
  const seconds = [0, 0.001, 0.005, 0.0051, 0.02, 0.25, 0.7, 1, 2.5, 9.99, 10, 10.01, 42];
  const bytes = [undefined, 0, 5, 6, 99, 10_000, 10_001, 1_000_000];
  const requests: Request[] = [];
  for (let i = 0; i < 400; i++) {
    const shape = shapes[(i * 7) % shapes.length]!;
    requests.push({
      ...shape,
      seconds: seconds[(i * 5) % seconds.length]!,
      requestBytes: bytes[i % bytes.length],
      responseBytes: bytes[(i * 3) % bytes.length],
    });
  }
  return requests;
}

function r(
  route: string | undefined,
  method: string,
  status: number | undefined,
  errorType: string | undefined,
  scheme: string,
  protocol: string | undefined,
  host: string | undefined,
  port: number | undefined,
): Omit<Request, 'seconds' | 'requestBytes' | 'responseBytes'> {
  return { route, method, status, errorType, scheme, protocol, host, port };
}

/** The semconv attribute rules written out naively, one object per request. */
function semconvAttributes(request: Request): Attributes {
  const known = new Set(DEFAULT_KNOWN_METHODS);
  const attributes: Attributes = {
    'http.request.method': known.has(request.method) ? request.method : '_OTHER',
    'url.scheme': request.scheme,
  };
  if (request.route !== undefined) attributes['http.route'] = request.route;
  if (request.status !== undefined) attributes['http.response.status_code'] = request.status;
  const errorType =
    request.errorType ??
    (request.status !== undefined && request.status >= 500 ? String(request.status) : undefined);
  if (errorType !== undefined) attributes['error.type'] = errorType;
  if (request.protocol !== undefined) {
    attributes['network.protocol.version'] = request.protocol === '2.0' ? '2' : request.protocol;
  }
  if (request.host !== undefined) {
    attributes['server.address'] = request.host;
    if (request.port !== undefined) attributes['server.port'] = request.port;
  }
  return attributes;
}

const OPTIONS: HttpMetricsOptions = {
  bodySizes: true,
  serverAttributes: true,
  activeRequests: true,
};

function feed(recorder: HttpMetrics, requests: readonly Request[]): void {
  for (const q of requests) {
    recorder.record(
      q.route,
      q.method,
      q.status,
      q.errorType,
      q.scheme,
      q.protocol,
      q.seconds,
      q.requestBytes,
      q.responseBytes,
      q.host,
      q.port,
    );
  }
  // Active requests: 3 GET/http in flight (one ended), 1 POST/https in flight.
  const slots = [
    recorder.activeRequestStarted('GET', 'http', 'api.example', 443),
    recorder.activeRequestStarted('GET', 'http', 'api.example', 443),
    recorder.activeRequestStarted('GET', 'http', 'api.example', 443),
    recorder.activeRequestStarted('GET', 'http', 'api.example', 443),
    recorder.activeRequestStarted('POST', 'https'),
  ];
  recorder.activeRequestEnded(slots[0]!);
}

/** Drops what legitimately differs between two collections: the timestamps. */
function withoutTimes(result: CollectionResult): unknown {
  return JSON.parse(
    JSON.stringify(result.resourceMetrics.scopeMetrics, (key, value: unknown) =>
      key === 'startTime' || key === 'endTime' ? undefined : value,
    ),
  );
}

function prometheusText(exporter: PrometheusExporter): Promise<string> {
  return new Promise((resolve) => {
    const response = {
      statusCode: 0,
      setHeader: () => response,
      end: (body: string) => {
        resolve(body);
      },
    };
    exporter.getMetricsRequestHandler(
      { url: '/metrics' } as unknown as IncomingMessage,
      response as unknown as ServerResponse,
    );
  });
}

async function collectAll(): Promise<{
  reference: CollectionResult;
  api: CollectionResult;
  producer: CollectionResult;
  apiText: string;
  producerText: string;
}> {
  const requests = traffic();

  const referenceReader = new TestReader();
  const referenceProvider = new MeterProvider({ readers: [referenceReader] });
  const meter = referenceProvider.getMeter(SCOPE_NAME, SCOPE_VERSION);
  const duration = meter.createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    valueType: ValueType.DOUBLE,
    advice: {
      explicitBucketBoundaries: [
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
      ],
    },
  });
  const requestBody = meter.createHistogram('http.server.request.body.size', {
    description: 'Size of HTTP server request bodies.',
    unit: 'By',
    valueType: ValueType.INT,
  });
  const responseBody = meter.createHistogram('http.server.response.body.size', {
    description: 'Size of HTTP server response bodies.',
    unit: 'By',
    valueType: ValueType.INT,
  });
  for (const q of requests) {
    const attributes = semconvAttributes(q);
    duration.record(q.seconds, attributes);
    if (q.requestBytes !== undefined) requestBody.record(q.requestBytes, attributes);
    if (q.responseBytes !== undefined) responseBody.record(q.responseBytes, attributes);
  }

  const apiReader = new TestReader();
  const apiExporter = new PrometheusExporter({ preventServerStart: true });
  const apiProvider = new MeterProvider({ readers: [apiReader, apiExporter] });
  const api = createHttpMetrics({ ...OPTIONS, meterProvider: apiProvider });
  feed(api, requests);

  const producer = createHttpMetrics({ ...OPTIONS, export: 'producer' });
  const producerReader = new TestReader({ metricProducers: [producer.metricProducer] });
  const producerExporter = new PrometheusExporter({
    preventServerStart: true,
    metricProducers: [producer.metricProducer],
  });
  new MeterProvider({ readers: [producerReader, producerExporter] });
  feed(producer, requests);

  return {
    reference: await referenceReader.collect(),
    api: await apiReader.collect(),
    producer: await producerReader.collect(),
    apiText: await prometheusText(apiExporter),
    producerText: await prometheusText(producerExporter),
  };
}

describe('both export paths yield exactly the data of plain histogram.record calls', () => {
  it('api and producer collect the same metric data, byte for byte but the timestamps', async () => {
    const { api, producer } = await collectAll();
    expect(api.errors).toEqual([]);
    expect(producer.errors).toEqual([]);
    expect(JSON.stringify(withoutTimes(producer))).toBe(JSON.stringify(withoutTimes(api)));
    const metrics = producer.resourceMetrics.scopeMetrics[0]?.metrics ?? [];
    expect(producer.resourceMetrics.scopeMetrics[0]?.scope).toEqual({
      name: '@nines/otel',
      version: '0.1.0',
    });
    // 13 request shapes; PURGE and lowercase get both become _OTHER on the same 404 series.
    expect(metrics.map((metric) => [metric.descriptor.name, metric.dataPoints.length])).toEqual([
      ['http.server.request.duration', 12],
      ['http.server.request.body.size', 12],
      ['http.server.response.body.size', 12],
      ['http.server.active_requests', 2],
    ]);
  });

  it('matches a hand-written histogram.record reference (names, units, boundaries, attributes, values)', async () => {
    const { reference, producer } = await collectAll();
    const histograms = withoutTimes(producer) as { metrics: unknown[] }[];
    const expected = withoutTimes(reference) as { metrics: unknown[] }[];
    // The reference has no active_requests counter; compare the three histograms.
    expect(histograms[0]?.metrics.slice(0, 3)).toEqual(expected[0]?.metrics);
  });

  it('has the timestamps the SDK would: cumulative start ≤ end, end = collection time', async () => {
    const before = Date.now();
    const { producer } = await collectAll();
    const point = producer.resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0];
    const toMillis = ([seconds, nanos]: [number, number]): number => seconds * 1000 + nanos / 1e6;
    expect(point).toBeDefined();
    const start = toMillis(point!.startTime);
    const end = toMillis(point!.endTime);
    expect(start).toBeGreaterThanOrEqual(before);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(Date.now());
  });

  it('renders the same Prometheus exposition through the exporter (REFERENCE.md §5.6)', async () => {
    const { apiText, producerText } = await collectAll();
    expect(producerText).toBe(apiText);
    expect(producerText).toContain('# UNIT http_server_request_duration s');
    expect(producerText).toContain(
      'http_server_request_duration_bucket{http_request_method="GET",url_scheme="http",http_route="/users/:id",http_response_status_code="200",network_protocol_version="1.1",server_address="api.example",server_port="443",otel_scope_name="@nines/otel",otel_scope_version="0.1.0",le="0.005"}',
    );
    expect(producerText).toContain(
      'http_server_request_duration_count{http_request_method="_OTHER",url_scheme="http",http_response_status_code="404",network_protocol_version="1.1",otel_scope_name="@nines/otel",otel_scope_version="0.1.0"}',
    );
    expect(producerText).toMatch(/^http_server_active_requests\{.*\} 3$/m);
  });

  it('serialises the producer data alone with PrometheusSerializer', async () => {
    const { producer } = await collectAll();
    const text = new PrometheusSerializer().serialize(producer.resourceMetrics);
    expect(text).toContain('# TYPE http_server_request_duration histogram');
    expect(text).toMatch(
      /^http_server_request_duration_bucket\{http_request_method="POST",url_scheme="http",http_route="\/orders",http_response_status_code="500",error_type="TypeError",.*le="\+Inf"\} \d+$/m,
    );
  });
});

describe('wiring the producer', () => {
  it('exports through a PeriodicExportingMetricReader, cumulative even under a DELTA preference', async () => {
    const recorder = createHttpMetrics({ export: 'producer' });
    const exporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
    const reader = new PeriodicExportingMetricReader({
      exporter,
      exportIntervalMillis: 3_600_000,
      metricProducers: [recorder.metricProducer],
    });
    const provider = new MeterProvider({ readers: [reader] });
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    await provider.forceFlush();
    recorder.record('/a', 'GET', 200, undefined, 'http', '1.1', 0.01);
    await provider.forceFlush();
    const exports = exporter.getMetrics();
    const counts = exports.map((one) => {
      const metric = one.scopeMetrics[0]?.metrics[0];
      expect(metric?.aggregationTemporality).toBe(AggregationTemporality.CUMULATIVE);
      return (metric?.dataPoints[0]?.value as { count: number }).count;
    });
    expect(counts).toEqual([1, 2]);
    await provider.shutdown();
  });

  it('returns no scope when nothing was recorded, like the SDK', async () => {
    const recorder = createHttpMetrics({ export: 'producer', activeRequests: true });
    const result = await recorder.metricProducer.collect();
    expect(result.resourceMetrics.scopeMetrics).toEqual([]);
  });
});
