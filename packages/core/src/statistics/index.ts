export { normalQuantile, zForConfidence } from './normalQuantile.js';
export { wilsonInterval } from './wilsonInterval.js';
export type { WilsonInterval, WilsonOptions } from './wilsonInterval.js';
export { sloVerdict } from './sloVerdict.js';
export type { SloVerdict, SloVerdictKind } from './sloVerdict.js';
export { minimumEvents } from './minimumEvents.js';
