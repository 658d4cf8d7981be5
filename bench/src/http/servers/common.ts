/**
 * What every benchmark server child shares: the route, the port report and a tiny control
 * protocol on stdin/stdout, one JSON object per line.
 *
 * - stdout, first line: `{"port": 43123}` once listening on 127.0.0.1 (port 0: the OS picks).
 * - stdin `cpu` → `{"cpu": {"user": µs, "system": µs}}` (process.cpuUsage, for CPU per request).
 * - stdin `verify` → `{"verify": Verification}`: what the configuration's instrumentation
 *   recorded, so the run proves each contender really measured the traffic it was sent.
 * - stdin `drive <seconds> <connections>` → `{"drive": DriveResult}`: load from the in-process
 *   generator (drive.ts) on `/api/users/1`.
 * - stdin `exit` → closes and exits 0 (so `--cpu-prof` writes its profile).
 *
 * This file must not import a framework nor `node:http`: the instrumentation-http servers
 * register their instrumentation before the framework is loaded.
 */
import { createInterface } from 'node:readline';
import { drive, type ConnectionSink } from './drive.js';

/** The benchmarked route, registered the same way by every configuration. */
export const ROUTE = '/api/users/:id';

/** The small JSON every configuration answers with. */
export function user(id: string): { id: string; name: string; active: boolean } {
  return { id, name: `user ${id}`, active: true };
}

/** What a configuration recorded for the benchmark route, read back from its own registry. */
export interface Verification {
  /** Requests recorded on the duration metric (histogram count), or `null` for bare. */
  readonly recorded: number | null;
  /** Series of the duration metric. */
  readonly series: number;
  /** One exported line, e.g. a Prometheus `_count` line, showing names and labels. */
  readonly sample: string | null;
  /** Anything else worth showing (objective status for Nines). */
  readonly extra?: unknown;
}

/** A listening server the control protocol can stop. */
export interface Started {
  readonly port: number;
  /** The configuration's `http.Server`, which `drive` hands in-memory connections to. */
  readonly server: ConnectionSink;
  readonly close: () => Promise<void>;
}

function write(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/**
 * Report the port and answer the control protocol until `exit` or stdin closes.
 *
 * @param started - the listening server
 * @param verify - reads back what the instrumentation recorded
 */
export function serve(started: Started, verify: () => Promise<Verification>): void {
  write({ port: started.port });
  const lines = createInterface({ input: process.stdin });
  let closing = false;
  const exit = (): void => {
    if (closing) return;
    closing = true;
    lines.close();
    void started.close().finally(() => process.exit(0));
  };
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'cpu') {
      const { user: u, system } = process.cpuUsage();
      write({ cpu: { user: u, system } });
    } else if (command === 'verify') {
      verify().then(
        (v) => {
          write({ verify: v });
        },
        (error: unknown) => {
          write({ error: String(error) });
        },
      );
    } else if (command.startsWith('drive ')) {
      const [, seconds, connections] = command.split(' ');
      void drive(started.server, '/api/users/1', Number(seconds), Number(connections)).then(
        (result) => {
          write({ drive: result });
        },
      );
    } else if (command === 'exit') {
      exit();
    }
  });
  lines.on('close', exit);
}

/** `verify` for configurations with no instrumentation. */
export function nothingRecorded(): Promise<Verification> {
  return Promise.resolve({ recorded: null, series: 0, sample: null });
}

/**
 * Sum the `_count` lines of one metric family in Prometheus exposition text.
 *
 * @param text - exposition text
 * @param family - metric name without suffix, e.g. `http_server_request_duration`
 * @returns the requests recorded, the number of series and the first `_count` line
 */
export function countFromExposition(text: string, family: string): Verification {
  let recorded = 0;
  let series = 0;
  let sample: string | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${family}_count`)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) recorded += value;
    series++;
    sample ??= line;
  }
  return { recorded, series, sample };
}
