import { formatDecimal } from '@nines/core';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, ToilEntry } from '../model/entry.js';
import type { LedgerReadItem } from '../store/types.js';
import { rankAutomation } from './rankAutomation.js';

const YEAR_START = Date.UTC(2023, 0, 1);
const YEAR_END = YEAR_START + 365 * 86_400_000;

function runs(
  task: string,
  team: string,
  count: number,
  patch: Partial<ToilEntry> = {},
): ToilEntry[] {
  const step = Math.floor((YEAR_END - YEAR_START) / count);
  return Array.from({ length: count }, (_, i) => ({
    id: `${task}-${team}-${i}`,
    at: YEAR_START + i * step,
    task,
    category: 'business-process',
    minutes: 30,
    team,
    automatable: 'partly',
    ...patch,
  }));
}

describe('rankAutomation', () => {
  it('REFERENCE.md §10 #65: 0.5 h × 48/yr × 2 teams, an 8 h script halves it => 24 h/yr, 4 months', async () => {
    const entries = [...runs('restart batch', 'a', 48), ...runs('restart batch', 'b', 48)];
    const ranking = await rankAutomation(entries, {
      since: YEAR_START,
      until: YEAR_END,
      estimates: { 'restart batch': { costHours: 8 } },
    });
    expect(ranking.candidates).toEqual([
      {
        task: 'restart batch',
        category: 'business-process',
        automatable: 'partly',
        teams: ['a', 'b'],
        runs: 96,
        hours: 48,
        minutesPerRun: 30,
        runsPerYear: 96,
        savedFraction: 0.5,
        savedHoursPerYear: 24,
        breakEvenHours: 120, // xkcd 1205: 5 y × 96 runs × 15 min
        costHours: 8,
        maintenanceHoursPerYear: 0,
        paybackMonths: 4,
        netSavingsHours: 112,
      },
    ]);
    expect(ranking).toMatchObject({
      observedFrom: YEAR_START,
      observedTo: YEAR_END,
      horizonYears: 5,
    });
  });

  it('REFERENCE.md §10 #64: a weekly 1-minute task is worth 260 minutes over 5 years', async () => {
    const entries = runs('check dashboard', 'a', 52, { minutes: 1, automatable: 'yes' });
    const ranking = await rankAutomation(entries, { since: YEAR_START, until: YEAR_END });
    const candidate = ranking.candidates[0]!;
    expect(candidate.runsPerYear).toBe(52);
    expect(candidate.breakEvenHours * 60).toBeCloseTo(260, 9);
    expect(formatDecimal(candidate.breakEvenHours, 2)).toBe('4.33');
  });

  it('ranks by break-even time, counts upkeep, and skips what is not automatable or not repetitive', async () => {
    const entries: LedgerEntry[] = [
      ...runs('small', 'a', 12, { minutes: 10, automatable: 'yes' }),
      ...runs('big', 'a', 52, { minutes: 60, automatable: 'yes' }),
      ...runs('manual judgement', 'a', 52, { automatable: 'no' }),
      ...runs('rare', 'a', 2, { automatable: 'yes' }),
      { kind: 'engineering', id: 'eng', at: YEAR_START, minutes: 600, team: 'a' },
    ];
    const ranking = await rankAutomation(entries, {
      since: YEAR_START,
      until: YEAR_END,
      estimates: { small: { costHours: 10, maintenanceHoursPerYear: 2 } },
    });
    expect(ranking.candidates.map((c) => c.task)).toEqual(['big', 'small']);
    expect(ranking.candidates[1]).toMatchObject({
      savedHoursPerYear: 2,
      paybackMonths: Infinity,
      netSavingsHours: -10,
    });
    expect(ranking.skipped).toEqual({ notAutomatable: 1, tooFewRuns: 1 });
  });

  it('takes the latest automatable answer, honours savedFraction overrides and team filters', async () => {
    const entries = [
      ...runs('t', 'a', 4, { automatable: 'no' }),
      { ...runs('t', 'b', 1)[0]!, id: 'late', at: YEAR_END - 1, automatable: 'yes' as const },
    ];
    const all = await rankAutomation(entries, { since: YEAR_START, until: YEAR_END });
    expect(all.candidates[0]).toMatchObject({ automatable: 'yes', savedFraction: 1, runs: 5 });
    const onlyA = await rankAutomation(entries, { since: YEAR_START, until: YEAR_END, team: 'a' });
    expect(onlyA.skipped.notAutomatable).toBe(1);
    const forced = await rankAutomation(entries, {
      since: YEAR_START,
      until: YEAR_END,
      team: 'a',
      estimates: { t: { savedFraction: 0.25 } },
    });
    expect(forced.candidates[0]).toMatchObject({ savedFraction: 0.25, runs: 4 });
  });

  it('counts problems from a ledger read', async () => {
    const items: LedgerReadItem[] = [
      { type: 'problem', problem: { code: 'INVALID_LEDGER', message: 'bad', path: [], line: 1 } },
      ...runs('t', 'a', 3).map((entry): LedgerReadItem => ({ type: 'entry', entry })),
    ];
    const seen: string[] = [];
    const ranking = await rankAutomation(items, {
      now: YEAR_END,
      onProblem: (p) => seen.push(p.message),
    });
    expect(ranking.problems).toBe(1);
    expect(seen).toEqual(['bad']);
    expect(ranking.candidates).toHaveLength(1);
  });
});

describe('rankAutomation edge cases', () => {
  it('returns nothing for an empty ledger', async () => {
    expect(await rankAutomation([], { now: YEAR_END })).toEqual({
      horizonYears: 5,
      candidates: [],
      skipped: { notAutomatable: 0, tooFewRuns: 0 },
      problems: 0,
    });
  });

  it.each([
    [{ horizonYears: 0 }, 'horizonYears must be more than 0, got 0'],
    [{ minRuns: 0 }, 'minRuns must be a whole number ≥ 1, got 0'],
    [{ partlySaves: 2 }, 'partlySaves must be a fraction from 0 to 1, got 2'],
    [{ estimates: { t: { costHours: -1 } } }, 'costHours must be a number of hours ≥ 0, got -1'],
  ])('refuses %j', async (options, message) => {
    await expect(rankAutomation([], options)).rejects.toThrow(message);
  });
});
