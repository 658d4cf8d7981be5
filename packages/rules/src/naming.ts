import { formatDecimal, type Objective } from '@nines/core';

/**
 * Record names and identifying labels of the generated rules. `nines` is our own scheme;
 * `sloth` reproduces Sloth's record names and labels (REFERENCE.md §3.1) so existing Sloth
 * dashboards keep working after a migration.
 */
export type NamingMode = 'nines' | 'sloth';

/** The names a naming mode gives each generated series. */
export interface Naming {
  /** Which scheme this is. */
  readonly mode: NamingMode;
  /** Record name of the error ratio over `window` (Prometheus duration text). */
  errorRatio(window: string): string;
  /** Labels that identify the objective on every record. */
  identity(objective: Objective): Record<string, string>;
  /** Extra label put on a window's error-ratio record (Sloth's `sloth_window`), if any. */
  readonly windowLabel: string | undefined;
  /** Label carrying the severity on alerts. */
  readonly severityLabel: string;
  /** Record of the target as a fraction. */
  readonly objectiveRecord: string;
  /** Record of the error budget `1 - target`. */
  readonly errorBudgetRecord: string;
  /** Record of the burn rate over the whole period. */
  readonly periodBurnRateRecord: string;
  /** Record of the burn rate over the shortest window. */
  readonly currentBurnRateRecord: string;
  /** Record of the remaining error budget of the period (`nines gate` reads it). */
  readonly budgetRemainingRecord: string;
  /** Record holding the period length (`value` in the unit the name says). */
  readonly periodRecord: {
    /** Record name. */
    readonly name: string;
    /** Seconds in one unit of its value (1, or 86400 for Sloth's days). */
    readonly unitSeconds: number;
  };
  /** Name of the rule group holding one objective's records and alerts. */
  group(objective: Objective): string;
}

const NINES: Naming = {
  mode: 'nines',
  errorRatio: (window) => `nines:slo_error_ratio:rate${window}`,
  identity: (o) => ({ nines_slo: o.id, nines_service: o.service }),
  windowLabel: undefined,
  severityLabel: 'severity',
  objectiveRecord: 'nines:slo_objective:ratio',
  errorBudgetRecord: 'nines:slo_error_budget:ratio',
  periodBurnRateRecord: 'nines:slo_period_burn_rate:ratio',
  currentBurnRateRecord: 'nines:slo_current_burn_rate:ratio',
  budgetRemainingRecord: 'nines:slo_error_budget_remaining:ratio',
  periodRecord: { name: 'nines:slo_period:seconds', unitSeconds: 1 },
  group: (o) => `nines-slo-${o.id}`,
};

const SLOTH: Naming = {
  mode: 'sloth',
  errorRatio: (window) => `slo:sli_error:ratio_rate${window}`,
  identity: (o) => ({ sloth_id: o.id, sloth_service: o.service, sloth_slo: o.name }),
  windowLabel: 'sloth_window',
  severityLabel: 'sloth_severity',
  objectiveRecord: 'slo:objective:ratio',
  errorBudgetRecord: 'slo:error_budget:ratio',
  periodBurnRateRecord: 'slo:period_burn_rate:ratio',
  currentBurnRateRecord: 'slo:current_burn_rate:ratio',
  budgetRemainingRecord: 'slo:period_error_budget_remaining:ratio',
  periodRecord: { name: 'slo:time_period:days', unitSeconds: 86400 },
  group: (o) => `sloth-slo-${o.id}`,
};

/**
 * The naming scheme for a mode.
 *
 * @param mode - `nines` or `sloth`
 * @returns the scheme
 * @example
 * ```ts
 * namingFor('sloth').errorRatio('5m'); // "slo:sli_error:ratio_rate5m"
 * ```
 */
export function namingFor(mode: NamingMode): Naming {
  return mode === 'sloth' ? SLOTH : NINES;
}

/**
 * Sloth's info series labels for an objective (`sloth_slo_info`), with the objective printed
 * exactly (`"99.9"`, never `99.90000000000001`).
 *
 * @param objective - the objective
 * @returns the labels
 */
export function slothInfoLabels(objective: Objective): Record<string, string> {
  return {
    sloth_mode: 'nines-gen-prom',
    sloth_objective: formatDecimal(objective.target.percent),
    sloth_spec: 'prometheus/v1',
    sloth_version: 'nines',
  };
}
