import type { HrTime } from '@opentelemetry/api';
import type { CollectionResult, MetricData, MetricProducer } from '@opentelemetry/sdk-metrics';
import type { DiagOnce } from '../diagnostics.js';
import { millisToHrTime } from './series.js';

type Resource = CollectionResult['resourceMetrics']['resource'];

/**
 * The readers that call a producer (`MetricReader.collect`) keep the SDK's own resource and
 * take only `scopeMetrics` from producers (sdk-metrics src/export/MetricReader.ts), so this
 * empty resource never reaches an exporter through them.
 */
const EMPTY_RESOURCE: Resource = {
  attributes: {},
  merge: (other) => other ?? EMPTY_RESOURCE,
  getRawAttributes: () => [],
};

/**
 * The recorder's `MetricProducer` (sdk-metrics, experimental `metricProducers` reader option):
 * it turns the recorder's tables into metric data when a reader collects. Duck-typed: nothing
 * is imported from the SDK at run time, so it works with whichever SDK copy (2.x or 3.x) the
 * reader comes from.
 *
 * Its data is cumulative whatever the reader's temporality preference, and it skips Views and
 * the reader's aggregation selector (REFERENCE.md §5.5), like any producer data.
 *
 * @example
 * ```ts
 * const metrics = createHttpMetrics({ export: 'producer' });
 * const exporter = new PrometheusExporter({ metricProducers: [metrics.metricProducer] });
 * ```
 */
export interface HttpMetricProducer extends MetricProducer {
  /**
   * Snapshots the recorder's series. Never rejects: a fault comes back in `errors` (and is
   * reported once through `diag`), with no metrics. Takes no options: collection is
   * synchronous, so the interface's timeout never applies.
   *
   * @returns the metrics under the `@nines/otel` scope, or no scope when nothing was recorded
   */
  collect(): Promise<CollectionResult>;
}

/** What the producer exports under: the same scope the API path's meter has. */
export interface ProducerScope {
  readonly name: string;
  readonly version: string;
}

/**
 * Builds the producer. Internal: the recorder creates it in `'producer'` mode.
 *
 * @param scope - instrumentation scope of the exported metrics
 * @param build - builds the metric data at a collection time
 * @param diag - where faults are reported once
 * @returns the producer
 */
export function createMetricProducer(
  scope: ProducerScope,
  build: (endTime: HrTime) => MetricData[],
  diag: DiagOnce,
): HttpMetricProducer {
  return {
    collect(): Promise<CollectionResult> {
      try {
        const metrics = build(millisToHrTime(Date.now()));
        return Promise.resolve({
          resourceMetrics: {
            resource: EMPTY_RESOURCE,
            scopeMetrics:
              metrics.length === 0
                ? []
                : [{ scope: { name: scope.name, version: scope.version }, metrics }],
          },
          errors: [],
        });
      } catch (error) {
        diag.error('collect', 'collecting HTTP metrics failed', error);
        return Promise.resolve({
          resourceMetrics: { resource: EMPTY_RESOURCE, scopeMetrics: [] },
          errors: [error],
        });
      }
    },
  };
}
