import { metrics as metricsApi, type Meter } from '@opentelemetry/api';
import type { CollectionResult, MetricData, MetricProducer } from '@opentelemetry/sdk-metrics';
import {
  createEvaluator,
  defineObjective,
  NinesError,
  type AlertEvent,
  type EvaluationReport,
  type Evaluator,
  type EvaluatorSnapshot,
  type EventsHandle,
  type NinesIssue,
  type Objective,
  type ObjectiveInput,
} from '@nines/core';
import { DiagOnce } from '../diagnostics.js';
import { resolveOptions } from '../http/options.js';
import { createHttpMetrics, type HttpMetrics } from '../http/recorder.js';
import { millisToHrTime } from '../http/series.js';
import { createObjectiveListener, type SeriesListener } from '../slis/listener.js';
import { ATTR_HTTP_ROUTE } from '../http/semconv.js';
import { SCOPE_NAME, SCOPE_VERSION } from '../version.js';
import { requestErrorType } from './errorType.js';
import { EventCounters } from './eventCounters.js';
import { resolveServiceOptions } from './options.js';
import { compileRouteFilter, type RouteFilter } from './routeFilter.js';
import { activeHttpRpcMetadata } from './rpcMetadata.js';
import { SloMetrics } from './sloMetrics.js';
import { readStateFile, writeStateFile } from './stateFile.js';
import { serveJson } from './statusHandler.js';
import type {
  Nines,
  NinesOptions,
  ObjectiveStatusEntry,
  RequestEnd,
  StatusPayload,
} from './types.js';

/** SLI kinds the in-process evaluator can be fed with. */
const IN_PROCESS_KINDS = new Set(['http-availability', 'http-latency', 'events']);

function isObjective(value: Objective | ObjectiveInput): value is Objective {
  if (typeof value !== 'object' || (value as unknown) === null) return false;
  const target: unknown = (value as { target?: unknown }).target;
  return typeof target === 'object' && target !== null && 'fraction' in target;
}

/**
 * Validates the objectives; `promql` ones (fleet path only) are left out with one diagnostic.
 *
 * @returns the in-process objectives
 */
function resolveObjectives(
  given: NinesOptions['objectives'],
  issues: NinesIssue[],
  diag: DiagOnce,
): Objective[] {
  const list: unknown = given ?? [];
  if (!Array.isArray(list)) {
    issues.push({
      code: 'INVALID_ARGUMENT',
      message: 'objectives must be an array of objectives (defineObjective) or objective inputs.',
      path: ['objectives'],
    });
    return [];
  }
  const objectives: Objective[] = [];
  const seen = new Set<string>();
  const fleetOnly: string[] = [];
  for (const [i, one] of (list as (Objective | ObjectiveInput)[]).entries()) {
    let objective: Objective;
    try {
      objective = isObjective(one) ? one : defineObjective(one);
    } catch (error) {
      if (!(error instanceof NinesError)) throw error;
      for (const issue of error.issues) {
        issues.push({ ...issue, path: ['objectives', i, ...issue.path] });
      }
      continue;
    }
    if (seen.has(objective.id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        message: `objective id ${JSON.stringify(objective.id)} is used twice; state, gauges and alerts are keyed by id.`,
        path: ['objectives', i, 'id'],
      });
      continue;
    }
    seen.add(objective.id);
    if (IN_PROCESS_KINDS.has(objective.sli.kind)) objectives.push(objective);
    else fleetOnly.push(objective.id);
  }
  if (fleetOnly.length > 0) {
    diag.warn(
      'promql-objectives',
      `objectives ${fleetOnly.join(', ')} have a promql SLI, which only Prometheus can evaluate; they are left out of the in-process evaluation and the status endpoint.`,
    );
  }
  return objectives;
}

/** The objective listener, minus the excluded routes. */
function excludingListener(
  inner: SeriesListener,
  excluded: RouteFilter | undefined,
): SeriesListener {
  if (excluded === undefined) return inner;
  return {
    bindSeries(attributes) {
      const route = attributes[ATTR_HTTP_ROUTE];
      return typeof route === 'string' && excluded(route) ? [] : inner.bindSeries(attributes);
    },
  };
}

/** Whether a start mark carries the "instrumentation-http was active" sign (−0 included). */
function flagged(mark: number): boolean {
  return mark <= 0 && 1 / mark < 0;
}

/**
 * Creates one process's Nines: the HTTP metrics recorder, the in-process SLO evaluator fed from
 * the same data, the SLO gauges and custom-SLI counter, alerts, state persistence and the status
 * endpoint. The Express and Fastify adapters call {@link Nines.requestStarted} and
 * {@link Nines.requestEnded}; anything else (a raw `node:http` server, a queue consumer) can
 * too.
 *
 * - HTTP objectives are matched to series once per series (never per request); `excludeRoutes`
 *   never feed them.
 * - `events` objectives: `events(id)` and `track(id, fn)`; each event is also exported as
 *   `nines.sli.events{nines.slo, nines.outcome}` for the fleet rules.
 * - Timers (tick, evaluate, save) are `unref()`ed: they never keep the process alive.
 * - With `statePath`, the state is restored at start, saved on an interval and at `shutdown()`
 *   (temp file + rename: never torn); a corrupt file is kept as `<path>.corrupt-<epoch ms>`.
 * - When `@opentelemetry/instrumentation-http` handles the request (`instrumentationHttp`,
 *   default `enrich`), its `http.route` is set to our template and our own duration point is
 *   not exported, so sums are not double-counted; the SLOs are fed all the same.
 *
 * @param options - objectives, export mode and caps, intervals, state file, alert callback
 * @returns the service
 * @throws NinesError listing every invalid option and objective at once (`INVALID_ARGUMENT`,
 *   `DUPLICATE_ID`, the codes of `defineObjective`); `INVALID_SLI` for a matcher that does
 *   not compile
 * @example
 * ```ts
 * const nines = createNines({
 *   objectives: [
 *     { id: 'api-availability', targetPercent: 99.9, window: '30d', sli: { kind: 'http-availability', matchers: [] } },
 *   ],
 *   excludeRoutes: ['/metrics', '/health'],
 *   statePath: '/var/lib/api/slo-state.json',
 *   onAlert: (alert) => console.log(alert.objectiveId, alert.tier, alert.state),
 * });
 * const start = nines.requestStarted('GET', 'http');
 * nines.requestEnded(start, {
 *   route: '/users/:id', method: 'GET', status: 200, error: undefined,
 *   failure: undefined, scheme: 'http', httpVersion: '1.1',
 * });
 * process.on('SIGTERM', () => void nines.shutdown());
 * ```
 */
export function createNines(options: NinesOptions = {}): Nines {
  const diag = new DiagOnce();
  const issues: NinesIssue[] = [];
  const opts = resolveServiceOptions(options, issues);
  const objectives = resolveObjectives(options.objectives, issues, diag);
  try {
    resolveOptions(options);
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);

  const { clock, statePath, instrumentationHttp: mode } = opts;

  // Evaluator, restored from the state file when there is a good one.
  let evaluator: Evaluator | undefined;
  let saveAllowed = statePath !== undefined;
  if (objectives.length > 0) {
    let snapshot: EvaluatorSnapshot | undefined;
    if (statePath !== undefined) {
      const found = readStateFile(statePath, clock(), diag);
      if (found.kind === 'ok') snapshot = found.snapshot;
      // Never overwrite a file that could not be read: it may hold a budget we did not see.
      if (found.kind === 'unreadable') saveAllowed = false;
    }
    evaluator = createEvaluator({
      objectives,
      clock,
      ...(snapshot === undefined ? {} : { snapshot }),
    });
    const dropped = evaluator.restoreSummary?.dropped ?? [];
    if (dropped.length > 0) {
      diag.warn(
        'state-dropped',
        `saved state of ${dropped.map((one) => `${one.id} (${one.reason})`).join(', ')} no longer fits the objectives; they start fresh.`,
      );
    }
  }

  const excluded = compileRouteFilter(opts.excludeRoutes);
  const metricsFilter = opts.excludeFromMetrics ? excluded : undefined;
  const listener =
    evaluator === undefined
      ? undefined
      : excludingListener(
          createObjectiveListener(
            objectives.filter((one) => one.sli.kind !== 'events'),
            evaluator,
          ),
          excluded,
        );
  const recorder: HttpMetrics = createHttpMetrics({
    ...options,
    listeners: listener === undefined ? [] : [listener],
  });

  const counters = new EventCounters(objectives, evaluator);
  const sloMetrics = new SloMetrics(
    objectives,
    (id) => evaluator?.status(id),
    counters,
    millisToHrTime(Date.now()),
  );
  let metricProducer: MetricProducer | undefined;
  const httpProducer = recorder.metricProducer;
  if (httpProducer !== undefined) {
    metricProducer = {
      async collect(): Promise<CollectionResult> {
        const http = await httpProducer.collect();
        let slo: MetricData[];
        try {
          slo = sloMetrics.metricData(millisToHrTime(Date.now()));
        } catch (error) {
          diag.error('collect-slo', 'collecting the SLO metrics failed', error);
          return { ...http, errors: [...http.errors, error] };
        }
        if (slo.length === 0) return http;
        const scopes = http.resourceMetrics.scopeMetrics;
        const ours = scopes.find((one) => one.scope.name === SCOPE_NAME);
        const scopeMetrics =
          ours === undefined
            ? [...scopes, { scope: { name: SCOPE_NAME, version: SCOPE_VERSION }, metrics: slo }]
            : scopes.map((one) =>
                one === ours ? { scope: one.scope, metrics: [...one.metrics, ...slo] } : one,
              );
        return {
          resourceMetrics: { resource: http.resourceMetrics.resource, scopeMetrics },
          errors: http.errors,
        };
      },
    };
  } else if (objectives.length > 0) {
    let meter: Meter | undefined;
    try {
      meter = (options.meterProvider ?? metricsApi.getMeterProvider()).getMeter(
        SCOPE_NAME,
        SCOPE_VERSION,
      );
    } catch (error) {
      diag.error('slo-meter', 'getting a meter for the SLO gauges failed', error);
    }
    if (meter !== undefined) sloMetrics.register(meter, diag);
  }

  const onAlert = opts.onAlert;
  if (evaluator !== undefined && onAlert !== undefined) {
    evaluator.onAlert((event: AlertEvent) => {
      try {
        const result: unknown = onAlert(event);
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
          (result as PromiseLike<unknown>).then(undefined, (error: unknown) => {
            diag.error('on-alert-rejected', 'the onAlert callback rejected', error);
          });
        }
      } catch (error) {
        diag.error('on-alert', 'the onAlert callback threw', error);
      }
    });
  }

  const evaluate = (): EvaluationReport | undefined => {
    if (evaluator === undefined) return undefined;
    try {
      return evaluator.evaluate();
    } catch (error) {
      diag.error('evaluate', 'evaluating the objectives failed', error);
      return undefined;
    }
  };

  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    if (statePath === undefined || evaluator === undefined) return Promise.resolve();
    if (!saveAllowed) {
      diag.warn(
        'state-save-skipped',
        `not saving SLO state to ${statePath}: the file there could not be read at start and is left untouched.`,
      );
      return Promise.resolve();
    }
    const from = evaluator;
    saving = saving.then(async () => {
      try {
        await writeStateFile(statePath, from.snapshot());
      } catch (error) {
        diag.error('state-save', `saving SLO state to ${statePath} failed`, error);
      }
    });
    return saving;
  };

  const timers: ReturnType<typeof setInterval>[] = [];
  if (!opts.manualTimers && evaluator !== undefined) {
    const ticking = evaluator;
    timers.push(
      setInterval(() => {
        try {
          ticking.tick();
        } catch (error) {
          diag.error('tick', 'flushing the SLI counters failed', error);
        }
      }, opts.tickIntervalMs),
      setInterval(evaluate, opts.evaluateIntervalMs),
    );
    if (statePath !== undefined) {
      timers.push(
        setInterval(() => {
          void save();
        }, opts.saveIntervalMs),
      );
    }
    for (const timer of timers) timer.unref();
  }

  const safeNow = (): number => {
    try {
      const now = clock();
      return Number.isFinite(now) ? now : Date.now();
    } catch {
      return Date.now();
    }
  };

  const status = (): StatusPayload => {
    if (evaluator === undefined) {
      return { service: opts.service, at: safeNow(), objectives: [] };
    }
    const from = evaluator;
    if (objectives.some((one) => from.status(one.id) === undefined)) evaluate();
    const entries: ObjectiveStatusEntry[] = [];
    let at = -Infinity;
    for (const objective of objectives) {
      const one = from.status(objective.id);
      if (one === undefined) continue;
      at = Math.max(at, one.at);
      entries.push({
        ...one,
        name: objective.name,
        service: objective.service,
        target: objective.target.fraction,
      });
    }
    const services = new Set(objectives.map((one) => one.service));
    const service = opts.service ?? (services.size === 1 ? [...services][0] : undefined);
    return { service, at: entries.length > 0 ? at : safeNow(), objectives: entries };
  };

  const unknownEvents = (objectiveId: string): NinesError => {
    const found = objectives.find((one) => one.id === objectiveId);
    const eventIds = counters.ids.join(', ') || '(none)';
    if (found === undefined) {
      return new NinesError(
        'UNKNOWN_OBJECTIVE',
        `no objective with id ${JSON.stringify(objectiveId)}; events objectives: ${eventIds}`,
        { path: ['objectiveId'] },
      );
    }
    return new NinesError(
      'INVALID_ARGUMENT',
      `objective ${JSON.stringify(objectiveId)} has a ${found.sli.kind} SLI, fed from the HTTP metrics; events() and track() take events objectives: ${eventIds}`,
      { path: ['objectiveId'] },
    );
  };

  const events = (objectiveId: string): EventsHandle => {
    const handle = counters.handle(objectiveId);
    if (handle === undefined) throw unknownEvents(objectiveId);
    return handle;
  };

  const detect = mode !== 'ignore';
  let stopping: Promise<void> | undefined;

  return {
    metrics: recorder,
    evaluator,
    objectives: Object.freeze(objectives),
    metricProducer,

    requestStarted(method: string, scheme: string, serverAddress?: string, serverPort?: number) {
      const mark = performance.now();
      try {
        recorder.activeRequestStarted(method, scheme, serverAddress, serverPort);
        if (detect && activeHttpRpcMetadata() !== undefined) return -mark;
      } catch (error) {
        diag.error('request-started', 'starting a request failed', error);
      }
      return mark;
    },

    requestEnded(start: number, end: RequestEnd): void {
      try {
        const now = performance.now();
        const fromInstrumentation = flagged(start);
        const duration = (now - (fromInstrumentation ? -start : start)) / 1000;
        const { route, method, status: code, scheme } = end;
        recorder.activeRequestEnded(
          recorder.activeSlot(method, scheme, end.serverAddress, end.serverPort),
        );
        if (route !== undefined && metricsFilter?.(route) === true) return;
        const errorType = requestErrorType(code, end.error, end.failure);
        // instrumentation-http puts its metadata on the context before any handler runs, so
        // requestStarted sees it; the context is read again here only for requests it handles
        // (to set the route), keeping the lookup off the path of apps without it.
        let exportPoint = true;
        if (fromInstrumentation) {
          try {
            const metadata = activeHttpRpcMetadata();
            if (metadata !== undefined && route !== undefined) metadata.route = route;
          } catch (error) {
            diag.error('rpc-metadata', "setting instrumentation-http's route failed", error);
          }
          exportPoint = mode !== 'enrich';
        }
        if (exportPoint) {
          recorder.record(
            route,
            method,
            code,
            errorType,
            scheme,
            end.httpVersion,
            duration,
            end.requestBodySize,
            end.responseBodySize,
            end.serverAddress,
            end.serverPort,
          );
        } else {
          recorder.feed(
            route,
            method,
            code,
            errorType,
            scheme,
            end.httpVersion,
            duration,
            end.serverAddress,
            end.serverPort,
          );
        }
      } catch (error) {
        diag.error('request-ended', 'recording a finished request failed', error);
      }
    },

    events,

    async track<T>(objectiveId: string, fn: () => T | Promise<T>): Promise<T> {
      const handle = events(objectiveId);
      let value: T;
      try {
        value = await fn();
      } catch (error) {
        handle.bad();
        throw error;
      }
      handle.good();
      return value;
    },

    evaluate,
    status,

    statusHandler(req, res): void {
      serveJson(req, res, status, diag);
    },

    save,

    shutdown(): Promise<void> {
      stopping ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        evaluate();
        if (listener !== undefined) recorder.removeListener(listener);
        sloMetrics.unregister(diag);
        await save();
      })();
      return stopping;
    },
  };
}
