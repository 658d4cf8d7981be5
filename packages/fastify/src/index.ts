/**
 * @nines/fastify: Fastify 4 and 5 plugin: OpenTelemetry HTTP metrics and in-process SLOs.
 *
 * @packageDocumentation
 */
export { fastifyNines, PLUGIN_NAME } from './plugin.js';
export type { FastifyNinesOptions } from './options.js';
export { routeTemplate } from './routeTemplate.js';
