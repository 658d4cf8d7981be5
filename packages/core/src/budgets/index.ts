export { errorBudget, allowedBadEvents, allowedDowntime } from './errorBudget.js';
export { nines, targetFromNines } from './nines.js';
export { ninesTable } from './ninesTable.js';
export type { NinesTableCell, NinesTableOptions, NinesTableRow } from './ninesTable.js';
export { sliFromCounts } from './sliFromCounts.js';
export {
  budgetConsumed,
  budgetConsumedFromCounts,
  budgetRemaining,
  budgetRemainingFromCounts,
  remainingBadEvents,
} from './budgetConsumed.js';
export { burnRate, burnRateFromCounts, maxBurnRate } from './burnRate.js';
export { budgetSpentInWindow, burnRateForBudgetShare } from './budgetSpent.js';
export { timeToExhaustion } from './timeToExhaustion.js';
export { budgetDrop } from './budgetDrop.js';
export {
  defaultErrorBudgetPolicy,
  errorBudgetStatus,
  releaseDecision,
} from './errorBudgetPolicy.js';
export type { ErrorBudgetPolicy, ErrorBudgetStatus, ReleaseDecision } from './errorBudgetPolicy.js';
