/**
 * @nines/otel: OpenTelemetry HTTP server metrics at almost no cost, custom SLIs, and live in-process SLO evaluation.
 *
 * @packageDocumentation
 */
export * from './http/index.js';
export * from './slis/index.js';
export * from './service/index.js';
export { SCOPE_NAME, SCOPE_VERSION } from './version.js';
