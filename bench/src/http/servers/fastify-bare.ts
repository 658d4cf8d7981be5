/** Fastify 5, no instrumentation: the baseline. */
import { startFastify } from './app.js';
import { nothingRecorded, serve } from './common.js';

serve(await startFastify(() => undefined), nothingRecorded);
