/** Express 5 + express-prom-bundle 8 (`includeMethod`, `includePath`; defaults otherwise). */
import promBundle from 'express-prom-bundle';
import { register } from 'prom-client';
import { startExpress } from './app.js';
import { countFromExposition, serve } from './common.js';

serve(
  await startExpress((app) => {
    app.use(promBundle({ includeMethod: true, includePath: true }));
  }),
  async () => countFromExposition(await register.metrics(), 'http_request_duration_seconds'),
);
