/**
 * Shared test harness: both Express majors, a real MeterProvider with a pull reader, real
 * servers on 127.0.0.1, and a Nines wrapper that tells when a request was recorded.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Attributes } from '@opentelemetry/api';
import {
  DataPointType,
  MeterProvider,
  MetricReader,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import express5 from 'express';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import express4 from 'express4';
import { METRIC_HTTP_SERVER_REQUEST_DURATION, type Nines, type RequestEnd } from '@nines/otel';

/** The Express factory as both majors expose it (typed with @types/express 5). */
export type ExpressFactory = typeof express5;

/** Both majors, for `describe.each`. */
export const EXPRESS_VERSIONS: readonly { name: string; major: 4 | 5; express: ExpressFactory }[] =
  [
    { name: 'express 4.22', major: 4, express: express4 },
    { name: 'express 5.3', major: 5, express: express5 },
  ];

/** A pull reader: `collect()` on demand, as a Prometheus scrape would. */
export class PullReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }

  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** One histogram point, flattened for exact comparisons. */
export interface DurationPoint {
  /** Name of the instrumentation scope (meter) that exported the point. */
  readonly scope: string;
  readonly attributes: Attributes;
  readonly count: number;
  readonly sum: number;
}

/** A MeterProvider with a pull reader, and readers for what it collected. */
export interface MeterHarness {
  readonly provider: MeterProvider;
  readonly reader: PullReader;
  /** Points of a histogram (default the request duration), in export order. */
  points(name?: string): Promise<DurationPoint[]>;
  /** Names of every metric collected. */
  metricNames(): Promise<string[]>;
}

/**
 * @param views - views for the provider (e.g. a cardinality limit)
 * @returns a provider and a reader over it
 */
export function meterHarness(views: ViewOptions[] = []): MeterHarness {
  const reader = new PullReader();
  const provider = new MeterProvider({ readers: [reader], views });
  return {
    provider,
    reader,
    async points(name = METRIC_HTTP_SERVER_REQUEST_DURATION) {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw new AggregateError(errors, 'collection failed');
      const out: DurationPoint[] = [];
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) {
          if (metric.descriptor.name !== name) continue;
          if (metric.dataPointType !== DataPointType.HISTOGRAM) throw new Error('not a histogram');
          for (const point of metric.dataPoints) {
            out.push({
              scope: scope.scope.name,
              attributes: point.attributes,
              count: point.value.count,
              sum: point.value.sum ?? 0,
            });
          }
        }
      }
      return out;
    },
    async metricNames() {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.flatMap((scope) =>
        scope.metrics.map((metric) => metric.descriptor.name),
      );
    },
  };
}

/** A Nines that counts finished requests and keeps what the adapter passed. */
export interface WatchedNines extends Nines {
  /** Every `RequestEnd` the adapter passed, copied. */
  readonly ends: RequestEnd[];
  /** Resolves once `count` requests were recorded in total (fails after 5 s). */
  recorded(count: number): Promise<void>;
}

/**
 * Wraps a Nines so tests can wait for the `close` listener (it runs after the client got its
 * response) and see exactly what the adapter passed.
 *
 * @param nines - the real Nines
 * @returns the wrapper, recording into `nines` as well
 */
export function watch(nines: Nines): WatchedNines {
  const ends: RequestEnd[] = [];
  return {
    ...nines,
    ends,
    requestEnded(start: number, end: RequestEnd): void {
      ends.push({ ...end });
      nines.requestEnded(start, end);
    },
    async recorded(count: number): Promise<void> {
      await eventually(() => {
        if (ends.length < count) throw new Error(`recorded ${ends.length} of ${count} requests`);
      });
    },
  };
}

/**
 * Retries `check` until it stops throwing.
 *
 * @param check - throws while the condition does not hold
 * @param timeoutMs - how long to retry
 */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(5);
    }
  }
}

/** A listening server and its base URL. */
export interface Listening {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on an ephemeral port on 127.0.0.1.
 *
 * @param app - an Express app (or any request listener)
 * @returns the server, its URL and a close that also drops keep-alive connections
 */
export async function listen(app: { listen: ExpressApp['listen'] }): Promise<Listening> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

type ExpressApp = ReturnType<ExpressFactory>;

/**
 * Fetches and reads the whole body.
 *
 * @returns status and body text
 */
export async function get(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text() };
}

/** An attribute set and how many requests it counted. */
export interface SeriesCount {
  readonly attributes: Attributes;
  readonly count: number;
}

/** Sorted attribute sets with counts, for exact comparison regardless of export order. */
export function bySeries(points: readonly SeriesCount[]): SeriesCount[] {
  const key = (attributes: Attributes): string =>
    JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)));
  return points
    .map((point) => ({ attributes: point.attributes, count: point.count }))
    .sort((a, b) => (key(a.attributes) < key(b.attributes) ? -1 : 1));
}

/**
 * An Express error handler (Express tells them by their four parameters) from a callback that
 * may ignore `next`.
 *
 * @param handle - what to do with the error
 * @returns a four-parameter handler
 */
export function errorHandler(
  handle: (error: unknown, req: Request, res: Response, next: NextFunction) => void,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    handle(error, req, res, next);
  };
}
