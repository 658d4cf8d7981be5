import { describe, expect, test } from 'vitest';
import { defineObjective } from '../objectives/index.js';
import type { ObjectiveInput } from '../objectives/types.js';
import { definePolicy } from '../policies/index.js';
import { createEvaluator } from './createEvaluator.js';
import type { AlertEvent, Evaluator } from './types.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
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

/** Feed `perTick(t)` = [good, total] every `step` ms from `from` (exclusive) to `to`, evaluating each tick. */
function run(
  evaluator: Evaluator,
  from: number,
  to: number,
  step: number,
  perTick: (t: number) => readonly [number, number],
  evaluate = true,
): AlertEvent[] {
  const handle = evaluator.handle('api');
  const events: AlertEvent[] = [];
  for (let t = from + step; t <= to; t += step) {
    const [good, total] = perTick(t);
    handle.add(good, total);
    if (evaluate) events.push(...evaluator.evaluate(t).alerts);
    else evaluator.tick(t);
  }
  return events;
}

const at = (events: AlertEvent[], tier: string, state: AlertEvent['state']) =>
  events.find((e) => e.tier === tier && e.state === state)?.at;

describe('Workbook tiers on a 99.9%/30d objective (REFERENCE.md §2.1 Table 5-8, §2.5)', () => {
  test('a total outage fires page-fast after f·EB·w/errorRatio = 51.84 s, and resolves ~5 min after recovery', () => {
    const evaluator = createEvaluator({ objectives: [objective()], clock: () => T0 });
    const outageStart = T0 + 2 * HOUR;
    const outageEnd = outageStart + 10 * MINUTE;
    run(evaluator, T0, outageStart, SECOND, () => [100, 100], false);
    const down = run(evaluator, outageStart, outageEnd, SECOND, () => [0, 100]);
    const up = run(evaluator, outageEnd, outageEnd + 10 * MINUTE, SECOND, () => [100, 100]);

    // Detection time of a burn-rate threshold: factor × (1 − SLO) × window / errorRatio (§2.5).
    const expectedFire = 14.4 * 0.001 * HOUR; // 51,840 ms
    const fired = at(down, 'page-fast', 'firing')! - outageStart;
    const resolution = 10 * SECOND; // the 1h window's buckets (storageLayout)
    expect(Math.abs(fired - expectedFire)).toBeLessThanOrEqual(resolution);
    expect(fired).toBe(52 * SECOND); // the first whole second past 51.84 s with per-second flushes

    const event = down.find((e) => e.tier === 'page-fast')!;
    expect(event).toMatchObject({
      objectiveId: 'api',
      severity: 'page',
      state: 'firing',
      longWindow: HOUR,
      shortWindow: 5 * MINUTE,
      // 52 s of errors among the 300 one-second buckets of the 5m window.
      shortBurnRate: (5_200 * 1_000) / 30_000,
      threshold: 0.0144,
      factor: 14.4,
    });
    expect(event.longBurnRate).toBeGreaterThanOrEqual(14.4);

    // Reset: the short window's error ratio drops below 0.0144 after 5 min × (1 − 0.0144).
    const expectedReset = 5 * MINUTE * (1 - 0.0144); // 295,680 ms
    const resolved = at(up, 'page-fast', 'resolved')! - outageEnd;
    expect(Math.abs(resolved - expectedReset)).toBeLessThanOrEqual(2 * SECOND);
    expect(resolved).toBeLessThanOrEqual(5 * MINUTE);
    expect(up.filter((e) => e.tier === 'page-fast').map((e) => e.state)).toEqual(['resolved']);
  });

  test('error ratio 0.0143, just under 14.4 × 0.001, never fires page-fast over a long run (page-slow does)', () => {
    const evaluator = createEvaluator({ objectives: [objective()], clock: () => T0 });
    const events = run(evaluator, T0, T0 + 12 * HOUR, 10 * SECOND, () => [98_570, 100_000]);
    expect(events.filter((e) => e.tier === 'page-fast')).toEqual([]);
    expect(at(events, 'page-slow', 'firing')).toBe(T0 + 10 * SECOND);
    const tier = evaluator.status('api')!.tiers[0]!;
    expect(tier).toMatchObject({ name: 'page-fast', state: 'inactive', since: null });
    expect(tier.longBurnRate).toBe(14.3);
    expect(tier.shortBurnRate).toBe(14.3);
  });

  test('error ratio exactly 0.0144 fires: the comparison is >= (REFERENCE.md §11.2 #3)', () => {
    const evaluator = createEvaluator({ objectives: [objective()], clock: () => T0 });
    const events = run(evaluator, T0, T0 + MINUTE, 10 * SECOND, () => [9_856, 10_000]);
    expect(at(events, 'page-fast', 'firing')).toBe(T0 + 10 * SECOND);
  });
});

describe('for and minEvents', () => {
  const policy = (extra: { for?: string; minEvents?: number }) =>
    definePolicy({
      period: '30d',
      tiers: [
        {
          name: 'page-fast',
          severity: 'page',
          longWindow: '1h',
          shortWindow: '5m',
          factor: 14.4,
          ...(extra.for === undefined ? {} : { for: extra.for }),
        },
      ],
      ...(extra.minEvents === undefined ? {} : { minEvents: extra.minEvents }),
    });

  test('for: 2m makes the tier pending first, then firing two minutes later', () => {
    const evaluator = createEvaluator({
      objectives: [objective({ alerting: policy({ for: '2m' }) })],
      clock: () => T0,
    });
    const events = run(evaluator, T0, T0 + 5 * MINUTE, 10 * SECOND, () => [0, 100]);
    expect(events.map((e) => [e.state, e.at - T0])).toEqual([
      ['pending', 10 * SECOND],
      ['firing', 10 * SECOND + 2 * MINUTE],
    ]);
    expect(evaluator.status('api')?.tiers[0]).toMatchObject({
      state: 'firing',
      since: T0 + 10 * SECOND + 2 * MINUTE,
      for: 2 * MINUTE,
    });
  });

  test('a pending tier whose condition drops goes back to inactive without an event', () => {
    const evaluator = createEvaluator({
      objectives: [objective({ alerting: policy({ for: '10m' }) })],
      clock: () => T0,
    });
    run(evaluator, T0, T0 + 2 * HOUR, MINUTE, () => [1_000, 1_000], false);
    // A 30 s burst of errors: both windows cross 0.0144, then the 5m window recovers.
    const burst = run(evaluator, T0 + 2 * HOUR, T0 + 2 * HOUR + 30 * SECOND, 10 * SECOND, () => [
      0, 1_000,
    ]);
    expect(burst.map((e) => e.state)).toEqual(['pending']);
    expect(evaluator.status('api')?.tiers[0]?.state).toBe('pending');
    const after = run(evaluator, T0 + 2 * HOUR + 30 * SECOND, T0 + 3 * HOUR, MINUTE, () => [
      10_000, 10_000,
    ]);
    expect(after).toEqual([]);
    expect(evaluator.status('api')?.tiers[0]).toMatchObject({ state: 'inactive', since: null });
  });

  test('minEvents suppresses a low-traffic alert (1 failure in 10 requests/h, REFERENCE.md §2.6)', () => {
    const lowTraffic = (t: number): readonly [number, number] =>
      (t - T0) % (6 * MINUTE) === 0 ? ((t - T0) % HOUR === 0 ? [0, 1] : [1, 1]) : [0, 0];
    const guarded = createEvaluator({
      objectives: [objective({ alerting: policy({ minEvents: 100 }) })],
      clock: () => T0,
    });
    const open = createEvaluator({
      objectives: [objective({ alerting: policy({}) })],
      clock: () => T0,
    });
    const withGuard = run(guarded, T0, T0 + 3 * HOUR, MINUTE, lowTraffic);
    const without = run(open, T0, T0 + 3 * HOUR, MINUTE, lowTraffic);
    expect(withGuard).toEqual([]);
    expect(at(without, 'page-fast', 'firing')).toBe(T0 + HOUR);
    // The burn rate is still reported: 1 bad in 10 is 100× at 99.9%.
    expect(guarded.status('api')?.tiers[0]?.longBurnRate).toBe(100);
  });
});
