/** Express 5, no instrumentation: the baseline. */
import { startExpress } from './app.js';
import { nothingRecorded, serve } from './common.js';

serve(await startExpress(() => undefined), nothingRecorded);
