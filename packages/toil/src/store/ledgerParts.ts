import { open, stat } from 'node:fs/promises';
import { categoryProblem } from './categoryCheck.js';
import { scanLedger } from './readLedgerItems.js';
import type { LedgerVisitor } from './readLedgerItems.js';

/**
 * Default smallest part of a ledger file read in a thread of its own: 16 MiB, about 110,000
 * lines. Starting a worker costs about 0.1 s, so a 100,000-line ledger is read faster in one
 * thread (measured: 351–389 ms against 405–429 ms with two, see docs/benchmarks.md).
 */
export const DEFAULT_PART_BYTES = 16 << 20;

/**
 * A part of a JSON Lines ledger that can be read on its own, in another thread: bytes
 * `[start, end)` beginning at a line start and ending after a newline (or at the end of the
 * file). Plain data, so it can be posted to a worker.
 *
 * @internal
 */
export interface LedgerPart {
  /** The ledger file. */
  readonly file: string;
  /** The file name to put in problems. */
  readonly name: string;
  /** First byte. */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
  /** The ledger's custom categories when it judges categories on read; absent for any category. */
  readonly categories?: readonly string[];
}

/**
 * Where a read that can be cut into {@link LedgerPart}s keeps the function that cuts it.
 *
 * @internal
 */
export const PARTS: unique symbol = Symbol('@nines/toil parts');

/**
 * A ledger read that can also be cut into parts read in parallel.
 *
 * @internal
 */
export interface SplittableRead {
  /** Cut the read into at most `count` parts, in file order. */
  [PARTS](count: number): Promise<readonly LedgerPart[]>;
}

/**
 * Whether a read can be cut into parts.
 *
 * @internal
 */
export function isSplittable(source: object): source is SplittableRead {
  return typeof (source as Partial<SplittableRead>)[PARTS] === 'function';
}

/**
 * Cut a ledger file, as it is now, into at most `count` parts of at least `partBytes` each, each
 * beginning at a line start. Bytes appended later belong to the next read.
 *
 * @param file - the ledger file
 * @param name - the file name to put in problems
 * @param count - most parts wanted
 * @param partBytes - smallest part worth its own thread
 * @returns the parts in file order; none when the file is missing or empty
 * @internal
 */
export async function splitLedgerFile(
  file: string,
  name: string,
  count: number,
  partBytes: number,
): Promise<LedgerPart[]> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (size === 0) return [];
  const parts = Math.max(1, Math.min(count, Math.floor(size / partBytes)));
  const starts = [0];
  if (parts > 1) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(1 << 16);
      for (let i = 1; i < parts; i++) {
        // The first line start at or after the even cut: one past the next newline from cut − 1.
        let at = Math.max(Math.floor((size * i) / parts) - 1, starts.at(-1) ?? 0);
        let found = -1;
        while (found === -1 && at < size) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
          if (bytesRead === 0) break;
          const newline = buffer.subarray(0, bytesRead).indexOf(10);
          if (newline === -1) at += bytesRead;
          else found = at + newline + 1;
        }
        if (found === -1 || found >= size) break;
        starts.push(found);
      }
    } finally {
      await handle.close();
    }
  }
  return starts.map((start, i) => ({ file, name, start, end: starts[i + 1] ?? size }));
}

/**
 * Read one part into a visitor, with the ledger's category policy applied. Lines are numbered
 * from 1 at the part's start; add the lines of the parts before it.
 *
 * @param part - the part
 * @param visitor - receives entries and problems
 * @returns the number of lines in the part
 * @internal
 */
export async function readLedgerPart(part: LedgerPart, visitor: LedgerVisitor): Promise<number> {
  const { categories } = part;
  const checked: LedgerVisitor =
    categories === undefined
      ? visitor
      : {
          entry: (entry, line) => {
            const problem = categoryProblem(entry, categories, part.name, line);
            if (problem === undefined) visitor.entry(entry, line);
            else visitor.problem(problem);
          },
          problem: (problem) => {
            visitor.problem(problem);
          },
        };
  let lines = 0;
  for await (const read of scanLedger(part.file, part.name, checked, part)) lines = read;
  return lines;
}
