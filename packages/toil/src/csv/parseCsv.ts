import { toAsyncIterator } from '../util/asyncIterable.js';

/** One CSV record (row) with the line it starts on. */
export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  readonly line: number;
  /** The fields, unquoted. */
  readonly fields: readonly string[];
  /** Why the record is malformed, when it is; `fields` then holds what was read. */
  readonly error?: string;
}

/** A CSV field separator: comma (RFC 4180), semicolon (spreadsheets in many locales) or tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options for {@link parseCsv}. */
export interface CsvParseOptions {
  /** The separator; guessed from the first line when absent. */
  readonly delimiter?: CsvDelimiter;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Longest field kept (1 MiB); a longer one makes its record malformed instead of using memory. */
const MAX_FIELD = 1 << 20;

/** Pick the separator that occurs most often, outside quotes, on the first line. */
function guessDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** Where parsing resumes: the line number and whether a `\r` just ended the previous line. */
interface Resume {
  readonly line: number;
  readonly pendingCr: boolean;
}

async function* prepend(head: string, tail: AsyncIterator<string>): AsyncGenerator<string> {
  if (head !== '') yield head;
  for (;;) {
    const next = await tail.next();
    if (next.done === true) return;
    yield next.value;
  }
}

async function* parseFrom(
  chunks: AsyncIterator<string>,
  delimiter: number,
  resume: Resume,
): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let line = resume.line;
  let recordLine = line;
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quote seen inside a quoted field: closing, or first of a pair
  let wasQuoted = false; // the current field started with a quote
  let error: string | undefined;
  let pendingCr = resume.pendingCr;
  // Text of the current record after its first line break (which only a quoted field allows),
  // kept so that a quote that is never closed does not swallow the rows after it: they are
  // parsed again from the record's second line.
  let raw: string | undefined;
  let rawAfterCr = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    wasQuoted = false;
    afterQuote = false;
  };
  const endRecord = (): CsvRecord | undefined => {
    endField();
    const record: CsvRecord =
      error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error };
    const blank = error === undefined && fields.every((value) => value === '');
    fields = [];
    error = undefined;
    raw = undefined;
    return blank ? undefined : record;
  };
  const unclosed = (): CsvRecord => ({
    line: recordLine,
    fields: [...fields, field],
    error: `quoted field ${fields.length + 1} is never closed (a " is missing); the rows after its first line are read again`,
  });

  for (;;) {
    const next = await chunks.next();
    if (next.done === true) break;
    const chunk = next.value;
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i += 1) {
      const code = chunk.charCodeAt(i);
      if (raw !== undefined) raw += chunk.charAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (code === LF) {
          // The LF of a CRLF pair: the line was already counted; keep it inside a quoted field.
          if (quoted) field += '\n';
          continue;
        }
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (code === QUOTE) {
            field += '"';
            continue;
          }
          quoted = false; // that quote closed the field; handle this character as unquoted
        } else if (code === QUOTE) {
          afterQuote = true;
          continue;
        } else {
          if (code === LF || code === CR) {
            line += 1;
            if (code === CR) pendingCr = true;
            if (raw === undefined) {
              raw = '';
              rawAfterCr = code === CR;
            }
          }
          field += chunk.charAt(i);
          if (field.length > MAX_FIELD || (raw !== undefined && raw.length > MAX_FIELD)) {
            // Give up on this record and read the rest again from its second line.
            yield* out;
            yield unclosed();
            yield* parseFrom(prepend((raw ?? '') + chunk.slice(i + 1), chunks), delimiter, {
              line: recordLine + 1,
              pendingCr: rawAfterCr,
            });
            return;
          }
          continue;
        }
      }
      if (code === delimiter) {
        endField();
      } else if (code === LF || code === CR) {
        if (code === CR) pendingCr = true;
        const record = endRecord();
        if (record !== undefined) out.push(record);
        line += 1;
        recordLine = line;
      } else if (code === QUOTE && field === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (wasQuoted) {
        error ??= `unexpected text after the closing quote of field ${fields.length + 1}`;
      } else {
        field += chunk.charAt(i);
        if (field.length > MAX_FIELD) {
          error ??= `field ${fields.length + 1} is longer than ${MAX_FIELD} characters`;
          field = '';
        }
      }
    }
    yield* out;
  }
  if (quoted && !afterQuote) {
    yield unclosed();
    if (raw !== undefined) {
      yield* parseFrom(prepend(raw, chunks), delimiter, {
        line: recordLine + 1,
        pendingCr: rawAfterCr,
      });
    }
    return;
  }
  if (field !== '' || fields.length > 0 || wasQuoted || error !== undefined) {
    const record = endRecord();
    if (record !== undefined) yield record;
  }
}

/**
 * Parse CSV as RFC 4180 defines it, streaming: quoted fields may hold separators, doubled quotes
 * and line breaks; CRLF and LF both end records; a byte-order mark is dropped; blank lines and
 * rows of empty fields are skipped. Each record carries the line it starts on. A malformed record
 * (text after a closing quote, a quote never closed) carries an error instead of stopping the
 * parse, and a quote that is never closed does not swallow the rows after it: they are read
 * again from the broken record's second line.
 *
 * @param input - the text, whole or in chunks (a `fs.createReadStream(file, 'utf8')` works)
 * @param options - the separator, guessed from the first line when absent
 * @returns the records in order
 * @example
 * ```ts
 * for await (const record of parseCsv('Task,Duration (min)\n"restart, then check",30\n')) {
 *   console.log(record.line, record.fields); // 1 ['Task', 'Duration (min)'], then 2 [...]
 * }
 * ```
 */
export async function* parseCsv(
  input: string | Iterable<string> | AsyncIterable<string>,
  options: CsvParseOptions = {},
): AsyncGenerator<CsvRecord> {
  const source = typeof input === 'string' ? [input] : input;
  const iterator =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsyncIterator(source);
  const first = await iterator.next();
  if (first.done === true) return;
  let head = first.value;
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const delimiter = (options.delimiter ?? guessDelimiter(head)).charCodeAt(0);
  yield* parseFrom(prepend(head, iterator), delimiter, { line: 1, pendingCr: false });
}
