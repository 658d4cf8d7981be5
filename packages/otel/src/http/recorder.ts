import {
  metrics,
  type Attributes,
  type Histogram,
  type HrTime,
  type ObservableResult,
} from '@opentelemetry/api';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { DiagOnce } from '../diagnostics.js';
import type { SeriesListener } from '../slis/listener.js';
import { SCOPE_NAME, SCOPE_VERSION } from '../version.js';
import { apiHistogram, apiObservableUpDownCounter } from './apiInstruments.js';
import { ABSENT, BoundedValues } from './boundedValues.js';
import { createHistogramState, histogramCount, recordHistogram } from './histogramState.js';
import {
  ACTIVE_REQUESTS_SPEC,
  bodySizeSpec,
  durationSpec,
  type InstrumentSpec,
} from './instrumentSpecs.js';
import { histogramMetricData, observedSumMetricData, type ObservedPoint } from './metricData.js';
import { MethodTable } from './methods.js';
import {
  MAX_PROTOCOL_VERSIONS,
  MAX_SCHEMES,
  resolveOptions,
  STATUS_SLOTS,
  type HttpMetricsExport,
  type HttpMetricsOptions,
} from './options.js';
import { createMetricProducer, type HttpMetricProducer } from './producer.js';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_OTEL_METRIC_OVERFLOW,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_SCHEME,
  SDK_DEFAULT_HISTOGRAM_BOUNDARIES,
  VALUE_OTHER,
} from './semconv.js';
import {
  ERROR_NO,
  ERROR_VARIES,
  ERROR_YES,
  millisToHrTime,
  Series,
  type BoundFeed,
  type ErrorState,
} from './series.js';
import { ServerTable } from './serverTable.js';

/** `error.type` for a 5xx without an exception: the status code as a string, precomputed. */
const STATUS_TEXT: readonly string[] = Array.from({ length: 100 }, (_, i) => String(500 + i));

/** Sizes of the recorder's tables, for tests and health checks. */
export interface HttpMetricsTableSizes {
  /** Distinct real routes kept (at most `maxRoutes`). */
  readonly routes: number;
  /** Series kept, not counting the overflow series (at most `maxSeries`). */
  readonly series: number;
  /** Whether the `otel.metric.overflow` series exists. */
  readonly overflowSeries: boolean;
  /** Distinct explicit `error.type` values kept (at most `maxErrorTypes`). */
  readonly errorTypes: number;
  /** Distinct `url.scheme` values kept. */
  readonly schemes: number;
  /** Distinct `network.protocol.version` values kept. */
  readonly protocolVersions: number;
  /** Distinct (server.address, server.port) pairs kept. */
  readonly servers: number;
  /** Active-request slots in use (method × scheme × server). */
  readonly activeSlots: number;
}

/**
 * One route's series, plus the raw inputs of its last lookup: consecutive requests to a route
 * usually repeat method, status and scheme, and five `===` checks are cheaper than the five
 * `Map.get` calls that resolve them. Sound because an input's mapping never changes (tables
 * only grow, and a value refused at a cap stays refused); bounded because it keeps one set of
 * inputs per route entry.
 */
class RouteEntry {
  readonly series = new Map<number, Series>();
  last: Series | undefined = undefined;
  lastMethod: unknown = undefined;
  lastStatus: unknown = undefined;
  lastErrorType: unknown = undefined;
  lastScheme: unknown = undefined;
  lastProtocol: unknown = undefined;
  lastServerAddress: unknown = undefined;
  lastServerPort: unknown = undefined;

  /**
   * @param route - the `http.route` value, `undefined` for requests that matched no route
   */
  constructor(readonly route: string | undefined) {}
}

interface HistogramExport {
  readonly spec: InstrumentSpec;
  readonly boundaries: readonly number[];
  readonly pick: (series: Series) => Float64Array | undefined;
  /** Series in the order of their first value in this instrument: the SDK's export order. */
  readonly series: readonly Series[];
}

/**
 * The HTTP server metrics recorder: one per process (share it between apps), fed by the
 * Express and Fastify adapters or by hand. See {@link createHttpMetrics}.
 *
 * @example
 * ```ts
 * const metrics = createHttpMetrics({ export: 'producer', maxRoutes: 500 });
 * metrics.record('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.0123);
 * metrics.tableSizes().series; // 1
 * ```
 */
export class HttpMetrics {
  /** The export path chosen at creation. */
  readonly mode: HttpMetricsExport;
  /** Duration boundaries in seconds. */
  readonly boundaries: readonly number[];
  /** The producer to hand to a reader; only in `'producer'` mode. */
  readonly metricProducer: HttpMetricProducer | undefined;
  /** Whether `http.server.request.body.size` / `response.body.size` are on (opt-in). */
  readonly bodySizes: boolean;
  /** Whether `server.address` / `server.port` are recorded (opt-in). */
  readonly serverAttributes: boolean;
  /** Whether `http.server.active_requests` is on (opt-in). */
  readonly activeRequests: boolean;

  readonly #diag = new DiagOnce();
  readonly #bounds: Float64Array;
  readonly #bodyBounds: Float64Array | undefined;
  readonly #methods: MethodTable;
  readonly #errorTypes: BoundedValues;
  readonly #schemes: BoundedValues;
  readonly #protocols: BoundedValues;
  readonly #servers: ServerTable | undefined;
  readonly #maxRoutes: number;
  readonly #maxSeries: number;
  /** Key multipliers: method, status, error type, scheme, protocol version, server. */
  readonly #dimM: number;
  readonly #dimE: number;
  readonly #dimS: number;
  readonly #dimP: number;

  readonly #routes = new Map<string, RouteEntry>();
  readonly #noRoute = new RouteEntry(undefined);
  readonly #otherRoute = new RouteEntry(VALUE_OTHER);
  readonly #seriesList: Series[] = [];
  readonly #requestBodySeries: Series[] = [];
  readonly #responseBodySeries: Series[] = [];
  #seriesCount = 0;
  #overflow: Series | undefined;
  #listeners: SeriesListener[] = [];

  readonly #histogram: Histogram | undefined;
  readonly #requestBodyHistogram: Histogram | undefined;
  readonly #responseBodyHistogram: Histogram | undefined;
  readonly #histogramExports: HistogramExport[];

  readonly #activeCounts: Float64Array | undefined;
  readonly #activeAttributes: (Readonly<Attributes> | undefined)[] = [];
  readonly #activeUsed: number[] = [];
  readonly #startTime = millisToHrTime(Date.now());

  /**
   * Prefer {@link createHttpMetrics}, whose return type carries `metricProducer` in producer
   * mode.
   *
   * @param options - see {@link HttpMetricsOptions}
   * @throws NinesError `INVALID_ARGUMENT` listing every invalid option
   */
  constructor(options: HttpMetricsOptions = {}) {
    const {
      mode,
      boundaries,
      bodySizeBoundaries: bodyBoundaries,
      maxRoutes,
      maxErrorTypes,
      maxSeries,
      maxServers,
      knownMethods,
      bodySizes,
      activeRequests,
      serverAttributes,
      meterProvider,
      listeners,
    } = resolveOptions(options);
    this.mode = mode;
    this.boundaries = boundaries;
    this.bodySizes = bodySizes;
    this.serverAttributes = serverAttributes;
    this.activeRequests = activeRequests;
    this.#bounds = Float64Array.from(boundaries);
    this.#maxRoutes = maxRoutes;
    this.#maxSeries = maxSeries;
    this.#methods = new MethodTable(knownMethods);
    this.#errorTypes = new BoundedValues(maxErrorTypes, [], () => {
      this.#diag.warn(
        'error-type-cap',
        `more than ${maxErrorTypes} distinct error.type values; further ones are recorded as "${VALUE_OTHER}" (raise maxErrorTypes if they are legitimate).`,
      );
    });
    this.#schemes = new BoundedValues(MAX_SCHEMES, ['http', 'https'], () => {
      this.#diag.warn(
        'scheme-cap',
        `more than ${MAX_SCHEMES} distinct url.scheme values; further ones are recorded as "${VALUE_OTHER}" (is X-Forwarded-Proto trusted from clients?).`,
      );
    });
    this.#protocols = new BoundedValues(
      MAX_PROTOCOL_VERSIONS,
      ['1.0', '1.1', '2', '3', ['2.0', '2'], ['3.0', '3']],
      () => {
        this.#diag.warn(
          'protocol-cap',
          `more than ${MAX_PROTOCOL_VERSIONS} distinct network.protocol.version values; further ones are recorded as "${VALUE_OTHER}".`,
        );
      },
    );
    this.#servers = serverAttributes
      ? new ServerTable(maxServers, () => {
          this.#diag.warn(
            'server-cap',
            `more than ${maxServers} distinct server.address/server.port pairs; further ones are recorded as server.address="${VALUE_OTHER}" (raise maxServers, or turn serverAttributes off: Host headers are client-chosen).`,
          );
        })
      : undefined;
    this.#dimM = this.#methods.size;
    this.#dimE = this.#errorTypes.dimension;
    this.#dimS = this.#schemes.dimension;
    this.#dimP = this.#protocols.dimension;
    const dimV = this.#servers?.dimension ?? 1;
    this.#bodyBounds = bodySizes
      ? Float64Array.from(bodyBoundaries ?? SDK_DEFAULT_HISTOGRAM_BOUNDARIES)
      : undefined;
    const durationInstrument = durationSpec(boundaries);
    const requestBodyInstrument = bodySizeSpec('request', bodyBoundaries);
    const responseBodyInstrument = bodySizeSpec('response', bodyBoundaries);
    const bodyExportBoundaries = bodyBoundaries ?? SDK_DEFAULT_HISTOGRAM_BOUNDARIES;
    this.#histogramExports = [
      // Every series gets its first duration when it is created.
      {
        spec: durationInstrument,
        boundaries,
        pick: (series) => series.duration,
        series: this.#seriesList,
      },
    ];
    if (bodySizes) {
      this.#histogramExports.push(
        {
          spec: requestBodyInstrument,
          boundaries: bodyExportBoundaries,
          pick: (series) => series.requestBody,
          series: this.#requestBodySeries,
        },
        {
          spec: responseBodyInstrument,
          boundaries: bodyExportBoundaries,
          pick: (series) => series.responseBody,
          series: this.#responseBodySeries,
        },
      );
    }
    this.#activeCounts = activeRequests
      ? new Float64Array(this.#dimM * this.#dimS * dimV)
      : undefined;

    let histogram: Histogram | undefined;
    let requestBodyHistogram: Histogram | undefined;
    let responseBodyHistogram: Histogram | undefined;
    if (mode === 'api') {
      try {
        const meter = (meterProvider ?? metrics.getMeterProvider()).getMeter(
          SCOPE_NAME,
          SCOPE_VERSION,
        );
        histogram = apiHistogram(meter, durationInstrument);
        if (bodySizes) {
          requestBodyHistogram = apiHistogram(meter, requestBodyInstrument);
          responseBodyHistogram = apiHistogram(meter, responseBodyInstrument);
        }
        if (activeRequests) {
          apiObservableUpDownCounter(meter, ACTIVE_REQUESTS_SPEC).addCallback((result) => {
            this.#observeActive(result);
          });
        }
      } catch (error) {
        // A broken meter must not stop the service from starting; SLI feeds still work.
        this.#diag.error(
          'meter',
          'creating the HTTP instruments failed; HTTP metrics are not exported through the API',
          error,
        );
      }
      this.metricProducer = undefined;
    } else if (mode === 'producer') {
      this.metricProducer = createMetricProducer(
        { name: SCOPE_NAME, version: SCOPE_VERSION },
        (endTime) => this.#metricData(endTime),
        this.#diag,
      );
    } else {
      this.metricProducer = undefined;
    }
    this.#histogram = histogram;
    this.#requestBodyHistogram = requestBodyHistogram;
    this.#responseBodyHistogram = responseBodyHistogram;
    for (const listener of listeners) this.addListener(listener);
  }

  /**
   * Records one finished request. The hot path: after a series exists this is a few `Map.get`
   * calls on small integers, a bucket scan and typed-array stores (plus one `histogram.record`
   * in `'api'` mode); it never allocates, throws, logs per request, or awaits. Faults are
   * reported once per kind through `diag`.
   *
   * Semconv rules applied here (REFERENCE.md §5.3): unknown or lowercase methods become
   * `_OTHER`; `route` is the template (pass `undefined` when nothing matched, never the raw
   * path); `error.type` is `errorType` when given (an exception name, `timeout`, `aborted`),
   * else the status text for 5xx, and absent otherwise (4xx are not errors); `"2.0"` is written
   * `"2"`.
   *
   * @param route - route template, or `undefined` when no route matched
   * @param method - request method as received
   * @param status - status code sent, or `undefined` when none was (e.g. an abort before headers)
   * @param errorType - why the request failed, or `undefined`
   * @param scheme - `http` or `https` as the client used it
   * @param protocolVersion - `req.httpVersion` (`1.0`, `1.1`, `2.0`), or `undefined`
   * @param durationSeconds - duration in seconds; negative or non-finite values are dropped
   * @param requestBodySize - request body bytes, when known and body sizes are on
   * @param responseBodySize - response body bytes, when known and body sizes are on
   * @param serverAddress - `server.address`, used only when `serverAttributes` is on
   * @param serverPort - `server.port`, used only when `serverAttributes` is on
   * @example
   * ```ts
   * metrics.record('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.0123);
   * metrics.record(undefined, 'GET', 404, undefined, 'https', '2.0', 0.001);
   * metrics.record('/pay', 'POST', 500, 'TypeError', 'https', '1.1', 0.2);
   * ```
   */
  record(
    route: string | undefined,
    method: string,
    status: number | undefined,
    errorType: string | undefined,
    scheme: string,
    protocolVersion: string | undefined,
    durationSeconds: number,
    requestBodySize?: number,
    responseBodySize?: number,
    serverAddress?: string,
    serverPort?: number,
  ): void {
    try {
      if (!this.#validDuration(durationSeconds)) return;
      const series = this.#lookup(
        route,
        method,
        status,
        errorType,
        scheme,
        protocolVersion,
        serverAddress,
        serverPort,
      );
      recordHistogram(series.duration, this.#bounds, durationSeconds);
      const bodyBounds = this.#bodyBounds;
      let requestBody = false;
      let responseBody = false;
      if (bodyBounds !== undefined) {
        const n = bodyBounds.length;
        if (requestBodySize !== undefined && series.requestBody !== undefined) {
          requestBody = this.#checkSize(requestBodySize);
          if (requestBody) {
            if (histogramCount(series.requestBody, n) === 0) this.#requestBodySeries.push(series);
            recordHistogram(series.requestBody, bodyBounds, requestBodySize);
          }
        }
        if (responseBodySize !== undefined && series.responseBody !== undefined) {
          responseBody = this.#checkSize(responseBodySize);
          if (responseBody) {
            if (histogramCount(series.responseBody, n) === 0) this.#responseBodySeries.push(series);
            recordHistogram(series.responseBody, bodyBounds, responseBodySize);
          }
        }
      }
      this.#feedSeries(series, status, errorType, durationSeconds);
      // Last: a throwing SDK must not cost the SLI feeds their event.
      if (this.#histogram !== undefined) {
        this.#histogram.record(durationSeconds, series.attributes);
        if (requestBody)
          this.#requestBodyHistogram?.record(requestBodySize ?? 0, series.attributes);
        if (responseBody) {
          this.#responseBodyHistogram?.record(responseBodySize ?? 0, series.attributes);
        }
      }
    } catch (error) {
      this.#diag.error('record', 'recording an HTTP request failed', error);
    }
  }

  /** A duration `record`/`feed` accept: a finite number ≥ 0; anything else is reported once. */
  #validDuration(durationSeconds: number): boolean {
    if (typeof durationSeconds === 'number' && durationSeconds >= 0 && durationSeconds < Infinity) {
      return true;
    }
    this.#diag.warn(
      'invalid-duration',
      `dropped a request duration of ${String(durationSeconds)} s: it must be a finite number ≥ 0.`,
    );
    return false;
  }

  /** Feeds a series' SLI listeners (if any) with one request: failed per the series' error rule. */
  #feedSeries(
    series: Series,
    status: number | undefined,
    errorType: string | undefined,
    durationSeconds: number,
  ): void {
    const feeds = series.feeds;
    if (feeds.length === 0) return;
    const failed =
      series.error === ERROR_VARIES
        ? errorType != null || (typeof status === 'number' && status >= 500 && status < 600)
        : series.error === ERROR_YES;
    this.#feed(feeds, failed, durationSeconds);
  }

  /**
   * Feeds the SLI listeners with one finished request, exactly as {@link HttpMetrics.record}
   * would, but exports nothing for it: no histogram point on either path. For a request whose
   * duration another instrumentation already exports (`@opentelemetry/instrumentation-http`,
   * REFERENCE.md §5.6: a second series from another scope double-counts in `sum(rate(...))`),
   * while the in-process SLOs still need it. Same arguments and rules as `record`; the series is
   * looked up (and created) the same way, so it counts towards the caps, but a series fed only
   * here has no point to export. Never throws; faults go to `diag` once per kind.
   *
   * @param route - route template, or `undefined` when no route matched
   * @param method - request method as received
   * @param status - status code sent, or `undefined` when none was
   * @param errorType - why the request failed, or `undefined`
   * @param scheme - `http` or `https` as the client used it
   * @param protocolVersion - `req.httpVersion`, or `undefined`
   * @param durationSeconds - duration in seconds; negative or non-finite values are dropped
   * @param serverAddress - `server.address`, used only when `serverAttributes` is on
   * @param serverPort - `server.port`, used only when `serverAttributes` is on
   * @example
   * ```ts
   * // instrumentation-http exports this request's duration; only the SLOs need it here.
   * metrics.feed('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.0123);
   * ```
   */
  feed(
    route: string | undefined,
    method: string,
    status: number | undefined,
    errorType: string | undefined,
    scheme: string,
    protocolVersion: string | undefined,
    durationSeconds: number,
    serverAddress?: string,
    serverPort?: number,
  ): void {
    try {
      if (!this.#validDuration(durationSeconds)) return;
      const series = this.#lookup(
        route,
        method,
        status,
        errorType,
        scheme,
        protocolVersion,
        serverAddress,
        serverPort,
      );
      this.#feedSeries(series, status, errorType, durationSeconds);
    } catch (error) {
      this.#diag.error('record', 'recording an HTTP request failed', error);
    }
  }

  /**
   * Counts a request as in flight for `http.server.active_requests` (opt-in). Call at request
   * start and pass the returned slot to {@link HttpMetrics.activeRequestEnded} exactly once.
   * Only plain number operations: the observable callback reads the counters at collection.
   *
   * @param method - request method as received
   * @param scheme - `http` or `https`
   * @param serverAddress - `server.address`, used only when `serverAttributes` is on
   * @param serverPort - `server.port`, used only when `serverAttributes` is on
   * @returns a slot number, or -1 when active requests are off (ending -1 is a no-op)
   * @example
   * ```ts
   * const slot = metrics.activeRequestStarted('GET', 'http');
   * res.once('close', () => metrics.activeRequestEnded(slot));
   * ```
   */
  activeRequestStarted(
    method: string,
    scheme: string,
    serverAddress?: string,
    serverPort?: number,
  ): number {
    const counts = this.#activeCounts;
    if (counts === undefined) return -1;
    try {
      const m = this.#methods.indexOf(method);
      const sc = this.#schemes.indexOf(scheme);
      const v = this.#servers === undefined ? 0 : this.#servers.indexOf(serverAddress, serverPort);
      const slot = m + this.#dimM * (sc + this.#dimS * v);
      if (this.#activeAttributes[slot] === undefined) this.#useActiveSlot(slot, m, sc, v);
      counts[slot] = (counts[slot] ?? 0) + 1;
      return slot;
    } catch (error) {
      this.#diag.error('active', 'counting an active request failed', error);
      return -1;
    }
  }

  /**
   * The slot {@link HttpMetrics.activeRequestStarted} returns for these arguments, without
   * counting anything: for callers that cannot carry the slot from a request's start to its end
   * (the service layer's start mark is a plain timestamp). Sound because the tables only grow
   * and a value refused at a cap stays refused, so the same arguments always give the same slot.
   *
   * @param method - request method as received
   * @param scheme - `http` or `https`
   * @param serverAddress - `server.address`, used only when `serverAttributes` is on
   * @param serverPort - `server.port`, used only when `serverAttributes` is on
   * @returns the slot, or -1 when active requests are off
   * @example
   * ```ts
   * metrics.activeRequestStarted('GET', 'http');
   * metrics.activeRequestEnded(metrics.activeSlot('GET', 'http')); // same slot
   * ```
   */
  activeSlot(method: string, scheme: string, serverAddress?: string, serverPort?: number): number {
    if (this.#activeCounts === undefined) return -1;
    try {
      const m = this.#methods.indexOf(method);
      const sc = this.#schemes.indexOf(scheme);
      const v = this.#servers === undefined ? 0 : this.#servers.indexOf(serverAddress, serverPort);
      return m + this.#dimM * (sc + this.#dimS * v);
    } catch (error) {
      this.#diag.error('active', 'counting an active request failed', error);
      return -1;
    }
  }

  /**
   * Ends what {@link HttpMetrics.activeRequestStarted} began. Out-of-range slots (such as -1)
   * are ignored.
   *
   * @param slot - the slot it returned
   * @example
   * ```ts
   * metrics.activeRequestEnded(metrics.activeRequestStarted('GET', 'https'));
   * ```
   */
  activeRequestEnded(slot: number): void {
    const counts = this.#activeCounts;
    if (counts !== undefined && slot >= 0 && slot < counts.length) {
      counts[slot] = (counts[slot] ?? 0) - 1;
    }
  }

  /**
   * Attaches a listener: it is asked once for every existing series now, and once for each new
   * series later. This is the seam the in-process evaluator plugs into.
   *
   * @param listener - decides which SLIs each series feeds
   * @example
   * ```ts
   * metrics.addListener(createObjectiveListener(objectives, evaluator));
   * ```
   */
  addListener(listener: SeriesListener): void {
    if (this.#listeners.includes(listener)) return;
    this.#listeners = [...this.#listeners, listener];
    for (const series of this.#seriesList) {
      const feeds = this.#bind(series, listener);
      if (feeds.length > 0) series.feeds = [...series.feeds, ...feeds];
    }
  }

  /**
   * Detaches a listener and drops its feeds from every series (e.g. when an evaluator stops).
   *
   * @param listener - a listener given to {@link HttpMetrics.addListener} or the options
   * @example
   * ```ts
   * metrics.removeListener(listener); // e.g. in the evaluator's shutdown
   * ```
   */
  removeListener(listener: SeriesListener): void {
    if (!this.#listeners.includes(listener)) return;
    this.#listeners = this.#listeners.filter((one) => one !== listener);
    for (const series of this.#seriesList) {
      if (series.feeds.some((feed) => feed.listener === listener)) {
        series.feeds = series.feeds.filter((feed) => feed.listener !== listener);
      }
    }
  }

  /**
   * Reports how full the tables are, for tests, health checks and capacity planning.
   *
   * @returns the current table sizes; each is bounded by its cap whatever the traffic
   * @example
   * ```ts
   * if (metrics.tableSizes().routes === 200) console.warn('route cap reached');
   * ```
   */
  tableSizes(): HttpMetricsTableSizes {
    return {
      routes: this.#routes.size,
      series: this.#seriesCount,
      overflowSeries: this.#overflow !== undefined,
      errorTypes: this.#errorTypes.size,
      schemes: this.#schemes.size,
      protocolVersions: this.#protocols.size,
      servers: this.#servers?.size ?? 0,
      activeSlots: this.#activeUsed.length,
    };
  }

  #lookup(
    route: string | undefined,
    method: string,
    status: number | undefined,
    errorType: string | undefined,
    scheme: string,
    protocolVersion: string | undefined,
    serverAddress: string | undefined,
    serverPort: number | undefined,
  ): Series {
    let entry: RouteEntry;
    if (route == null) entry = this.#noRoute;
    else entry = this.#routes.get(route) ?? this.#newRoute(route);
    const last = entry.last;
    if (
      last !== undefined &&
      entry.lastMethod === method &&
      entry.lastStatus === status &&
      entry.lastErrorType === errorType &&
      entry.lastScheme === scheme &&
      entry.lastProtocol === protocolVersion &&
      entry.lastServerAddress === serverAddress &&
      entry.lastServerPort === serverPort
    ) {
      return last;
    }
    const series = this.#resolve(
      entry,
      method,
      status,
      errorType,
      scheme,
      protocolVersion,
      serverAddress,
      serverPort,
    );
    entry.last = series;
    entry.lastMethod = method;
    entry.lastStatus = status;
    entry.lastErrorType = errorType;
    entry.lastScheme = scheme;
    entry.lastProtocol = protocolVersion;
    entry.lastServerAddress = serverAddress;
    entry.lastServerPort = serverPort;
    return series;
  }

  #resolve(
    entry: RouteEntry,
    method: string,
    status: number | undefined,
    errorType: string | undefined,
    scheme: string,
    protocolVersion: string | undefined,
    serverAddress: string | undefined,
    serverPort: number | undefined,
  ): Series {
    const m = this.#methods.indexOf(method);
    let s = 0;
    if (status != null) {
      if (Number.isInteger(status) && status >= 100 && status < STATUS_SLOTS) s = status;
      else {
        this.#diag.warn(
          'invalid-status',
          `recorded a request without http.response.status_code: ${String(status)} is not an integer in [100, 999].`,
        );
      }
    }
    let e = ABSENT;
    if (errorType != null && !(s >= 500 && s < 600 && errorType === STATUS_TEXT[s - 500])) {
      e = this.#errorTypes.indexOf(errorType);
    }
    const sc = this.#schemes.indexOf(scheme);
    const p = this.#protocols.indexOf(protocolVersion);
    const v = this.#servers === undefined ? 0 : this.#servers.indexOf(serverAddress, serverPort);
    const key =
      m +
      this.#dimM * (s + STATUS_SLOTS * (e + this.#dimE * (sc + this.#dimS * (p + this.#dimP * v))));
    return entry.series.get(key) ?? this.#newSeries(entry, key, m, s, e, sc, p, v);
  }

  #newRoute(route: unknown): RouteEntry {
    if (typeof route !== 'string') {
      this.#diag.warn(
        'invalid-route',
        `a route that is not a string (${typeof route}) was recorded as http.route="${VALUE_OTHER}"; adapters must pass the template as a string.`,
      );
      return this.#otherRoute;
    }
    if (route === VALUE_OTHER) return this.#otherRoute;
    if (this.#routes.size >= this.#maxRoutes) {
      this.#diag.warn(
        'route-cap',
        `more than ${this.#maxRoutes} distinct http.route values; further routes are recorded as http.route="${VALUE_OTHER}". Raise maxRoutes if the app really has that many templates; if not, an adapter is passing raw paths.`,
      );
      return this.#otherRoute;
    }
    const entry = new RouteEntry(route);
    this.#routes.set(route, entry);
    return entry;
  }

  #newSeries(
    entry: RouteEntry,
    key: number,
    m: number,
    s: number,
    e: number,
    sc: number,
    p: number,
    v: number,
  ): Series {
    if (this.#seriesCount >= this.#maxSeries) {
      this.#diag.warn(
        'series-cap',
        `more than ${this.#maxSeries} HTTP metric series; further attribute sets are recorded on one series with only ${ATTR_OTEL_METRIC_OVERFLOW}=true (raise maxSeries).`,
      );
      return this.#overflow ?? this.#createOverflow();
    }
    const attributes: Attributes = {
      [ATTR_HTTP_REQUEST_METHOD]: this.#methods.values[m] ?? VALUE_OTHER,
    };
    const scheme = this.#schemes.valueOf(sc);
    if (scheme !== undefined) attributes[ATTR_URL_SCHEME] = scheme;
    if (entry.route !== undefined) attributes[ATTR_HTTP_ROUTE] = entry.route;
    if (s !== 0) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = s;
    const errorType =
      e !== ABSENT
        ? this.#errorTypes.valueOf(e)
        : s >= 500 && s < 600
          ? STATUS_TEXT[s - 500]
          : undefined;
    if (errorType !== undefined) attributes[ATTR_ERROR_TYPE] = errorType;
    const protocolVersion = this.#protocols.valueOf(p);
    if (protocolVersion !== undefined) attributes[ATTR_NETWORK_PROTOCOL_VERSION] = protocolVersion;
    this.#addServer(attributes, v);
    const series = this.#createSeries(
      Object.freeze(attributes),
      errorType === undefined ? ERROR_NO : ERROR_YES,
    );
    entry.series.set(key, series);
    this.#seriesCount++;
    return series;
  }

  #createOverflow(): Series {
    const series = this.#createSeries(
      Object.freeze({ [ATTR_OTEL_METRIC_OVERFLOW]: true }),
      ERROR_VARIES,
    );
    this.#overflow = series;
    return series;
  }

  #createSeries(attributes: Readonly<Attributes>, error: ErrorState): Series {
    const bodyCount = this.#bodyBounds?.length;
    const series = new Series(
      attributes,
      error,
      millisToHrTime(Date.now()),
      createHistogramState(this.#bounds.length),
      bodyCount === undefined ? undefined : createHistogramState(bodyCount),
      bodyCount === undefined ? undefined : createHistogramState(bodyCount),
    );
    const feeds: BoundFeed[] = [];
    for (const listener of this.#listeners) feeds.push(...this.#bind(series, listener));
    if (feeds.length > 0) series.feeds = feeds;
    this.#seriesList.push(series);
    return series;
  }

  #addServer(attributes: Attributes, v: number): void {
    const server = this.#servers?.entryOf(v);
    if (server === undefined) return;
    attributes[ATTR_SERVER_ADDRESS] = server.address;
    if (server.port !== undefined) attributes[ATTR_SERVER_PORT] = server.port;
  }

  #bind(series: Series, listener: SeriesListener): BoundFeed[] {
    const bound: BoundFeed[] = [];
    try {
      for (const feed of listener.bindSeries(series.attributes)) {
        if (feed.kind === 'availability') {
          bound.push({ listener, latency: false, threshold: 0, handle: feed.handle });
        } else if (Number.isFinite(feed.threshold) && feed.threshold >= 0) {
          bound.push({ listener, latency: true, threshold: feed.threshold, handle: feed.handle });
        } else {
          this.#diag.warn(
            'invalid-feed',
            `ignored a latency feed with threshold ${String(feed.threshold)}: it must be a finite number of seconds ≥ 0.`,
          );
        }
      }
    } catch (error) {
      this.#diag.error(
        'listener',
        'a series listener threw; that series feeds none of its SLIs',
        error,
      );
      return [];
    }
    return bound;
  }

  #feed(feeds: readonly BoundFeed[], failed: boolean, durationSeconds: number): void {
    for (const feed of feeds) {
      try {
        if (feed.latency ? !failed && durationSeconds <= feed.threshold : !failed) {
          feed.handle.good();
        } else {
          feed.handle.bad();
        }
      } catch (error) {
        this.#diag.error('handle', 'an SLI handle threw; the event was lost', error);
      }
    }
  }

  #checkSize(size: number): boolean {
    if (Number.isSafeInteger(size) && size >= 0) return true;
    this.#diag.warn(
      'invalid-body-size',
      `dropped a body size of ${String(size)}: it must be an integer number of bytes ≥ 0.`,
    );
    return false;
  }

  #useActiveSlot(slot: number, m: number, sc: number, v: number): void {
    const attributes: Attributes = {
      [ATTR_HTTP_REQUEST_METHOD]: this.#methods.values[m] ?? VALUE_OTHER,
    };
    const scheme = this.#schemes.valueOf(sc);
    if (scheme !== undefined) attributes[ATTR_URL_SCHEME] = scheme;
    this.#addServer(attributes, v);
    this.#activeAttributes[slot] = Object.freeze(attributes);
    this.#activeUsed.push(slot);
  }

  #activePoints(): ObservedPoint[] {
    const counts = this.#activeCounts;
    const points: ObservedPoint[] = [];
    if (counts === undefined) return points;
    for (const slot of this.#activeUsed) {
      const attributes = this.#activeAttributes[slot];
      if (attributes !== undefined) points.push({ attributes, value: counts[slot] ?? 0 });
    }
    return points;
  }

  #observeActive(result: ObservableResult): void {
    for (const { attributes, value } of this.#activePoints()) result.observe(value, attributes);
  }

  #metricData(endTime: HrTime): MetricData[] {
    const data: MetricData[] = [];
    for (const { spec, boundaries, pick, series } of this.#histogramExports) {
      const one = histogramMetricData(spec, boundaries, series, pick, endTime);
      if (one !== undefined) data.push(one);
    }
    if (this.#activeCounts !== undefined) {
      const one = observedSumMetricData(
        ACTIVE_REQUESTS_SPEC,
        this.#activePoints(),
        this.#startTime,
        endTime,
      );
      if (one !== undefined) data.push(one);
    }
    return data;
  }
}

/** The recorder in `'producer'` mode, whose producer is always there. */
export type ProducerHttpMetrics = HttpMetrics & { readonly metricProducer: HttpMetricProducer };

/**
 * Creates the HTTP server metrics recorder (semconv `http.server.request.duration` and its
 * opt-in companions), with memory bounded by its caps whatever clients send.
 *
 * @param options - see {@link HttpMetricsOptions}
 * @returns the recorder; in `'producer'` mode its `metricProducer` is set
 * @throws NinesError `INVALID_ARGUMENT` listing every invalid option
 * @example
 * ```ts
 * // Fast path: the exporter pulls our pre-aggregated series.
 * const metrics = createHttpMetrics({ export: 'producer' });
 * const exporter = new PrometheusExporter({ metricProducers: [metrics.metricProducer] });
 * const provider = new MeterProvider({ readers: [exporter] });
 * metrics.record('/users/:id', 'GET', 200, undefined, 'http', '1.1', 0.012);
 * ```
 */
export function createHttpMetrics(
  options: HttpMetricsOptions & { readonly export: 'producer' },
): ProducerHttpMetrics;
export function createHttpMetrics(options?: HttpMetricsOptions): HttpMetrics;
export function createHttpMetrics(options?: HttpMetricsOptions): HttpMetrics {
  return new HttpMetrics(options);
}
