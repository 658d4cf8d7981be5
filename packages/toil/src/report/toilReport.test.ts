import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, ToilEntry } from '../model/entry.js';
import type { LedgerReadItem } from '../store/types.js';
import { parsePeriod } from './periods.js';
import { buildToilReport } from './toilReport.js';

const DAY = 86_400_000;
const MAY6 = Date.UTC(2024, 4, 6); // a Monday
let n = 0;

function toil(
  day: number,
  task: string,
  minutes: number,
  patch: Partial<ToilEntry> = {},
): ToilEntry {
  n += 1;
  return {
    id: `t${n}`,
    at: MAY6 + day * DAY + 9 * 3_600_000,
    task,
    category: 'production-interrupt',
    minutes,
    team: 'sre',
    automatable: 'yes',
    ...patch,
  };
}

function work(
  day: number,
  kind: 'engineering' | 'overhead',
  minutes: number,
  team: string,
): LedgerEntry {
  n += 1;
  return { kind, id: `w${n}`, at: MAY6 + day * DAY, minutes, team };
}

// Two 2-week periods for a team of 4 at 40 h/week: capacity 4 × 40 × 2 = 320 h each.
const SRE = [
  toil(0, 'restart api', 60),
  toil(1, 'restart api', 60),
  toil(2, 'restart api', 60),
  toil(3, 'rotate certs', 240, { category: 'release-shepherding' }),
  ...Array.from({ length: 17 }, (_, i) => toil(14 + (i % 14), 'manual failover', 600)),
];

describe('buildToilReport', () => {
  it('reports hours, share of team capacity, budget, trend and top offenders per period', async () => {
    const report = await buildToilReport(SRE, {
      period: parsePeriod('2w'),
      since: MAY6,
      until: MAY6 + 28 * DAY,
      capacity: { mode: 'team-size', teamSize: { sre: 4 } },
      now: MAY6 + 60 * DAY,
    });
    expect(report).toMatchObject({
      budget: 0.5,
      start: MAY6,
      end: MAY6 + 28 * DAY,
      entries: 21,
      problems: 0,
    });
    const [team] = report.teams;
    expect(team?.team).toBe('sre');
    expect(team?.capacityMode).toBe('team-size');
    const [first, second] = team?.periods ?? [];
    expect(first).toEqual({
      start: MAY6,
      end: MAY6 + 14 * DAY,
      label: '2024-05-06..2024-05-19',
      partial: false,
      toilHours: 7,
      entries: 4,
      engineeringHours: 0,
      overheadHours: 0,
      capacityHours: 320,
      toilShare: 0.021875,
      budgetHours: 160,
      budgetRemainingHours: 153,
      budgetRemainingShare: 0.478125,
      overBudget: false,
      topByTime: [
        { task: 'rotate certs', category: 'release-shepherding', hours: 4, entries: 1 },
        { task: 'restart api', category: 'production-interrupt', hours: 3, entries: 3 },
      ],
      topByCount: [
        { task: 'restart api', category: 'production-interrupt', hours: 3, entries: 3 },
        { task: 'rotate certs', category: 'release-shepherding', hours: 4, entries: 1 },
      ],
      categories: [
        { category: 'release-shepherding', hours: 4, entries: 1 },
        { category: 'production-interrupt', hours: 3, entries: 3 },
      ],
    });
    // 17 × 10 h = 170 h > 160 h allowed: overspent by 10 h, 3.125 points.
    expect(second).toMatchObject({
      label: '2024-05-20..2024-06-02',
      toilHours: 170,
      toilShare: 0.53125,
      budgetRemainingHours: -10,
      budgetRemainingShare: -0.03125,
      overBudget: true,
      trend: { toilHours: 163, toilShare: 0.509375 },
    });
    expect(team?.total).toMatchObject({
      toilHours: 177,
      capacityHours: 640,
      toilShare: 0.2765625,
      budgetRemainingHours: 143,
      overBudget: false,
    });
    expect(team?.topByTime.map((t) => t.task)).toEqual([
      'manual failover',
      'rotate certs',
      'restart api',
    ]);
    expect(team?.topByCount.map((t) => t.task)).toEqual([
      'manual failover',
      'restart api',
      'rotate certs',
    ]);
  });

  it('measures the share against hours logged as toil, engineering and overhead (auto)', async () => {
    const entries = [
      toil(0, 'deploy by hand', 300, { team: 'web' }),
      work(0, 'engineering', 30 * 60, 'web'),
      work(1, 'overhead', 5 * 60, 'web'),
      toil(0, 'restart api', 60),
    ];
    const report = await buildToilReport(entries, { since: MAY6, until: MAY6 + 7 * DAY });
    const web = report.teams.find((t) => t.team === 'web');
    const sre = report.teams.find((t) => t.team === 'sre');
    expect(web?.capacityMode).toBe('logged');
    expect(web?.periods[0]).toMatchObject({
      label: '2024-W19',
      toilHours: 5,
      engineeringHours: 30,
      overheadHours: 5,
      capacityHours: 40,
      toilShare: 0.125,
      budgetRemainingHours: 15,
    });
    // No logged work and no team size: hours only, no share.
    expect(sre?.capacityMode).toBe('none');
    expect(sre?.periods[0]).not.toHaveProperty('toilShare');
    expect(sre?.periods[0]?.toilHours).toBe(1);
  });

  it('lists quiet periods between busy ones, and prorates the current period', async () => {
    const entries = [toil(0, 'a', 60), toil(21, 'a', 120)];
    const report = await buildToilReport(entries, {
      period: { kind: 'calendar', unit: 'week' },
      capacity: { mode: 'team-size', teamSize: 1, hoursPerWeek: 40 },
      now: MAY6 + 24 * DAY + 12 * 3_600_000, // Thursday noon of the 4th week
    });
    const periods = report.teams[0]?.periods ?? [];
    expect(periods.map((p) => [p.label, p.toilHours, p.partial])).toEqual([
      ['2024-W19', 1, false],
      ['2024-W20', 0, false],
      ['2024-W21', 0, false],
      ['2024-W22', 2, true],
    ]);
    // 3.5 of 7 days have passed: capacity 20 h, not 40 h.
    expect(periods[3]).toMatchObject({
      capacityHours: 20,
      toilShare: 0.1,
      trend: { toilHours: 2 },
    });
  });

  it('has no float noise in sums: three 6-minute entries are 0.3 h', async () => {
    const entries = [toil(0, 'x', 6), toil(0, 'x', 6), toil(0, 'x', 6)];
    const report = await buildToilReport(entries, { since: MAY6, until: MAY6 + 7 * DAY });
    expect(report.teams[0]?.periods[0]?.toilHours).toBe(0.3);
  });

  it('filters by team and keeps a named team that logged nothing', async () => {
    const report = await buildToilReport(SRE, {
      team: ['sre', 'ghost'],
      since: MAY6,
      until: MAY6 + 7 * DAY,
    });
    expect(report.teams.map((t) => [t.team, t.total.toilHours])).toEqual([
      ['ghost', 0],
      ['sre', 7],
    ]);
  });

  it('counts problems from a ledger read and hands them to onProblem', async () => {
    const items: LedgerReadItem[] = [
      { type: 'entry', entry: toil(0, 'a', 30), line: 1 },
      { type: 'problem', problem: { code: 'INVALID_LEDGER', message: 'bad', path: [], line: 2 } },
    ];
    const seen: number[] = [];
    const report = await buildToilReport(items, {
      since: MAY6,
      until: MAY6 + 7 * DAY,
      onProblem: (p) => seen.push(p.line),
    });
    expect(report.problems).toBe(1);
    expect(seen).toEqual([2]);
    expect(report.entries).toBe(1);
  });

  it('total toil hours equal the sum over periods (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 60 }),
            minutes: fc.integer({ min: 1, max: 1440 }),
          }),
          {
            maxLength: 40,
          },
        ),
        async (rows) => {
          const entries = rows.map((r) => toil(r.day, 'x', r.minutes));
          const report = await buildToilReport(entries, {
            period: parsePeriod('1w'),
            now: MAY6 + 61 * DAY,
          });
          const team = report.teams[0];
          const expected = rows.reduce((sum, r) => sum + r.minutes, 0) / 60;
          if (team === undefined) {
            expect(rows).toEqual([]);
            return;
          }
          expect(team.total.toilHours).toBeCloseTo(expected, 9);
          const sum = team.periods.reduce((total, p) => total + p.toilHours, 0);
          expect(sum).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('buildToilReport edge cases', () => {
  it('reports nothing for an empty ledger', async () => {
    const report = await buildToilReport([], { now: MAY6 });
    expect(report.teams).toEqual([]);
    expect(report.entries).toBe(0);
  });

  it.each([
    [{ budget: 0 }, 'budget must be a fraction in (0, 1]'],
    [{ budget: 50 }, 'budget must be a fraction in (0, 1], e.g. 0.5 for 50%, got 50'],
    [{ top: -1 }, 'top must be a whole number ≥ 0, got -1'],
    [{ since: 10, until: 5 }, 'until must be after since'],
    [
      { capacity: { mode: 'team-size', teamSize: 0 } },
      'team size must be a number of people more than 0, got 0',
    ],
    [{ capacity: { mode: 'team-size', teamSize: { sre: -2 } } }, 'got -2 for team sre'],
    [
      { capacity: { mode: 'team-size', teamSize: 3, hoursPerWeek: 200 } },
      'hoursPerWeek must be more than 0 and at most 168',
    ],
  ] as const)('refuses %j', async (options, message) => {
    await expect(buildToilReport([], options)).rejects.toThrow(message);
  });

  it('refuses a range of too many periods', async () => {
    await expect(
      buildToilReport([toil(0, 'a', 1)], { period: parsePeriod('1d'), since: 0, now: MAY6 }),
    ).rejects.toThrow('the report spans more than 5000 periods');
  });
});
