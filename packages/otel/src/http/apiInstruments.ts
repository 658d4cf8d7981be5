import type {
  Histogram,
  Meter,
  ObservableCounter,
  ObservableGauge,
  ObservableUpDownCounter,
} from '@opentelemetry/api';
import { toMetricOptions, type InstrumentSpec } from './instrumentSpecs.js';

type ApiInstrument = Histogram | ObservableUpDownCounter | ObservableGauge | ObservableCounter;

const byMeter = new WeakMap<Meter, Map<string, ApiInstrument>>();

function cached<T extends ApiInstrument>(meter: Meter, spec: InstrumentSpec, create: () => T): T {
  let instruments = byMeter.get(meter);
  if (instruments === undefined) {
    instruments = new Map();
    byMeter.set(meter, instruments);
  }
  const key = JSON.stringify(spec);
  const existing = instruments.get(key);
  if (existing !== undefined) return existing as T;
  const created = create();
  instruments.set(key, created);
  return created;
}

/**
 * Gets the histogram for a spec from this meter, reusing the instrument an earlier recorder
 * created with the same spec (a middleware registered twice must not create it twice;
 * REFERENCE.md §11.1 #24). Internal.
 *
 * @param meter - the meter
 * @param spec - the instrument spec
 * @returns the histogram
 */
export function apiHistogram(meter: Meter, spec: InstrumentSpec): Histogram {
  return cached(meter, spec, () => meter.createHistogram(spec.name, toMetricOptions(spec)));
}

/**
 * Gets the observable UpDownCounter for a spec from this meter, reused like {@link apiHistogram}.
 *
 * @param meter - the meter
 * @param spec - the instrument spec
 * @returns the instrument (each recorder adds its own callback)
 */
export function apiObservableUpDownCounter(
  meter: Meter,
  spec: InstrumentSpec,
): ObservableUpDownCounter {
  return cached(meter, spec, () =>
    meter.createObservableUpDownCounter(spec.name, toMetricOptions(spec)),
  );
}

/**
 * Gets the observable gauge for a spec from this meter, reused like {@link apiHistogram}, so two
 * services in one process share the instrument and each adds its own callback.
 *
 * @param meter - the meter
 * @param spec - the instrument spec
 * @returns the instrument
 */
export function apiObservableGauge(meter: Meter, spec: InstrumentSpec): ObservableGauge {
  return cached(meter, spec, () => meter.createObservableGauge(spec.name, toMetricOptions(spec)));
}

/**
 * Gets the observable counter for a spec from this meter, reused like {@link apiHistogram}.
 *
 * @param meter - the meter
 * @param spec - the instrument spec
 * @returns the instrument
 */
export function apiObservableCounter(meter: Meter, spec: InstrumentSpec): ObservableCounter {
  return cached(meter, spec, () => meter.createObservableCounter(spec.name, toMetricOptions(spec)));
}
