/**
 * Loading YAML text into documents whose every node can be mapped back to a line and column.
 *
 * @internal
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { NinesIssue } from '@nines/core';

/** One YAML document of one file, with what is needed to locate its nodes. */
export interface LoadedDocument {
  readonly file: string;
  /** Index of the file among the inputs, to sort issues in input order. */
  readonly fileIndex: number;
  /** Index of the document in the file (0-based). */
  readonly index: number;
  readonly text: string;
  readonly lines: LineCounter;
  readonly doc: Document.Parsed;
  /** True when YAML itself reported errors: the document is not read further. */
  readonly broken: boolean;
}

/** A 1-based line and column for an offset, as `LineCounter` gives them. */
export function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlIssue(
  error: YAMLError,
  file: string,
  lines: LineCounter,
  kind: 'error' | 'warning',
): NinesIssue {
  const { line, column } = position(lines, error.pos[0]);
  const what = kind === 'error' ? 'YAML syntax error' : 'YAML problem';
  return {
    code: 'INVALID_SPEC',
    message: `${what} (${error.code}): ${firstLine(error.message)}`,
    path: [],
    file,
    line,
    column,
  };
}

/**
 * Parse every document of one file. YAML errors and warnings become issues located in the file;
 * a document with errors is marked broken so that it is not validated further (its values
 * would only produce confusing follow-up problems).
 *
 * @param file - name shown in issues
 * @param text - the YAML text
 * @param fileIndex - position of the file among the inputs
 * @returns the documents, the YAML-level issues, and whether the file could not be read at all
 */
export function loadDocuments(
  file: string,
  text: string,
  fileIndex: number,
): { documents: LoadedDocument[]; issues: NinesIssue[]; unreadable: boolean } {
  const lines = new LineCounter();
  const issues: NinesIssue[] = [];
  let parsed: Document.Parsed[];
  try {
    const all = parseAllDocuments(text, {
      lineCounter: lines,
      keepSourceTokens: true,
      prettyErrors: false,
      uniqueKeys: true,
      version: '1.2',
      strict: true,
    });
    if ('empty' in all) {
      // A stream with no document (only comments or directives) can still hold errors.
      for (const error of all.errors) issues.push(yamlIssue(error, file, lines, 'error'));
      parsed = [];
    } else parsed = all;
  } catch (error) {
    // The yaml package can run out of stack on pathological nesting; report, never crash.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      documents: [],
      unreadable: true,
      issues: [
        {
          code: 'INVALID_SPEC',
          message: `YAML could not be read: ${reason}`,
          path: [],
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const documents = parsed.map((doc, index) => {
    for (const error of doc.errors) issues.push(yamlIssue(error, file, lines, 'error'));
    for (const warning of doc.warnings) issues.push(yamlIssue(warning, file, lines, 'warning'));
    return {
      file,
      fileIndex,
      index,
      text,
      lines,
      doc,
      broken: doc.errors.length > 0 || doc.warnings.length > 0,
    };
  });
  return { documents, issues, unreadable: false };
}
