import { describe, expect, test } from 'vitest';
import { defineObjective } from '../objectives/index.js';
import type { SloWindow } from '../windows/types.js';
import { createEvaluator } from './createEvaluator.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function monthly(timeZone: string) {
  const window: SloWindow = { kind: 'calendar', unit: 'month', count: 1, timeZone };
  return defineObjective({ id: 'api', targetPercent: 99, window, sli: { kind: 'events' } });
}

describe('calendar windows (REFERENCE.md §1.3: the budget resets at each boundary)', () => {
  test('a UTC month: January errors stop counting at 1 February 00:00', () => {
    const start = Date.UTC(2026, 0, 20);
    const evaluator = createEvaluator({ objectives: [monthly('UTC')], clock: () => start });
    const handle = evaluator.handle('api');
    const february = Date.UTC(2026, 1, 1);
    for (let t = start + HOUR; t <= february + 2 * DAY; t += HOUR) {
      if (t < february) handle.add(90, 100);
      else handle.add(100, 100);
      evaluator.tick(t);
      if (t === february - HOUR) {
        const january = evaluator.evaluate(t).objectives[0]!;
        const hours = (february - HOUR - start) / HOUR;
        expect(january).toMatchObject({
          status: 'warming-up', // history began on 20 January
          budgetStatus: 'exhausted',
          period: { start: Date.UTC(2026, 0, 1), end: february },
          good: hours * 90,
          total: hours * 100,
          sli: 0.9,
        });
        expect(january.budget).toEqual({
          consumed: 10,
          remaining: -9,
          allowedBad: hours,
          unit: 'events',
        });
        expect(january.period.elapsedShare).toBeCloseTo(743 / 744, 12);
      }
    }
    const status = evaluator.evaluate(february + 2 * DAY).objectives[0]!;
    expect(status).toMatchObject({
      status: 'healthy',
      period: { start: february, end: Date.UTC(2026, 2, 1) },
      good: 49 * 100, // flushes at 00:00 on 1 February through 00:00 on 3 February
      total: 49 * 100,
      sli: 1,
      budget: { consumed: 0, remaining: 1, allowedBad: 49, unit: 'events' },
      coverage: 1,
    });
    expect(status.period.elapsedShare).toBe(2 / 28);
  });

  test('Asia/Kolkata (UTC+5:30): the boundary falls mid-hour and is still exact to the flush', () => {
    const start = Date.UTC(2026, 0, 30);
    const evaluator = createEvaluator({
      objectives: [monthly('Asia/Kolkata')],
      clock: () => start,
    });
    const handle = evaluator.handle('api');
    const boundary = Date.UTC(2026, 0, 31, 18, 30); // 1 February 00:00 IST
    let february = 0;
    for (let t = start + 15 * MINUTE; t <= boundary + 3 * HOUR; t += 15 * MINUTE) {
      handle.add(1, 1);
      if (t >= boundary) february += 1;
      evaluator.tick(t);
    }
    const status = evaluator.evaluate().objectives[0]!;
    expect(status.period.start).toBe(boundary);
    expect(status.total).toBe(february);
    expect(february).toBe(13);
  });
});
