import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** How to start the part-reading worker. @internal */
export interface WorkerEntry {
  /** The worker's file, or code to evaluate. */
  readonly entry: URL | string;
  /** Options for `new Worker`. */
  readonly options: WorkerOptions;
}

/**
 * Where the part-reading worker lives, and how to start it. In the published package it is
 * `scanWorker.js` next to the bundle. When this module runs from its TypeScript source (tests in
 * this repository), Node cannot load `scanWorker.ts` by itself, so the worker first registers
 * the `tsx` loader the repository develops with.
 *
 * @param here - the URL of the module that starts workers (default: this one's; anything but a
 *   `file:` URL gives `undefined`)
 * @returns how to start the worker, or `undefined` when its file is not there (the package was
 *   bundled into an application without it): ledgers are then read in the calling thread
 * @internal
 */
export function workerEntry(here: unknown = import.meta.url): WorkerEntry | undefined {
  // A bundler may leave no usable module URL at all.
  if (typeof here !== 'string' || !here.startsWith('file:')) return undefined;
  const source = here.endsWith('.ts');
  const file = new URL(source ? './scanWorker.ts' : './scanWorker.js', here);
  if (!existsSync(fileURLToPath(file))) return undefined;
  if (!source) return { entry: file, options: {} };
  const require = createRequire(here);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return { entry: code, options: { eval: true, execArgv: ['--conditions=@nines/source'] } };
}
