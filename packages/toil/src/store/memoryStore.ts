import type { LedgerEntry } from '../model/entry.js';
import { toAsyncIterator } from '../util/asyncIterable.js';
import type { LedgerReadItem, ToilStore } from './types.js';

/** A {@link ToilStore} in memory, with its entries visible for tests and short-lived scripts. */
export interface MemoryStore extends ToilStore {
  /** Everything appended so far, in order. */
  readonly entries: readonly LedgerEntry[];
}

/**
 * Keep a ledger in memory: for tests, for one-shot reports over entries you already hold, or as
 * a template for a store of your own.
 *
 * @param initial - entries to start with (taken as already validated)
 * @returns the store
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const ledger = createLedger({ store });
 * await ledger.record({ task: 'restart api', category: 'production-interrupt', minutes: 15,
 *   team: 'sre', automatable: 'yes' });
 * store.entries.length; // 1
 * ```
 */
export function createMemoryStore(initial: readonly LedgerEntry[] = []): MemoryStore {
  const entries: LedgerEntry[] = [...initial];
  return {
    get entries() {
      return entries;
    },
    append(batch) {
      entries.push(...batch);
      return Promise.resolve();
    },
    read(): AsyncIterable<LedgerReadItem> {
      // A snapshot, so appends made while a report runs wait for the next read.
      const snapshot = entries.slice();
      function* items(): Generator<LedgerReadItem> {
        for (const entry of snapshot) yield { type: 'entry', entry };
      }
      return { [Symbol.asyncIterator]: () => toAsyncIterator(items()) };
    },
  };
}
