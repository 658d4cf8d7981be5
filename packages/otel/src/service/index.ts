export { createNines } from './createNines.js';
export { blankRequestEnd } from './requestEnd.js';
export { exceptionType, requestErrorType } from './errorType.js';
export {
  DEFAULT_EVALUATE_INTERVAL_MS,
  DEFAULT_SAVE_INTERVAL_MS,
  DEFAULT_TICK_INTERVAL_MS,
} from './options.js';
export { activeHttpRpcMetadata, RPC_METADATA_KEY } from './rpcMetadata.js';
export type { HttpRpcMetadata } from './rpcMetadata.js';
export * from './sloSemconv.js';
export type {
  InstrumentationHttpMode,
  Nines,
  NinesOptions,
  ObjectiveStatusEntry,
  RequestEnd,
  StatusPayload,
} from './types.js';
