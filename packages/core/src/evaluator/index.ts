export { createEvaluator } from './createEvaluator.js';
export { estimateMemory, storageLayout } from './layout.js';
export type { RingLayout, SliceLayout, StorageLayout } from './layout.js';
export { parseSnapshot } from './parseSnapshot.js';
export type {
  EvaluatorSnapshot,
  ObjectiveSnapshot,
  RingSnapshot,
  SliceSnapshot,
  TierSnapshot,
} from './snapshot.js';
export type {
  AlertEvent,
  AlertTransition,
  BudgetStatus,
  EvaluationReport,
  Evaluator,
  EvaluatorOptions,
  EventsHandle,
  ObjectiveHealth,
  ObjectiveStatus,
  PeriodStatus,
  RestoreSummary,
  SliceStatus,
  TierState,
  TierStatus,
  WindowStatus,
} from './types.js';
