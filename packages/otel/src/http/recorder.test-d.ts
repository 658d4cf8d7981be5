import type { Evaluator, EventsHandle } from '@nines/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import {
  PeriodicExportingMetricReader,
  type MetricProducer,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { describe, expectTypeOf, it } from 'vitest';
import type { SliHandle, SliHandleSource } from '../slis/listener.js';
import type { HttpMetricProducer } from './producer.js';
import { createHttpMetrics, type HttpMetrics, type ProducerHttpMetrics } from './recorder.js';

describe('createHttpMetrics types', () => {
  it('carries the producer in producer mode only', () => {
    expectTypeOf(createHttpMetrics({ export: 'producer' })).toEqualTypeOf<ProducerHttpMetrics>();
    expectTypeOf(
      createHttpMetrics({ export: 'producer' }).metricProducer,
    ).toEqualTypeOf<HttpMetricProducer>();
    expectTypeOf(createHttpMetrics()).toEqualTypeOf<HttpMetrics>();
    expectTypeOf(createHttpMetrics().metricProducer).toEqualTypeOf<
      HttpMetricProducer | undefined
    >();
  });

  it('plugs into the SDK readers as a MetricProducer', () => {
    expectTypeOf<HttpMetricProducer>().toExtend<MetricProducer>();
    const wire = (exporter: PushMetricExporter): void => {
      const { metricProducer } = createHttpMetrics({ export: 'producer' });
      new PrometheusExporter({ metricProducers: [metricProducer] });
      new PeriodicExportingMetricReader({ exporter, metricProducers: [metricProducer] });
    };
    expectTypeOf(wire).toBeFunction();
  });

  it('accepts the @nines/core evaluator as the handle source', () => {
    expectTypeOf<Evaluator>().toExtend<SliHandleSource>();
    expectTypeOf<EventsHandle>().toExtend<SliHandle>();
  });

  it('types record arguments', () => {
    type Record = HttpMetrics['record'];
    expectTypeOf<Parameters<Record>[0]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Parameters<Record>[2]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ReturnType<Record>>().toBeVoid();
  });
});
