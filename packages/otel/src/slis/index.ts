export { compileMatchers, matchesAttributes } from './matchers.js';
export type { AttributePredicate } from './matchers.js';
export { createObjectiveListener } from './listener.js';
export type {
  AvailabilityFeed,
  LatencyFeed,
  SeriesFeed,
  SeriesListener,
  SliHandle,
  SliHandleSource,
} from './listener.js';
