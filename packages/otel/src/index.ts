/**
 * @nines/otel: OpenTelemetry HTTP server metrics at almost no cost, custom SLIs, and live in-process SLO evaluation.
 *
 * @packageDocumentation
 */
export {};
