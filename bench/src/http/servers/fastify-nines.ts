/**
 * Fastify 5 + @nines/fastify, producer export to a Prometheus exporter, two objectives
 * evaluated in-process (servers/nines.ts).
 */
import { fastifyNines } from '@nines/fastify';
import { startFastify } from './app.js';
import { serve, type Verification } from './common.js';
import { exportNines, ninesOptions } from './nines.js';

let verify: (() => Promise<Verification>) | undefined;

serve(
  await startFastify(async (app) => {
    await app.register(fastifyNines, ninesOptions());
    verify = exportNines(app.nines);
  }),
  () => (verify ?? (() => Promise.reject(new Error('not started'))))(),
);
