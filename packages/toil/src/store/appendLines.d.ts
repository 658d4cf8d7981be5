/**
 * Append whole lines to a file with one O_APPEND write, never rewriting existing bytes; starts
 * with a newline when the file ends in a torn line. See appendLines.js.
 *
 * @param file - the ledger file, created when missing
 * @param text - one or more lines, each ending in "\n"
 * @param options - `sync: true` waits for the data to reach the disk
 * @returns a promise that settles when the data is written
 * @throws TypeError when `text` does not end with a newline; file system errors as they come
 * @example
 * ```ts
 * await appendLines('toil.jsonl', '{"id":"a"}\n');
 * ```
 */
export declare function appendLines(
  file: string,
  text: string,
  options?: { readonly sync?: boolean },
): Promise<void>;
