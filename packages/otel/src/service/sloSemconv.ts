/**
 * Names of the metrics and attributes the service layer exports for in-process SLOs. They follow
 * the OpenTelemetry naming guidelines (a `nines.` namespace, dots for hierarchy, `_` inside a
 * word, no unit in the name, units in UCUM) and are documented in the @nines/otel README.
 * Prometheus names (JS exporter): dots become `_`, counters get `_total`.
 */

/** SLI of the objective's period (good / valid, under its budgeting method), unit `1`. */
export const METRIC_NINES_SLO_SLI = 'nines.slo.sli';
/** The objective's target as a fraction (`0.999`), unit `1`. */
export const METRIC_NINES_SLO_TARGET = 'nines.slo.target';
/** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent; unit `1`. */
export const METRIC_NINES_SLO_BUDGET_REMAINING = 'nines.slo.budget.remaining';
/** Burn rate over one alert window (`nines.slo.window`), unit `1`. */
export const METRIC_NINES_SLO_BURN_RATE = 'nines.slo.burn_rate';
/** Alert state of one burn-rate tier: 0 inactive, 1 pending, 2 firing; no unit. */
export const METRIC_NINES_SLO_ALERT_STATE = 'nines.slo.alert.state';
/**
 * Good and bad events of `events` objectives (custom SLIs), a counter of `{event}`; exported
 * as `nines_sli_events_total{nines_slo, nines_outcome}`, the series `@nines/rules` queries.
 */
export const METRIC_NINES_SLI_EVENTS = 'nines.sli.events';

/** Objective id. */
export const ATTR_NINES_SLO = 'nines.slo';
/** The objective's service. */
export const ATTR_NINES_SERVICE = 'nines.service';
/** Alert window of a burn rate, as Prometheus writes durations (`5m`, `1h`, `3d`). */
export const ATTR_NINES_SLO_WINDOW = 'nines.slo.window';
/** Burn-rate tier name (`page-fast`). */
export const ATTR_NINES_SLO_TIER = 'nines.slo.tier';
/** Burn-rate tier severity (`page`, `ticket`). */
export const ATTR_NINES_SLO_SEVERITY = 'nines.slo.severity';
/** `good` or `bad`, on {@link METRIC_NINES_SLI_EVENTS}. */
export const ATTR_NINES_OUTCOME = 'nines.outcome';

/** Values of {@link METRIC_NINES_SLO_ALERT_STATE}. */
export const ALERT_STATE_VALUES = Object.freeze({ inactive: 0, pending: 1, firing: 2 } as const);
