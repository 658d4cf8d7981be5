export * from './semconv.js';
export {
  DEFAULT_KNOWN_METHODS,
  KNOWN_METHODS_ENV,
  MAX_KNOWN_METHODS,
  MethodTable,
  resolveKnownMethods,
} from './methods.js';
export { createHttpMetrics, HttpMetrics } from './recorder.js';
export type { HttpMetricsTableSizes, ProducerHttpMetrics } from './recorder.js';
export {
  DEFAULT_MAX_ERROR_TYPES,
  DEFAULT_MAX_ROUTES,
  DEFAULT_MAX_SERIES,
  DEFAULT_MAX_SERVERS,
  MAX_PROTOCOL_VERSIONS,
  MAX_SCHEMES,
} from './options.js';
export type { HttpMetricsExport, HttpMetricsOptions } from './options.js';
export type { HttpMetricProducer } from './producer.js';
export {
  canWatchResponse,
  firstWatched,
  kNextWatched,
  kResponseEnded,
  kWatchedResponse,
  unwatchResponse,
  watchResponse,
} from './responseEnds.js';
export type { WatchableSocket, WatchedResponse } from './responseEnds.js';
