import type { NinesIssue } from '@nines/core';
import type { LedgerEntry } from '../model/entry.js';

/**
 * A line of a ledger or CSV file that could not be read as an entry. It is a `NinesIssue`
 * (code `INVALID_LEDGER`) with a line number, so `formatIssue(problem)` prints
 * `toil.jsonl:7: minutes: must be more than 0, got -5`.
 */
export interface LedgerProblem extends NinesIssue {
  /** 1-based line in the file. */
  readonly line: number;
}

/** What reading a ledger yields: an entry (with its line when the store has lines) or a problem. */
export type LedgerReadItem =
  | { readonly type: 'entry'; readonly entry: LedgerEntry; readonly line?: number }
  | { readonly type: 'problem'; readonly problem: LedgerProblem };

/**
 * Where a ledger keeps its entries. Implement it to keep toil in a database or a queue; the
 * JSON Lines file store and the in-memory store ship with the package.
 *
 * A store must keep every entry it accepted, in order, and never rewrite one; `read` reports
 * what it cannot read as problems instead of throwing, so one bad record never hides the rest.
 */
export interface ToilStore {
  /** A name for problems and messages, e.g. the ledger file; absent for anonymous stores. */
  readonly name?: string;
  /**
   * Add validated entries, all or none where the backend allows it.
   *
   * @param entries - entries already checked by `validateEntry`
   */
  append(entries: readonly LedgerEntry[]): Promise<void>;
  /** Stream everything stored, in the order it was appended. */
  read(): AsyncIterable<LedgerReadItem>;
}
