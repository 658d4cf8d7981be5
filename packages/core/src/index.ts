/**
 * @nines/core: exact SLO, error-budget and burn-rate math, burn-rate alert policies and an
 * in-process evaluator. Zero runtime dependencies.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './decimal.js';
export * from './durations/index.js';
export * from './windows/index.js';
export * from './objectives/index.js';
export * from './budgets/index.js';
export * from './budgeting/index.js';
export * from './composition/index.js';
export * from './statistics/index.js';
export * from './histograms/index.js';
export * from './policies/index.js';
export * from './evaluator/index.js';
