import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import express from 'express';
import { ninesExpress } from '@nines/express';
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

/**
 * Start the example service on 127.0.0.1: an Express app whose `GET /pay` answers 200, or 500
 * while failures are injected, measured by the `@nines/express` middleware into an OpenTelemetry
 * MeterProvider read by the JS Prometheus exporter, so Prometheus sees
 * `http_server_request_duration_*` with the semconv attributes and `http_route="/pay"`.
 */
export async function startFleetService(): Promise<FleetService> {
  const exporter = new PrometheusExporter({ host: '127.0.0.1', port: 0, preventServerStart: true });
  const provider = new MeterProvider({ readers: [exporter] });
  let failing = false;
  const app = express();
  const slo = ninesExpress({ meterProvider: provider });
  app.use(slo);
  app.get('/pay', (_req, res) => {
    if (failing) res.status(500).send('error');
    else res.send('ok');
  });
  const api: Server = createServer(app);
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
      await slo.nines.shutdown();
      await provider.shutdown();
    },
  };
}
