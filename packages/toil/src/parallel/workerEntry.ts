import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where the part-reading worker lives, and how to start it. In the published package it is
 * `scanWorker.js` next to the bundle. When this module runs from its TypeScript source (tests in
 * this repository), Node cannot load `scanWorker.ts` by itself, so the worker first registers
 * the `tsx` loader the repository develops with.
 *
 * @internal
 */
export function workerEntry(): { readonly entry: URL | string; readonly options: WorkerOptions } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { entry: new URL('./scanWorker.js', here), options: {} };
  const target = new URL('./scanWorker.ts', here).href;
  const require = createRequire(here);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
  return { entry: code, options: { eval: true, execArgv: ['--conditions=@nines/source'] } };
}
