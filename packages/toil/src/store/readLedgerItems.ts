import { validateEntry } from '../model/validateEntry.js';
import { MAX_LINE_LENGTH, readLineBatches } from './readLineBatches.js';
import type { ByteRange } from './readLineBatches.js';
import type { LedgerProblem, LedgerReadItem } from './types.js';

/** Counts the lines read so far, blank and bad ones included, so parts can be numbered. */
export interface LineCount {
  /** Lines read. */
  lines: number;
}

/**
 * Read a JSON Lines ledger (or a byte range of it) as entries and problems, one batch per chunk
 * read: one await per 64 KiB, not per line. Malformed lines, bad fields, over-long lines and a
 * torn last line become problems with their line numbers; blank lines are skipped.
 *
 * @param file - the ledger file
 * @param name - the file name to put in problems
 * @param range - only these bytes; lines are then numbered from 1 at its start
 * @param count - updated with the number of lines read
 * @returns batches of items in file order
 * @internal
 */
export async function* readLedgerItems(
  file: string,
  name: string,
  range?: ByteRange,
  count?: LineCount,
): AsyncGenerator<LedgerReadItem[]> {
  const problem = (line: number, message: string): LedgerReadItem => ({
    type: 'problem',
    problem: { code: 'INVALID_LEDGER', message, path: [], file: name, line },
  });
  const options = { categories: 'any' as const, file: name, line: 0 };
  for await (const batch of readLineBatches(file, range)) {
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
    if (count !== undefined) count.lines = batch.at(-1)?.line ?? count.lines;
    yield items;
  }
}
