/**
 * One tier of a multi-window, multi-burn-rate alert policy: it fires when the burn rate over
 * both the long and the short window is at least `factor` (SRE Workbook ch. 5, Table 5-8).
 */
export interface BurnRateTier {
  /** Stable tier label, unique in the policy, e.g. `page-fast`; used for dedupe and inhibition. */
  readonly name: string;
  /** Severity given to the alert, e.g. `page`, `ticket`, `critical`, `warning`. */
  readonly severity: string;
  /** Long window in milliseconds (e.g. 1 h). */
  readonly longWindow: number;
  /** Short window in milliseconds (default long/12, e.g. 5 min). */
  readonly shortWindow: number;
  /** Burn-rate factor both windows must reach, e.g. 14.4. */
  readonly factor: number;
  /** Share of the period's budget (percent) spent when the tier fires on time, e.g. 2. */
  readonly budgetPercent: number;
  /** How long the condition must hold before firing, in milliseconds (Prometheus `for`). */
  readonly for?: number;
}

/** A burn-rate alert policy for one objective period. */
export interface BurnRatePolicy {
  /** Where the tiers come from, e.g. `workbook`, `sloth-30d`, `pyrra`, `custom`. */
  readonly name: string;
  /** The SLO period (window length) in milliseconds the factors were derived for. */
  readonly period: number;
  /** The tiers, fastest first by convention; an alert fires per tier. */
  readonly tiers: readonly BurnRateTier[];
  /**
   * Minimum-traffic guard: a tier does not fire unless its long window saw at least this many
   * events (low-volume services, REFERENCE.md §2.6). Default 0 (off).
   */
  readonly minEvents?: number;
}
