import {
  MetricReader,
  type DataPoint,
  type MetricData,
  type ScopeMetrics,
} from '@opentelemetry/sdk-metrics';

/** A pull reader: `await reader.collect()` when a test wants to look. */
export class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  /** @returns every scope's metrics, failing on collection errors */
  async scopes(): Promise<ScopeMetrics[]> {
    const { resourceMetrics, errors } = await this.collect();
    if (errors.length > 0) throw new Error(`collection errors: ${String(errors)}`);
    return resourceMetrics.scopeMetrics;
  }

  /** @returns metrics of every scope, each with its scope name */
  async metrics(): Promise<(MetricData & { scope: string })[]> {
    return (await this.scopes()).flatMap((scope) =>
      scope.metrics.map((metric) => ({ ...metric, scope: scope.scope.name })),
    );
  }

  /**
   * @param name - a metric name
   * @returns the points of that metric across scopes, each with its scope name
   */
  async points(name: string): Promise<(DataPoint<unknown> & { scope: string })[]> {
    return (await this.metrics())
      .filter((metric) => metric.descriptor.name === name)
      .flatMap((metric) =>
        (metric.dataPoints as DataPoint<unknown>[]).map((point) => ({
          ...point,
          scope: metric.scope,
        })),
      );
  }
}
