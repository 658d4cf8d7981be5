export { breakEvenTime, toilImpact, DEFAULT_HORIZON_YEARS } from './breakEven.js';
export { paybackPeriod, netSavings } from './payback.js';
export type { NetSavingsInput } from './payback.js';
export { rankAutomation } from './rankAutomation.js';
export type {
  AutomationCandidate,
  AutomationEstimate,
  AutomationOptions,
  AutomationRanking,
} from './rankAutomation.js';
