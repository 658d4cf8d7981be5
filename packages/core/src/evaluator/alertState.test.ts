import { describe, expect, test } from 'vitest';
import { stepTier, type TierMachine, type TierState } from './alertState.js';

describe('stepTier', () => {
  // Prometheus alerting-rule semantics: pending with `for`, firing, resolved; a pending alert
  // whose condition drops goes back to inactive without a notification.
  test.each<
    [
      string,
      TierState,
      number | null,
      boolean,
      number,
      number,
      TierState,
      number | null,
      string | null,
    ]
  >([
    ['inactive, no condition', 'inactive', null, false, 100, 0, 'inactive', null, null],
    [
      'inactive → firing at once without for',
      'inactive',
      null,
      true,
      100,
      0,
      'firing',
      100,
      'firing',
    ],
    ['inactive → pending with for', 'inactive', null, true, 100, 60, 'pending', 100, 'pending'],
    ['pending, for not elapsed', 'pending', 100, true, 159, 60, 'pending', 100, null],
    [
      'pending → firing when for elapsed (>=)',
      'pending',
      100,
      true,
      160,
      60,
      'firing',
      160,
      'firing',
    ],
    ['pending → inactive silently', 'pending', 100, false, 130, 60, 'inactive', null, null],
    ['firing, condition holds', 'firing', 100, true, 500, 0, 'firing', 100, null],
    ['firing → resolved', 'firing', 100, false, 500, 0, 'inactive', null, 'resolved'],
  ])('%s', (_, state, since, condition, now, forMs, nextState, nextSince, transition) => {
    const machine: TierMachine = { state, since };
    expect(stepTier(machine, condition, now, forMs)).toBe(transition);
    expect(machine).toEqual({ state: nextState, since: nextSince });
  });
});
