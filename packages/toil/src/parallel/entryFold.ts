import type { LedgerEntry } from '../model/entry.js';

/**
 * A computation over ledger entries that can run on parts of a ledger at once: each part folds
 * its entries into a state of its own, and the states merge in file order. The state must be
 * plain data (objects, arrays, Maps) so a worker thread can post it back.
 *
 * @internal
 */
export interface EntryFold<S> {
  /** The sums so far. */
  readonly state: S;
  /** Count one entry. */
  add(entry: LedgerEntry): void;
  /** Add the sums of a later part. */
  merge(from: S): void;
}
