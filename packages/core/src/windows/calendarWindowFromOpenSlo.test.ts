import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { calendarWindowFromOpenSlo } from './calendarWindowFromOpenSlo.js';

describe('calendarWindowFromOpenSlo', () => {
  it('keeps 1M a calendar month (REFERENCE.md §1.3: 1M is not 30d)', () => {
    expect(
      calendarWindowFromOpenSlo('1M', {
        startTime: '2020-01-21 12:30:00',
        timeZone: 'America/New_York',
      }),
    ).toEqual({
      kind: 'calendar',
      unit: 'month',
      count: 1,
      timeZone: 'America/New_York',
      startTime: '2020-01-21 12:30:00',
    });
  });

  // [shorthand, unit, count, source]
  it.each([
    ['1w', 'week', 1, 'OpenSLO examples/treat-low-traffic…/timeslices-slo.yaml: 1w calendar'],
    ['1Q', 'quarter', 1, 'REFERENCE.md §1.3'],
    ['1Y', 'year', 1, 'REFERENCE.md §1.3'],
    ['7d', 'day', 7, 'a run of local days'],
    ['2w', 'week', 2, 'fortnight'],
  ])('%s → %s × %d (%s)', (text, unit, count) => {
    expect(calendarWindowFromOpenSlo(text)).toEqual({
      kind: 'calendar',
      unit,
      count,
      timeZone: 'UTC',
    });
  });

  it('accepts a parsed duration', () => {
    expect(calendarWindowFromOpenSlo({ count: 1, unit: 'M' }).unit).toBe('month');
  });

  describe('edge cases', () => {
    it.each(['1m', '12h'])('refuses %s: minutes and hours have no calendar', (text) => {
      expect(() => calendarWindowFromOpenSlo(text, {}, ['timeWindow', 0])).toThrow(
        expect.objectContaining({ code: 'INVALID_WINDOW', path: ['timeWindow', 0, 'duration'] }),
      );
    });
    it('reports bad shorthand at duration and a bad zone under calendar', () => {
      expect(() => calendarWindowFromOpenSlo('1 month', {}, ['tw'])).toThrow(
        expect.objectContaining({ code: 'INVALID_DURATION', path: ['tw', 'duration'] }),
      );
      expect(() => calendarWindowFromOpenSlo('1M', { timeZone: 'Paris' }, ['tw'])).toThrow(
        expect.objectContaining({
          code: 'INVALID_TIME_ZONE',
          path: ['tw', 'calendar', 'timeZone'],
        }),
      );
      expect(() => calendarWindowFromOpenSlo('1M', { timeZone: 'Paris' })).toThrow(NinesError);
    });
  });
});

describe('calendarWindowFromOpenSlo from plain JavaScript', () => {
  it.each([null, { count: 0, unit: 'M' }, { count: 1, unit: 'x' }])(
    'rejects the parsed duration %j with INVALID_DURATION at duration',
    (duration) => {
      let caught: unknown;
      try {
        calendarWindowFromOpenSlo(duration as never, {}, ['spec', 'timeWindow', 0]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      expect((caught as NinesError).code).toBe('INVALID_DURATION');
      expect((caught as NinesError).path).toEqual(['spec', 'timeWindow', 0, 'duration']);
      expect((caught as NinesError).message).toMatch(/^Invalid OpenSLO duration /);
    },
  );

  it.each([null, 'UTC'])('rejects calendar %j with INVALID_WINDOW', (calendar) => {
    expect(() => calendarWindowFromOpenSlo('1M', calendar as never)).toThrow(
      /calendar must be an object \{ startTime\?, timeZone\? \}/,
    );
  });
});
