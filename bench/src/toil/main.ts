/**
 * @nines/toil benchmark (issue #5 target: a report over one million ledger entries streams in
 * under two seconds with flat memory).
 *
 * Writes a 1,000,000-entry JSON Lines ledger (20 teams, 200 tasks, a year of entries) to a
 * temporary file once, then in separate child processes (so each peak RSS is its own), using
 * the built @nines/toil as a service would:
 * - `floor`: stream the file, cut lines and JSON.parse every line in one thread, nothing else;
 * - `report, 1 thread`: buildToilReport over the JSON Lines store (weekly periods, all teams),
 *   read in the calling thread only (`threads: 1`);
 * - `report`: the same with the default threads (parts of the file read by worker threads);
 * and the default report over 100,000 entries, to show memory does not grow with entries.
 * Median of 7 runs each, the cases alternating within each round.
 *
 * Run: pnpm --filter @nines/bench run bench:toil (builds @nines/toil first)
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
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

type Mode = 'floor' | 'report-1' | 'report';

/** What child.ts prints on its last line. */
interface ChildResult {
  ms: number;
  cpuMs: number;
  rssMiB: number;
  entries: number;
}

function runChild(mode: Mode, file: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

const dir = await mkdtemp(join(tmpdir(), 'nines-toil-bench-'));
try {
  const big = join(dir, 'ledger-1m.jsonl');
  const small = join(dir, 'ledger-100k.jsonl');
  await writeLedger(big, 1_000_000);
  await writeLedger(small, 100_000);
  const results: Record<string, { ms: number[]; cpu: number[]; rss: number[] }> = {};
  const cases: [string, Mode, string, number][] = [
    ['floor: read + JSON.parse, 1M lines, 1 thread', 'floor', big, 1_000_000],
    ['report, 1M entries, 1 thread', 'report-1', big, 1_000_000],
    ['report, 1M entries (default threads)', 'report', big, 1_000_000],
    ['report, 100k entries (default threads)', 'report', small, 100_000],
  ];
  for (let round = 0; round < 7; round++) {
    for (const [name, mode, file, count] of cases) {
      const r = runChild(mode, file);
      if (r.entries !== count)
        throw new Error(`${name}: counted ${r.entries} entries, not ${count}`);
      const slot = (results[name] ??= { ms: [], cpu: [], rss: [] });
      slot.ms.push(r.ms);
      slot.cpu.push(r.cpuMs);
      slot.rss.push(r.rssMiB);
    }
  }
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs, ${new Date().toISOString()}\n`,
  );
  console.log(
    markdownTable(
      ['case', 'median time', 'runs', 'CPU time (median)', 'peak RSS (median)'],
      Object.entries(results).map(([name, r]) => [
        name,
        `${fmt(median(r.ms))} ms`,
        r.ms.map((v) => fmt(v)).join(' / '),
        `${fmt(median(r.cpu))} ms`,
        `${fmt(median(r.rss))} MiB`,
      ]),
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
