/**
 * Express 5 + @opentelemetry/instrumentation-http (metrics through an SDK MeterProvider with a
 * Prometheus exporter; no tracer provider, as in a metrics-only setup). The instrumentation
 * is registered before Express (and with it `http`) is loaded: `startExpress` imports it lazily.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { startExpress } from './app.js';
import { serve } from './common.js';
import { setupOtel } from './otel.js';

const otel = setupOtel();
registerInstrumentations({
  instrumentations: [new HttpInstrumentation()],
  meterProvider: otel.provider,
});

serve(await startExpress(() => undefined), otel.verify);
