import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatIssue } from '@nines/core';
import { safeParse, type SpecResult } from '@nines/spec';
import { CliUsageError, parseFlags } from '../../command.js';

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
 * The arguments every spec-reading command takes: `--format text|json` and at least one file.
 *
 * @param command - command path, for errors
 * @param args - arguments after the command name
 * @returns the format and the files
 * @throws CliUsageError for another format, unknown flags or no file
 */
export function specArguments(
  command: string,
  args: readonly string[],
): { format: 'text' | 'json'; positionals: string[] } {
  const { values, positionals } = parseFlags(command, args, { format: { type: 'string' } }, true);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new CliUsageError(command, `--format must be text or json, got "${format}"`);
  }
  if (positionals.length === 0) throw new CliUsageError(command, 'give at least one file');
  return { format, positionals };
}
