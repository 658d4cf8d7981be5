import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerEntry } from './workerEntry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-toil-worker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('finding the part-reading worker', () => {
  it('points at scanWorker.js next to a built bundle', async () => {
    await writeFile(join(dir, 'scanWorker.js'), '');
    const entry = workerEntry(pathToFileURL(join(dir, 'index.js')).href);
    expect(entry?.entry).toEqual(pathToFileURL(join(dir, 'scanWorker.js')));
    expect(entry?.options).toEqual({});
  });

  it('gives none when the worker file is missing (a bundle without it): reading stays in this thread', () => {
    const bundled = join(dir, 'app');
    expect(workerEntry(pathToFileURL(join(bundled, 'main.js')).href)).toBeUndefined();
    expect(workerEntry('data:text/javascript,export{}')).toBeUndefined();
  });

  it('starts the TypeScript source through the tsx loader in this repository', () => {
    const entry = workerEntry(new URL('./foldLedger.ts', import.meta.url).href);
    expect(typeof entry?.entry).toBe('string');
    expect(entry?.options).toMatchObject({ eval: true });
  });
});
