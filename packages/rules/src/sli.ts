import { NinesError, type Objective } from '@nines/core';
import {
  labelName,
  leMatcher,
  selector,
  sumBy,
  toLabelMatchers,
  type LabelMatcher,
} from './promql.js';

/**
 * Which Prometheus names the HTTP duration histogram has where the rules run (REFERENCE.md §5.6):
 * `exporter` for the OpenTelemetry JS Prometheus exporter (`http_server_request_duration_*`),
 * `otlp` for OTLP into a Collector or Prometheus (`http_server_request_duration_seconds_*`),
 * `both` to match either (the two are combined with `or`, so a series is never counted twice).
 */
export type MetricNaming = 'exporter' | 'otlp' | 'both';

/** Options that shape the SLI queries. */
export interface SliQueryOptions {
  /** Which Prometheus names the HTTP histogram has. */
  readonly metricNaming: MetricNaming;
  /** Prometheus label names to keep apart (one SLO per route, say). */
  readonly groupBy: readonly string[];
  /** Matchers added to every selector of a built-in SLI, e.g. `job="checkout"`. */
  readonly extraMatchers: readonly LabelMatcher[];
}

/** Prometheus base name of `http.server.request.duration` per naming variant. */
export const HTTP_DURATION_METRIC = {
  /** OpenTelemetry JS Prometheus exporter (no unit suffix). */
  exporter: 'http_server_request_duration',
  /** OTLP into a Collector or Prometheus (unit suffix added). */
  otlp: 'http_server_request_duration_seconds',
} as const;

/**
 * Prometheus name of the custom-events counter `nines.sli.events` that @nines/otel emits for
 * `events` SLIs, with attributes `nines.slo` (objective id) and `nines.outcome` (`good`/`bad`).
 */
export const EVENTS_METRIC = 'nines_sli_events_total';

const WINDOW_PLACEHOLDER = /{{ *\.window *}}/g;

/** `rate` for ratios, `increase` for event counts. */
type RangeFunction = 'rate' | 'increase';

function range(
  fn: RangeFunction,
  metric: string,
  matchers: readonly LabelMatcher[],
  window: string,
): string {
  return `${fn}(${selector(metric, matchers)}[${window}])`;
}

function histogramRange(
  fn: RangeFunction,
  suffix: '_count' | '_bucket',
  matchers: readonly LabelMatcher[],
  window: string,
  naming: MetricNaming,
): string {
  if (naming === 'both') {
    const exporter = range(fn, HTTP_DURATION_METRIC.exporter + suffix, matchers, window);
    const otlp = range(fn, HTTP_DURATION_METRIC.otlp + suffix, matchers, window);
    return `(${exporter} or ${otlp})`;
  }
  return range(fn, HTTP_DURATION_METRIC[naming] + suffix, matchers, window);
}

/** The two halves of an events-based SLI at one window. */
interface Counts {
  /** Rate of bad events, or `undefined` when only good events are countable. */
  readonly bad?: string;
  /** Rate of good events, or `undefined` when bad events are countable. */
  readonly good?: string;
  readonly total: string;
}

function counts(
  objective: Objective,
  window: string,
  options: SliQueryOptions,
  fn: RangeFunction,
): Counts | undefined {
  const sli = objective.sli;
  const by = options.groupBy;
  switch (sli.kind) {
    case 'http-availability': {
      const base = [...options.extraMatchers, ...toLabelMatchers(sli.matchers)];
      const errors: LabelMatcher = { label: 'error_type', op: '!=', value: '' };
      return {
        bad: sumBy(
          histogramRange(fn, '_count', [...base, errors], window, options.metricNaming),
          by,
        ),
        total: sumBy(histogramRange(fn, '_count', base, window, options.metricNaming), by),
      };
    }
    case 'http-latency': {
      const base = [...options.extraMatchers, ...toLabelMatchers(sli.matchers)];
      const ok: LabelMatcher = { label: 'error_type', op: '=', value: '' };
      const good = [...base, ok, leMatcher(sli.threshold)];
      return {
        good: sumBy(histogramRange(fn, '_bucket', good, window, options.metricNaming), by),
        total: sumBy(histogramRange(fn, '_count', base, window, options.metricNaming), by),
      };
    }
    case 'events': {
      const base: LabelMatcher[] = [
        ...options.extraMatchers,
        { label: labelName('nines.slo'), op: '=', value: objective.id },
      ];
      return {
        bad: sumBy(
          range(
            fn,
            EVENTS_METRIC,
            [...base, { label: 'nines_outcome', op: '=', value: 'bad' }],
            window,
          ),
          by,
        ),
        total: sumBy(range(fn, EVENTS_METRIC, base, window), by),
      };
    }
    case 'promql':
      return undefined;
  }
}

/**
 * PromQL for an objective's error ratio over `window`: a ratio of summed rates (never an average
 * of ratios, REFERENCE.md §3.4). Zero traffic gives no sample (no data), never a NaN
 * (`total > 0` guard, slok/sloth#133); a window with traffic but no errors gives 0.
 *
 * @param objective - the objective
 * @param window - Prometheus duration text, e.g. `5m`
 * @param options - naming, grouping and extra matchers
 * @returns the expression
 * @throws NinesError `INVALID_SLI` for a PromQL SLI without usable queries
 */
export function errorRatioQuery(
  objective: Objective,
  window: string,
  options: SliQueryOptions,
): string {
  const c = counts(objective, window, options, 'rate');
  if (c !== undefined) {
    const total = c.total;
    if (c.bad !== undefined) return `(${c.bad} or ${total} * 0)\n/\n(${total} > 0)`;
    return `1 - (\n  (${c.good ?? '0'} or ${total} * 0)\n  /\n  (${total} > 0)\n)`;
  }
  const sli = objective.sli;
  if (sli.kind !== 'promql') throw new Error('unreachable');
  const at = (query: string): string => query.replace(WINDOW_PLACEHOLDER, window);
  if (sli.errorRatioQuery !== undefined) return `(${at(sli.errorRatioQuery)})`;
  if (sli.totalQuery !== undefined && sli.errorQuery !== undefined) {
    return `(${at(sli.errorQuery)})\n/\n(${at(sli.totalQuery)})`;
  }
  if (sli.totalQuery !== undefined && sli.goodQuery !== undefined) {
    return `1 - (\n  (${at(sli.goodQuery)})\n  /\n  (${at(sli.totalQuery)})\n)`;
  }
  throw new NinesError(
    'INVALID_SLI',
    `objective ${objective.id}: a promql SLI needs errorRatioQuery, or errorQuery or goodQuery with totalQuery`,
    { path: ['sli'] },
  );
}

/**
 * PromQL for the number of events in `window`, used by the minimum-traffic guard; `undefined`
 * for PromQL SLIs (their queries may already be rates, so no event count is known).
 *
 * @param objective - the objective
 * @param window - Prometheus duration text
 * @param options - naming, grouping and extra matchers
 * @returns the expression, or `undefined`
 */
export function eventCountQuery(
  objective: Objective,
  window: string,
  options: SliQueryOptions,
): string | undefined {
  const c = counts(objective, window, options, 'increase');
  return c?.total;
}

/**
 * The selector whose absence means "no data" for the no-data alert, or `undefined` when the SLI
 * has no known metric.
 *
 * @param objective - the objective
 * @param options - naming and extra matchers
 * @returns selectors to test with `absent_over_time` (one per naming variant)
 */
export function presenceSelectors(objective: Objective, options: SliQueryOptions): string[] {
  const sli = objective.sli;
  if (sli.kind === 'http-availability' || sli.kind === 'http-latency') {
    const base = [...options.extraMatchers, ...toLabelMatchers(sli.matchers)];
    const names =
      options.metricNaming === 'both'
        ? [HTTP_DURATION_METRIC.exporter, HTTP_DURATION_METRIC.otlp]
        : [HTTP_DURATION_METRIC[options.metricNaming]];
    return names.map((n) => selector(`${n}_count`, base));
  }
  if (sli.kind === 'events') {
    return [
      selector(EVENTS_METRIC, [
        ...options.extraMatchers,
        { label: 'nines_slo', op: '=', value: objective.id },
      ]),
    ];
  }
  return [];
}
