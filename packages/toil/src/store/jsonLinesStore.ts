import { NinesError } from '@nines/core';
import { formatEntryLine } from '../model/serialize.js';
import { flattenBatches } from '../util/asyncIterable.js';
import { appendLines } from './appendLines.js';
import { DEFAULT_PART_BYTES, PARTS, splitLedgerFile } from './ledgerParts.js';
import type { SplittableRead } from './ledgerParts.js';
import { readLedgerItems } from './readLedgerItems.js';
import type { LedgerReadItem, ToilStore } from './types.js';

/** Options for {@link createJsonLinesStore}. */
export interface JsonLinesStoreOptions {
  /** Wait for each append to reach the disk (`fdatasync`), trading speed for crash safety. */
  readonly sync?: boolean;
  /** The file name to put in problems (default: the path given). */
  readonly displayName?: string;
  /**
   * The smallest part of the file worth reading in a thread of its own when a report reads the
   * ledger in parallel (default 16 MiB): a smaller part costs more to hand to a worker thread
   * than it saves.
   */
  readonly partBytes?: number;
}

/** A {@link ToilStore} over an append-only JSON Lines file. */
export interface JsonLinesStore extends ToilStore {
  /** The ledger file. */
  readonly file: string;
}

/**
 * Keep a ledger in an append-only JSON Lines file, one entry per line: the embedded default.
 *
 * Appends are whole lines written with one O_APPEND `write` per batch, so several processes
 * may append to the same local file at once without losing or interleaving entries; bytes
 * already written are never rewritten. Reading streams the file with flat memory and reports
 * malformed lines, bad fields and a torn last line (no newline after a crash) as problems with
 * their line numbers, keeping every valid line around them. Categories are not judged here:
 * any non-empty category is read, and the ledger applies its category policy.
 *
 * @param file - path of the ledger file; created on first append
 * @param options - durability and display name
 * @returns the store
 * @example
 * ```ts
 * const ledger = createLedger({ store: createJsonLinesStore('toil.jsonl') });
 * ```
 */
export function createJsonLinesStore(
  file: string,
  options: JsonLinesStoreOptions = {},
): JsonLinesStore {
  const name = options.displayName ?? file;
  const appendOptions = options.sync === true ? { sync: true } : {};
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  if (!(Number.isSafeInteger(partBytes) && partBytes > 0)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `partBytes must be a whole number of bytes more than 0, got ${partBytes}`,
      { path: ['partBytes'] },
    );
  }
  return {
    file,
    name,
    async append(entries) {
      if (entries.length === 0) return;
      let text = '';
      for (const entry of entries) text += formatEntryLine(entry);
      await appendLines(file, text, appendOptions);
    },
    read(): AsyncIterable<LedgerReadItem> & SplittableRead {
      return Object.assign(
        flattenBatches(() => readLedgerItems(file, name)),
        { [PARTS]: (count: number) => splitLedgerFile(file, name, count, partBytes) },
      );
    },
  };
}
