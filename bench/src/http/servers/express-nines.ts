/**
 * Express 5 + @nines/express as `instrumentExpress(app)` (no middleware layer), producer export
 * to a Prometheus exporter, two objectives evaluated in-process (servers/nines.ts).
 */
import { instrumentExpress } from '@nines/express';
import { startExpress } from './app.js';
import { serve, type Verification } from './common.js';
import { exportNines, ninesOptions } from './nines.js';

let verify: (() => Promise<Verification>) | undefined;

serve(
  await startExpress((app) => {
    verify = exportNines(instrumentExpress(app, ninesOptions()));
  }),
  () => (verify ?? (() => Promise.reject(new Error('not started'))))(),
);
