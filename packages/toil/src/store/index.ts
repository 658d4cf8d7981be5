export { createMemoryStore } from './memoryStore.js';
export type { MemoryStore } from './memoryStore.js';
export { createJsonLinesStore } from './jsonLinesStore.js';
export type { JsonLinesStore, JsonLinesStoreOptions } from './jsonLinesStore.js';
export { appendLines } from './appendLines.js';
export type { LedgerProblem, LedgerReadItem, ToilStore } from './types.js';
