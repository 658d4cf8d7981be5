import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NinesError } from '../errors.js';
import { defineObjective } from '../objectives/index.js';
import type { ObjectiveInput } from '../objectives/types.js';
import { createEvaluator } from './createEvaluator.js';
import { storageLayout } from './layout.js';
import type { AlertEvent } from './types.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);

function objective(input: Partial<ObjectiveInput> = {}) {
  return defineObjective({
    id: 'api',
    targetPercent: 99.9,
    window: '30d',
    sli: { kind: 'events' },
    ...input,
  });
}

function simulated(objectives = [objective()], start = T0) {
  let now = start;
  const evaluator = createEvaluator({ objectives, clock: () => now });
  return {
    evaluator,
    set: (t: number) => {
      now = t;
    },
  };
}

describe('window totals', () => {
  test('property: each window total is the sum fed within it (bucket-aligned), and within (now − w, now]', () => {
    const api = objective();
    const layout = storageLayout(api);
    const resolutionOf = new Map(
      layout.rings.flatMap((r) => r.windows.map((w) => [w, r.resolution])),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dt: fc.integer({ min: 0, max: 3 * HOUR }),
            good: fc.nat(1_000),
            bad: fc.nat(50),
          }),
          { minLength: 1, maxLength: 150 },
        ),
        fc.integer({ min: 0, max: 2 * DAY }),
        (steps, tail) => {
          const { evaluator } = simulated([api]);
          const handle = evaluator.handle('api');
          const fed: { t: number; good: number; total: number }[] = [];
          let t = T0;
          for (const step of steps) {
            t += step.dt;
            handle.add(step.good, step.good + step.bad);
            evaluator.tick(t);
            fed.push({ t, good: step.good, total: step.good + step.bad });
          }
          const now = t + tail;
          const report = evaluator.evaluate(now);
          const status = report.objectives[0]!;
          const sum = (from: number, strict: boolean) =>
            fed
              .filter((e) => (strict ? e.t > from : e.t >= from))
              .reduce((s, e) => ({ good: s.good + e.good, total: s.total + e.total }), {
                good: 0,
                total: 0,
              });
          for (const w of status.windows) {
            const r = resolutionOf.get(w.window)!;
            // The window reads whole buckets: the open one and the w/r − 1 before it.
            const exact = sum((Math.floor(now / r) + 1) * r - w.window, false);
            expect({ good: w.good, total: w.total }).toEqual(exact);
            expect(w.total).toBeLessThanOrEqual(sum(now - w.window, true).total);
            expect(w.total).toBeGreaterThanOrEqual(sum(now - w.window + r, true).total);
          }
          const r = 2 * HOUR; // the 30d period ring
          expect({ good: status.good, total: status.total }).toEqual(
            sum((Math.floor(now / r) + 1) * r - 30 * DAY, false),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('no data and warm-up', () => {
  test('before any event: no-data, SLI and budget null, burn rates null, nothing NaN', () => {
    const { evaluator } = simulated();
    const status = evaluator.evaluate(T0 + HOUR).objectives[0]!;
    expect(status).toMatchObject({
      status: 'no-data',
      budgetStatus: 'no-data',
      good: 0,
      total: 0,
      sli: null,
      budget: null,
    });
    expect(status.windows.map((w) => w.burnRate)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(status.tiers.every((t) => t.state === 'inactive' && t.longBurnRate === null)).toBe(true);
    expect(JSON.stringify(status)).not.toContain('NaN');
  });

  test('one day of history on a 30-day objective: warming-up, with the numbers and coverage', () => {
    const { evaluator } = simulated();
    const handle = evaluator.handle('api');
    for (let t = T0 + MINUTE; t <= T0 + DAY; t += MINUTE) {
      handle.add(9_995, 10_000);
      evaluator.tick(t);
    }
    const status = evaluator.evaluate(T0 + DAY).objectives[0]!;
    expect(status.status).toBe('warming-up');
    expect(status.budgetStatus).toBe('healthy');
    expect(status.total).toBe(1_440 * 10_000);
    expect(status.sli).toBe(0.9995);
    expect(status.budget).toEqual({
      consumed: 0.5,
      remaining: 0.5,
      allowedBad: 14_400,
      unit: 'events',
    });
    expect(status.coverage).toBeCloseTo(1 / 30, 12);
    expect(status.historyStart).toBe(T0);
    expect(status.startedAt).toBe(T0);
    // Windows up to 1 day are fully observed; the 3-day one a third.
    expect(status.windows.map((w) => [w.window, w.coverage])).toEqual([
      [5 * MINUTE, 1],
      [30 * MINUTE, 1],
      [HOUR, 1],
      [2 * HOUR, 1],
      [6 * HOUR, 1],
      [DAY, 1],
      [3 * DAY, 1 / 3],
    ]);
  });

  test('after a full period of history the status is the budget status', () => {
    const { evaluator } = simulated([objective({ window: '1d', alerting: false })]);
    const handle = evaluator.handle('api');
    for (let t = T0 + MINUTE; t <= T0 + DAY + HOUR; t += MINUTE) {
      handle.add(9_998, 10_000);
      evaluator.tick(t);
    }
    const status = evaluator.evaluate().objectives[0]!;
    expect(status.status).toBe('healthy');
    expect(status.coverage).toBe(1);
    expect(status.budget?.remaining).toBe(0.8);
  });

  test('traffic stops for longer than the period: no-data again', () => {
    const { evaluator } = simulated([objective({ window: '1d', alerting: false })]);
    evaluator.handle('api').good(10);
    evaluator.tick(T0 + MINUTE);
    expect(evaluator.evaluate(T0 + HOUR).objectives[0]?.status).toBe('warming-up');
    expect(evaluator.evaluate(T0 + 2 * DAY).objectives[0]).toMatchObject({
      status: 'no-data',
      sli: null,
      budget: null,
      total: 0,
    });
  });
});

describe('evaluator API', () => {
  test('handle(id) returns the same precomputed handle; unknown ids throw UNKNOWN_OBJECTIVE', () => {
    const { evaluator } = simulated();
    expect(evaluator.handle('api')).toBe(evaluator.handle('api'));
    expect(() => evaluator.handle('nope')).toThrow(NinesError);
    expect(() => evaluator.handle('nope')).toThrow(/no objective with id "nope"; known ids: api/);
  });

  test('status(id) is undefined before the first evaluation, then the last status', () => {
    const { evaluator } = simulated();
    expect(evaluator.status('api')).toBeUndefined();
    const report = evaluator.evaluate(T0 + 1);
    expect(evaluator.status('api')).toBe(report.objectives[0]);
    expect(evaluator.status('nope')).toBeUndefined();
  });

  test('the clock is the default time; evaluate(now) overrides it', () => {
    const { evaluator, set } = simulated();
    set(T0 + 5 * SECOND);
    expect(evaluator.evaluate().at).toBe(T0 + 5 * SECOND);
    expect(evaluator.evaluate(T0 + 9 * SECOND).at).toBe(T0 + 9 * SECOND);
  });

  test('time never runs backwards: an earlier now is treated as the latest seen', () => {
    const { evaluator } = simulated();
    const handle = evaluator.handle('api');
    evaluator.evaluate(T0 + HOUR);
    handle.bad(3);
    const report = evaluator.evaluate(T0);
    expect(report.at).toBe(T0 + HOUR);
    expect(report.objectives[0]?.windows[0]).toMatchObject({ total: 3, good: 0 });
  });

  test('dropped inputs are reported per objective', () => {
    const { evaluator } = simulated();
    evaluator.handle('api').add(5, 1);
    evaluator.handle('api').good(NaN);
    expect(evaluator.evaluate(T0 + 1).objectives[0]?.droppedInputs).toBe(2);
  });

  test('objectives keep their order, and objectives is a copy of the input', () => {
    const list = [objective({ id: 'b' }), objective({ id: 'a' })];
    const { evaluator } = simulated(list);
    list.pop();
    expect(evaluator.objectives.map((o) => o.id)).toEqual(['b', 'a']);
    expect(evaluator.evaluate(T0 + 1).objectives.map((o) => o.id)).toEqual(['b', 'a']);
  });
});

describe('listeners', () => {
  function outage() {
    const sim = simulated([objective({ window: '1d' })]);
    const handle = sim.evaluator.handle('api');
    return {
      ...sim,
      run: () => {
        handle.bad(100);
        return sim.evaluator.evaluate(T0 + MINUTE);
      },
    };
  }

  test('a throwing listener neither breaks evaluation nor other listeners; its error is returned', () => {
    const { evaluator, run } = outage();
    const seen: AlertEvent[] = [];
    const boom = new Error('listener bug');
    evaluator.onAlert(() => {
      throw boom;
    });
    evaluator.onAlert((event) => {
      seen.push(event);
    });
    const report = run();
    expect(report.alerts.length).toBeGreaterThan(0);
    expect(seen).toEqual(report.alerts);
    expect(report.listenerErrors).toEqual(report.alerts.map(() => boom));
    expect(report.objectives[0]?.tiers.some((t) => t.state === 'firing')).toBe(true);
  });

  test('unsubscribe stops delivery; the same function can subscribe twice', () => {
    const { evaluator, run } = outage();
    const seen: string[] = [];
    const listener = (event: AlertEvent) => {
      seen.push(event.tier);
    };
    const off = evaluator.onAlert(listener);
    evaluator.onAlert(listener);
    off();
    const report = run();
    expect(seen).toEqual(report.alerts.map((a) => a.tier));
  });
});

describe('edge cases', () => {
  test('duplicate ids are refused with the path of the second one', () => {
    expect(() => createEvaluator({ objectives: [objective(), objective()] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID', path: ['objectives', 1, 'id'] }),
    );
  });

  test('too many slices is refused with the path into the objectives list', () => {
    const o = objective({ budgeting: { method: 'timeslices', slice: '1s', sliceTarget: 0.9 } });
    expect(() => createEvaluator({ objectives: [objective({ id: 'x' }), o] })).toThrow(
      expect.objectContaining({
        code: 'INVALID_BUDGETING',
        path: ['objectives', 1, 'budgeting', 'slice'],
      }),
    );
  });

  test.each([NaN, Infinity, -Infinity])('evaluate(%s) throws INVALID_ARGUMENT', (now) => {
    const { evaluator } = simulated();
    expect(() => evaluator.evaluate(now)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['now'] }),
    );
    expect(() => {
      evaluator.tick(now);
    }).toThrow(NinesError);
  });

  test('a clock that returns NaN is refused at creation', () => {
    expect(() => createEvaluator({ objectives: [objective()], clock: () => NaN })).toThrow(
      /from the clock/,
    );
  });

  test.each([
    ['null', null, /got null/],
    ['undefined', undefined, /got undefined/],
    ['a number', 42, /got 42/],
    ['an array', [], /got an array/],
  ])('options %s is refused with INVALID_ARGUMENT naming it', (_, options, message) => {
    expect(() => createEvaluator(options as never)).toThrow(
      expect.objectContaining({ name: 'NinesError', code: 'INVALID_ARGUMENT', path: [] }),
    );
    expect(() => createEvaluator(options as never)).toThrow(message);
    expect(() => createEvaluator(options as never)).toThrow(/options object \{ objectives/);
  });

  test.each([
    ['missing', undefined, /got undefined/],
    ['null', null, /got null/],
    ['a number', 42, /got 42/],
    ['a plain object', { 0: 'api' }, /got an object/],
    ['a string', 'api', /got "api"/],
  ])('objectives %s (not iterable) is refused with INVALID_ARGUMENT', (_, objectives, message) => {
    const call = () => createEvaluator({ objectives } as never);
    expect(call).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['objectives'] }),
    );
    expect(call).toThrow(message);
    expect(call).toThrow(/array of objectives from defineObjective/);
  });

  test('a Set of objectives is still accepted (any iterable)', () => {
    const evaluator = createEvaluator({
      objectives: new Set([objective()]) as never,
      clock: () => T0,
    });
    expect(evaluator.objectives.map((o) => o.id)).toEqual(['api']);
  });

  test('an entry that is not an objective is refused with its path', () => {
    const call = () =>
      createEvaluator({ objectives: [objective(), null] as never, clock: () => T0 });
    expect(call).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['objectives', 1] }),
    );
    expect(call).toThrow(/createEvaluator needs an objective from defineObjective, got null/);
  });

  test('an entry without a window is refused with the path of the window', () => {
    const broken = { ...objective(), window: undefined };
    expect(() => createEvaluator({ objectives: [broken] as never, clock: () => T0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['objectives', 0, 'window'] }),
    );
  });

  test('no objectives: an empty report', () => {
    const evaluator = createEvaluator({ objectives: [], clock: () => T0 });
    expect(evaluator.evaluate()).toEqual({
      at: T0,
      objectives: [],
      alerts: [],
      listenerErrors: [],
    });
  });
});

describe('edge cases: hand-built objectives', () => {
  test('a bad slice rule is refused at creation, not at the first slice close', () => {
    const o = objective({ budgeting: { method: 'timeslices', slice: '1m', sliceTarget: 0.9 } });
    const broken = { ...o, budgeting: { ...o.budgeting, sliceTarget: 2 } } as typeof o;
    expect(() => createEvaluator({ objectives: [broken] })).toThrow(
      expect.objectContaining({ code: 'INVALID_BUDGETING', path: ['objectives', 0, 'budgeting'] }),
    );
  });
});
