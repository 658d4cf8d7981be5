/**
 * @nines/toil benchmark (issue #5 target: a report over one million ledger entries streams in
 * under two seconds with flat memory).
 *
 * Writes a 1,000,000-entry JSON Lines ledger (20 teams, 200 tasks, a year of entries) to a
 * temporary file once, then in separate child processes (so each peak RSS is its own):
 * - `floor`: read the file line by line and JSON.parse every line, nothing else;
 * - `report`: buildToilReport over the JSON Lines store (weekly periods, all teams);
 * and the same report over 100,000 entries, to show memory does not grow with entries.
 * Median of 3 runs each, alternating.
 *
 * Run: pnpm --filter @nines/bench run bench:toil
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatEntryLine, type ToilEntry } from '@nines/toil';
import { fmt, markdownTable, median } from '../harness.js';

const CATEGORIES = [
  'business-process',
  'production-interrupt',
  'release-shepherding',
  'migration',
  'cost-capacity',
  'troubleshooting',
] as const;
const AUTOMATABLE = ['yes', 'partly', 'no'] as const;

async function writeLedger(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const start = Date.UTC(2025, 10, 1);
  const span = 365 * 86_400_000;
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const entry: ToilEntry = {
      id: `e${i}`,
      at: start + Math.floor((i / count) * span),
      task: `task-${i % 200}`,
      category: CATEGORIES[i % CATEGORIES.length] ?? 'business-process',
      minutes: 5 + (i % 55),
      team: `team-${i % 20}`,
      automatable: AUTOMATABLE[i % 3] ?? 'no',
    };
    buffer += formatEntryLine(entry);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer))
        await new Promise<void>((r) =>
          out.once('drain', () => {
            r();
          }),
        );
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((r) =>
    out.once('finish', () => {
      r();
    }),
  );
}

const child = fileURLToPath(new URL('./child.ts', import.meta.url));

function runChild(
  mode: 'floor' | 'report',
  file: string,
): { ms: number; rssMiB: number; entries: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@nines/source', child, mode, file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    ms: number;
    rssMiB: number;
    entries: number;
  };
}

const dir = await mkdtemp(join(tmpdir(), 'nines-toil-bench-'));
try {
  const big = join(dir, 'ledger-1m.jsonl');
  const small = join(dir, 'ledger-100k.jsonl');
  await writeLedger(big, 1_000_000);
  await writeLedger(small, 100_000);
  const results: Record<string, { ms: number[]; rss: number[]; entries: number }> = {};
  const cases: [string, 'floor' | 'report', string][] = [
    ['floor: read + JSON.parse, 1M lines', 'floor', big],
    ['report, 1M entries', 'report', big],
    ['report, 100k entries', 'report', small],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [name, mode, file] of cases) {
      const r = runChild(mode, file);
      const slot = (results[name] ??= { ms: [], rss: [], entries: r.entries });
      slot.ms.push(r.ms);
      slot.rss.push(r.rssMiB);
    }
  }
  console.log(`Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(
    markdownTable(
      ['case', 'median time', 'runs', 'peak RSS (median)'],
      Object.entries(results).map(([name, r]) => [
        name,
        `${fmt(median(r.ms))} ms`,
        r.ms.map((v) => fmt(v)).join(' / '),
        `${fmt(median(r.rss))} MiB`,
      ]),
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
