/**
 * The Nines setup both adapters share, as a service would write it: the adapter is given the
 * options (producer export mode, the objectives evaluated in-process with the default timers:
 * counters flushed every second, evaluation every 10 s), and the instance's producer is handed
 * to a Prometheus exporter that is the reader of an SDK MeterProvider.
 */
import type { Nines, NinesOptions } from '@nines/otel';
import type { Verification } from './common.js';
import { benchObjectives } from './objectives.js';
import { setupOtel } from './otel.js';

/** @returns the options the adapters get */
export function ninesOptions(): NinesOptions {
  return { export: 'producer', objectives: benchObjectives() };
}

/**
 * Hand the instance's producer (HTTP metrics + SLO gauges) to a Prometheus exporter.
 *
 * @param nines - the adapter's instance
 * @returns the read-back of the exporter and the evaluator
 * @throws Error when the instance has no producer (not in producer mode)
 */
export function exportNines(nines: Nines): () => Promise<Verification> {
  if (nines.metricProducer === undefined)
    throw new Error('Nines has no metricProducer: not in producer mode');
  const otel = setupOtel([nines.metricProducer]);
  return async () => {
    const exported = await otel.verify();
    nines.evaluator?.tick();
    nines.evaluate();
    const objectives = nines.status().objectives.map((o) => ({
      id: o.id,
      good: o.good,
      total: o.total,
      status: o.status,
    }));
    return { ...exported, extra: { objectives } };
  };
}
