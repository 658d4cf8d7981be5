/**
 * Summarise a V8 `.cpuprofile` (from `node --cpu-prof`): where the server's CPU time goes, by
 * area (a package, Node internals, GC, idle) self and inclusive, and the hottest functions.
 *
 * Run: pnpm --filter @nines/bench exec tsx src/http/profile.ts <file.cpuprofile>
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fmt, markdownTable } from '../harness.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * The area a frame belongs to: a workspace package, an npm package, Node, or a V8 pseudo-frame.
 *
 * @param frame - a profile call frame
 * @returns a short area name
 */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 (program)';
    return 'native';
  }
  const workspace = /\/packages\/([^/]+)\/src\//.exec(url);
  if (workspace) return `@nines/${workspace[1] ?? ''}`;
  if (url.includes('/bench/src/')) return 'bench server module';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pnpm) return pnpm[1] ?? url;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (plain) return plain[1] ?? url;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** A summary: totals in ms and the two tables as Markdown. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly busyMs: number;
  readonly markdown: string;
}

/**
 * Summarise a profile.
 *
 * @param profile - parsed `.cpuprofile`
 * @param top - how many functions to list
 * @param requests - requests the process served, to show self time per request
 * @returns totals and Markdown tables
 */
export function summarise(profile: CpuProfile, top = 20, requests?: number): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  const inclusiveByArea = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (node === undefined) return;
    total += dt;
    const area = areaOf(node.callFrame);
    if (area === 'idle') idle += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/\.pnpm\/[^/]+\/node_modules\/|packages\/|bench\/)/, '')}:${lineNumber + 1}`;
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + dt);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor);
      if (frame === undefined) break;
      const a = areaOf(frame.callFrame);
      if (a === 'native' || seen.has(a)) continue;
      seen.add(a);
      inclusiveByArea.set(a, (inclusiveByArea.get(a) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const pct = (v: number): string => `${fmt((100 * v) / Math.max(busy, 1), 1)}%`;
  // Sample time is in µs: per request, µs of self time.
  const perRequest = (v: number): string[] =>
    requests === undefined || requests <= 0 ? [] : [fmt(v / requests, 2)];
  const perRequestHead = requests === undefined || requests <= 0 ? [] : ['Self µs per request'];
  const areas = [...selfByArea.entries()]
    .filter(([a, self]) => a !== 'idle' && self >= busy / 1000)
    .sort((a, b) => b[1] - a[1])
    .map(([a, self]) => [a, pct(self), ...perRequest(self), pct(inclusiveByArea.get(a) ?? self)]);
  const functions = [...selfByFunction.entries()]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, self]) => [`\`${k}\``, pct(self), ...perRequest(self)]);
  const markdown = [
    `Busy ${fmt(busy / 1000, 0)} ms of ${fmt(total / 1000, 0)} ms sampled (idle excluded from the shares; the profile ` +
      'covers the whole process, start-up included). Inclusive counts every sample with a frame of the area on ' +
      'the stack: a framework hook that calls `done()` synchronously carries the rest of the request under it, ' +
      "so for an adapter's own cost read the self column. Areas under 0.1% are left out." +
      (requests === undefined ? '' : ` Requests served by this process: ${fmt(requests)}.`),
    '',
    markdownTable(
      ['Area', 'Self', ...perRequestHead, 'Inclusive (any frame of the area on the stack)'],
      areas,
    ),
    '',
    markdownTable(['Function (self time)', 'Self', ...perRequestHead], functions),
  ].join('\n');
  return { totalMs: total / 1000, busyMs: busy / 1000, markdown };
}

/**
 * Read and summarise a `.cpuprofile` file.
 *
 * @param path - the file
 * @param requests - requests the process served, to show self time per request
 * @returns the summary
 */
export function summariseFile(path: string, requests?: number): ProfileSummary {
  return summarise(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, 20, requests);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of process.argv.slice(2)) {
    console.log(`#### ${file}\n\n${summariseFile(file).markdown}\n`);
  }
}
