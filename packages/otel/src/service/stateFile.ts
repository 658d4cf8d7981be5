import { readFileSync, renameSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseSnapshot, type EvaluatorSnapshot } from '@nines/core';
import type { DiagOnce } from '../diagnostics.js';

/** What reading the state file found. */
export type StateFileReading =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly error: unknown }
  | { readonly kind: 'corrupt'; readonly error: unknown; readonly keptAs: string | undefined }
  | { readonly kind: 'ok'; readonly snapshot: EvaluatorSnapshot };

/**
 * The temporary file a save writes before renaming it over `path`. Fixed per path, so a crash
 * between write and rename leaves one stale file that the next save overwrites, and it is never
 * read: only `path` is.
 *
 * @param path - the state file
 * @returns `<path>.tmp`
 */
export function tempPathOf(path: string): string {
  return `${path}.tmp`;
}

/**
 * Reads and validates the state file at start (synchronously: it runs once, before the first
 * request). A missing file is normal (first start). A file that is not a valid snapshot (torn by
 * an older tool, edited, from a clock far ahead) is renamed to `<path>.corrupt-<epoch ms>` so it
 * is kept for inspection and the next good save does not overwrite it; it is reported through
 * `diag` and the service starts fresh. A file that cannot be read (permissions) is left alone.
 *
 * @param path - the state file
 * @param now - the clock now, epoch ms (snapshots from the future are refused by `parseSnapshot`)
 * @param diag - where problems are reported, once
 * @returns what was found
 * @example
 * ```ts
 * const found = readStateFile('/var/lib/app/slo.json', Date.now(), diag);
 * const snapshot = found.kind === 'ok' ? found.snapshot : undefined;
 * ```
 */
export function readStateFile(path: string, now: number, diag: DiagOnce): StateFileReading {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return { kind: 'missing' };
    diag.error(
      'state-read',
      `cannot read the SLO state file ${path}; starting without the saved budgets`,
      error,
    );
    return { kind: 'unreadable', error };
  }
  try {
    return { kind: 'ok', snapshot: parseSnapshot(JSON.parse(text) as unknown, now) };
  } catch (error) {
    return { kind: 'corrupt', error, keptAs: setAside(path, now, error, diag) };
  }
}

/**
 * Moves a corrupt state file out of the way, keeping it.
 *
 * @param path - the state file
 * @param now - epoch ms, for the name
 * @param error - why it is corrupt
 * @param diag - where to report
 * @returns the new name, or `undefined` when it could not be renamed
 */
function setAside(path: string, now: number, error: unknown, diag: DiagOnce): string | undefined {
  const keptAs = `${path}.corrupt-${String(Math.trunc(now))}`;
  try {
    renameSync(path, keptAs);
    diag.error(
      'state-corrupt',
      `the SLO state file ${path} is not a valid snapshot; it was kept as ${keptAs} and the service starts without the saved budgets`,
      error,
    );
    return keptAs;
  } catch (renameError) {
    diag.error(
      'state-corrupt',
      `the SLO state file ${path} is not a valid snapshot and could not be renamed (${String(renameError)}); starting without the saved budgets, and the next save replaces it`,
      error,
    );
    return undefined;
  }
}

/**
 * Saves a snapshot so that a crash at any point leaves either the previous file or the new one,
 * never a torn one: write `<path>.tmp`, flush it to disk (`fsync`), then `rename` it over `path`
 * (atomic on POSIX file systems). Creates the directory when missing.
 *
 * @param path - the state file
 * @param snapshot - the evaluator's snapshot
 * @returns when the file is in place
 * @throws whatever the file system throws (the caller reports it)
 * @example
 * ```ts
 * await writeStateFile('/var/lib/app/slo.json', evaluator.snapshot());
 * ```
 */
export async function writeStateFile(path: string, snapshot: EvaluatorSnapshot): Promise<void> {
  const temp = tempPathOf(path);
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(snapshot), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
