import type { AttributeMatcher } from '@nines/core';

/**
 * Turn an OpenTelemetry attribute name into the Prometheus label the exporters write:
 * characters outside `[a-zA-Z0-9_]` become `_` and runs collapse (REFERENCE.md §5.6,
 * `http.route` → `http_route`).
 *
 * @param attribute - attribute name, e.g. `http.response.status_code`
 * @returns the label name, e.g. `http_response_status_code`
 * @example
 * ```ts
 * labelName('http.route'); // "http_route"
 * ```
 */
export function labelName(attribute: string): string {
  let name = attribute.replace(/[^a-zA-Z0-9_]+/g, '_');
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return name;
}

/**
 * Quote a string as a PromQL string literal.
 *
 * @param value - raw value
 * @returns the double-quoted literal with `\` and `"` escaped
 * @example
 * ```ts
 * quote('a"b'); // "\"a\\\"b\""
 * ```
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** One PromQL label matcher. */
export interface LabelMatcher {
  /** Prometheus label name. */
  readonly label: string;
  /** PromQL matcher operator. */
  readonly op: '=' | '!=' | '=~' | '!~';
  /** Value or (anchored) regular expression. */
  readonly value: string;
}

/**
 * Convert SLI attribute matchers to PromQL label matchers.
 *
 * @param matchers - the objective's attribute matchers
 * @returns label matchers with Prometheus label names
 */
export function toLabelMatchers(matchers: readonly AttributeMatcher[]): LabelMatcher[] {
  return matchers.map((m) => ({ label: labelName(m.attribute), op: m.op, value: m.value }));
}

/**
 * Render a selector: `name{a="b",c=~"d"}`.
 *
 * @param metric - metric name
 * @param matchers - label matchers (may be empty)
 * @returns the selector text
 * @example
 * ```ts
 * selector('up', [{ label: 'job', op: '=', value: 'api' }]); // 'up{job="api"}'
 * ```
 */
export function selector(metric: string, matchers: readonly LabelMatcher[]): string {
  if (matchers.length === 0) return metric;
  return `${metric}{${matchers.map((m) => `${m.label}${m.op}${quote(m.value)}`).join(',')}}`;
}

/**
 * The `le` matcher for a latency threshold that matches in both Prometheus 2 and 3. Prometheus 3
 * normalises integral bucket bounds to `1.0`, so `le="1"` stops matching (REFERENCE.md §1.7,
 * pyrra-dev/pyrra#1502); integral thresholds get `le=~"1(\.0)?"`.
 *
 * @param threshold - the bucket bound in seconds
 * @returns the label matcher
 * @example
 * ```ts
 * leMatcher(0.25); // { label: 'le', op: '=', value: '0.25' }
 * leMatcher(1); // { label: 'le', op: '=~', value: '1(\\.0)?' }
 * ```
 */
export function leMatcher(threshold: number): LabelMatcher {
  const text = String(threshold);
  if (Number.isInteger(threshold)) return { label: 'le', op: '=~', value: `${text}(\\.0)?` };
  return { label: 'le', op: '=', value: text };
}

/**
 * Render `sum by (labels) (inner)`, or `sum(inner)` without grouping.
 *
 * @param inner - the vector expression
 * @param by - grouping labels
 * @returns the aggregation
 */
export function sumBy(inner: string, by: readonly string[]): string {
  return by.length === 0 ? `sum(${inner})` : `sum by (${by.join(', ')}) (${inner})`;
}
