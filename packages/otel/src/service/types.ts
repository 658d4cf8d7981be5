/**
 * The contract between @nines/otel's service layer and the framework adapters
 * (@nines/express, @nines/fastify). An adapter holds only what its framework forces on it:
 * when a request starts and ends, its route template, status, error and scheme. Everything
 * else (timing, error classification, metrics, SLO feeding, coexistence with
 * instrumentation-http, the status endpoint) lives here, once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MeterProvider } from '@opentelemetry/api';
import type { MetricProducer } from '@opentelemetry/sdk-metrics';
import type {
  AlertEvent,
  EvaluationReport,
  EventsHandle,
  Evaluator,
  Objective,
  ObjectiveInput,
  ObjectiveStatus,
} from '@nines/core';
import type { HttpMetrics } from '../http/recorder.js';
import type { HttpMetricsOptions } from '../http/options.js';

/**
 * What to do when `@opentelemetry/instrumentation-http` is also active (detected per request
 * through its RPC metadata on the active context in `requestStarted`, which it sets before any
handler runs; `requestEnded` then finds it again to set the route): `enrich`
 * (default) sets its `route` to our template and does not export a second duration series
 * (REFERENCE.md §5.6: the two would be double-counted), while our SLOs are still fed; `record`
 * sets its route too and exports ours anyway; `ignore` leaves its metadata alone and exports
 * ours.
 *
 * instrumentation-http reads the route in the response's `close` listener, which it adds before
 * any handler runs: call `requestEnded` from a listener that runs before it (`finish`, or a
 * `close` listener added with `prependListener`) for the route to reach its series.
 */
export type InstrumentationHttpMode = 'enrich' | 'record' | 'ignore';

/** Options of {@link createNines}. */
export interface NinesOptions extends Omit<HttpMetricsOptions, 'meterProvider' | 'listeners'> {
  /** Objectives evaluated in-process (validated with `defineObjective` when given as input). */
  readonly objectives?: readonly (Objective | ObjectiveInput)[];
  /** Meter provider for the metrics and gauges; default the global one. */
  readonly meterProvider?: MeterProvider;
  /** See {@link InstrumentationHttpMode}; default `enrich`. */
  readonly instrumentationHttp?: InstrumentationHttpMode;
  /**
   * Route templates kept out of every objective (still in metrics unless `excludeFromMetrics`),
   * e.g. `['/metrics', '/health']` (REFERENCE.md §11.1 #21).
   */
  readonly excludeRoutes?: readonly (string | RegExp)[];
  /** Also leave `excludeRoutes` out of the metrics. Default false. */
  readonly excludeFromMetrics?: boolean;
  /** Called on every alert transition (pending, firing, resolved) with tier and window pair. */
  readonly onAlert?: (event: AlertEvent) => void;
  /** Flush interval of the evaluator's counters, ms (default 1000). */
  readonly tickIntervalMs?: number;
  /** Evaluation interval, ms (default 10000). */
  readonly evaluateIntervalMs?: number;
  /**
   * File the evaluator state is saved to (on an interval and at `shutdown()`) and restored
   * from at start, so a restart keeps the 30-day budget.
   */
  readonly statePath?: string;
  /** Save interval for `statePath`, ms (default 60000). */
  readonly saveIntervalMs?: number;
  /** Clock, epoch ms (default `Date.now`); tests inject one. */
  readonly clock?: () => number;
  /** Don't start timers (tests drive `tick`/`evaluate` by hand). Default false. */
  readonly manualTimers?: boolean;
  /**
   * The service name reported by the status endpoint. Default: the objectives' `service` when
   * they all share one, else `undefined`. (Gauges carry each objective's own `service`.)
   */
  readonly service?: string;
}

/**
 * Everything an adapter passes when a request ends. Adapters reuse one object per request (or
 * per adapter) rather than allocating.
 */
export interface RequestEnd {
  /** Route template, or `undefined` when no route matched (never the raw path). */
  route: string | undefined;
  /** Request method as received (normalised here). */
  method: string;
  /** Response status sent, or `undefined` when none was sent (client aborted first). */
  status: number | undefined;
  /** The exception, if the request failed with one (its class name becomes `error.type`). */
  error: unknown;
  /** `aborted` when the client went away, `timeout` when the server timed out. */
  failure: 'aborted' | 'timeout' | undefined;
  /** `http` or `https` (after the framework's trust-proxy rules). */
  scheme: string;
  /** `req.httpVersion` as Node gives it (`1.1`, `2.0`); normalised here (`2`). */
  httpVersion: string;
  /** Request body bytes when known; recorded only with `bodySizes: true`. */
  requestBodySize?: number | undefined;
  /** Response body bytes when known; recorded only with `bodySizes: true`. */
  responseBodySize?: number | undefined;
  /**
   * `server.address` (from the Host header); used only with `serverAttributes: true`. Pass the
   * same value to {@link Nines.requestStarted} so the active-request count matches.
   */
  serverAddress?: string | undefined;
  /** `server.port`; used only with `serverAttributes: true` (see `serverAddress`). */
  serverPort?: number | undefined;
}

/**
 * One objective in the status endpoint's JSON: the evaluator's {@link ObjectiveStatus} plus
 * what a reader needs to make sense of it without the code.
 */
export interface ObjectiveStatusEntry extends ObjectiveStatus {
  /** Human name of the objective. */
  readonly name: string;
  /** The objective's service. */
  readonly service: string;
  /** Target as a fraction (`0.999`), exact as written. */
  readonly target: number;
}

/**
 * The status endpoint's JSON (documented in the @nines/otel README). `nines gate --status URL`
 * reads `objectives[].id` and `objectives[].budget.remaining`.
 */
export interface StatusPayload {
  /** See {@link NinesOptions.service}; omitted from the JSON when `undefined`. */
  readonly service: string | undefined;
  /** Time of the evaluation the figures come from, epoch ms. */
  readonly at: number;
  /** One entry per evaluated objective, in the order given. */
  readonly objectives: readonly ObjectiveStatusEntry[];
}

/**
 * One process's Nines: metrics, in-process SLOs and the status endpoint. Create it with
 * `createNines` and share it between the apps of a process.
 *
 * @example
 * ```ts
 * const nines = createNines({ objectives, statePath: './slo-state.json' });
 * http.createServer((req, res) => {
 *   if (req.url === '/slo') return nines.statusHandler(req, res);
 *   const start = nines.requestStarted(req.method ?? 'GET', 'http');
 *   res.prependListener('close', () => {
 *     nines.requestEnded(start, {
 *       route: undefined, method: req.method ?? 'GET',
 *       status: res.headersSent ? res.statusCode : undefined, error: undefined,
 *       failure: res.writableFinished ? undefined : 'aborted', scheme: 'http',
 *       httpVersion: req.httpVersion,
 *     });
 *   });
 *   res.end('ok');
 * });
 * await nines.track('nightly-export', () => runExport());
 * ```
 */
export interface Nines {
  /** The HTTP metrics recorder (see `createHttpMetrics`). */
  readonly metrics: HttpMetrics;
  /** The evaluator, or `undefined` without objectives. */
  readonly evaluator: Evaluator | undefined;
  /**
   * The objectives evaluated in-process, validated (`promql` objectives are left to the fleet
   * path and are not here).
   */
  readonly objectives: readonly Objective[];
  /**
   * `export: 'producer'` only: the producer to hand to your reader
   * (`metricProducers: [nines.metricProducer]`), yielding the HTTP metrics and the SLO gauges
   * and event counter. Use it instead of `metrics.metricProducer`, not with it.
   */
  readonly metricProducer: MetricProducer | undefined;
  /**
   * Start timing a request; returns an opaque start mark (a number: no allocation). Also
   * counts an active request when `activeRequests` is on.
   *
   * The mark is `performance.now()`, negated when instrumentation-http's metadata was on the
   * active context at the start: pass it back to {@link Nines.requestEnded} untouched and do
   * no arithmetic on it.
   */
  requestStarted(
    method: string,
    scheme: string,
    serverAddress?: string,
    serverPort?: number,
  ): number;
  /**
   * A request ended: classify it (error.type rules of REFERENCE.md §5.3 and §11.1), record the
   * duration and feed the objectives. Never throws; faults go to OpenTelemetry's `diag`.
   */
  requestEnded(start: number, end: RequestEnd): void;
  /**
   * Custom SLI: the events handle of an `events` objective (look it up once, keep it). Each
   * event counts into the evaluator and into the `nines.sli.events` counter alike; input the
   * evaluator drops as invalid (negative, NaN, `good > total`) is counted in neither.
   *
   * @throws NinesError `UNKNOWN_OBJECTIVE` for an id not configured; `INVALID_ARGUMENT` for an
   *   HTTP objective (those are fed from the HTTP metrics)
   */
  events(objectiveId: string): EventsHandle;
  /**
   * Custom SLI: run `fn`, counting a good event when it returns or resolves and a bad one when
   * it throws or rejects (the error is rethrown, unchanged). Rejects without running `fn` for an
   * id {@link Nines.events} refuses.
   */
  track<T>(objectiveId: string, fn: () => T | Promise<T>): Promise<T>;
  /**
   * Evaluate now (also runs on the interval); `undefined` without objectives. Never throws: a
   * failing evaluation (a clock gone non-finite) is reported through `diag`.
   */
  evaluate(): EvaluationReport | undefined;
  /**
   * The status endpoint's payload: the figures of the last evaluation (one is run first when
   * none has been yet).
   */
  status(): StatusPayload;
  /**
   * A plain Node handler serving {@link status} as JSON (`GET`; others 405), mountable by any
   * adapter, e.g. at `/slo`.
   */
  statusHandler(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Save the evaluator state to `statePath` now (also runs on `saveIntervalMs` and at
   * `shutdown()`); resolves when the file is in place. Never rejects: a failure is reported
   * through `diag`. Without `statePath` or objectives it does nothing.
   */
  save(): Promise<void>;
  /** Stop timers, evaluate once more, save state to `statePath`. Idempotent. */
  shutdown(): Promise<void>;
}
