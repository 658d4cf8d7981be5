/** How an attribute value is compared, with PromQL's four matcher operators. */
export type MatcherOperator = '=' | '!=' | '=~' | '!~';

/**
 * One attribute condition of a selector, e.g. `http.route = "/checkout"`. Regex matchers are
 * fully anchored, as in PromQL.
 */
export interface AttributeMatcher {
  /** OpenTelemetry attribute name, e.g. `http.route`. */
  readonly attribute: string;
  /** `=` and `!=` compare text; `=~` and `!~` match a fully anchored regular expression. */
  readonly op: MatcherOperator;
  /** The text, or the regular expression for `=~` and `!~`. */
  readonly value: string;
}

/**
 * HTTP availability over `http.server.request.duration`: an event is bad when the response is
 * 5xx or the request ended in an error (`error.type` set); 4xx are good.
 */
export interface HttpAvailabilitySli {
  /** Discriminant. */
  readonly kind: 'http-availability';
  /** Which series count, e.g. one route. Empty: the whole service. */
  readonly matchers: readonly AttributeMatcher[];
}

/**
 * HTTP latency over `http.server.request.duration`: an event is good when it succeeded and took
 * at most `threshold` seconds. The threshold must be a bucket boundary for an exact count.
 */
export interface HttpLatencySli {
  /** Discriminant. */
  readonly kind: 'http-latency';
  /** Latency threshold in seconds (inclusive, Prometheus `le` semantics). */
  readonly threshold: number;
  /** Which series count, e.g. one route. Empty: the whole service. */
  readonly matchers: readonly AttributeMatcher[];
}

/** Custom good/total events recorded by application code (queue consumers, cron jobs). */
export interface EventsSli {
  /** Discriminant. */
  readonly kind: 'events';
}

/**
 * A PromQL SLI for the fleet path only (it cannot be evaluated in-process): either an error
 * ratio query, or error (or good) and total queries. `{{.window}}` is replaced by the window.
 */
export interface PromqlSli {
  /** Discriminant. */
  readonly kind: 'promql';
  /** A query returning the error ratio (0 to 1) over `{{.window}}`; alone. */
  readonly errorRatioQuery?: string;
  /** Bad events over `{{.window}}`; with `totalQuery`. */
  readonly errorQuery?: string;
  /** Good events over `{{.window}}`; with `totalQuery`, instead of `errorQuery`. */
  readonly goodQuery?: string;
  /** Valid events over `{{.window}}`. */
  readonly totalQuery?: string;
}

/** What an objective measures. */
export type Sli = HttpAvailabilitySli | HttpLatencySli | EventsSli | PromqlSli;
