import { NinesError, roundNoise } from '@nines/core';
import type { LedgerEntry } from '../model/entry.js';
import { entryScope } from '../parallel/entryScope.js';
import { checkThreads, foldLedger } from '../parallel/foldLedger.js';
import type { LedgerProblem, LedgerReadItem } from '../store/types.js';
import { createPeriods } from './periods.js';
import type { PeriodSpec } from './periods.js';
import { mergeTallies, newBucket } from './reportTally.js';
import type { Bucket, ReportScope, Tally } from './reportTally.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** Most periods one report may span; a wider range needs `since`. */
export const MAX_REPORT_PERIODS = 5000;

/**
 * What a team's working time is, to measure the toil share against:
 * - `team-size`: people × working hours per week (default 40) × weeks in the period;
 * - `logged`: the hours the team logged as toil, engineering and overhead;
 * - `auto` (default): `logged` for a team that logged any engineering or overhead time in the
 *   report, otherwise unknown (the report then gives hours, not shares).
 */
export type CapacityOptions =
  | {
      readonly mode: 'team-size';
      /** People per team: one number for all teams, or one per team. */
      readonly teamSize: number | Readonly<Record<string, number>>;
      /** Working hours per person per week (default 40). */
      readonly hoursPerWeek?: number;
    }
  | { readonly mode: 'logged' }
  | { readonly mode: 'auto' };

/** How capacity was measured for one team. */
export type CapacityMode = 'team-size' | 'logged' | 'none';

/** Options for {@link buildToilReport}. */
export interface ToilReportOptions {
  /** How to cut time (default: calendar weeks). */
  readonly period?: PeriodSpec;
  /** Only entries at or after this instant (epoch ms); fixed periods then start here. */
  readonly since?: number;
  /** Only entries before this instant (epoch ms). */
  readonly until?: number;
  /** Only these teams. */
  readonly team?: string | readonly string[];
  /** Capacity to measure the toil share against (default `{ mode: 'auto' }`). */
  readonly capacity?: CapacityOptions;
  /** The toil cap as a fraction of capacity (default 0.5, the SRE book's 50%). */
  readonly budget?: number;
  /** How many top offenders to list (default 5). */
  readonly top?: number;
  /** Now, epoch ms (default `Date.now()`): the period holding it is partial. */
  readonly now?: number;
  /**
   * Receives each problem met while reading a ledger, in file order; problems are counted either
   * way. When the ledger is read in parallel, problems past the first part arrive once their
   * part is read.
   */
  readonly onProblem?: (problem: LedgerProblem) => void;
  /**
   * Most threads that may read a JSON Lines ledger at once, this one included (default: the
   * machine's available parallelism, at most 4). A ledger file is cut into parts of at least
   * the store's `partBytes` (16 MiB by default), so small ledgers are read in this thread; 1
   * never starts a worker.
   */
  readonly threads?: number;
}

/** Toil of one task in a period or over a whole report. */
export interface TaskToil {
  /** The task. */
  readonly task: string;
  /** Its category (the last one seen). */
  readonly category: string;
  /** Hands-on hours. */
  readonly hours: number;
  /** How many times it was done. */
  readonly entries: number;
}

/** Toil of one category. */
export interface CategoryToil {
  /** The category. */
  readonly category: string;
  /** Hands-on hours. */
  readonly hours: number;
  /** Entries. */
  readonly entries: number;
}

/** Capacity, share and budget over some span; shares are fractions (0.25 = 25%). */
export interface ToilBudgetFigures {
  /** Hands-on toil hours. */
  readonly toilHours: number;
  /** Toil entries. */
  readonly entries: number;
  /** Engineering hours logged. */
  readonly engineeringHours: number;
  /** Overhead hours logged. */
  readonly overheadHours: number;
  /** Working hours available, when known. */
  readonly capacityHours?: number;
  /** `toilHours / capacityHours`. */
  readonly toilShare?: number;
  /** `capacityHours × budget`: the toil the cap allows. */
  readonly budgetHours?: number;
  /** `budgetHours − toilHours`; negative when overspent. */
  readonly budgetRemainingHours?: number;
  /** `budget − toilShare`; negative when overspent. */
  readonly budgetRemainingShare?: number;
  /** True when toil exceeds the cap. */
  readonly overBudget?: boolean;
}

/** One team's toil in one period. */
export interface PeriodToil extends ToilBudgetFigures {
  /** Period start, epoch ms. */
  readonly start: number;
  /** Period end (exclusive), epoch ms. */
  readonly end: number;
  /** `2024-W19`, `2024-05` or `2024-05-06..2024-05-19`. */
  readonly label: string;
  /** True when `since`, `until` or now cut the period short; capacity covers only the part in range. */
  readonly partial: boolean;
  /** Change since the previous period: toil hours, and toil share when both are known. */
  readonly trend?: { readonly toilHours: number; readonly toilShare?: number };
  /** Tasks with the most toil hours, most first. */
  readonly topByTime: readonly TaskToil[];
  /** Tasks done most often, most first. */
  readonly topByCount: readonly TaskToil[];
  /** Toil per category, most hours first. */
  readonly categories: readonly CategoryToil[];
}

/** One team's report. */
export interface TeamToilReport {
  /** The team. */
  readonly team: string;
  /** How capacity was measured. */
  readonly capacityMode: CapacityMode;
  /** Every period of the report, empty ones included, oldest first. */
  readonly periods: readonly PeriodToil[];
  /** The whole report range. */
  readonly total: ToilBudgetFigures;
  /** Top offenders over the whole range, by time. */
  readonly topByTime: readonly TaskToil[];
  /** Top offenders over the whole range, by count. */
  readonly topByCount: readonly TaskToil[];
}

/** The result of {@link buildToilReport}. */
export interface ToilReport {
  /** How time was cut. */
  readonly period: PeriodSpec;
  /** The toil cap used, as a fraction. */
  readonly budget: number;
  /** First period start, epoch ms (undefined when nothing was in range). */
  readonly start?: number;
  /** Last period end, epoch ms. */
  readonly end?: number;
  /** Teams, alphabetically. */
  readonly teams: readonly TeamToilReport[];
  /** Entries counted (toil and other work) in range. */
  readonly entries: number;
  /** Problems met while reading (see `onProblem`). */
  readonly problems: number;
}

function hours(ms: number): number {
  return roundNoise(ms / HOUR);
}

function top(tasks: Map<string, Tally>, n: number, by: 'time' | 'count'): TaskToil[] {
  const rows = [...tasks.entries()];
  rows.sort(([ta, a], [tb, b]) =>
    by === 'time'
      ? b.ms - a.ms || b.count - a.count || ta.localeCompare(tb)
      : b.count - a.count || b.ms - a.ms || ta.localeCompare(tb),
  );
  return rows
    .slice(0, n)
    .map(([task, t]) => ({ task, category: t.category, hours: hours(t.ms), entries: t.count }));
}

function figures(
  bucket: Bucket,
  capacityMs: number | undefined,
  budget: number,
): ToilBudgetFigures {
  const base = {
    toilHours: hours(bucket.toilMs),
    entries: bucket.count,
    engineeringHours: hours(bucket.engineeringMs),
    overheadHours: hours(bucket.overheadMs),
  };
  if (capacityMs === undefined || capacityMs <= 0) return base;
  const share = bucket.toilMs / capacityMs;
  const budgetMs = capacityMs * budget;
  return {
    ...base,
    capacityHours: hours(capacityMs),
    toilShare: roundNoise(share),
    budgetHours: hours(budgetMs),
    budgetRemainingHours: hours(budgetMs - bucket.toilMs),
    budgetRemainingShare: roundNoise(budget - share),
    overBudget: bucket.toilMs > budgetMs,
  };
}

function validateOptions(options: ToilReportOptions): void {
  const { budget = 0.5, top: n = 5, capacity } = options;
  if (!(budget > 0 && budget <= 1)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `budget must be a fraction in (0, 1], e.g. 0.5 for 50%, got ${budget}`,
      { path: ['budget'] },
    );
  }
  checkThreads(options.threads);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new NinesError('INVALID_ARGUMENT', `top must be a whole number ≥ 0, got ${n}`, {
      path: ['top'],
    });
  }
  if (
    options.since !== undefined &&
    options.until !== undefined &&
    options.until <= options.since
  ) {
    throw new NinesError('INVALID_ARGUMENT', 'until must be after since', { path: ['until'] });
  }
  if (capacity?.mode === 'team-size') {
    const { hoursPerWeek = 40, teamSize } = capacity;
    if (!(hoursPerWeek > 0 && hoursPerWeek <= 168)) {
      throw new NinesError(
        'INVALID_ARGUMENT',
        `hoursPerWeek must be more than 0 and at most 168, got ${hoursPerWeek}`,
        { path: ['capacity', 'hoursPerWeek'] },
      );
    }
    const sizes =
      typeof teamSize === 'number' ? [['', teamSize] as const] : Object.entries(teamSize);
    for (const [team, size] of sizes) {
      if (!(Number.isFinite(size) && size > 0)) {
        throw new NinesError(
          'INVALID_ARGUMENT',
          `team size must be a number of people more than 0, got ${size}${team === '' ? '' : ` for team ${team}`}`,
          { path: team === '' ? ['capacity', 'teamSize'] : ['capacity', 'teamSize', team] },
        );
      }
    }
  }
}

/**
 * Report toil per team and period from a ledger, streaming: memory grows with the number of
 * teams, periods and distinct tasks, never with the number of entries, so a million-line ledger
 * needs no more than a thousand-line one with the same tasks.
 *
 * For each team and period: toil hours; the toil share of capacity (see {@link CapacityOptions});
 * the toil budget (default cap 50% of capacity, SRE book ch. 5) remaining or overspent, in hours
 * and share; the change since the previous period; top offenders by time and by count; and toil
 * per category. Periods without entries are listed, so a trend never skips a quiet week.
 *
 * @param source - ledger entries, or what `ledger.read()` / `store.read()` yields
 * @param options - periods, range, teams, capacity, budget
 * @returns the report; shares are fractions and hours are free of float noise
 * @throws NinesError `INVALID_ARGUMENT` for bad options, or when the range spans more than
 *   {@link MAX_REPORT_PERIODS} periods
 * @example
 * ```ts
 * const report = await buildToilReport(ledger.read(), {
 *   period: parsePeriod('2w'),
 *   capacity: { mode: 'team-size', teamSize: { sre: 6 } },
 * });
 * report.teams[0]?.periods.at(-1)?.toilShare; // e.g. 0.31
 * ```
 */
export async function buildToilReport(
  source: Iterable<LedgerEntry | LedgerReadItem> | AsyncIterable<LedgerEntry | LedgerReadItem>,
  options: ToilReportOptions = {},
): Promise<ToilReport> {
  validateOptions(options);
  const spec: PeriodSpec = options.period ?? { kind: 'calendar', unit: 'week' };
  const periodSpec: PeriodSpec =
    spec.kind === 'fixed' && spec.anchor === undefined && options.since !== undefined
      ? { ...spec, anchor: options.since }
      : spec;
  const periods = createPeriods(periodSpec);
  const { since, until, budget = 0.5, top: n = 5, capacity = { mode: 'auto' } } = options;
  const now = options.now ?? Date.now();
  const teamFilter =
    options.team === undefined
      ? undefined
      : new Set(typeof options.team === 'string' ? [options.team] : options.team);

  const scope: ReportScope = { ...entryScope(options), period: periodSpec };
  const { state, problems } = await foldLedger(source, { fold: 'report', scope }, options);
  const { teams, entries } = state;
  let { first, last } = state;

  // A team asked for by name is reported even when it logged nothing: zero toil is news too.
  for (const name of teamFilter ?? [])
    if (!teams.has(name)) teams.set(name, new Map<number, Bucket>());

  // The range: from `since` (or the first entry) to `until` or now (or the last entry, if later).
  const rangeEnd = until ?? now;
  if (since !== undefined) first = periods.startOf(since);
  if (first !== undefined && rangeEnd > first) {
    const endStart = periods.startOf(rangeEnd - 1);
    if (last === undefined || endStart > last) last = endStart;
  }
  const starts: number[] = [];
  if (first !== undefined && last !== undefined) {
    for (let start = first; start <= last; start = periods.next(start)) {
      starts.push(start);
      if (starts.length > MAX_REPORT_PERIODS) {
        throw new NinesError(
          'INVALID_ARGUMENT',
          `the report spans more than ${MAX_REPORT_PERIODS} periods (from ${new Date(first).toISOString()}); give a later since or a longer period`,
          { path: ['since'] },
        );
      }
    }
  }

  const teamReports: TeamToilReport[] = [];
  for (const name of [...teams.keys()].sort((a, b) => a.localeCompare(b))) {
    const buckets = teams.get(name) ?? new Map<number, Bucket>();
    const logged = [...buckets.values()].some((b) => b.engineeringMs > 0 || b.overheadMs > 0);
    const mode: CapacityMode =
      capacity.mode === 'team-size'
        ? typeof capacity.teamSize === 'number' || capacity.teamSize[name] !== undefined
          ? 'team-size'
          : 'none'
        : capacity.mode === 'logged' || logged
          ? 'logged'
          : 'none';
    const capacityOf = (bucket: Bucket, from: number, to: number): number | undefined => {
      if (mode === 'logged') return bucket.toilMs + bucket.engineeringMs + bucket.overheadMs;
      if (mode === 'none' || capacity.mode !== 'team-size') return undefined;
      const size =
        typeof capacity.teamSize === 'number' ? capacity.teamSize : (capacity.teamSize[name] ?? 0);
      const perWeek = capacity.hoursPerWeek ?? 40;
      return (size * perWeek * HOUR * Math.max(0, to - from)) / WEEK;
    };

    const total = newBucket();
    let totalCapacity: number | undefined = mode === 'none' ? undefined : 0;
    const rows: PeriodToil[] = [];
    let previous: PeriodToil | undefined;
    for (const start of starts) {
      const end = periods.next(start);
      const bucket = buckets.get(start) ?? newBucket();
      const from = Math.max(start, since ?? start);
      const to = Math.min(end, until ?? end, Math.max(now, from));
      const capacityMs = capacityOf(bucket, from, to);
      if (totalCapacity !== undefined && capacityMs !== undefined) totalCapacity += capacityMs;
      total.toilMs += bucket.toilMs;
      total.count += bucket.count;
      total.engineeringMs += bucket.engineeringMs;
      total.overheadMs += bucket.overheadMs;
      mergeTallies(total.tasks, bucket.tasks);
      const row: PeriodToil = {
        start,
        end,
        label: periods.label(start),
        partial: from > start || to < end,
        ...figures(bucket, capacityMs, budget),
        topByTime: top(bucket.tasks, n, 'time'),
        topByCount: top(bucket.tasks, n, 'count'),
        categories: [...bucket.categories.entries()]
          .sort(([ca, a], [cb, b]) => b.ms - a.ms || ca.localeCompare(cb))
          .map(([category, t]) => ({ category, hours: hours(t.ms), entries: t.count })),
      };
      const withTrend: PeriodToil =
        previous === undefined
          ? row
          : {
              ...row,
              trend: {
                toilHours: roundNoise(row.toilHours - previous.toilHours),
                ...(row.toilShare !== undefined && previous.toilShare !== undefined
                  ? { toilShare: roundNoise(row.toilShare - previous.toilShare) }
                  : {}),
              },
            };
      rows.push(withTrend);
      previous = withTrend;
    }
    teamReports.push({
      team: name,
      capacityMode: mode,
      periods: rows,
      total: figures(total, totalCapacity, budget),
      topByTime: top(total.tasks, n, 'time'),
      topByCount: top(total.tasks, n, 'count'),
    });
  }

  const start = starts[0];
  const lastStart = starts.at(-1);
  return {
    period: periodSpec,
    budget,
    ...(start === undefined ? {} : { start }),
    ...(lastStart === undefined ? {} : { end: periods.next(lastStart) }),
    teams: teamReports,
    entries,
    problems,
  };
}
