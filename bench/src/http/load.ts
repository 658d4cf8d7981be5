/**
 * Load generators over TCP. Both run outside the server process: autocannon in the
 * orchestrator's process (a library call), wrk as its own process. (`--client inprocess` is
 * servers/drive.ts, inside the server.) Each run is bounded by its duration and
 * only ever targets 127.0.0.1.
 */
import { spawnPlaced, type Placement } from './placement.js';

/**
 * Which load generator drives the servers: autocannon or wrk over loopback TCP, or `inprocess`,
 * the server's own in-memory driver (servers/drive.ts, run through `ServerChild.drive`).
 */
export type LoadClient = 'autocannon' | 'wrk' | 'inprocess';

/** One load run's settings. */
export interface LoadOptions {
  readonly connections: number;
  readonly pipelining: number;
  readonly durationSeconds: number;
  /** Priority and CPU of a wrk process (autocannon runs in the caller's process). */
  readonly placement?: Placement;
}

/** One load run's outcome. */
export interface LoadResult {
  /** Completed requests. */
  readonly requests: number;
  /** Completed requests per second over the run. */
  readonly requestsPerSecond: number;
  /** 99th percentile latency, ms. */
  readonly p99Ms: number;
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  readonly failures: number;
}

/** The part of autocannon's result read here (autocannon ships no types). */
interface AutocannonResult {
  readonly duration: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly requests: { readonly total: number };
  readonly latency: { readonly p99: number };
}

type Autocannon = (options: {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
}) => Promise<AutocannonResult>;

let autocannonModule: Autocannon | undefined;

async function loadAutocannon(): Promise<Autocannon> {
  if (autocannonModule === undefined) {
    // Computed specifier: autocannon ships no types; the slice above is all we read.
    const specifier = 'autocannon';
    autocannonModule = ((await import(specifier)) as { default: Autocannon }).default;
  }
  return autocannonModule;
}

function assertLoopback(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1')
    throw new Error(`load only targets 127.0.0.1, got ${url}`);
}

async function runAutocannon(url: string, options: LoadOptions): Promise<LoadResult> {
  const autocannon = await loadAutocannon();
  const result = await autocannon({
    url,
    connections: options.connections,
    pipelining: options.pipelining,
    duration: options.durationSeconds,
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/**
 * Parse wrk's `--latency` report.
 *
 * @param text - wrk's stdout
 * @returns the run's outcome
 * @throws Error when a figure is missing
 */
export function parseWrk(text: string): LoadResult {
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m),/.exec(text);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(text);
  if (total === null || p99 === null) throw new Error(`unexpected wrk output:\n${text}`);
  const requests = Number(total[1]);
  const seconds = (Number(total[2]) * (UNIT_MS[total[3] ?? 's'] ?? 1000)) / 1000;
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors = socket === null ? 0 : socket.slice(1).reduce((sum, v) => sum + Number(v), 0);
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p99Ms: Number(p99[1]) * (UNIT_MS[p99[2] ?? 'ms'] ?? 1),
    failures: Number(non2xx?.[1] ?? 0) + socketErrors,
  };
}

function runWrk(url: string, options: LoadOptions): Promise<LoadResult> {
  if (options.pipelining !== 1)
    throw new Error('wrk is run without pipelining (use autocannon for it)');
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    '--latency',
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawnPlaced(
      'wrk',
      args,
      { stdio: ['ignore', 'pipe', 'pipe'] },
      options.placement,
    );
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`wrk exited ${String(code)}: ${err}`));
        return;
      }
      try {
        resolve(parseWrk(out));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/**
 * Drive `url` for `options.durationSeconds` with the chosen generator.
 *
 * @param client - load generator
 * @param url - a 127.0.0.1 URL
 * @param options - connections, pipelining, duration
 * @returns the run's outcome
 * @throws Error for a non-loopback URL or a failed generator
 */
export function runLoad(
  client: Exclude<LoadClient, 'inprocess'>,
  url: string,
  options: LoadOptions,
): Promise<LoadResult> {
  assertLoopback(url);
  return client === 'wrk' ? runWrk(url, options) : runAutocannon(url, options);
}
