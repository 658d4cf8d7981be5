/**
 * Express 5 with one middleware that only calls `next()`: what being a middleware at all costs,
 * the floor under any instrumentation registered with `app.use`.
 */
import { startExpress } from './app.js';
import { nothingRecorded, serve } from './common.js';

serve(
  await startExpress((app) => {
    app.use((_req: unknown, _res: unknown, next: () => void) => {
      next();
    });
  }),
  nothingRecorded,
);
