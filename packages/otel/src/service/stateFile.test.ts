import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import type { ObjectiveInput } from '@nines/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureDiag } from '../../test/diag.js';
import { createNines } from './createNines.js';
import { tempPathOf } from './stateFile.js';
import type { Nines, NinesOptions, RequestEnd } from './types.js';

const fsCalls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      fsCalls.push(`open ${String(args[0])} ${String(args[1])}`);
      const handle = await fs.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = () => {
        fsCalls.push('sync');
        return sync();
      };
      return handle;
    },
    rename: (from: string, to: string) => {
      fsCalls.push(`rename ${from} ${to}`);
      return fs.rename(from, to);
    },
  };
});

const T0 = Date.UTC(2026, 0, 1);
let now = T0;
const clock = (): number => now;
let dir = '';
let path = '';

beforeEach(async () => {
  now = T0;
  fsCalls.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'nines-state-'));
  path = join(dir, 'slo-state.json');
});
afterEach(async () => {
  diag.disable();
  await rm(dir, { recursive: true, force: true });
});

const OBJECTIVES: readonly ObjectiveInput[] = [
  { id: 'api', target: 0.9, window: '1h', sli: { kind: 'http-availability', matchers: [] } },
  { id: 'jobs', target: 0.9, window: '1h', sli: { kind: 'events' } },
];

function start(options: NinesOptions = {}): Nines {
  return createNines({
    objectives: OBJECTIVES,
    manualTimers: true,
    clock,
    statePath: path,
    ...options,
  });
}

function request(nines: Nines, status: number): void {
  const end: RequestEnd = {
    route: '/',
    method: 'GET',
    status,
    error: undefined,
    failure: undefined,
    scheme: 'http',
    httpVersion: '1.1',
  };
  nines.requestEnded(nines.requestStarted('GET', 'http'), end);
}

describe('snapshot save and restore (statePath)', () => {
  it('carries the budget across two services: saved at shutdown, restored at start', async () => {
    const first = start();
    request(first, 200);
    request(first, 500);
    first.events('jobs').add(3, 4);
    now += 10_000;
    await first.shutdown();
    const saved = JSON.parse(await readFile(path, 'utf8')) as {
      version: number;
      objectives: Record<string, unknown>;
    };
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.objectives)).toEqual(['api', 'jobs']);

    now += 5000; // a restart later
    const second = start();
    expect(second.evaluator?.restoreSummary).toEqual({
      restored: ['api', 'jobs'],
      dropped: [],
      ignored: [],
    });
    request(second, 200);
    now += 1000;
    const report = second.evaluate();
    expect(report?.objectives.map((one) => [one.id, one.good, one.total])).toEqual([
      ['api', 2, 3],
      ['jobs', 3, 4],
    ]);
    await second.shutdown();
  });

  it('writes a temp file, syncs it, then renames it over the state file', async () => {
    const nines = start();
    request(nines, 200);
    await nines.save();
    expect(fsCalls).toEqual([
      `open ${tempPathOf(path)} w`,
      'sync',
      `rename ${tempPathOf(path)} ${path}`,
    ]);
    expect(await readdir(dir)).toEqual(['slo-state.json']);
    await nines.shutdown();
  });

  it('ignores a partial temp file left by a crash between write and rename', async () => {
    const first = start();
    request(first, 500);
    now += 1000;
    await first.shutdown();
    await writeFile(tempPathOf(path), '{"version":1,"at":'); // torn
    const second = start();
    expect(second.evaluator?.restoreSummary?.restored).toEqual(['api', 'jobs']);
    now += 1000;
    expect(second.evaluate()?.objectives[0]).toMatchObject({ good: 0, total: 1 });
    await second.save();
    expect(await readdir(dir)).toEqual(['slo-state.json']); // the next save replaced it
    await second.shutdown();
  });

  it('a missing file is a first start: no diagnostic', async () => {
    const lines = captureDiag();
    const nines = start();
    expect(nines.evaluator?.restoreSummary).toBeUndefined();
    await nines.shutdown();
    expect(lines).toEqual([]);
  });

  it('creates the directory when missing', async () => {
    path = join(dir, 'nested', 'deeper', 'state.json');
    const nines = start();
    await nines.shutdown();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
  });

  // [case, file content]
  const corrupt: [string, string][] = [
    ['torn JSON', '{"version":1,"at":17'],
    ['not a snapshot', '{"hello":"world"}'],
    ['empty file', ''],
    [
      'from the future (clock mix-up)',
      JSON.stringify({ version: 1, at: T0 + 3_600_000, flushedAt: T0, objectives: {} }),
    ],
  ];
  it.each(corrupt)(
    'a corrupt file (%s) is reported, kept as .corrupt-<time>, and the service starts fresh',
    async (_name, content) => {
      const lines = captureDiag();
      await writeFile(path, content);
      const nines = start();
      expect(nines.evaluator?.restoreSummary).toBeUndefined();
      const kept = `${path}.corrupt-${String(T0)}`;
      expect(await readFile(kept, 'utf8')).toBe(content);
      expect(await readdir(dir)).toEqual([`slo-state.json.corrupt-${String(T0)}`]); // not overwritten
      expect(lines.filter((line) => line.includes('is not a valid snapshot'))).toHaveLength(1);
      expect(lines[0]).toContain(kept);
      request(nines, 200);
      await nines.shutdown();
      // The first good save writes a fresh file; the corrupt one is still kept.
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
      expect(await readFile(kept, 'utf8')).toBe(content);
    },
  );

  it('an unreadable state file is reported and never overwritten', async () => {
    const lines = captureDiag();
    await mkdir(path); // EISDIR on read
    const nines = start();
    request(nines, 200);
    await nines.shutdown();
    expect(lines.some((line) => line.includes('cannot read the SLO state file'))).toBe(true);
    expect(lines.some((line) => line.includes('not saving SLO state'))).toBe(true);
    expect(fsCalls).toEqual([]);
  });

  it('a failing save is reported once and never rejects', async () => {
    const lines = captureDiag();
    await writeFile(join(dir, 'file'), 'x');
    path = join(dir, 'file', 'state.json'); // parent is a file: mkdir fails
    const nines = start();
    await expect(nines.save()).resolves.toBeUndefined();
    await expect(nines.shutdown()).resolves.toBeUndefined();
    expect(lines.filter((line) => line.includes('saving SLO state'))).toHaveLength(1);
  });

  it('objectives whose storage changed start fresh, with a diagnostic', async () => {
    const first = start();
    request(first, 200);
    await first.shutdown();
    const lines = captureDiag();
    const second = start({
      objectives: [
        { id: 'api', target: 0.9, window: '2h', sli: { kind: 'http-availability', matchers: [] } },
      ],
    });
    expect(second.evaluator?.restoreSummary?.dropped.map((one) => one.id)).toEqual(['api']);
    expect(lines.filter((line) => line.includes('start fresh'))).toHaveLength(1);
    await second.shutdown();
  });
});
