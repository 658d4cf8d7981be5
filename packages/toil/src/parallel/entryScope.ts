import type { LedgerEntry } from '../model/entry.js';

/**
 * Which entries a report or ranking counts: a time range and teams, as plain data, so a worker
 * thread reading part of a ledger filters the same way.
 *
 * @internal
 */
export interface EntryScope {
  /** Only entries at or after this instant (epoch ms). */
  readonly since?: number;
  /** Only entries before this instant (epoch ms). */
  readonly until?: number;
  /** Only these teams. */
  readonly teams?: readonly string[];
}

/**
 * The scope a report's or ranking's options ask for.
 *
 * @param options - `since`, `until` and `team` as the caller gave them
 * @returns the scope
 * @internal
 */
export function entryScope(options: {
  readonly since?: number | undefined;
  readonly until?: number | undefined;
  readonly team?: string | readonly string[] | undefined;
}): EntryScope {
  const { since, until, team } = options;
  return {
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(team === undefined ? {} : { teams: typeof team === 'string' ? [team] : [...team] }),
  };
}

/**
 * A test for whether an entry is in a scope.
 *
 * @param scope - the scope
 * @returns true for entries in the range and of the teams asked for
 * @internal
 */
export function inScope(scope: EntryScope): (entry: LedgerEntry) => boolean {
  const { since, until } = scope;
  const teams = scope.teams === undefined ? undefined : new Set(scope.teams);
  return (entry) =>
    (since === undefined || entry.at >= since) &&
    (until === undefined || entry.at < until) &&
    (teams === undefined || teams.has(entry.team));
}
