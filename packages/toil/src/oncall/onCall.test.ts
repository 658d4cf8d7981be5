import { formatDecimal } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { maxIncidentsPerShift, onCallFloor, onCallLoad } from './onCall.js';

describe('onCallFloor', () => {
  // REFERENCE.md §10 #63 (https://sre.google/sre-book/eliminating-toil/): 2/rotation
  const cases: [number, string, string][] = [
    [6, '33', '#63: 6 people => 33%'],
    [8, '25', '#63: 8 people => 25%'],
    [2, '100', 'primary and secondary only'],
    [10, '20', '(computed)'],
  ];
  it.each(cases)('rotation of %d => %s%% (%s)', (size, percent) => {
    expect(formatDecimal(onCallFloor(size) * 100, 0)).toBe(percent);
  });

  it('is exact: 2/8 = 0.25 and 2/6 = 1/3', () => {
    expect(onCallFloor(8)).toBe(0.25);
    expect(onCallFloor(6)).toBe(1 / 3);
  });
});

describe('maxIncidentsPerShift', () => {
  it('#63 (https://sre.google/sre-book/being-on-call/): 6 h per incident in a 12 h shift => 2', () => {
    expect(maxIncidentsPerShift()).toBe(2);
    expect(maxIncidentsPerShift(12, 6)).toBe(2);
    expect(maxIncidentsPerShift(8, 6)).toBe(1);
  });
});

describe('onCallLoad', () => {
  it('#63: 2 incidents in one 12 h shift is at the limit, 3 is over', () => {
    expect(onCallLoad({ incidents: 2 })).toEqual({
      incidentsPer12h: 2,
      incidentLimit: 2,
      overIncidentLimit: false,
      incidentHours: 12,
    });
    expect(onCallLoad({ incidents: 3 }).overIncidentLimit).toBe(true);
  });

  it('scales to 12 h (incidents × 12 / shift hours): 3 incidents in a 24 h shift = 1.5 per 12 h', () => {
    expect(onCallLoad({ incidents: 3, shiftHours: 24 }).incidentsPer12h).toBe(1.5);
    expect(onCallLoad({ incidents: 10, shifts: 7 }).incidentsPer12h).toBeCloseTo(10 / 7, 12);
  });

  it('measures alerts per incident against the target of 1 and the rotation floor against 25%', () => {
    expect(onCallLoad({ incidents: 4, shifts: 2, alerts: 10, rotationSize: 6 })).toEqual({
      incidentsPer12h: 2,
      incidentLimit: 2,
      overIncidentLimit: false,
      incidentHours: 24,
      alertsPerIncident: 2.5,
      noisyAlerts: true,
      onCallFloor: 1 / 3,
      rotationTooSmall: true,
    });
    expect(onCallLoad({ incidents: 4, alerts: 4, rotationSize: 8 })).toMatchObject({
      alertsPerIncident: 1,
      noisyAlerts: false,
      onCallFloor: 0.25,
      rotationTooSmall: false,
    });
  });

  it('leaves alerts per incident out when there were no incidents', () => {
    expect(onCallLoad({ incidents: 0, alerts: 3 })).not.toHaveProperty('alertsPerIncident');
  });
});

describe('on-call edge cases', () => {
  it.each([
    [() => onCallFloor(1), 'rotationSize must be a whole number ≥ 2, got 1'],
    [() => onCallFloor(6.5), 'rotationSize must be a whole number ≥ 2, got 6.5'],
    [() => onCallLoad({ incidents: -1 }), 'incidents must be a whole number ≥ 0, got -1'],
    [() => onCallLoad({ incidents: 1, shifts: 0 }), 'shifts must be a finite number > 0, got 0'],
    [() => onCallLoad({ incidents: 1, alerts: 1.5 }), 'alerts must be a whole number ≥ 0, got 1.5'],
  ])('%#: throws RangeError', (fn, message) => {
    expect(fn).toThrow(RangeError);
    expect(fn).toThrow(message);
  });
});
