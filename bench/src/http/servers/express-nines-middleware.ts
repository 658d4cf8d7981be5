/**
 * Express 5 + @nines/express as a middleware (`app.use(ninesExpress(options))`), producer export to a Prometheus exporter, two objectives
 * evaluated in-process (servers/nines.ts).
 */
import { ninesExpress } from '@nines/express';
import { startExpress } from './app.js';
import { serve, type Verification } from './common.js';
import { exportNines, ninesOptions } from './nines.js';

let verify: (() => Promise<Verification>) | undefined;

serve(
  await startExpress((app) => {
    const middleware = ninesExpress(ninesOptions());
    verify = exportNines(middleware.nines);
    app.use(middleware);
  }),
  () => (verify ?? (() => Promise.reject(new Error('not started'))))(),
);
