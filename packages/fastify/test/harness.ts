/**
 * Shared test support: both Fastify majors, a pull reader on a real MeterProvider, and the
 * collected `http.server.request.duration` points reduced to comparable rows.
 */
import { captureDiag as captureOtelDiag } from '../../otel/test/diag.js';
import net, { type AddressInfo } from 'node:net';
import { diag, type Attributes } from '@opentelemetry/api';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
  type Histogram,
  type MetricData,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import Fastify5, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import Fastify4 from 'fastify4';

/** One Fastify major under test. */
export interface FastifyVersion {
  readonly name: string;
  readonly major: 4 | 5;
  /** Typed as Fastify 5's factory; v4's instance has the same surface for what we use. */
  readonly create: (options?: FastifyServerOptions) => FastifyInstance;
}

/** Every suite runs against both (REFERENCE.md §5.8; issue 4: Fastify 4 and 5). */
export const FASTIFY_VERSIONS: readonly FastifyVersion[] = [
  { name: 'fastify 5', major: 5, create: (options) => Fastify5(options) },
  {
    name: 'fastify 4',
    major: 4,
    create: (options) => Fastify4(options as never) as unknown as FastifyInstance,
  },
];

/** A reader that exports nothing and is read with `collect()` (REFERENCE.md §5.5 pull reading). */
export class PullReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** A fresh MeterProvider with a pull reader. */
export function meterSetup(views: ViewOptions[] = []): {
  provider: MeterProvider;
  reader: PullReader;
} {
  const reader = new PullReader();
  const provider = new MeterProvider({ readers: [reader], views });
  return { provider, reader };
}

/** All metrics of one collection. */
export async function collectMetrics(reader: MetricReader): Promise<MetricData[]> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new AggregateError(errors, 'collection errors');
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

/** One duration series as the tests compare it. */
export interface DurationRow {
  readonly attributes: Attributes;
  readonly count: number;
  readonly sum: number;
}

/** The duration metric's descriptor and points. */
export async function durationMetric(
  reader: MetricReader,
): Promise<{ metric: MetricData | undefined; rows: DurationRow[] }> {
  const metric = (await collectMetrics(reader)).find(
    (one) => one.descriptor.name === 'http.server.request.duration',
  );
  const points = (metric?.dataPoints ?? []) as DataPoint<Histogram>[];
  const rows = points.map((point) => ({
    attributes: point.attributes,
    count: point.value.count,
    sum: point.value.sum ?? 0,
  }));
  rows.sort((a, b) => key(a.attributes).localeCompare(key(b.attributes)));
  return { metric, rows };
}

/** The duration series' attribute sets with their counts, sorted (exact comparison). */
export async function durationCounts(
  reader: MetricReader,
): Promise<{ attributes: Attributes; count: number }[]> {
  const { rows } = await durationMetric(reader);
  return rows.map(({ attributes, count }) => ({ attributes, count }));
}

/**
 * Asserts the duration series equal `expected` exactly (attribute sets and counts), in any order.
 */
export async function expectSeries(
  reader: MetricReader,
  expected: { attributes: Attributes; count: number }[],
): Promise<void> {
  const { expect } = await import('vitest');
  const sort = (rows: { attributes: Attributes; count: number }[]) =>
    [...rows].sort((a, b) => key(a.attributes).localeCompare(key(b.attributes)));
  expect(await durationCounts(reader)).toEqual(sort(expected));
}

function key(attributes: Attributes): string {
  return JSON.stringify(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

/** The attributes a request gets, written out (semconv names, REFERENCE.md §5.3). */
export function attrs(
  method: string,
  status: number | undefined,
  extra: { route?: string; errorType?: string; scheme?: string; version?: string } = {},
): Attributes {
  const out: Attributes = {
    'http.request.method': method,
    'url.scheme': extra.scheme ?? 'http',
    'network.protocol.version': extra.version ?? '1.1',
  };
  if (status !== undefined) out['http.response.status_code'] = status;
  if (extra.route !== undefined) out['http.route'] = extra.route;
  if (extra.errorType !== undefined) out['error.type'] = extra.errorType;
  return out;
}

/** Listen on loopback, port 0; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Sends requests over a few keep-alive sockets, pipelined in batches, and waits for every
 * response: a raw HTTP/1.1 client fast enough for 100,000 requests in seconds on a shared
 * machine (an `http.Agent` is several times slower). Counts status lines only, so response
 * bodies must not contain `HTTP/1.1 `; no request bodies; `CONNECT` is not HTTP traffic here.
 *
 * @param base - `http://127.0.0.1:<port>`
 * @param requests - `[method, path]` pairs, in order
 * @returns the status codes seen, in order per socket
 */
export async function pipelined(
  base: string,
  requests: readonly (readonly [string, string])[],
  { sockets = 8, batch = 100 } = {},
): Promise<number[]> {
  const port = Number(new URL(base).port);
  const statuses: number[] = [];
  let next = 0;
  const run = async (): Promise<void> => {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const one = net.connect(port, '127.0.0.1', () => {
        resolve(one);
      });
      one.once('error', reject);
    });
    try {
      while (next < requests.length) {
        const from = next;
        next = Math.min(requests.length, next + batch);
        let out = '';
        for (let i = from; i < next; i++) {
          const [method, path] = requests[i] ?? ['GET', '/'];
          out += `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
        }
        await new Promise<void>((resolve, reject) => {
          const want = next - from;
          let seen = 0;
          let tail = '';
          const onData = (chunk: Buffer): void => {
            const text = tail + chunk.toString('latin1');
            let lastEnd = 0;
            for (const match of text.matchAll(/HTTP\/1\.1 (\d{3}) /g)) {
              statuses.push(Number(match[1]));
              seen++;
              lastEnd = match.index + match[0].length;
            }
            // A status line cut by the chunk boundary is shorter than 13 characters.
            tail = text.slice(Math.max(lastEnd, text.length - 12));
            if (seen >= want) {
              socket.off('data', onData);
              socket.off('error', reject);
              resolve();
            }
          };
          socket.on('data', onData);
          socket.on('error', reject);
          socket.write(out);
        });
      }
    } finally {
      socket.destroy();
    }
  };
  await Promise.all(Array.from({ length: sockets }, run));
  return statuses;
}

/** Poll `check` until it is true (the server records after the client saw the end). */
export async function until(check: () => boolean | Promise<boolean>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Captures `diag` output at WARN and above (`@nines/otel`'s test helper, as `"<level> <message>"`
 * lines); call the returned `stop` to detach.
 */
export function captureDiag(): { lines: string[]; stop: () => void } {
  return {
    lines: captureOtelDiag(),
    stop: () => {
      diag.disable();
    },
  };
}
