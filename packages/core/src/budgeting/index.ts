export type * from './types.js';
export { toBudgeting, DEFAULT_SLICE_MS } from './toBudgeting.js';
export { sliceIsGood } from './sliceIsGood.js';
export { computeSli, occurrencesSli, timeslicesSli, ratioTimeslicesSli } from './computeSli.js';
export type {
  BudgetingResult,
  RatioTimeslicesRule,
  SliceCounts,
  TimeslicesRule,
} from './computeSli.js';
