import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

/** A running example service: its API and its `/metrics` endpoint. */
export interface FleetService {
  /** Base URL of the API, e.g. `http://127.0.0.1:41000`. */
  readonly url: string;
  /** `host:port` Prometheus scrapes. */
  readonly metricsTarget: string;
  /** Make the `/pay` route fail with 500 (true) or succeed (false). */
  failPayments(fail: boolean): void;
  stop(): Promise<void>;
}

const BOUNDARIES = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * Start the example service on 127.0.0.1: `GET /pay` answers 200, or 500 while failures are
 * injected, and every request is recorded as `http.server.request.duration` (semconv
 * attributes, advised buckets) on an OpenTelemetry MeterProvider read by the JS Prometheus
 * exporter, so Prometheus sees `http_server_request_duration_*`.
 */
export async function startFleetService(): Promise<FleetService> {
  const exporter = new PrometheusExporter({ host: '127.0.0.1', port: 0, preventServerStart: true });
  const provider = new MeterProvider({ readers: [exporter] });
  const duration = provider
    .getMeter('@nines/example-fleet')
    .createHistogram('http.server.request.duration', {
      unit: 's',
      description: 'Duration of HTTP server requests.',
      advice: { explicitBucketBoundaries: BOUNDARIES },
    });
  let failing = false;
  const api: Server = createServer((req, res) => {
    const start = process.hrtime.bigint();
    const route = req.url === '/pay' ? '/pay' : undefined;
    const status = route === undefined ? 404 : failing ? 500 : 200;
    res.statusCode = status;
    res.end(status === 200 ? 'ok' : 'error');
    const attributes: Record<string, string | number> = {
      'http.request.method': req.method ?? 'GET',
      'url.scheme': 'http',
      'http.response.status_code': status,
      'network.protocol.version': req.httpVersion,
    };
    if (route !== undefined) attributes['http.route'] = route;
    if (status >= 500) attributes['error.type'] = String(status);
    duration.record(Number(process.hrtime.bigint() - start) / 1e9, attributes);
  });
  const metricsServer: Server = createServer((req, res) => {
    exporter.getMetricsRequestHandler(req, res);
  });
  const listen = (server: Server): Promise<number> =>
    new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        resolve((server.address() as AddressInfo).port);
      }),
    );
  const apiPort = await listen(api);
  const metricsPort = await listen(metricsServer);
  return {
    url: `http://127.0.0.1:${apiPort}`,
    metricsTarget: `127.0.0.1:${metricsPort}`,
    failPayments: (fail) => {
      failing = fail;
    },
    stop: async () => {
      await Promise.all([
        new Promise((r) => api.close(r)),
        new Promise((r) => metricsServer.close(r)),
      ]);
      await provider.shutdown();
    },
  };
}
