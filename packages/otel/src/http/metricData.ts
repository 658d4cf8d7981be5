import type { Attributes, HrTime } from '@opentelemetry/api';
import type {
  AggregationTemporality,
  DataPoint,
  DataPointType,
  GaugeMetricData,
  Histogram,
  HistogramMetricData,
  InstrumentType,
  MetricData,
  SumMetricData,
} from '@opentelemetry/sdk-metrics';
import { histogramCount, toHistogramValue } from './histogramState.js';
import type { InstrumentSpec } from './instrumentSpecs.js';
import type { Series } from './series.js';

/*
 * The enum values sdk-metrics 2.x and 3.x use (src/export/MetricData.ts,
 * src/export/AggregationTemporality.ts). Written as literals so nothing is imported from the SDK
 * at runtime: the producer must work with whichever SDK copy the reader comes from
 * (REFERENCE.md §5.4 "Packaging").
 */
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- literals on purpose, see above */
const HISTOGRAM_POINTS = 0 as DataPointType.HISTOGRAM;
const GAUGE_POINTS = 2 as DataPointType.GAUGE;
const SUM_POINTS = 3 as DataPointType.SUM;
const CUMULATIVE = 1 as AggregationTemporality.CUMULATIVE;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

/** The descriptor the SDK builds from an instrument's name and options. */
function descriptorOf(spec: InstrumentSpec): MetricData['descriptor'] {
  const descriptor = {
    name: spec.name,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- same string values
    type: spec.type as InstrumentType,
    description: spec.description,
    unit: spec.unit,
    valueType: spec.valueType,
    advice: spec.advice,
  };
  return descriptor;
}

/**
 * Builds cumulative histogram data as sdk-metrics' `HistogramAggregator.toMetricData` does for a
 * `Histogram` instrument: explicit boundaries, counts per bucket (one more than boundaries),
 * count, sum, min, max; a point only for series that recorded at least one value.
 *
 * @param spec - the instrument
 * @param boundaries - its explicit boundaries
 * @param series - all series, in creation order (the SDK's first-seen order)
 * @param pick - which state of a series to read
 * @param endTime - collection time
 * @returns the metric data, or `undefined` when no series has a value (the SDK then omits it)
 */
export function histogramMetricData(
  spec: InstrumentSpec,
  boundaries: readonly number[],
  series: readonly Series[],
  pick: (series: Series) => Float64Array | undefined,
  endTime: HrTime,
): HistogramMetricData | undefined {
  const dataPoints: DataPoint<Histogram>[] = [];
  for (const one of series) {
    const state = pick(one);
    if (state === undefined || histogramCount(state, boundaries.length) === 0) continue;
    dataPoints.push({
      attributes: one.attributes,
      startTime: one.startTime,
      endTime,
      value: toHistogramValue(state, boundaries),
    });
  }
  if (dataPoints.length === 0) return undefined;
  return {
    descriptor: descriptorOf(spec),
    aggregationTemporality: CUMULATIVE,
    dataPointType: HISTOGRAM_POINTS,
    dataPoints,
  };
}

/** One observed value of an observable instrument. */
export interface ObservedPoint {
  readonly attributes: Readonly<Attributes>;
  readonly value: number;
}

/**
 * Builds cumulative sum data as the SDK reports an observable UpDownCounter (non-monotonic) or
 * an observable counter (monotonic).
 *
 * @param spec - the instrument
 * @param points - the observed values
 * @param startTime - cumulative start
 * @param endTime - collection time
 * @param isMonotonic - true for a counter, false (default) for an UpDownCounter
 * @returns the metric data, or `undefined` when nothing was observed
 */
export function observedSumMetricData(
  spec: InstrumentSpec,
  points: readonly ObservedPoint[],
  startTime: HrTime,
  endTime: HrTime,
  isMonotonic = false,
): SumMetricData | undefined {
  if (points.length === 0) return undefined;
  return {
    descriptor: descriptorOf(spec),
    aggregationTemporality: CUMULATIVE,
    dataPointType: SUM_POINTS,
    dataPoints: points.map(({ attributes, value }) => ({ attributes, startTime, endTime, value })),
    isMonotonic,
  };
}

/**
 * Builds gauge data as the SDK reports an observable gauge (last value, cumulative temporality
 * as the default reader selects it).
 *
 * @param spec - the instrument
 * @param points - the observed values
 * @param startTime - start time of the points
 * @param endTime - collection time
 * @returns the metric data, or `undefined` when nothing was observed
 */
export function observedGaugeMetricData(
  spec: InstrumentSpec,
  points: readonly ObservedPoint[],
  startTime: HrTime,
  endTime: HrTime,
): GaugeMetricData | undefined {
  if (points.length === 0) return undefined;
  return {
    descriptor: descriptorOf(spec),
    aggregationTemporality: CUMULATIVE,
    dataPointType: GAUGE_POINTS,
    dataPoints: points.map(({ attributes, value }) => ({ attributes, startTime, endTime, value })),
  };
}
