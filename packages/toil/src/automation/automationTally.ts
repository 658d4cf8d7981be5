import { isToil } from '../model/entry.js';
import type { Automatable, ToilEntry } from '../model/entry.js';
import type { EntryFold } from '../parallel/entryFold.js';
import { inScope } from '../parallel/entryScope.js';
import type { EntryScope } from '../parallel/entryScope.js';

/** One task's runs so far. @internal */
export interface TaskTally {
  ms: number;
  runs: number;
  /** When it was last done; its category and answer are that entry's. */
  latest: number;
  category: string;
  automatable: Automatable;
  readonly teams: Set<string>;
}

/**
 * The sums an automation ranking is made of: whole milliseconds and runs per task, so sums from
 * parts of a ledger merge to exactly what one pass gives.
 *
 * @internal
 */
export interface AutomationTally {
  /** Task → its runs. */
  readonly tasks: Map<string, TaskTally>;
  /** Earliest entry counted, epoch ms. */
  first?: number;
}

function addEntry(state: AutomationTally, entry: ToilEntry): void {
  if (state.first === undefined || entry.at < state.first) state.first = entry.at;
  const ms = Math.round(entry.minutes * 60_000);
  const found = state.tasks.get(entry.task);
  if (found === undefined) {
    state.tasks.set(entry.task, {
      ms,
      runs: 1,
      latest: entry.at,
      category: entry.category,
      automatable: entry.automatable,
      teams: new Set([entry.team]),
    });
  } else {
    found.ms += ms;
    found.runs += 1;
    found.teams.add(entry.team);
    if (entry.at >= found.latest) {
      found.latest = entry.at;
      found.category = entry.category;
      found.automatable = entry.automatable;
    }
  }
}

function mergeState(into: AutomationTally, from: AutomationTally): void {
  if (from.first !== undefined && (into.first === undefined || from.first < into.first))
    into.first = from.first;
  for (const [task, t] of from.tasks) {
    const found = into.tasks.get(task);
    if (found === undefined) {
      into.tasks.set(task, t);
      continue;
    }
    found.ms += t.ms;
    found.runs += t.runs;
    for (const team of t.teams) found.teams.add(team);
    // `from` holds later lines: on a tie it wins, as the later line does in one pass.
    if (t.latest >= found.latest) {
      found.latest = t.latest;
      found.category = t.category;
      found.automatable = t.automatable;
    }
  }
}

/**
 * Count toil entries into an automation ranking's sums: the fold a ranking runs over a ledger,
 * in this thread or, part by part, in worker threads whose sums are merged in file order.
 *
 * @param scope - which entries count
 * @returns the fold; its state is the {@link AutomationTally}
 * @internal
 */
export function createAutomationFold(scope: EntryScope): EntryFold<AutomationTally> {
  const wanted = inScope(scope);
  const state: AutomationTally = { tasks: new Map() };
  return {
    state,
    add: (entry) => {
      if (isToil(entry) && wanted(entry)) addEntry(state, entry);
    },
    merge: (from) => {
      mergeState(state, from);
    },
  };
}
