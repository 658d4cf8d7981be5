import { exactDivide, exactMultiply } from '@nines/core';

/** Hours the SRE book budgets for one incident: root cause, remediation, postmortem, bugs. */
export const HOURS_PER_INCIDENT = 6;
/** The shift length the on-call limits are stated for. */
export const SHIFT_HOURS = 12;
/** Most incidents per 12-hour shift: `SHIFT_HOURS / HOURS_PER_INCIDENT` = 2. */
export const MAX_INCIDENTS_PER_SHIFT = 2;
/** Target alerts per incident: one page per incident, no duplicates. */
export const ALERTS_PER_INCIDENT_TARGET = 1;
/** Most of an engineer's time on call, as a fraction (SRE book: at most 25%). */
export const MAX_ON_CALL_SHARE = 0.25;

function check(
  name: string,
  value: number,
  options: { integer?: boolean; min?: number; positive?: boolean } = {},
): void {
  const { integer = false, min = 0, positive = false } = options;
  if (
    !Number.isFinite(value) ||
    value < min ||
    (positive && value <= 0) ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? 'a whole number' : 'a finite number';
    throw new RangeError(`${name} must be ${kind} ${positive ? '> 0' : `≥ ${min}`}, got ${value}`);
  }
}

/**
 * The least share of time each member of a rotation spends on call when every cycle has a
 * primary and a secondary, each for one week: `2 / rotationSize` (SRE book ch. 5). That time
 * is interrupt-driven, so it is toil.
 *
 * @param rotationSize - people in the rotation, at least 2
 * @returns a fraction: 6 people give 1/3, 8 give 0.25
 * @throws RangeError for fewer than 2 people or a fractional size
 * @example
 * ```ts
 * onCallFloor(8); // 0.25 (REFERENCE.md §10 #63)
 * ```
 */
export function onCallFloor(rotationSize: number): number {
  check('rotationSize', rotationSize, { integer: true, min: 2 });
  return exactDivide(2, rotationSize);
}

/**
 * How many incidents fit in a shift when each takes `hoursPerIncident` (SRE book ch. 11:
 * 6 hours each, so at most 2 per 12-hour shift).
 *
 * @param shiftHours - shift length (default 12)
 * @param hoursPerIncident - hours one incident takes (default 6)
 * @returns whole incidents per shift
 * @throws RangeError for non-positive inputs
 * @example
 * ```ts
 * maxIncidentsPerShift(); // 2 (REFERENCE.md §10 #63)
 * ```
 */
export function maxIncidentsPerShift(
  shiftHours = SHIFT_HOURS,
  hoursPerIncident = HOURS_PER_INCIDENT,
): number {
  check('shiftHours', shiftHours, { positive: true });
  check('hoursPerIncident', hoursPerIncident, { positive: true });
  return Math.floor(exactDivide(shiftHours, hoursPerIncident));
}

/** Input of {@link onCallLoad}. */
export interface OnCallLoadInput {
  /** Incidents handled. */
  readonly incidents: number;
  /** Shifts they were handled in (default 1). */
  readonly shifts?: number;
  /** Length of one shift in hours (default 12). */
  readonly shiftHours?: number;
  /** Alerts (pages) received in those shifts, if known. */
  readonly alerts?: number;
  /** People in the rotation, if known. */
  readonly rotationSize?: number;
}

/** On-call load against the SRE book's limits. */
export interface OnCallLoad {
  /** Incidents per 12 hours on call: `incidents × 12 / (shifts × shiftHours)`. */
  readonly incidentsPer12h: number;
  /** The limit, 2. */
  readonly incidentLimit: number;
  /** True when incidents per 12 h exceed the limit. */
  readonly overIncidentLimit: boolean;
  /** Hours the incidents cost at 6 h each. */
  readonly incidentHours: number;
  /** Alerts per incident, when alerts are known and there were incidents. */
  readonly alertsPerIncident?: number;
  /** True when more than one alert per incident arrived (duplicate or noisy paging). */
  readonly noisyAlerts?: boolean;
  /** The rotation's on-call floor, `2 / rotationSize`, when the size is known. */
  readonly onCallFloor?: number;
  /** True when the floor exceeds 25% of time on call: the rotation is too small. */
  readonly rotationTooSmall?: boolean;
}

/**
 * Measure on-call load against the SRE book's limits: at most 2 incidents per 12-hour shift,
 * one alert per incident, at most 25% of time on call.
 *
 * @param input - incidents, shifts, alerts and rotation size
 * @returns the load and which limits are exceeded
 * @throws RangeError for negative counts or non-positive shift lengths
 * @example
 * ```ts
 * onCallLoad({ incidents: 3, shifts: 1, alerts: 6, rotationSize: 6 });
 * // { incidentsPer12h: 3, overIncidentLimit: true, alertsPerIncident: 2, onCallFloor: 0.333…, … }
 * ```
 */
export function onCallLoad(input: OnCallLoadInput): OnCallLoad {
  const { incidents, shifts = 1, shiftHours = SHIFT_HOURS, alerts, rotationSize } = input;
  check('incidents', incidents, { integer: true });
  check('shifts', shifts, { positive: true });
  check('shiftHours', shiftHours, { positive: true });
  if (alerts !== undefined) check('alerts', alerts, { integer: true });
  const incidentsPer12h = exactDivide(
    exactMultiply(incidents, SHIFT_HOURS),
    exactMultiply(shifts, shiftHours),
  );
  const load: OnCallLoad = {
    incidentsPer12h,
    incidentLimit: MAX_INCIDENTS_PER_SHIFT,
    overIncidentLimit: incidentsPer12h > MAX_INCIDENTS_PER_SHIFT,
    incidentHours: exactMultiply(incidents, HOURS_PER_INCIDENT),
  };
  const withAlerts =
    alerts === undefined || incidents === 0
      ? load
      : {
          ...load,
          alertsPerIncident: exactDivide(alerts, incidents),
          noisyAlerts: alerts > incidents * ALERTS_PER_INCIDENT_TARGET,
        };
  if (rotationSize === undefined) return withAlerts;
  const floor = onCallFloor(rotationSize);
  return { ...withAlerts, onCallFloor: floor, rotationTooSmall: floor > MAX_ON_CALL_SHARE };
}
