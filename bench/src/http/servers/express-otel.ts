/**
 * Express 5 + the plain OpenTelemetry middleware people write by hand: semconv attributes
 * built per request, `histogram.record` on `finish`, SDK MeterProvider with a Prometheus
 * exporter.
 */
import type { Attributes } from '@opentelemetry/api';
import { startExpress, type ExpressHandler } from './app.js';
import { serve } from './common.js';
import { DURATION_BOUNDARIES, setupOtel } from './otel.js';

const otel = setupOtel();
const histogram = otel.provider
  .getMeter('bench-plain-middleware')
  .createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BOUNDARIES },
  });

serve(
  await startExpress((app) => {
    const middleware: ExpressHandler = (req, res, next) => {
      const start = performance.now();
      res.on('finish', () => {
        const attributes: Attributes = {
          'http.request.method': req.method,
          'url.scheme': req.protocol,
          'http.response.status_code': res.statusCode,
          'network.protocol.version': req.httpVersion,
        };
        const path = req.route?.path;
        if (typeof path === 'string') attributes['http.route'] = req.baseUrl + path;
        histogram.record((performance.now() - start) / 1000, attributes);
      });
      next();
    };
    app.use(middleware);
  }),
  otel.verify,
);
