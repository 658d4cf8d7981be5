export { parsePeriod, createPeriods, DEFAULT_PERIOD_ANCHOR } from './periods.js';
export type { PeriodSpec, Periods } from './periods.js';
export { buildToilReport, MAX_REPORT_PERIODS } from './toilReport.js';
export type {
  CapacityMode,
  CapacityOptions,
  CategoryToil,
  PeriodToil,
  TaskToil,
  TeamToilReport,
  ToilBudgetFigures,
  ToilReport,
  ToilReportOptions,
} from './toilReport.js';
