import { ValueType, type MetricAdvice, type MetricOptions } from '@opentelemetry/api';
import {
  DESCRIPTION_HTTP_SERVER_ACTIVE_REQUESTS,
  DESCRIPTION_HTTP_SERVER_REQUEST_BODY_SIZE,
  DESCRIPTION_HTTP_SERVER_REQUEST_DURATION,
  DESCRIPTION_HTTP_SERVER_RESPONSE_BODY_SIZE,
  METRIC_HTTP_SERVER_ACTIVE_REQUESTS,
  METRIC_HTTP_SERVER_REQUEST_BODY_SIZE,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE,
  UNIT_BYTES,
  UNIT_REQUESTS,
  UNIT_SECONDS,
} from './semconv.js';

/**
 * One instrument, described once and used by both export paths: the API path passes it to
 * `meter.create*`, the producer writes it as the descriptor the SDK would have built from those
 * same options (`createInstrumentDescriptor`: name, type, description, unit, valueType, advice).
 * Internal.
 */
export interface InstrumentSpec {
  readonly name: string;
  readonly type:
    'HISTOGRAM' | 'OBSERVABLE_UP_DOWN_COUNTER' | 'OBSERVABLE_GAUGE' | 'OBSERVABLE_COUNTER';
  readonly description: string;
  readonly unit: string;
  readonly valueType: ValueType;
  /** `{}` when no advice is given, as the SDK stores it. */
  readonly advice: MetricAdvice;
}

/**
 * @param spec - an instrument spec
 * @returns the options to create it with through the API
 */
export function toMetricOptions(spec: InstrumentSpec): MetricOptions {
  return {
    description: spec.description,
    unit: spec.unit,
    valueType: spec.valueType,
    ...(spec.advice.explicitBucketBoundaries === undefined ? {} : { advice: spec.advice }),
  };
}

/**
 * @param boundaries - duration boundaries in seconds
 * @returns the spec of `http.server.request.duration`
 */
export function durationSpec(boundaries: readonly number[]): InstrumentSpec {
  return {
    name: METRIC_HTTP_SERVER_REQUEST_DURATION,
    type: 'HISTOGRAM',
    description: DESCRIPTION_HTTP_SERVER_REQUEST_DURATION,
    unit: UNIT_SECONDS,
    valueType: ValueType.DOUBLE,
    advice: { explicitBucketBoundaries: [...boundaries] },
  };
}

/**
 * @param which - request or response body
 * @param boundaries - explicit boundaries in bytes, or `undefined` for the SDK default (no advice)
 * @returns the spec of the body size histogram
 */
export function bodySizeSpec(
  which: 'request' | 'response',
  boundaries: readonly number[] | undefined,
): InstrumentSpec {
  return {
    name:
      which === 'request'
        ? METRIC_HTTP_SERVER_REQUEST_BODY_SIZE
        : METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE,
    type: 'HISTOGRAM',
    description:
      which === 'request'
        ? DESCRIPTION_HTTP_SERVER_REQUEST_BODY_SIZE
        : DESCRIPTION_HTTP_SERVER_RESPONSE_BODY_SIZE,
    unit: UNIT_BYTES,
    valueType: ValueType.INT,
    advice: boundaries === undefined ? {} : { explicitBucketBoundaries: [...boundaries] },
  };
}

/** The spec of `http.server.active_requests` (an observable UpDownCounter of integers). */
export const ACTIVE_REQUESTS_SPEC: InstrumentSpec = {
  name: METRIC_HTTP_SERVER_ACTIVE_REQUESTS,
  type: 'OBSERVABLE_UP_DOWN_COUNTER',
  description: DESCRIPTION_HTTP_SERVER_ACTIVE_REQUESTS,
  unit: UNIT_REQUESTS,
  valueType: ValueType.INT,
  advice: {},
};
