/**
 * Fastify 5 + @opentelemetry/instrumentation-http (metrics through an SDK MeterProvider with a
 * Prometheus exporter; no tracer provider). Registered before Fastify is loaded.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { startFastify } from './app.js';
import { serve } from './common.js';
import { setupOtel } from './otel.js';

const otel = setupOtel();
registerInstrumentations({
  instrumentations: [new HttpInstrumentation()],
  meterProvider: otel.provider,
});

serve(await startFastify(() => undefined), otel.verify);
