import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What promtool printed, and whether it succeeded. */
export interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * Run the real `promtool` (Debian package `prometheus`, installed by .ci/system-packages) on
 * files written to a fresh temporary folder.
 *
 * @param args - promtool arguments; file names refer to keys of `files`
 * @param files - file name → content
 * @returns exit status and combined output
 */
export async function promtool(
  args: readonly string[],
  files: Readonly<Record<string, string>>,
): Promise<PromtoolResult> {
  const dir = await mkdtemp(join(tmpdir(), 'nines-promtool-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    try {
      const { stdout, stderr } = await run('promtool', [...args], { cwd: dir, timeout: 120_000 });
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const e = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
      if (e.code === 'ENOENT') {
        throw new Error(
          'promtool not found: install Debian package "prometheus" (.ci/system-packages does)',
          { cause: error },
        );
      }
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `promtool check rules` on one rule file.
 *
 * @param text - the rule file YAML
 * @returns the promtool result
 */
export function checkRules(text: string): Promise<PromtoolResult> {
  return promtool(['check', 'rules', 'rules.yaml'], { 'rules.yaml': text });
}
