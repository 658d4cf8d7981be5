import type { LedgerEntry } from '../model/entry.js';
import { checkEntry, wellFormedEntry } from '../model/validateEntry.js';
import { MAX_LINE_LENGTH, readLineBatches } from './readLineBatches.js';
import type { ByteRange } from './readLineBatches.js';
import type { LedgerProblem, LedgerReadItem } from './types.js';

/**
 * Receives what reading a ledger finds, in file order.
 *
 * @internal
 */
export interface LedgerVisitor {
  /** A valid entry and its line. */
  entry(entry: LedgerEntry, line: number): void;
  /** A line that is not one. */
  problem(problem: LedgerProblem): void;
}

/**
 * Read a JSON Lines ledger (or a byte range of it) line by line into a visitor. Malformed lines,
 * bad fields, over-long lines and a torn last line become problems with their line numbers;
 * blank lines are skipped. It pauses once per chunk read (64 KiB), yielding the number of lines
 * read so far, so a caller can hand on what the chunk gave.
 *
 * @param file - the ledger file
 * @param name - the file name to put in problems
 * @param visitor - receives entries and problems
 * @param range - only these bytes; lines are then numbered from 1 at its start
 * @returns once per chunk, the lines read so far (blank and bad ones included)
 * @internal
 */
export async function* scanLedger(
  file: string,
  name: string,
  visitor: LedgerVisitor,
  range?: ByteRange,
): AsyncGenerator<number> {
  const problem = (line: number, message: string): void => {
    visitor.problem({ code: 'INVALID_LEDGER', message, path: [], file: name, line });
  };
  const options = { categories: 'any' as const, file: name, line: 0 };
  let lines = 0;
  for await (const batch of readLineBatches(file, range)) {
    for (const { line, text, terminated, tooLong } of batch) {
      if (tooLong === true) {
        problem(line, `line is longer than ${MAX_LINE_LENGTH} characters; skipped`);
        continue;
      }
      if (!terminated) {
        problem(
          line,
          'last line has no newline: a write was cut short (crash or full disk); skipped, ' +
            'and the next append starts on a new line',
        );
        continue;
      }
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problem(line, `not valid JSON (${(error as Error).message})`);
        continue;
      }
      const fast = wellFormedEntry(value, 'any');
      if (fast !== undefined) {
        visitor.entry(fast, line);
        continue;
      }
      options.line = line;
      const result = checkEntry(value, options);
      if (result.ok) visitor.entry(result.entry, line);
      else for (const issue of result.issues) visitor.problem({ ...issue, line });
    }
    lines = batch.at(-1)?.line ?? lines;
    yield lines;
  }
}

/**
 * Read a JSON Lines ledger as batches of entries and problems, one batch per chunk read: one
 * await per 64 KiB, not per line.
 *
 * @param file - the ledger file
 * @param name - the file name to put in problems
 * @returns batches of items in file order
 * @internal
 */
export async function* readLedgerItems(
  file: string,
  name: string,
): AsyncGenerator<LedgerReadItem[]> {
  let items: LedgerReadItem[] = [];
  const visitor: LedgerVisitor = {
    entry: (entry, line) => items.push({ type: 'entry', entry, line }),
    problem: (problem) => items.push({ type: 'problem', problem }),
  };
  const chunks = scanLedger(file, name, visitor);
  try {
    while ((await chunks.next()).done !== true) {
      yield items;
      items = [];
    }
  } finally {
    // A reader that stops early closes the file now, not when the stream is collected.
    await chunks.return(0);
  }
}
