export { createLedger } from './createLedger.js';
export type {
  LedgerOptions,
  ToilDefaults,
  ToilLedger,
  TrackContext,
  TrackOptions,
} from './createLedger.js';
export { toilHandler } from './toilHandler.js';
export type { ToilHandlerOptions } from './toilHandler.js';
export { TOIL_METRICS, TOIL_ATTRIBUTES } from './metrics.js';
export type { ToilMeter } from './metrics.js';
