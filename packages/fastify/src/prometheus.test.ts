/**
 * REFERENCE.md §11.1 #22 and §5.6: the Prometheus exposition of what the plugin records, read
 * through the JS Prometheus exporter served from the Fastify app itself (`/metrics`), on both
 * export paths (`api` through the SDK, `producer` through `metricProducers`).
 */
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { HttpMetricsExport } from '@nines/otel';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FASTIFY_VERSIONS, listen } from '../test/harness.js';
import { fastifyNines } from './plugin.js';

const apps: FastifyInstance[] = [];
const providers: MeterProvider[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await Promise.all(providers.splice(0).map((provider) => provider.shutdown()));
});

/** The lines of one family, without the scope labels (they carry the package version). */
function family(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .map((line) => line.replace(/,?otel_scope_name="[^"]*",otel_scope_version="[^"]*"/, ''));
}

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it.each(['api', 'producer'] as const)(
    '#22 the JS exporter writes http_server_request_duration_* (%s path)',
    async (mode: HttpMetricsExport) => {
      const app = v.create({ logger: false });
      apps.push(app);
      // The exporter is the reader; in producer mode it also gets the plugin's producer, which
      // exists only once the plugin has created its Nines: so create it first.
      const { createNines } = await import('@nines/otel');
      const nines = createNines({ export: mode, manualTimers: true, excludeRoutes: ['/metrics'] });
      const exporter = new PrometheusExporter({
        preventServerStart: true,
        ...(nines.metricProducer === undefined ? {} : { metricProducers: [nines.metricProducer] }),
      });
      const provider = new MeterProvider({ readers: [exporter] });
      providers.push(provider);
      const ninesForApp =
        mode === 'api'
          ? createNines({
              meterProvider: provider,
              manualTimers: true,
              excludeRoutes: ['/metrics'],
            })
          : nines;
      await app.register(fastifyNines, { nines: ninesForApp, shutdownOnClose: true });
      app.get('/users/:id', () => 'user');
      app.get('/metrics', (request, reply) => {
        reply.hijack();
        exporter.getMetricsRequestHandler(request.raw, reply.raw);
      });
      const base = await listen(app);
      await (await fetch(`${base}/users/1`)).text();
      await (await fetch(`${base}/users/2`)).text();
      const text = await (await fetch(`${base}/metrics`)).text();

      expect(text).toContain(
        '# HELP http_server_request_duration Duration of HTTP server requests.',
      );
      expect(text).toContain('# UNIT http_server_request_duration s');
      expect(text).toContain('# TYPE http_server_request_duration histogram');
      const labels =
        'http_request_method="GET",url_scheme="http",http_route="/users/:id",http_response_status_code="200",network_protocol_version="1.1"';
      const lines = family(text, 'http_server_request_duration');
      expect(lines.filter((line) => line.includes('_count') || line.includes('+Inf'))).toEqual([
        `http_server_request_duration_count{${labels}} 2`,
        `http_server_request_duration_bucket{${labels},le="+Inf"} 2`,
      ]);
      // Semconv boundaries, in seconds: 14 finite buckets plus +Inf.
      expect(lines.filter((line) => line.includes('_bucket'))).toHaveLength(15);
      expect(lines.some((line) => line.includes('le="0.005"'))).toBe(true);
      // No unit suffix on this path; the OTLP path (Collector, Prometheus OTLP ingestion) turns
      // the unit `s` into `_seconds` downstream (REFERENCE.md §5.6): nothing the plugin emits.
      expect(text).not.toContain('http_server_request_duration_seconds');
    },
  );
});
