/**
 * HTTP overhead benchmark (issue #4): the same `GET /api/users/:id` JSON route, bare framework
 * vs Nines vs its peers, in ONE run, alternating. Each configuration is a server child process
 * on 127.0.0.1 (servers/*.ts); the load generator is another process: wrk when installed
 * (`apt-get install -y wrk`), else autocannon in this process; or, with `--client inprocess`,
 * each server drives itself over in-memory sockets.
 *
 * Per round, per framework block (blocks alternate which goes first), per configuration in an
 * order rotated by the round: warm up, read the server's CPU time, measure, read it again.
 * Reported per configuration: median req/s; % of bare as the median of per-round ratios to
 * that round's bare, with a distribution-free interval of that median (stats.ts); p99; server
 * CPU µs per request. Then what each configuration's own registry recorded (proof that it
 * measured the traffic), and the hot-path micro benchmark (micro.ts) in its own process.
 *
 * Targets (issue #4): Express >= 97% of bare, Fastify >= 92%, hot path < 0.5 µs, and Nines
 * ahead of every peer.
 *
 * Run: pnpm --filter @nines/bench run bench:http [-- flags]
 *   --rounds 7 --duration 3 --warmup 2     rounds; measured and warm-up seconds per run
 *   --connections 50 --pipelining 1        load shape (wrk and inprocess: pipelining 1 only)
 *   --client wrk|autocannon|inprocess      load generator (default wrk if installed); inprocess:
 *                                          each server drives itself over in-memory sockets
 *                                          (servers/drive.ts), no TCP, no second process
 *   --only id,id                           configurations (configs.ts); default all twelve
 *   --reuse                                start each server once (default: a new process per
 *                                          round, so one process's JIT luck is not every round's)
 *   --profile id,id                        run those servers with --cpu-prof, summarise
 *   --nice=-10                             scheduling priority of servers, wrk and this process
 *   --no-pin                               don't pin (default with ≥ 2 CPUs: servers on the last
 *                                          CPU, wrk and this process on CPU 0, via taskset)
 *   --quiet-load 3                         first wait (≤ 15 min) for the 1-min load average < 3
 *   --max-minutes 8                        refuse a plan estimated longer than this
 *   --no-micro                             skip micro.ts;  --json file: raw samples
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmt, markdownTable, median } from '../harness.js';
import { ServerChild } from './child.js';
import { CONFIGURATIONS, TARGET_SHARE, type Configuration, type Framework } from './configs.js';
import { runLoad, type LoadClient, type LoadResult } from './load.js';
import { placeSelf, spawnPlaced, type Placement } from './placement.js';
import { summariseFile } from './profile.js';
import { medianInterval, type MedianInterval } from './stats.js';
import type { Verification } from './servers/common.js';

// `pnpm run bench:http -- --rounds 3` hands the `--` through: drop it.
const argv = process.argv.slice(2);
if (argv[0] === '--') argv.shift();
const { values: flags } = parseArgs({
  args: argv,
  options: {
    rounds: { type: 'string', default: '6' },
    duration: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    pipelining: { type: 'string', default: '1' },
    client: { type: 'string' },
    only: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'max-minutes': { type: 'string', default: '8' },
    'quiet-load': { type: 'string' },
    nice: { type: 'string' },
    'no-pin': { type: 'boolean', default: false },
    'no-micro': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
  allowPositionals: false,
});

/** wrk is the default when installed (`apt-get install -y wrk`): see docs/benchmarks.md. */
function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`--${name} must be a positive integer, got ${String(value)}`);
  return n;
}

const rounds = positiveInt('rounds', flags.rounds);
const durationSeconds = positiveInt('duration', flags.duration);
const warmupSeconds = positiveInt('warmup', flags.warmup);
const connections = positiveInt('connections', flags.connections);
const pipelining = positiveInt('pipelining', flags.pipelining);
const maxMinutes = positiveInt('max-minutes', flags['max-minutes']);
const clientFlag = flags.client ?? (hasWrk() ? 'wrk' : 'autocannon');
if (clientFlag !== 'autocannon' && clientFlag !== 'wrk' && clientFlag !== 'inprocess') {
  throw new RangeError(`--client must be wrk, autocannon or inprocess, got ${clientFlag}`);
}
const client: LoadClient = clientFlag;
if (client === 'inprocess' && pipelining !== 1) {
  throw new RangeError(
    '--pipelining: the in-process driver sends one request at a time per connection',
  );
}
const nice = flags.nice === undefined ? undefined : Number(flags.nice);
if (nice !== undefined && !(Number.isInteger(nice) && nice >= -20 && nice <= 19)) {
  throw new RangeError(`--nice must be an integer from -20 to 19, got ${String(flags.nice)}`);
}
const cpuCount = availableParallelism();
const pin =
  !flags['no-pin'] && cpuCount >= 2 && spawnSync('taskset', ['--version']).error === undefined;
/** Servers (and micro.ts) on the last CPU; the load generator and this process on CPU 0. */
const serverPlacement: Placement = {
  ...(nice === undefined ? {} : { nice }),
  ...(pin ? { cpu: cpuCount - 1 } : {}),
};
const loadPlacement: Placement = {
  ...(nice === undefined ? {} : { nice }),
  ...(pin ? { cpu: 0 } : {}),
};
placeSelf(loadPlacement);
const only = flags.only?.split(',').map((s) => s.trim());
const profiled = new Set(flags.profile?.split(',').map((s) => s.trim()) ?? []);
const unknown = [...(only ?? []), ...profiled].filter(
  (id) => !CONFIGURATIONS.some((c) => c.id === id),
);
if (unknown.length > 0) {
  throw new RangeError(
    `unknown configuration(s) ${unknown.join(', ')}; known: ${CONFIGURATIONS.map((c) => c.id).join(', ')}`,
  );
}
const selected = CONFIGURATIONS.filter((c) => only === undefined || only.includes(c.id));

const perRunSeconds = warmupSeconds + durationSeconds + 0.5;
const startSeconds = 2; // a server's start-up on a quiet machine (tsx, then the app)
const estimateSeconds =
  selected.length * rounds * (perRunSeconds + (flags.reuse ? 0 : startSeconds));
if (estimateSeconds > maxMinutes * 60) {
  throw new RangeError(
    `estimated ${fmt(estimateSeconds / 60, 1)} min exceeds --max-minutes ${maxMinutes}: lower --rounds/--duration or raise --max-minutes`,
  );
}
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** One measurement. */
interface Sample {
  readonly round: number;
  readonly id: string;
  readonly load: LoadResult;
  /** Server CPU µs (user + system) per completed request during the measurement. */
  readonly cpuUsPerRequest: number;
  /** 1-minute load average right after the measurement. */
  readonly load1: number;
}

const profileDir = join(tmpdir(), `nines-bench-http-profiles-${String(process.pid)}`);
const servers = new Map<string, ServerChild>();
const unavailable = new Map<string, string>();
const sent = new Map<string, number>();

async function start(config: Configuration): Promise<ServerChild | undefined> {
  const existing = servers.get(config.id);
  if (existing !== undefined) return existing;
  if (unavailable.has(config.id)) return undefined;
  const nodeArgs = profiled.has(config.id)
    ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, config.id)}`]
    : [];
  try {
    const server = await ServerChild.start(config.file, nodeArgs, serverPlacement);
    servers.set(config.id, server);
    return server;
  } catch (error) {
    if (config.kind !== 'nines') throw error;
    // The Nines adapters may not exist yet: run the peers and say so.
    const message = error instanceof Error ? error.message : String(error);
    unavailable.set(
      config.id,
      message.split('\n').find((l) => /Error|error/.test(l)) ?? message.slice(0, 300),
    );
    log(`  ${config.id}: unavailable, skipped (${unavailable.get(config.id) ?? ''})`);
    return undefined;
  }
}

interface ObjectiveCount {
  readonly id: string;
  readonly good: number;
  readonly total: number;
  readonly status: string;
}

/** What each configuration's instrumentation recorded, summed over its processes. */
const verifications = new Map<string, Verification>();

function objectivesOf(v: Verification | undefined): readonly ObjectiveCount[] | undefined {
  return (v?.extra as { objectives?: ObjectiveCount[] } | undefined)?.objectives;
}

function merge(before: Verification | undefined, now: Verification): Verification {
  if (before === undefined) return now;
  const previous = objectivesOf(before) ?? [];
  const objectives = objectivesOf(now)?.map((o) => {
    const p = previous.find((x) => x.id === o.id);
    return p === undefined ? o : { ...o, good: o.good + p.good, total: o.total + p.total };
  });
  return {
    recorded:
      now.recorded === null || before.recorded === null ? null : now.recorded + before.recorded,
    series: Math.max(now.series, before.series),
    sample: now.sample ?? before.sample,
    ...(objectives === undefined ? {} : { extra: { objectives } }),
  };
}

/** Read back what the server recorded (added to its configuration's totals), then stop it. */
async function verifyAndStop(id: string): Promise<void> {
  const server = servers.get(id);
  if (server === undefined) return;
  try {
    verifications.set(id, merge(verifications.get(id), await server.verify()));
  } catch (error) {
    log(`  verify ${id} failed: ${String(error)}`);
  }
  await stop(id);
}

async function stop(id: string): Promise<void> {
  const server = servers.get(id);
  servers.delete(id);
  await server?.stop();
}

async function measure(config: Configuration, round: number): Promise<Sample | undefined> {
  const server = await start(config);
  if (server === undefined) return undefined;
  const url = `http://127.0.0.1:${String(server.port)}/api/users/1`;
  const options = { connections, pipelining, placement: loadPlacement };
  const run = (seconds: number): Promise<LoadResult> =>
    client === 'inprocess'
      ? server.drive(seconds, connections)
      : runLoad(client, url, { ...options, durationSeconds: seconds });
  const warm = await run(warmupSeconds);
  const before = await server.cpu();
  const load = await run(durationSeconds);
  const after = await server.cpu();
  sent.set(config.id, (sent.get(config.id) ?? 0) + warm.requests + load.requests);
  const cpuUs = after.user + after.system - before.user - before.system;
  const sample: Sample = {
    round,
    id: config.id,
    load,
    cpuUsPerRequest: cpuUs / Math.max(load.requests, 1),
    load1: loadavg()[0] ?? 0,
  };
  log(
    `  round ${String(round + 1)} ${config.id.padEnd(30)} ${fmt(load.requestsPerSecond).padStart(7)} req/s  p99 ${fmt(load.p99Ms, 1).padStart(5)} ms  cpu ${fmt(sample.cpuUsPerRequest, 1)} µs/req${load.failures > 0 ? `  FAILURES ${String(load.failures)}` : ''}`,
  );
  return sample;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

const frameworks = (['express', 'fastify'] as const).filter((f) =>
  selected.some((c) => c.framework === f),
);
log(
  `HTTP overhead: ${String(selected.length)} configurations, ${String(rounds)} rounds, ${client}, ${String(connections)} connections, ` +
    `${String(warmupSeconds)} s warm-up + ${String(durationSeconds)} s; about ${fmt(estimateSeconds / 60, 1)} min`,
);

// Optionally wait (up to 15 min, not counted in --max-minutes) for other work on the machine
// to calm down: the 1-minute load average below --quiet-load.
if (flags['quiet-load'] !== undefined) {
  const limit = Number(flags['quiet-load']);
  if (!(limit > 0))
    throw new RangeError(`--quiet-load must be a positive number, got ${flags['quiet-load']}`);
  const giveUp = Date.now() + 15 * 60_000;
  while ((loadavg()[0] ?? 0) >= limit && Date.now() < giveUp) {
    log(`  waiting for load average ${fmt(loadavg()[0] ?? 0, 2)} < ${String(limit)}...`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}
const startedAt = new Date();
const loadBefore = loadavg();
const deadline = Date.now() + maxMinutes * 60_000 * 1.25;

const samples: Sample[] = [];
let roundsRun = 0;
try {
  // With --reuse, start every server up front (sequentially: start-up is CPU-heavy).
  if (flags.reuse) for (const config of selected) await start(config);
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && Date.now() > deadline) {
      log(`deadline reached after ${String(round)} rounds: stopping`);
      break;
    }
    const blocks = rotate(frameworks, round);
    for (const framework of blocks) {
      const block = selected.filter((c) => c.framework === framework);
      for (const config of rotate(block, round)) {
        const sample = await measure(config, round);
        if (sample !== undefined) samples.push(sample);
        if (!flags.reuse && !profiled.has(config.id)) await verifyAndStop(config.id);
      }
    }
    roundsRun++;
  }
} catch (error) {
  await Promise.all([...servers.keys()].map((id) => stop(id)));
  throw error;
}

for (const id of servers.keys()) await verifyAndStop(id);
await Promise.all([...servers.keys()].map((id) => stop(id)));
const loadAfter = loadavg();

// ---- Report -------------------------------------------------------------------------------

interface Row {
  readonly config: Configuration;
  readonly rps: number;
  readonly share: number | undefined;
  readonly shares: readonly number[];
  readonly p99: number;
  readonly cpu: number;
  /** Server CPU busy during the measurement, % of one core (all its threads). */
  readonly busy: number;
  readonly cpuOverBare: number | undefined;
  readonly n: number;
}

function rowsFor(framework: Framework): Row[] {
  const configs = selected.filter((c) => c.framework === framework && !unavailable.has(c.id));
  const bare = configs.find((c) => c.kind === 'bare');
  const sampleOf = (id: string, round: number): Sample | undefined =>
    samples.find((s) => s.id === id && s.round === round);
  return configs.map((config) => {
    const own = samples.filter((s) => s.id === config.id);
    const shares: number[] = [];
    const cpuDiffs: number[] = [];
    if (bare !== undefined) {
      for (const s of own) {
        const b = sampleOf(bare.id, s.round);
        if (b === undefined) continue;
        shares.push(s.load.requestsPerSecond / b.load.requestsPerSecond);
        cpuDiffs.push(s.cpuUsPerRequest - b.cpuUsPerRequest);
      }
    }
    return {
      config,
      rps: median(own.map((s) => s.load.requestsPerSecond)),
      share: shares.length > 0 ? median(shares) : undefined,
      shares,
      p99: median(own.map((s) => s.load.p99Ms)),
      cpu: median(own.map((s) => s.cpuUsPerRequest)),
      busy: median(own.map((s) => (s.cpuUsPerRequest * s.load.requestsPerSecond) / 10_000)),
      cpuOverBare: cpuDiffs.length > 0 ? median(cpuDiffs) : undefined,
      n: own.length,
    };
  });
}

const pct = (v: number | undefined): string => (v === undefined ? '—' : `${fmt(v * 100, 1)}%`);
const interval = (shares: readonly number[]): string => {
  const ci = medianInterval(shares);
  return `${pct(ci.low)} – ${pct(ci.high)} (${fmt(ci.coverage * 100, 1)}%)`;
};
const label = (c: Configuration): string =>
  profiled.has(c.id) ? `${c.label} (profiled: not comparable)` : c.label;

function verdict(ci: MedianInterval, target: number): string {
  if (ci.coverage < 0.7) return 'covers too little with so few rounds to conclude (use 3 or more)';
  if (ci.low >= target) return 'lies wholly above the target';
  if (ci.high < target) return 'lies wholly below the target';
  return 'straddles the target: not conclusive at this noise';
}

const out: string[] = [];
const clientName =
  client === 'wrk'
    ? `${/wrk \S+/.exec(spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout)?.[0] ?? 'wrk'} (1 thread), a separate process from the servers`
    : client === 'inprocess'
      ? 'the in-process driver (servers/drive.ts: in-memory sockets handed to each server, no TCP, inside the server process)'
      : 'autocannon 8.0.0 (in the orchestrator process), a separate process from the servers';
const loads = samples.map((s) => s.load1);
out.push(
  `Command: \`pnpm --filter @nines/bench run bench:http${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}\``,
  '',
  `Machine: ${String(cpuCount)} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${process.platform}/${process.arch}; ` +
    `started ${startedAt.toISOString()}; load average ${loadBefore.map((v) => fmt(v, 2)).join(' ')} before, ${loadAfter.map((v) => fmt(v, 2)).join(' ')} after; ` +
    `1-minute load average over the measurements ${fmt(Math.min(...loads), 2)} – ${fmt(Math.max(...loads), 2)} (median ${fmt(median(loads), 2)}): ` +
    'other processes share the cores, so compare figures within this run only.',
  '',
  `Load: ${clientName}, ${String(connections)} connections, ` +
    (client === 'inprocess'
      ? "`GET /api/users/1` over in-memory sockets, the driver on the server's CPU; per round"
      : `pipelining ${String(pipelining)}, \`GET /api/users/1\` on 127.0.0.1; per round`) +
    ` and configuration ${String(warmupSeconds)} s warm-up + ${String(durationSeconds)} s measured; ` +
    `${String(roundsRun)} rounds, configurations rotated each round, frameworks alternated; servers ${flags.reuse ? 'started once and reused' : 'a new process per round and configuration'}` +
    (nice === undefined
      ? ''
      : client === 'inprocess'
        ? `; servers and orchestrator at nice ${String(nice)}`
        : `; servers, load generator and orchestrator at nice ${String(nice)}`) +
    (!pin
      ? ''
      : client === 'inprocess'
        ? `; servers pinned to CPU ${String(cpuCount - 1)}, the orchestrator to CPU 0 (taskset)`
        : `; servers pinned to CPU ${String(cpuCount - 1)}, load generator and orchestrator to CPU 0 (taskset)`) +
    '.',
  '',
);

const targetLines: string[] = [];
for (const framework of frameworks) {
  const rows = rowsFor(framework);
  out.push(
    `#### ${framework === 'express' ? 'Express' : 'Fastify'}`,
    '',
    markdownTable(
      [
        'Configuration',
        'req/s (median)',
        '% of bare (median of per-round ratios)',
        '% of bare: interval of the median (coverage)',
        'p99 ms (median)',
        'server CPU µs/req (median)',
        'CPU µs/req over bare (median)',
        'server CPU busy, % of a core (median)',
      ],
      rows.map((r) => [
        label(r.config),
        fmt(r.rps),
        r.config.kind === 'bare' ? '100%' : pct(r.share),
        r.config.kind === 'bare' || r.shares.length === 0 ? '—' : interval(r.shares),
        fmt(r.p99, 1),
        fmt(r.cpu, 1),
        r.config.kind === 'bare' || r.cpuOverBare === undefined
          ? '—'
          : `${r.cpuOverBare >= 0 ? '+' : ''}${fmt(r.cpuOverBare, 1)}`,
        `${fmt(r.busy)}%`,
      ]),
    ),
    '',
    'Per round, req/s:',
    '',
    markdownTable(
      ['Configuration', ...Array.from({ length: roundsRun }, (_, i) => `round ${String(i + 1)}`)],
      rows.map((r) => [
        r.config.id,
        ...Array.from({ length: roundsRun }, (_, i) => {
          const s = samples.find((x) => x.id === r.config.id && x.round === i);
          return s === undefined ? '—' : fmt(s.load.requestsPerSecond);
        }),
      ]),
    ),
    '',
  );
  const ninesRows = rows.filter((r) => r.config.kind === 'nines');
  const peers = rows.filter((r) => r.config.kind === 'peer');
  if (ninesRows.length === 0) {
    const missing = selected.find((c) => c.framework === framework && c.kind === 'nines');
    if (missing !== undefined) {
      targetLines.push(
        `- ${framework}: Nines not measured (${unavailable.get(missing.id) ?? 'not selected'}).`,
      );
    }
    continue;
  }
  const target = TARGET_SHARE[framework];
  for (const nines of ninesRows) {
    targetLines.push(
      nines.share === undefined
        ? `- ${nines.config.id} >= ${fmt(target * 100)}% of bare: not measured (no bare in this run).`
        : `- ${nines.config.id} >= ${fmt(target * 100)}% of bare: ${nines.share >= target ? 'met' : 'MISSED'} by the median (${pct(nines.share)}); ` +
            `interval ${interval(nines.shares)} ${verdict(medianInterval(nines.shares), target)}.`,
    );
    for (const peer of peers) {
      const wins = samples.filter((mine) => {
        if (mine.id !== nines.config.id) return false;
        const theirs = samples.find((s) => s.id === peer.config.id && s.round === mine.round);
        return theirs !== undefined && mine.load.requestsPerSecond > theirs.load.requestsPerSecond;
      }).length;
      targetLines.push(
        `- ${nines.config.id} ahead of ${peer.config.id}: ${nines.rps > peer.rps ? 'yes' : 'NO'} (median ${fmt(nines.rps)} vs ${fmt(peer.rps)} req/s; ahead in ${String(wins)} of ${String(roundsRun)} rounds; CPU ${fmt(nines.cpu, 1)} vs ${fmt(peer.cpu, 1)} µs/req).`,
      );
    }
  }
}

if (unavailable.size > 0) {
  out.push(
    `Not measured: ${[...unavailable.entries()].map(([id, why]) => `${id} (${why})`).join('; ')}.`,
    '',
  );
}

out.push(
  '#### Verification: what each configuration recorded',
  '',
  markdownTable(
    [
      'Configuration',
      'requests completed (load generator, all runs)',
      'recorded by its instrumentation',
      'series',
      'sample exported line (last process)',
    ],
    selected
      .filter((c) => verifications.has(c.id))
      .map((c) => {
        const v = verifications.get(c.id);
        return [
          c.id,
          fmt(sent.get(c.id) ?? 0),
          v?.recorded === null || v === undefined ? '— (records nothing)' : fmt(v.recorded),
          String(v?.series ?? 0),
          v?.sample === null || v === undefined ? '—' : `\`${v.sample.replaceAll('|', '\\|')}\``,
        ];
      }),
  ),
  '',
  'Recorded counts slightly above the completed requests are the requests still in flight when a load run stopped.',
  '',
);
for (const [id, v] of verifications) {
  const objectives = objectivesOf(v);
  if (objectives === undefined) continue;
  out.push(
    `In-process objectives of ${id}, summed over its server processes (each read before it stopped): ${objectives
      .map((o) => `${o.id} ${fmt(o.good)} good of ${fmt(o.total)} (${o.status})`)
      .join('; ')}.`,
    '',
  );
}

if (profiled.size > 0) {
  for (const id of profiled) {
    const dir = join(profileDir, id);
    let files: string[];
    try {
      // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's
      // module-loader worker writes its own profile, irrelevant here).
      files = readdirSync(dir).filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    } catch {
      files = [];
    }
    for (const file of files) {
      out.push(
        `#### Profile of ${id} (\`${join(dir, file)}\`)`,
        '',
        summariseFile(join(dir, file), sent.get(id)).markdown,
        '',
      );
    }
  }
}

if (!flags['no-micro']) {
  log('micro benchmark (micro.ts) in its own process...');
  const micro = await new Promise<string>((resolve, reject) => {
    const child = spawnPlaced(
      process.execPath,
      [...process.execArgv, fileURLToPath(new URL('./micro.ts', import.meta.url))],
      { stdio: ['ignore', 'pipe', 'inherit'] },
      serverPlacement,
    );
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(text);
      else reject(new Error(`micro.ts exited ${String(code)}`));
    });
  });
  out.push(micro.trim(), '');
}

if (targetLines.length > 0) out.push('#### Targets (issue #4)', '', ...targetLines, '');

if (flags.json !== undefined) {
  mkdirSync(join(flags.json, '..'), { recursive: true });
  writeFileSync(
    flags.json,
    JSON.stringify(
      {
        startedAt,
        flags,
        samples,
        verifications: Object.fromEntries(verifications),
        unavailable: Object.fromEntries(unavailable),
      },
      null,
      2,
    ),
  );
}

console.log(out.join('\n'));
