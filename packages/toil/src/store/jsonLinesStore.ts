import { formatEntryLine } from '../model/serialize.js';
import { validateEntry } from '../model/validateEntry.js';
import { flattenBatches } from '../util/asyncIterable.js';
import { appendLines } from './appendLines.js';
import { MAX_LINE_LENGTH, readLineBatches } from './readLineBatches.js';
import type { LedgerProblem, LedgerReadItem, ToilStore } from './types.js';

/** Options for {@link createJsonLinesStore}. */
export interface JsonLinesStoreOptions {
  /** Wait for each append to reach the disk (`fdatasync`), trading speed for crash safety. */
  readonly sync?: boolean;
  /** The file name to put in problems (default: the path given). */
  readonly displayName?: string;
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
  return {
    file,
    name,
    async append(entries) {
      if (entries.length === 0) return;
      let text = '';
      for (const entry of entries) text += formatEntryLine(entry);
      await appendLines(file, text, appendOptions);
    },
    read(): AsyncIterable<LedgerReadItem> {
      return flattenBatches(() => readItemBatches(file, name));
    },
  };
}

/** Parse each chunk's lines into entries and problems: one await per chunk, not per line. */
async function* readItemBatches(file: string, name: string): AsyncGenerator<LedgerReadItem[]> {
  const problem = (line: number, message: string): LedgerReadItem => ({
    type: 'problem',
    problem: { code: 'INVALID_LEDGER', message, path: [], file: name, line },
  });
  const options = { categories: 'any' as const, file: name, line: 0 };
  for await (const batch of readLineBatches(file)) {
    const items: LedgerReadItem[] = [];
    for (const { line, text, terminated, tooLong } of batch) {
      if (tooLong === true) {
        items.push(problem(line, `line is longer than ${MAX_LINE_LENGTH} characters; skipped`));
        continue;
      }
      if (!terminated) {
        items.push(
          problem(
            line,
            'last line has no newline: a write was cut short (crash or full disk); skipped, ' +
              'and the next append starts on a new line',
          ),
        );
        continue;
      }
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        items.push(problem(line, `not valid JSON (${(error as Error).message})`));
        continue;
      }
      options.line = line;
      const result = validateEntry(value, options);
      if (result.ok) {
        items.push({ type: 'entry', entry: result.entry, line });
      } else {
        for (const issue of result.issues) {
          items.push({ type: 'problem', problem: { ...issue, line } satisfies LedgerProblem });
        }
      }
    }
    yield items;
  }
}
