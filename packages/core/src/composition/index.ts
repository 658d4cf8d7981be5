export { normalizeWeights } from './normalizeWeights.js';
export { weightedReliability } from './weightedReliability.js';
export type { WeightedComponent } from './weightedReliability.js';
export {
  compositeOccurrences,
  compositeRatioTimeslices,
  compositeTimeslices,
} from './compositeSlo.js';
export type {
  CompositeOccurrencesComponent,
  CompositeRatioComponent,
  CompositeTimeslicesResult,
} from './compositeSlo.js';
export { kOfNAvailability, parallelAvailability, serialAvailability } from './availability.js';
export { groupedUptime } from './groupedUptime.js';
export type { DowntimeInterval, GroupedUptime } from './groupedUptime.js';
