import type { MeterProvider } from '@opentelemetry/api';
import { HTTP_SERVER_DURATION_BOUNDARIES, NinesError, type NinesIssue } from '@nines/core';
import type { SeriesListener } from '../slis/listener.js';
import { resolveKnownMethods } from './methods.js';

/**
 * How the recorded data reaches OpenTelemetry.
 * - `'api'`: a real `meter.createHistogram(...)` and one `histogram.record(value, attributes)`
 *   per request with a cached, frozen attribute object. Needs no wiring and works with any
 *   MeterProvider (or none), but the SDK hashes the attributes on every call (≈ 1.5 µs,
 *   REFERENCE.md §5.5).
 * - `'producer'`: `record` only updates typed arrays; {@link HttpMetrics.metricProducer} turns
 *   them into the same metric data at collection time. Pass it to the reader
 *   (`metricProducers: [metrics.metricProducer]`). The data skips Views and is always cumulative.
 * - `'none'`: export nothing; only feed the SLI listeners (and `tableSizes`). For when another
 *   instrumentation (e.g. `@opentelemetry/instrumentation-http`) already exports the duration
 *   and a second series would double-count (REFERENCE.md §5.6, §11.1 #17).
 */
export type HttpMetricsExport = 'api' | 'producer' | 'none';

/** Options of {@link createHttpMetrics}. Every cap bounds memory whatever clients send. */
export interface HttpMetricsOptions {
  /** Export path; default `'api'` (safe without wiring). See {@link HttpMetricsExport}. */
  readonly export?: HttpMetricsExport;
  /**
   * API path only: where the meter comes from. Default: the global provider at creation time;
   * the API has no proxy for metrics, so create the recorder after the SDK is started or pass
   * the provider here.
   */
  readonly meterProvider?: MeterProvider;
  /**
   * Methods kept as themselves; any other becomes `_OTHER`. Replaces the defaults entirely.
   * Default: `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`, else {@link DEFAULT_KNOWN_METHODS}.
   */
  readonly knownMethods?: readonly string[];
  /** Environment read for `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Duration boundaries in seconds; default the semconv advice. Strictly increasing. */
  readonly boundaries?: readonly number[];
  /**
   * Distinct `http.route` values kept (default 200). Past it, new routes are recorded with
   * `http.route="_OTHER"` and one diagnostic is logged; routes already kept go on as before.
   *
   * Why `_OTHER`: it is the value semconv itself uses as the bounded catch-all (for
   * `http.request.method` and `error.type`), so the attribute set stays semconv's and every
   * dashboard and generated rule keeps working; it is never a raw path; and it stays apart from
   * requests that matched no route (no `http.route` at all, e.g. a scanner's 404s), so real
   * traffic on overflowed routes is not mixed into them. Omitting `http.route` would mix them;
   * the SDK-style `otel.metric.overflow=true` point drops method and status, which an
   * availability SLI needs (it is kept for the `maxSeries` cap only).
   */
  readonly maxRoutes?: number;
  /** Distinct explicit `error.type` values kept (default 50); past it, `_OTHER`. */
  readonly maxErrorTypes?: number;
  /**
   * Series (attribute sets) kept (default 1000, under the SDK's default cardinality limit of
   * 2000 so both paths agree). Past it, requests go to one series carrying only
   * `otel.metric.overflow=true`, as the SDK does.
   */
  readonly maxSeries?: number;
  /** Opt-in `http.server.active_requests` (observable UpDownCounter). Default false. */
  readonly activeRequests?: boolean;
  /** Opt-in `http.server.request.body.size` and `http.server.response.body.size`. Default false. */
  readonly bodySizes?: boolean;
  /**
   * Body size boundaries in bytes. Default: none given, so the SDK default applies on both
   * paths (semconv advises none).
   */
  readonly bodySizeBoundaries?: readonly number[];
  /** Opt-in `server.address` and `server.port` (header-derived: capped). Default false. */
  readonly serverAttributes?: boolean;
  /** Distinct (server.address, server.port) pairs kept (default 8); past it, `_OTHER`. */
  readonly maxServers?: number;
  /** Listeners binding series to SLIs; more can be added with {@link HttpMetrics.addListener}. */
  readonly listeners?: readonly SeriesListener[];
}

/** Default of {@link HttpMetricsOptions.maxRoutes}. */
export const DEFAULT_MAX_ROUTES = 200;
/** Default of {@link HttpMetricsOptions.maxErrorTypes}. */
export const DEFAULT_MAX_ERROR_TYPES = 50;
/** Default of {@link HttpMetricsOptions.maxSeries}. */
export const DEFAULT_MAX_SERIES = 1000;
/** Default of {@link HttpMetricsOptions.maxServers}. */
export const DEFAULT_MAX_SERVERS = 8;
/** Distinct `url.scheme` values kept (`http`, `https` and two more); then `_OTHER`. */
export const MAX_SCHEMES = 4;
/** Distinct `network.protocol.version` values kept (`1.0`, `1.1`, `2`, `3` and two more). */
export const MAX_PROTOCOL_VERSIONS = 6;

/** Status codes Node accepts (100-999) index themselves; 0 means no status. */
export const STATUS_SLOTS = 1000;
/** Series keys stay small integers (V8 Smis), so a `Map.get` on them never allocates. */
const MAX_KEY_SPACE = 2 ** 30;
const MAX_BOUNDARIES = 64;
const MAX_CAP = 100_000;

/** Options after validation, defaults filled in. Internal. */
export interface ResolvedHttpMetricsOptions {
  readonly mode: HttpMetricsExport;
  readonly meterProvider: MeterProvider | undefined;
  readonly knownMethods: readonly string[];
  readonly boundaries: readonly number[];
  /** `undefined`: no advice, the SDK default applies. */
  readonly bodySizeBoundaries: readonly number[] | undefined;
  readonly maxRoutes: number;
  readonly maxErrorTypes: number;
  readonly maxSeries: number;
  readonly maxServers: number;
  readonly activeRequests: boolean;
  readonly bodySizes: boolean;
  readonly serverAttributes: boolean;
  readonly listeners: readonly SeriesListener[];
}

/**
 * Validates the options and fills in defaults. Internal to the recorder.
 *
 * @param options - what the user passed
 * @returns the resolved options
 * @throws NinesError `INVALID_ARGUMENT` listing every invalid option at once
 */
export function resolveOptions(options: HttpMetricsOptions): ResolvedHttpMetricsOptions {
  const issues: NinesIssue[] = [];
  const requested: unknown = options.export ?? 'api';
  let mode: HttpMetricsExport = 'api';
  if (requested === 'api' || requested === 'producer' || requested === 'none') mode = requested;
  else {
    issues.push(
      issue(['export'], `export ${JSON.stringify(requested)} is not "api", "producer" or "none".`),
    );
  }
  const boundaries = checkBoundaries(
    options.boundaries ?? HTTP_SERVER_DURATION_BOUNDARIES,
    'boundaries',
    issues,
  );
  const bodySizeBoundaries =
    options.bodySizeBoundaries === undefined
      ? undefined
      : checkBoundaries(options.bodySizeBoundaries, 'bodySizeBoundaries', issues);
  const maxRoutes = checkCap(options.maxRoutes, DEFAULT_MAX_ROUTES, 'maxRoutes', issues);
  const maxErrorTypes = checkCap(
    options.maxErrorTypes,
    DEFAULT_MAX_ERROR_TYPES,
    'maxErrorTypes',
    issues,
  );
  const maxSeries = checkCap(options.maxSeries, DEFAULT_MAX_SERIES, 'maxSeries', issues);
  const maxServers = checkCap(options.maxServers, DEFAULT_MAX_SERVERS, 'maxServers', issues);
  let knownMethods: readonly string[] = [];
  try {
    knownMethods = resolveKnownMethods(options.knownMethods, options.env);
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    issues.push(...error.issues);
  }
  const serverAttributes = options.serverAttributes === true;
  // Dimensions of the series key: methods + _OTHER, statuses, error types + absent + _OTHER,
  // schemes and protocol versions likewise, server pairs likewise (or 1 when off).
  const keySpace =
    (knownMethods.length + 1) *
    STATUS_SLOTS *
    (maxErrorTypes + 2) *
    (MAX_SCHEMES + 2) *
    (MAX_PROTOCOL_VERSIONS + 2) *
    (serverAttributes ? maxServers + 2 : 1);
  if (keySpace > MAX_KEY_SPACE) {
    issues.push(
      issue(
        ['maxErrorTypes'],
        `knownMethods (${knownMethods.length}), maxErrorTypes (${maxErrorTypes}) and maxServers (${maxServers}) together allow ${keySpace} attribute combinations per route; at most ${MAX_KEY_SPACE} are accepted: lower one of them.`,
      ),
    );
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);
  return {
    mode,
    meterProvider: options.meterProvider,
    knownMethods,
    boundaries,
    bodySizeBoundaries,
    maxRoutes,
    maxErrorTypes,
    maxSeries,
    maxServers,
    activeRequests: options.activeRequests === true,
    bodySizes: options.bodySizes === true,
    serverAttributes,
    listeners: options.listeners ?? [],
  };
}

function issue(path: (string | number)[], message: string): NinesIssue {
  return { code: 'INVALID_ARGUMENT', message, path };
}

function checkCap(
  value: number | undefined,
  fallback: number,
  name: string,
  issues: NinesIssue[],
): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value >= 1 && value <= MAX_CAP) return value;
  issues.push(issue([name], `${name} ${String(value)} is not an integer in [1, ${MAX_CAP}].`));
  return fallback;
}

function checkBoundaries(
  boundaries: readonly number[],
  name: string,
  issues: NinesIssue[],
): readonly number[] {
  const given: unknown = boundaries;
  if (!Array.isArray(given) || boundaries.length === 0 || boundaries.length > MAX_BOUNDARIES) {
    issues.push(issue([name], `${name} must list 1 to ${MAX_BOUNDARIES} boundaries.`));
    return HTTP_SERVER_DURATION_BOUNDARIES;
  }
  for (const [i, bound] of boundaries.entries()) {
    const previous = i === 0 ? -Infinity : (boundaries[i - 1] ?? -Infinity);
    if (typeof bound !== 'number' || !Number.isFinite(bound) || bound <= previous) {
      issues.push(
        issue(
          [name, i],
          `${name}[${i}] = ${String(bound)} is not a finite number greater than the previous boundary.`,
        ),
      );
      return HTTP_SERVER_DURATION_BOUNDARIES;
    }
  }
  return Object.freeze([...boundaries]);
}
