/**
 * OpenTelemetry wiring shared by the OTel-based configurations: an SDK MeterProvider whose
 * reader is a Prometheus exporter that starts no server of its own (a real service would
 * mount `getMetricsRequestHandler`), and a read-back of what was recorded.
 */
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MeterProvider, type MetricProducer } from '@opentelemetry/sdk-metrics';
import { HTTP_SERVER_DURATION_BOUNDARIES } from '@nines/core';
import { countFromExposition, type Verification } from './common.js';

/** A provider with a Prometheus exporter as its only reader. */
export interface OtelSetup {
  readonly provider: MeterProvider;
  readonly exporter: PrometheusExporter;
  /** Collect through the exporter, serialise as Prometheus text, count the duration metric. */
  readonly verify: () => Promise<Verification>;
}

/**
 * Create the provider and exporter, and register the provider globally.
 *
 * @param metricProducers - extra producers for the exporter (Nines' producer mode)
 * @returns the setup
 */
export function setupOtel(metricProducers: MetricProducer[] = []): OtelSetup {
  const exporter = new PrometheusExporter({ preventServerStart: true, metricProducers });
  const provider = new MeterProvider({ readers: [exporter] });
  metrics.setGlobalMeterProvider(provider);
  const serializer = new PrometheusSerializer();
  return {
    provider,
    exporter,
    verify: async () => {
      const { resourceMetrics, errors } = await exporter.collect();
      if (errors.length > 0) throw new Error(`collect failed: ${errors.map(String).join('; ')}`);
      return countFromExposition(
        serializer.serialize(resourceMetrics),
        'http_server_request_duration',
      );
    },
  };
}

/** Semconv advice boundaries of `http.server.request.duration`, seconds. */
export const DURATION_BOUNDARIES: number[] = [...HTTP_SERVER_DURATION_BOUNDARIES];
