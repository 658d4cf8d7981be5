import type { NinesIssue, Objective, SloWindow, Budgeting } from '@nines/core';

/** One YAML file to read: its name (used in every issue) and its text. */
export interface SpecFile {
  /** Path or name shown in issues, e.g. `slos/checkout.yaml`. */
  readonly file: string;
  /** The YAML text; may hold several documents separated by `---`. */
  readonly text: string;
}

/** Which format a document was read as. */
export type SpecFormat = 'openslo/v1' | 'sloth/prometheus/v1' | 'sloth/kubernetes/v1';

/** Where something was written: 1-based line and column in a file. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Options of {@link parse} and {@link safeParse}. */
export interface ParseOptions {
  /** File name used in issues when `parse` gets a plain string. Default `'<input>'`. */
  readonly file?: string;
  /**
   * What an OpenSLO SLO without `alertPolicies` gets: `'none'` (default) disables alerting,
   * `'workbook'` lets `defineObjective` derive the SRE Workbook tiers for its window.
   */
  readonly defaultAlerting?: 'none' | 'workbook';
  /**
   * The SLO period of Sloth objectives, which Sloth takes from its command line
   * (`--default-slo-period`), not from the file: `'30d'` (default), `'28d'` or `'7d'`, the
   * periods Sloth ships window catalogs for.
   */
  readonly slothPeriod?: '30d' | '28d' | '7d';
}

/** A Sloth alert (`page_alert` or `ticket_alert`) as written, for the rules generator. */
export interface SlothAlert {
  /** `disable: true` in the file: Sloth generates no alert of this kind. */
  readonly disabled: boolean;
  /** Labels added to this alert only. */
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations added to this alert only. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Prometheus `for` in milliseconds, when the file gives one. */
  readonly for?: number;
}

/**
 * Sloth's `alerting` block of one SLO, kept so that rules can be generated with Sloth's alert
 * names, labels and annotations (the burn-rate tiers themselves are in `Objective.alerting`).
 */
export interface SlothAlerting {
  /** Alert name used by both Sloth alerts; absent only when both are disabled. */
  readonly name?: string;
  /** Labels on both alerts. */
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations on both alerts. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The page (critical) alert: tiers `page-quick` and `page-slow`. */
  readonly page: SlothAlert;
  /** The ticket (warning) alert: tiers `ticket-quick` and `ticket-slow`. */
  readonly ticket: SlothAlert;
}

/** One entry of a Sloth SLO plugin chain, carried through unchanged (Nines does not run plugins). */
export interface SlothPlugin {
  readonly id: string;
  readonly priority: number;
  /** The plugin's configuration as written (any JSON-like value). */
  readonly config?: unknown;
}

/** A Sloth `slo_plugins` / `plugins` block. */
export interface SlothPluginChain {
  readonly overridePrevious: boolean;
  readonly chain: readonly SlothPlugin[];
}

/** One OpenSLO alert condition that became a burn-rate tier. */
export interface OpenSloConditionDetails {
  /** The AlertCondition's `metadata.name`. */
  readonly name: string;
  /** The tier of `Objective.alerting` it became. */
  readonly tier: string;
  readonly severity: string;
  /** The comparison as written (`gte` or `gt`). */
  readonly op: 'gte' | 'gt';
  readonly location: SourceLocation;
}

/** One OpenSLO alert policy attached to an SLO, with the flags the rules generator may honour. */
export interface OpenSloPolicyDetails {
  /** The AlertPolicy's `metadata.name`. */
  readonly name: string;
  readonly alertWhenNoData: boolean;
  readonly alertWhenResolved: boolean;
  /** `false` only when the file says so; such a policy gives no burn-rate tier. */
  readonly alertWhenBreaching: boolean;
  readonly conditions: readonly OpenSloConditionDetails[];
  /** Names of the notification targets (inline or referenced). */
  readonly notificationTargets: readonly string[];
  readonly location: SourceLocation;
}

/** What the file said about one objective beyond the core model. */
export interface ObjectiveDetails {
  /** The objective's id (key of {@link SpecResult.details}). */
  readonly id: string;
  readonly format: SpecFormat;
  /** Where the objective is defined (the objectives entry, or the Sloth SLO). */
  readonly location: SourceLocation;
  /** OpenSLO SLO `metadata.name`, or the Sloth SLO `name`. */
  readonly sloName: string;
  /** OpenSLO `metadata.displayName` of the SLO, when given. */
  readonly displayName?: string;
  /** OpenSLO `metadata.annotations` of the SLO. */
  readonly annotations: Readonly<Record<string, string>>;
  /** OpenSLO: the SLI's `metadata.name` (inline or referenced). */
  readonly indicator?: string;
  /** OpenSLO: the id of the composite this objective is a component of. */
  readonly composite?: string;
  /** OpenSLO: the alert policies the SLO lists. */
  readonly alertPolicies?: readonly OpenSloPolicyDetails[];
  /** Sloth: the `alerting` block. */
  readonly sloth?: SlothAlerting;
  /** Sloth: the root `slo_plugins` and the SLO's `plugins`, not run by Nines. */
  readonly slothPlugins?: { readonly service?: SlothPluginChain; readonly slo?: SlothPluginChain };
}

/** One component of a composite objective. */
export interface CompositeComponent {
  /** Id of the component objective, itself in {@link SpecResult.objectives}. */
  readonly objective: string;
  /** OpenSLO `compositeWeight`, default 1, above 0. */
  readonly weight: number;
}

/**
 * An OpenSLO composite SLO (objectives with their own indicators). Parsed and validated, and each
 * component is a regular objective; the core evaluator does not evaluate composites yet.
 */
export interface SpecComposite {
  /** The SLO's `metadata.name`. */
  readonly id: string;
  readonly service: string;
  readonly name: string;
  readonly description?: string;
  readonly window: SloWindow;
  readonly budgeting: Budgeting;
  readonly components: readonly CompositeComponent[];
  readonly location: SourceLocation;
}

/** An OpenSLO `Service` document. */
export interface SpecService {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** An OpenSLO `AlertNotificationTarget` (top-level or inline). */
export interface SpecNotificationTarget {
  readonly name: string;
  readonly target: string;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** An OpenSLO `DataSource` document. */
export interface SpecDataSource {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  /** `connectionDetails` as written (any JSON-like value, keys in null-prototype objects). */
  readonly connectionDetails?: unknown;
  readonly location: SourceLocation;
}

/** An OpenSLO `AlertPolicy` (top-level or inline) with its conditions resolved. */
export interface SpecAlertPolicy {
  readonly name: string;
  readonly description?: string;
  readonly alertWhenNoData: boolean;
  readonly alertWhenResolved: boolean;
  readonly alertWhenBreaching: boolean;
  readonly conditions: readonly string[];
  readonly notificationTargets: readonly string[];
  readonly location: SourceLocation;
}

/** Everything {@link parse} read from a set of files. */
export interface SpecResult {
  /** One validated objective per OpenSLO objectives entry and per Sloth SLO, in file order. */
  readonly objectives: readonly Objective[];
  /** Per objective id: format, location and what the core model has no field for. */
  readonly details: ReadonlyMap<string, ObjectiveDetails>;
  /** OpenSLO composite SLOs (their components are in `objectives`). */
  readonly composites: readonly SpecComposite[];
  readonly services: readonly SpecService[];
  readonly alertPolicies: readonly SpecAlertPolicy[];
  readonly notificationTargets: readonly SpecNotificationTarget[];
  readonly dataSources: readonly SpecDataSource[];
  /**
   * Problems that do not make the files invalid but deserve a look, located like issues: e.g. a
   * burn-rate tier that can never fire for its objective's target (`UNREACHABLE_TIER`).
   */
  readonly warnings: readonly NinesIssue[];
}

/** What {@link safeParse} returns: the result, or every issue found. */
export type SafeParseResult =
  | { readonly success: true; readonly value: SpecResult }
  | { readonly success: false; readonly issues: readonly NinesIssue[] };
