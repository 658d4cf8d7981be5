export type {
  CumulativeBucket,
  ExplicitBucketHistogram,
  GoodCount,
  ThresholdSemantics,
} from './types.js';
export { HTTP_SERVER_DURATION_BOUNDARIES, isBucketBoundary } from './boundaries.js';
export { fromCumulative, toCumulative } from './fromCumulative.js';
export { goodCountAtThreshold } from './goodCountAtThreshold.js';
export { histogramQuantile } from './histogramQuantile.js';
export { histogramFraction } from './histogramFraction.js';
export { apdex } from './apdex.js';
