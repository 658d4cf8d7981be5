import { describe, expect, test } from 'vitest';
import { NinesError } from '../errors.js';
import { defineObjective } from '../objectives/index.js';
import type { ObjectiveInput } from '../objectives/types.js';
import { definePolicy } from '../policies/index.js';
import { createEvaluator } from './createEvaluator.js';
import { parseSnapshot } from './parseSnapshot.js';
import type { EvaluatorSnapshot } from './snapshot.js';
import type { Evaluator } from './types.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);

function objective(id: string, input: Partial<ObjectiveInput> = {}) {
  return defineObjective({
    id,
    targetPercent: 99.9,
    window: '30d',
    sli: { kind: 'events' },
    ...input,
  });
}

const objectives = [
  objective('occurrences'),
  objective('slices', {
    budgeting: { method: 'timeslices', slice: '1m', sliceTarget: 0.99, emptySlice: 'bad' },
  }),
  objective('ratios', { budgeting: { method: 'ratio-timeslices', slice: '5m' }, window: '7d' }),
  objective('monthly', {
    window: { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Europe/Paris' },
    alerting: definePolicy({
      period: '30d',
      tiers: [
        {
          name: 'slow',
          severity: 'page',
          longWindow: '1h',
          shortWindow: '5m',
          factor: 14.4,
          for: '1h',
        },
      ],
    }),
  }),
];

/** Deterministic traffic: 0 or 1 error in 1,000, and 90% errors between 26 h and 28 h. */
function traffic(evaluator: Evaluator, from: number, to: number, every = MINUTE) {
  const step = 10 * SECOND;
  const reports = [];
  for (let t = from + step; t <= to; t += step) {
    const broken = t - T0 >= 26 * HOUR && t - T0 < 28 * HOUR;
    for (const o of evaluator.objectives) {
      const h = evaluator.handle(o.id);
      if (broken) h.add(10, 100);
      else h.add(1_000 - ((t / step) % 2), 1_000);
    }
    if (t % every === 0) reports.push(evaluator.evaluate(t));
    else evaluator.tick(t);
  }
  return reports;
}

function live(start = T0) {
  let now = start;
  return { clock: () => now, set: (t: number) => (now = t) };
}

function roundTrip(snapshot: EvaluatorSnapshot): EvaluatorSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as EvaluatorSnapshot;
}

describe('snapshot and restore', () => {
  test('snapshot → JSON → restore at the same instant gives identical subsequent reports', () => {
    const clock = live();
    const a = createEvaluator({ objectives, clock: clock.clock });
    traffic(a, T0, T0 + 25 * HOUR, HOUR);
    traffic(a, T0 + 25 * HOUR, T0 + 26 * HOUR + 10 * MINUTE);
    // Unflushed events travel in the snapshot too.
    a.handle('occurrences').bad(7);
    a.handle('ratios').good(3);
    const at = T0 + 26 * HOUR + 10 * MINUTE + 5 * SECOND;
    clock.set(at);
    const snapshot = roundTrip(a.snapshot());
    expect(Object.keys(snapshot.objectives['monthly']?.alerts ?? {})).toEqual(['slow']);
    expect(snapshot.objectives['monthly']?.alerts['slow']?.state).toBe('pending');
    expect(snapshot.objectives['occurrences']?.alerts['page-fast']?.state).toBe('firing');

    const b = createEvaluator({ objectives, clock: () => at, snapshot });
    expect(b.restoreSummary).toEqual({
      restored: ['occurrences', 'slices', 'ratios', 'monthly'],
      dropped: [],
      ignored: [],
    });
    const ra = traffic(a, at - 5 * SECOND, T0 + 28 * HOUR);
    const rb = traffic(b, at - 5 * SECOND, T0 + 28 * HOUR);
    expect(rb).toEqual(ra);
    expect(
      ra.flatMap((r) => r.alerts).map((e) => `${e.objectiveId}/${e.tier}/${e.state}`),
    ).toContain('monthly/slow/firing');
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  test('taking a snapshot changes nothing', () => {
    const c1 = live();
    const c2 = live();
    const a = createEvaluator({ objectives, clock: c1.clock });
    const b = createEvaluator({ objectives, clock: c2.clock });
    traffic(a, T0, T0 + 2 * HOUR);
    traffic(b, T0, T0 + 2 * HOUR);
    a.snapshot();
    expect(traffic(a, T0 + 2 * HOUR, T0 + 3 * HOUR)).toEqual(
      traffic(b, T0 + 2 * HOUR, T0 + 3 * HOUR),
    );
  });

  test('the time between snapshot and restore is no data: cleared buckets, lower coverage, same history start', () => {
    const a = createEvaluator({ objectives: [objectives[0]!], clock: () => T0 });
    traffic(a, T0, T0 + DAY);
    const snapshot = roundTrip(a.snapshot());
    const restoredAt = T0 + DAY + 30 * MINUTE;
    const b = createEvaluator({ objectives: [objectives[0]!], clock: () => restoredAt, snapshot });
    const status = b.evaluate(restoredAt + MINUTE).objectives[0]!;
    const w5m = status.windows.find((w) => w.window === 5 * MINUTE)!;
    const w1h = status.windows.find((w) => w.window === HOUR)!;
    expect(w5m).toMatchObject({ total: 0, burnRate: null, coverage: 0.2 });
    expect(w1h.coverage).toBeCloseTo(0.5, 12);
    // The window reads [now − 1h + 10 s, now]: the flushes of the last 28m50s before the snapshot.
    expect(w1h.total).toBe(1_000 * 174);
    expect(status.historyStart).toBe(T0);
    expect(status.startedAt).toBe(T0);
    expect(status.coverage).toBeCloseTo((DAY + MINUTE) / (30 * DAY), 12);
  });

  test('a restore after more than the period forgets everything and warms up again', () => {
    const a = createEvaluator({ objectives: [objectives[0]!], clock: () => T0 });
    traffic(a, T0, T0 + HOUR);
    const later = T0 + 40 * DAY;
    const b = createEvaluator({
      objectives: [objectives[0]!],
      clock: () => later,
      snapshot: a.snapshot(),
    });
    const status = b.evaluate(later + MINUTE).objectives[0]!;
    expect(status).toMatchObject({
      status: 'no-data',
      total: 0,
      historyStart: later,
      startedAt: T0,
    });
  });

  test('changed, absent and unknown objectives: dropped with a reason, fresh, ignored', () => {
    const a = createEvaluator({ objectives: [objectives[0]!, objectives[1]!], clock: () => T0 });
    traffic(a, T0, T0 + HOUR);
    const snapshot = a.snapshot();
    const changed = objective('occurrences', { window: '28d' });
    const b = createEvaluator({
      objectives: [changed, objectives[2]!],
      clock: () => T0 + HOUR,
      snapshot,
    });
    expect(b.restoreSummary?.restored).toEqual([]);
    expect(b.restoreSummary?.ignored).toEqual(['slices']);
    expect(b.restoreSummary?.dropped.map((d) => d.id)).toEqual(['occurrences']);
    expect(b.restoreSummary?.dropped[0]?.reason).toMatch(
      /^rings changed from \[.*7200000x361\] to \[.*7200000x337\]/,
    );
    const status = b.evaluate(T0 + HOUR + MINUTE).objectives;
    expect(status.map((s) => [s.id, s.total, s.startedAt])).toEqual([
      ['occurrences', 0, T0 + HOUR],
      ['ratios', 0, T0 + HOUR],
    ]);
  });

  test('a changed slice rule drops the slice objective (its verdicts were taken under the old rule)', () => {
    const a = createEvaluator({ objectives: [objectives[1]!], clock: () => T0 });
    const changed = objective('slices', {
      budgeting: { method: 'timeslices', slice: '1m', sliceTarget: 0.95 },
    });
    const b = createEvaluator({ objectives: [changed], clock: () => T0, snapshot: a.snapshot() });
    expect(b.restoreSummary?.dropped).toEqual([
      { id: 'slices', reason: 'slice target or operator changed' },
    ]);
  });
});

describe('edge cases: bad snapshots are refused with INVALID_SNAPSHOT and a path', () => {
  const base = (): EvaluatorSnapshot => {
    const a = createEvaluator({ objectives, clock: () => T0 });
    traffic(a, T0, T0 + 10 * MINUTE);
    return roundTrip(a.snapshot());
  };
  type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
  type Draft = DeepMutable<EvaluatorSnapshot>;
  /** A value of the wrong type, as a corrupt file would hold. */
  const wrong = (value: unknown): never => value as never;
  const entry = (s: Draft, id: string) => s.objectives[id]!;

  test.each<[string, (s: Draft) => unknown, (string | number)[]]>([
    ['not an object', () => 'nope', []],
    ['wrong version', (s) => ({ ...s, version: 2 }), ['version']],
    ['at is not a number', (s) => ({ ...s, at: '2026' }), ['at']],
    ['flushedAt after at', (s) => ({ ...s, flushedAt: s.at + 1 }), ['flushedAt']],
    ['taken in the future', (s) => ({ ...s, at: s.at + DAY, flushedAt: s.at + DAY }), ['at']],
    ['objectives missing', (s) => ({ ...s, objectives: null }), ['objectives']],
    [
      'negative count in a ring',
      (s) => {
        entry(s, 'occurrences').rings[2]!.good[17] = -1;
        return s;
      },
      ['objectives', 'occurrences', 'rings', 2, 'good', 17],
    ],
    [
      'NaN written by JSON.stringify as null',
      (s) => {
        entry(s, 'occurrences').rings[0]!.total[3] = wrong(null);
        return s;
      },
      ['objectives', 'occurrences', 'rings', 0, 'total', 3],
    ],
    [
      'good above total',
      (s) => {
        entry(s, 'occurrences').rings[1]!.good[0] = 1e9;
        return s;
      },
      ['objectives', 'occurrences', 'rings', 1, 'total', 0],
    ],
    [
      'arrays of different lengths',
      (s) => {
        entry(s, 'occurrences').rings[1]!.total.pop();
        return s;
      },
      ['objectives', 'occurrences', 'rings', 1, 'good'],
    ],
    [
      'fractional head',
      (s) => {
        entry(s, 'occurrences').rings[0]!.head += 0.5;
        return s;
      },
      ['objectives', 'occurrences', 'rings', 0, 'head'],
    ],
    [
      'head after the last flush',
      (s) => {
        entry(s, 'occurrences').rings[0]!.head += 100;
        return s;
      },
      ['objectives', 'occurrences', 'rings', 0, 'head'],
    ],
    [
      'runs out of order',
      (s) => {
        entry(s, 'occurrences').runs = [
          [5, 10],
          [0, 1],
        ];
        return s;
      },
      ['objectives', 'occurrences', 'runs', 1],
    ],
    [
      'no runs',
      (s) => {
        entry(s, 'occurrences').runs = [];
        return s;
      },
      ['objectives', 'occurrences', 'runs'],
    ],
    [
      'pending good above total',
      (s) => {
        entry(s, 'occurrences').pending = { good: 2, total: 1 };
        return s;
      },
      ['objectives', 'occurrences', 'pending', 'good'],
    ],
    [
      'bad alert state',
      (s) => {
        entry(s, 'occurrences').alerts = { 'page-fast': { state: wrong('resolved'), since: 1 } };
        return s;
      },
      ['objectives', 'occurrences', 'alerts', 'page-fast', 'state'],
    ],
    [
      'slice data not base64',
      (s) => {
        entry(s, 'slices').slices!.data = '%%%';
        return s;
      },
      ['objectives', 'slices', 'slices', 'data'],
    ],
    [
      'verdict code out of range',
      (s) => {
        entry(s, 'slices').slices!.data = btoa('\u0009');
        return s;
      },
      ['objectives', 'slices', 'slices', 'data'],
    ],
    [
      'ratio data not 4 bytes per slot',
      (s) => {
        entry(s, 'ratios').slices!.data = btoa('abc');
        return s;
      },
      ['objectives', 'ratios', 'slices', 'data'],
    ],
    [
      'unknown slice method',
      (s) => {
        entry(s, 'ratios').slices!.method = wrong('x');
        return s;
      },
      ['objectives', 'ratios', 'slices', 'method'],
    ],
  ])('%s', (_, mutate, path) => {
    const bad = mutate(base() as Draft);
    const before = createEvaluator({ objectives, clock: () => T0 + 10 * MINUTE });
    let caught: unknown;
    try {
      createEvaluator({
        objectives,
        clock: () => T0 + 10 * MINUTE,
        snapshot: bad as EvaluatorSnapshot,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    expect(caught).toMatchObject({ code: 'INVALID_SNAPSHOT', path });
    // Another evaluator is untouched by a failed restore.
    expect(before.evaluate().objectives).toHaveLength(4);
  });

  test('every problem is reported at once', () => {
    const s = base() as Draft;
    entry(s, 'occurrences').dropped = -1;
    entry(s, 'ratios').startedAt = wrong('x');
    expect(() => parseSnapshot(s, T0 + 10 * MINUTE)).toThrow(
      /2 problems:\nobjectives.occurrences.dropped: .*\nobjectives.ratios.startedAt: /,
    );
  });

  test('parseSnapshot returns a valid snapshot as it is', () => {
    const s = base();
    expect(parseSnapshot(s, T0 + 10 * MINUTE)).toBe(s);
  });
});
