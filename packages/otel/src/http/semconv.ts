/**
 * OpenTelemetry semantic-convention names for HTTP server metrics, copied as plain strings.
 *
 * Source: open-telemetry/semantic-conventions v1.44.0 `docs/http/http-metrics.md` and
 * `@opentelemetry/semantic-conventions@1.45.0` (`METRIC_HTTP_SERVER_*`, `ATTR_*`,
 * `*_VALUE_OTHER`). We copy them instead of depending on that package: the incubating
 * (Development) names live only in its `/incubating` entry point, which the package README asks
 * libraries to copy rather than import, because it may break in minor releases
 * (REFERENCE.md §5.1). The stable names are copied too so that this file is the one place
 * holding them.
 *
 * The advised duration boundaries are `HTTP_SERVER_DURATION_BOUNDARIES` from `@nines/core`
 * (semantic-conventions http-metrics L66), shared with the evaluator and the rules.
 */

/** Stable histogram of server request durations, in seconds (REFERENCE.md §5.2). */
export const METRIC_HTTP_SERVER_REQUEST_DURATION = 'http.server.request.duration';
/** Opt-in (Development) UpDownCounter of requests in flight, unit `{request}`. */
export const METRIC_HTTP_SERVER_ACTIVE_REQUESTS = 'http.server.active_requests';
/** Opt-in (Development) histogram of request body sizes in bytes. */
export const METRIC_HTTP_SERVER_REQUEST_BODY_SIZE = 'http.server.request.body.size';
/** Opt-in (Development) histogram of response body sizes in bytes. */
export const METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE = 'http.server.response.body.size';

/** UCUM unit of the duration histogram. */
export const UNIT_SECONDS = 's';
/** UCUM unit of the body size histograms. */
export const UNIT_BYTES = 'By';
/** UCUM annotation unit of the active requests counter. */
export const UNIT_REQUESTS = '{request}';

/**
 * Descriptions as `@opentelemetry/instrumentation-http` 0.223.0 writes them for the duration
 * (src/http.ts), and as the semconv tables brief the others. Keeping the duration text identical
 * matters: the Prometheus exporter merges families of the same name from different scopes, and
 * one family can carry only one `# HELP` line.
 */
export const DESCRIPTION_HTTP_SERVER_REQUEST_DURATION = 'Duration of HTTP server requests.';
/** Description of {@link METRIC_HTTP_SERVER_ACTIVE_REQUESTS}. */
export const DESCRIPTION_HTTP_SERVER_ACTIVE_REQUESTS = 'Number of active HTTP server requests.';
/** Description of {@link METRIC_HTTP_SERVER_REQUEST_BODY_SIZE}. */
export const DESCRIPTION_HTTP_SERVER_REQUEST_BODY_SIZE = 'Size of HTTP server request bodies.';
/** Description of {@link METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE}. */
export const DESCRIPTION_HTTP_SERVER_RESPONSE_BODY_SIZE = 'Size of HTTP server response bodies.';

/** Required: the normalised request method, or {@link VALUE_OTHER}. */
export const ATTR_HTTP_REQUEST_METHOD = 'http.request.method';
/** Required: the original client scheme (`http`, `https`). */
export const ATTR_URL_SCHEME = 'url.scheme';
/** Conditionally required: the route template, never the raw path; absent when none matched. */
export const ATTR_HTTP_ROUTE = 'http.route';
/** Conditionally required: the status code sent, as an integer. */
export const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
/** Conditionally required on failure only: exception type, low-cardinality id, or 5xx status text. */
export const ATTR_ERROR_TYPE = 'error.type';
/** Recommended: `1.0`, `1.1`, `2`, `3`. */
export const ATTR_NETWORK_PROTOCOL_VERSION = 'network.protocol.version';
/** Opt-in: header-derived host name; attackers can inflate its cardinality. */
export const ATTR_SERVER_ADDRESS = 'server.address';
/** Opt-in: header-derived port. */
export const ATTR_SERVER_PORT = 'server.port';
/**
 * Set alone on the one point that collects measurements past a cardinality limit, as the SDK does
 * (opentelemetry-specification `specification/metrics/sdk.md` L902-931; REFERENCE.md §5.5).
 */
export const ATTR_OTEL_METRIC_OVERFLOW = 'otel.metric.overflow';

/**
 * The semconv catch-all value: `HTTP_REQUEST_METHOD_VALUE_OTHER` and `ERROR_TYPE_VALUE_OTHER`
 * are both `"_OTHER"`. Nines also uses it for the route cap and the small caps on `url.scheme`,
 * `network.protocol.version` and `server.address` (see the README).
 */
export const VALUE_OTHER = '_OTHER';

/**
 * Bucket boundaries the SDK uses for a histogram created without advice (sdk-metrics
 * `view/Aggregation` default, REFERENCE.md §5.2). The semconv gives no advice for body sizes, so
 * without a `bodySizeBoundaries` option both export paths use these, to stay identical.
 */
export const SDK_DEFAULT_HISTOGRAM_BOUNDARIES: readonly number[] = Object.freeze([
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
]);
