import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** One line of a text file. */
export interface TextLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line without its `\n` (and without a `\r` before it). */
  readonly text: string;
  /** False only for a last line with no newline after it: a write that was cut short. */
  readonly terminated: boolean;
  /** True when the line was longer than {@link MAX_LINE_LENGTH}; `text` then holds its start. */
  readonly tooLong?: boolean;
}

/** Bytes `[start, end)` of a file that begin at a line start and end after a newline or at the end. */
export interface ByteRange {
  /** First byte, a line start. */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
}

/** Longest line kept in memory (1 MiB of text); a longer one is reported, never buffered whole. */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * Stream the lines of a file as it was when reading began, a chunk's worth at a time (one await
 * per 64 KiB, not per line), telling whether the last line ended in a newline, which `readline`
 * hides. Bytes appended while reading are left for the next read, so a concurrent appender's
 * half-written line is not mistaken for a torn one.
 *
 * @param file - the file to read
 * @param range - read only these bytes (a part of the file, see `splitLedgerFile`); lines are
 *   then numbered from 1 at `range.start`
 * @returns batches of lines in order; nothing when the file does not exist
 * @throws file system errors other than a missing file
 * @example
 * ```ts
 * for await (const batch of readLineBatches('toil.jsonl')) {
 *   for (const { line, terminated } of batch) if (!terminated) console.warn(`line ${line} was cut short`);
 * }
 * ```
 */
export async function* readLineBatches(
  file: string,
  range?: ByteRange,
): AsyncGenerator<TextLine[]> {
  let bytes = range;
  if (bytes === undefined) {
    try {
      bytes = { start: 0, end: (await stat(file)).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
  }
  if (bytes.end <= bytes.start) return;
  const stream = createReadStream(file, {
    encoding: 'utf8',
    start: bytes.start,
    end: bytes.end - 1,
    highWaterMark: 1 << 16,
  });
  let rest = '';
  let line = 0;
  // Start of an over-long line being skipped up to its newline, or undefined.
  let skipped: string | undefined;
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest === '' ? chunk : rest + chunk;
    const batch: TextLine[] = [];
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      line += 1;
      if (skipped !== undefined) {
        batch.push({ line, text: skipped, terminated: true, tooLong: true });
        skipped = undefined;
      } else {
        const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        batch.push(
          stop - start > MAX_LINE_LENGTH
            ? { line, text: text.slice(start, start + 200), terminated: true, tooLong: true }
            : { line, text: text.slice(start, stop), terminated: true },
        );
      }
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE_LENGTH) {
      skipped ??= rest.slice(0, 200);
      rest = '';
    } else if (skipped !== undefined) {
      rest = '';
    }
    if (batch.length > 0) yield batch;
  }
  if (skipped !== undefined) {
    yield [{ line: line + 1, text: skipped, terminated: false, tooLong: true }];
  } else if (rest !== '') {
    yield [{ line: line + 1, text: rest, terminated: false }];
  }
}
