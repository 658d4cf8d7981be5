/** How an attribute value is compared, with PromQL's four matcher operators. */
export type MatcherOperator = '=' | '!=' | '=~' | '!~';

/**
 * One attribute condition of a selector, e.g. `http.route = "/checkout"`. Regex matchers are
 * fully anchored, as in PromQL.
 */
export interface AttributeMatcher {
  /** OpenTelemetry attribute name, e.g. `http.route`. */
  readonly attribute: string;
  readonly op: MatcherOperator;
  readonly value: string;
}

/**
 * HTTP availability over `http.server.request.duration`: an event is bad when the response is
 * 5xx or the request ended in an error (`error.type` set); 4xx are good.
 */
export interface HttpAvailabilitySli {
  readonly kind: 'http-availability';
  /** Which series count, e.g. one route. Empty: the whole service. */
  readonly matchers: readonly AttributeMatcher[];
}

/**
 * HTTP latency over `http.server.request.duration`: an event is good when it succeeded and took
 * at most `threshold` seconds. The threshold must be a bucket boundary for an exact count.
 */
export interface HttpLatencySli {
  readonly kind: 'http-latency';
  /** Latency threshold in seconds (inclusive, Prometheus `le` semantics). */
  readonly threshold: number;
  readonly matchers: readonly AttributeMatcher[];
}

/** Custom good/total events recorded by application code (queue consumers, cron jobs). */
export interface EventsSli {
  readonly kind: 'events';
}

/**
 * A PromQL SLI for the fleet path only (it cannot be evaluated in-process): either an error
 * ratio query, or error (or good) and total queries. `{{.window}}` is replaced by the window.
 */
export interface PromqlSli {
  readonly kind: 'promql';
  readonly errorRatioQuery?: string;
  readonly errorQuery?: string;
  readonly goodQuery?: string;
  readonly totalQuery?: string;
}

/** What an objective measures. */
export type Sli = HttpAvailabilitySli | HttpLatencySli | EventsSli | PromqlSli;
