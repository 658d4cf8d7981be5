import { isToil } from '../model/entry.js';
import type { LedgerEntry } from '../model/entry.js';
import type { EntryFold } from '../parallel/entryFold.js';
import { inScope } from '../parallel/entryScope.js';
import type { EntryScope } from '../parallel/entryScope.js';
import { createPeriods } from './periods.js';
import type { PeriodSpec, Periods } from './periods.js';

/**
 * Which entries a report counts and how it cuts time: plain data, so a worker thread reading
 * part of a ledger counts the same way.
 *
 * @internal
 */
export interface ReportScope extends EntryScope {
  /** How time is cut. */
  readonly period: PeriodSpec;
}

/** Time and count of one task or category. @internal */
export interface Tally {
  ms: number;
  count: number;
  /** The category last seen. */
  category: string;
}

/** What one team did in one period. @internal */
export interface Bucket {
  toilMs: number;
  count: number;
  engineeringMs: number;
  overheadMs: number;
  readonly tasks: Map<string, Tally>;
  readonly categories: Map<string, Tally>;
}

/**
 * The sums a report is made of: whole milliseconds per team and period, so sums from parts of a
 * ledger merge to exactly what one pass would give.
 *
 * @internal
 */
export interface ReportTally {
  /** Team → period start → bucket. */
  readonly teams: Map<string, Map<number, Bucket>>;
  /** Entries in scope. */
  entries: number;
  /** Earliest period start seen. */
  first?: number;
  /** Latest period start seen. */
  last?: number;
}

/** An empty bucket. @internal */
export function newBucket(): Bucket {
  return {
    toilMs: 0,
    count: 0,
    engineeringMs: 0,
    overheadMs: 0,
    tasks: new Map(),
    categories: new Map(),
  };
}

function tally(map: Map<string, Tally>, key: string, ms: number, category: string): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, { ms, count: 1, category });
  else {
    found.ms += ms;
    found.count += 1;
    found.category = category;
  }
}

/**
 * Add the tallies of `from` to `into`; `from` holds later entries, so its categories win.
 *
 * @internal
 */
export function mergeTallies(into: Map<string, Tally>, from: ReadonlyMap<string, Tally>): void {
  for (const [key, t] of from) {
    const found = into.get(key);
    if (found === undefined) into.set(key, { ...t });
    else {
      found.ms += t.ms;
      found.count += t.count;
      found.category = t.category;
    }
  }
}

/** Add bucket `from` to bucket `into`. */
function mergeBucket(into: Bucket, from: Bucket): void {
  into.toilMs += from.toilMs;
  into.count += from.count;
  into.engineeringMs += from.engineeringMs;
  into.overheadMs += from.overheadMs;
  mergeTallies(into.tasks, from.tasks);
  mergeTallies(into.categories, from.categories);
}

/** What counting needs besides the sums: the scope, its periods, and the last period seen. */
interface Counting {
  readonly inScope: (entry: LedgerEntry) => boolean;
  readonly periods: Periods;
  /** Start and end of the period the last entry fell in. */
  start: number;
  end: number;
}

function addEntry(state: ReportTally, counting: Counting, entry: LedgerEntry): void {
  if (!counting.inScope(entry)) return;
  const { at } = entry;
  const { periods } = counting;
  state.entries += 1;
  // Ledgers are mostly in time order: most entries fall in the period of the one before.
  let { start } = counting;
  if (!(at >= start && at < counting.end)) {
    start = periods.startOf(at);
    counting.start = start;
    counting.end = periods.next(start);
  }
  if (state.first === undefined || start < state.first) state.first = start;
  if (state.last === undefined || start > state.last) state.last = start;
  let team = state.teams.get(entry.team);
  if (team === undefined) state.teams.set(entry.team, (team = new Map<number, Bucket>()));
  let bucket = team.get(start);
  if (bucket === undefined) team.set(start, (bucket = newBucket()));
  const ms = Math.round(entry.minutes * 60_000);
  if (isToil(entry)) {
    bucket.toilMs += ms;
    bucket.count += 1;
    tally(bucket.tasks, entry.task, ms, entry.category);
    tally(bucket.categories, entry.category, ms, entry.category);
  } else if (entry.kind === 'engineering') {
    bucket.engineeringMs += ms;
  } else {
    bucket.overheadMs += ms;
  }
}

function mergeState(into: ReportTally, from: ReportTally): void {
  into.entries += from.entries;
  if (from.first !== undefined && (into.first === undefined || from.first < into.first))
    into.first = from.first;
  if (from.last !== undefined && (into.last === undefined || from.last > into.last))
    into.last = from.last;
  for (const [name, buckets] of from.teams) {
    let team = into.teams.get(name);
    if (team === undefined) into.teams.set(name, (team = new Map<number, Bucket>()));
    for (const [start, bucket] of buckets) {
      const found = team.get(start);
      if (found === undefined) team.set(start, bucket);
      else mergeBucket(found, bucket);
    }
  }
}

/**
 * Count entries into a report's sums: the fold a report runs over a ledger, in this thread or,
 * part by part, in worker threads whose sums are then merged in file order.
 *
 * @param scope - which entries count and how time is cut
 * @returns the fold; its state is the {@link ReportTally}
 * @internal
 */
export function createReportFold(scope: ReportScope): EntryFold<ReportTally> {
  const counting: Counting = {
    inScope: inScope(scope),
    periods: createPeriods(scope.period),
    start: Number.NaN,
    end: Number.NaN,
  };
  const state: ReportTally = { teams: new Map(), entries: 0 };
  return {
    state,
    add: (entry) => {
      addEntry(state, counting, entry);
    },
    merge: (from) => {
      mergeState(state, from);
    },
  };
}
