/**
 * Fastify 5 + fastify-metrics 13 (default metrics off, route metrics on; it picks
 * @platformatic/prom-client, which is installed).
 */
import type { FastifyInstance } from 'fastify';
import fastifyMetrics from 'fastify-metrics';
import { startFastify } from './app.js';
import { countFromExposition, serve } from './common.js';

// A CommonJS module with `exports.default`: under ESM the plugin is its `default` property.
const metricsPlugin = fastifyMetrics.default;
let instance: FastifyInstance | undefined;

serve(
  await startFastify(async (app) => {
    instance = app;
    await app.register(metricsPlugin, { endpoint: '/metrics', defaultMetrics: { enabled: false } });
  }),
  async () => {
    if (instance === undefined) throw new Error('fastify not started');
    const text = await instance.metrics.client.register.metrics();
    return countFromExposition(text, 'http_request_duration_seconds');
  },
);
