import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLinesStore } from './jsonLinesStore.js';

const worker = fileURLToPath(new URL('./fixtures/appendWorker.mjs', import.meta.url));
const WORKERS = 4;
const PER_WORKER = 500;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-toil-concurrent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(file: string, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, file, String(id), String(PER_WORKER)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`worker ${id} exited with ${code}: ${stderr}`));
    });
  });
}

describe('concurrent appends from several processes', () => {
  it(`${WORKERS} processes × ${PER_WORKER} appends lose and interleave nothing`, async () => {
    const file = join(dir, 'toil.jsonl');
    const store = createJsonLinesStore(file);
    // The parent appends through the store at the same time as the children.
    const parent = (async () => {
      for (let i = 0; i < 50; i += 1) {
        await store.append([
          {
            id: `parent-${i}`,
            at: Date.UTC(2024, 0, 1),
            task: 'parent task',
            category: 'migration',
            minutes: 5,
            team: 'parent',
            automatable: 'no',
          },
        ]);
      }
    })();
    await Promise.all([...Array.from({ length: WORKERS }, (_, id) => run(file, id)), parent]);

    const seen = new Map<string, number>();
    const problems: string[] = [];
    for await (const item of store.read()) {
      if (item.type === 'problem') problems.push(item.problem.message);
      else seen.set(item.entry.id, (seen.get(item.entry.id) ?? 0) + 1);
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(WORKERS * PER_WORKER + 50);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    for (let w = 0; w < WORKERS; w += 1) {
      for (let i = 0; i < PER_WORKER; i += 1) expect(seen.has(`w${w}-${i}`)).toBe(true);
    }
    // Every line holds exactly one whole entry: none holds parts of two. A blank line may
    // appear if an appender saw another's long write still in progress (see appendLines.js);
    // readers skip it, and the test reports how many there were.
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const blank = lines.slice(0, -1).filter((line) => line === '').length;
    expect(lines.length - 1 - blank).toBe(WORKERS * PER_WORKER + 50);
    expect(blank).toBeLessThanOrEqual(2);
  }, 60_000);
});
