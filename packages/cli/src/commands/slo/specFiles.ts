import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatIssue, NinesError, type NinesIssue } from '@nines/core';
import { safeParse, type SpecResult } from '@nines/spec';

/** Spec files read and parsed, or every problem found. */
export type LoadedSpec =
  | { readonly ok: true; readonly result: SpecResult; readonly files: readonly string[] }
  | { readonly ok: false; readonly lines: readonly string[] };

/**
 * Read the given OpenSLO/Sloth files (relative to `cwd`) and parse them together, so `*Ref`
 * references resolve across files.
 *
 * @param paths - file paths as the user typed them
 * @param cwd - directory relative paths start from
 * @returns the parsed spec, or one line per problem (`file:line:column: path: message`)
 */
export async function loadSpec(paths: readonly string[], cwd: string): Promise<LoadedSpec> {
  const files: { file: string; text: string }[] = [];
  const lines: string[] = [];
  for (const path of paths) {
    try {
      files.push({ file: path, text: await readFile(resolve(cwd, path), 'utf8') });
    } catch (error) {
      lines.push(
        `${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  if (lines.length > 0) return { ok: false, lines };
  const parsed = safeParse(files);
  if (!parsed.success) return { ok: false, lines: parsed.issues.map(formatIssue) };
  return { ok: true, result: parsed.value, files: paths };
}

/**
 * One line per issue of a thrown NinesError (or its message for any other error).
 *
 * @param error - what was thrown
 * @returns readable lines
 */
export function errorLines(error: unknown): string[] {
  if (error instanceof NinesError)
    return error.issues.map((issue: NinesIssue) => formatIssue(issue));
  return [error instanceof Error ? error.message : String(error)];
}
