/**
 * @nines/fastify: Fastify 4 and 5 plugin: OpenTelemetry HTTP metrics and in-process SLOs.
 *
 * @packageDocumentation
 */
export {};
