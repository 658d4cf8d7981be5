export {
  onCallFloor,
  maxIncidentsPerShift,
  onCallLoad,
  HOURS_PER_INCIDENT,
  SHIFT_HOURS,
  MAX_INCIDENTS_PER_SHIFT,
  ALERTS_PER_INCIDENT_TARGET,
  MAX_ON_CALL_SHARE,
} from './onCall.js';
export type { OnCallLoad, OnCallLoadInput } from './onCall.js';
