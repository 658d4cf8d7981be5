import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// The binary imports the built packages it depends on; all must be built for it to run.
const needed = [
  cli,
  fileURLToPath(new URL('../../core/dist/index.js', import.meta.url)),
  fileURLToPath(new URL('../../toil/dist/index.js', import.meta.url)),
];
const missing = needed.filter((file) => !existsSync(file));
const name =
  missing.length === 0
    ? 'the built dist/cli.js runs as a command with a shebang and exit codes'
    : `the built dist/cli.js runs (skipped: not built, missing ${missing.map((f) => f.split('/packages/')[1] ?? f).join(', ')}; run pnpm build)`;

describe('bin/nines', () => {
  it.skipIf(missing.length > 0)(name, () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const ok = spawnSync(process.execPath, [cli, 'toil', 'oncall', '--rotation', '8'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("On-call floor: 2/8 = 25% of each person's time (limit 25%): ok\n");
    const usage = spawnSync(process.execPath, [cli, 'toil', 'report', '--format', 'xml'], {
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain(
      'nines toil report: --format must be one of table, markdown, json, csv',
    );
  });
});
