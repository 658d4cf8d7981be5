/**
 * Fastify 5 + the plain OpenTelemetry hook people write by hand: one `onResponse` hook,
 * semconv attributes built per request, `histogram.record(reply.elapsedTime / 1000, ...)`,
 * SDK MeterProvider with a Prometheus exporter.
 */
import type { Attributes } from '@opentelemetry/api';
import { startFastify } from './app.js';
import { serve } from './common.js';
import { DURATION_BOUNDARIES, setupOtel } from './otel.js';

const otel = setupOtel();
const histogram = otel.provider
  .getMeter('bench-plain-hook')
  .createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BOUNDARIES },
  });

serve(
  await startFastify((app) => {
    app.addHook('onResponse', (request, reply, done) => {
      const attributes: Attributes = {
        'http.request.method': request.method,
        'url.scheme': request.protocol,
        'http.response.status_code': reply.statusCode,
        'network.protocol.version': request.raw.httpVersion,
      };
      const route = request.routeOptions.url;
      if (route !== undefined) attributes['http.route'] = route;
      histogram.record(reply.elapsedTime / 1000, attributes);
      done();
    });
  }),
  otel.verify,
);
