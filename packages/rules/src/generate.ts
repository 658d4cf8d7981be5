import {
  exactDivide,
  formatDecimal,
  formatDuration,
  formatHumanDuration,
  nominalWindowLength,
  tierThreshold,
  type BurnRateTier,
  type Objective,
} from '@nines/core';
import { labelName, selector, type LabelMatcher } from './promql.js';
import { namingFor, slothInfoLabels, type Naming, type NamingMode } from './naming.js';
import {
  errorRatioQuery,
  eventCountQuery,
  presenceSelectors,
  type MetricNaming,
  type SliQueryOptions,
} from './sli.js';

/** A Prometheus recording rule. */
export interface RecordingRule {
  /** Name of the series the rule writes, e.g. `nines:slo_error_ratio:rate5m`. */
  readonly record: string;
  /** PromQL the rule evaluates. */
  readonly expr: string;
  /** Labels added to the written series. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Prometheus alerting rule. */
export interface AlertingRule {
  /** Alert name, e.g. `ErrorBudgetBurn`. */
  readonly alert: string;
  /** PromQL condition; the alert is active while it returns series. */
  readonly expr: string;
  /** How long the condition must hold before firing (Prometheus duration text). */
  readonly for?: string;
  /** Labels on the alert: severity, tier, window pair and the objective's identity. */
  readonly labels: Readonly<Record<string, string>>;
  /** `summary`, `description` and, when configured, `runbook_url`. */
  readonly annotations: Readonly<Record<string, string>>;
}

/** A rule group. */
export interface RuleGroup {
  /** Group name, unique in the file, e.g. `nines-slo-checkout-availability`. */
  readonly name: string;
  /** Evaluation interval of the group; Prometheus' global one when absent. */
  readonly interval?: string;
  /** The group's rules, evaluated in order. */
  readonly rules: readonly (RecordingRule | AlertingRule)[];
}

/** A Prometheus rule file: what `promtool check rules` reads. */
export interface RuleFile {
  /** One group per objective: SLI records, then metadata records, then alerts. */
  readonly groups: readonly RuleGroup[];
}

/** Options of {@link generateRules}. */
export interface RulesOptions {
  /** Record names and labels: Nines' own (default) or Sloth-compatible. */
  readonly naming?: NamingMode;
  /** Prometheus names of the HTTP histogram; default `both` (REFERENCE.md §5.6). */
  readonly metricNaming?: MetricNaming;
  /**
   * Keep these attributes (or labels) apart: one SLO per value, e.g. `['http.route']`. Alerts
   * fire per group. Keep the set bounded.
   */
  readonly groupBy?: readonly string[];
  /** Equality matchers added to every built-in SLI selector, e.g. `{ job: 'checkout' }`. */
  readonly selector?: Readonly<Record<string, string>>;
  /** Labels added to every record and alert. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Name of the burn-rate alerts; default `ErrorBudgetBurn`. */
  readonly alertName?: string;
  /**
   * Alert when the SLI's metric is absent for this long (e.g. `'10m'`); off by default because
   * absent alerts are noisy after restarts (pyrra-dev/pyrra#820).
   */
  readonly noDataAlert?: {
    /** How long the metric must be absent, e.g. `'10m'`. */
    readonly for: string;
    /** Severity label of the alert; default `warning`. */
    readonly severity?: string;
  };
  /** Runbook link put on every alert; `{{id}}` is replaced by the objective id. */
  readonly runbookUrl?: string;
  /** Evaluation interval of the generated groups, e.g. `'30s'`; default Prometheus' global. */
  readonly interval?: string;
}

interface Context {
  readonly naming: Naming;
  readonly query: SliQueryOptions;
  readonly options: RulesOptions;
}

function sortedWindows(objective: Objective): number[] {
  const windows = new Set<number>([nominalWindowLength(objective.window)]);
  for (const tier of objective.alerting?.tiers ?? []) {
    windows.add(tier.longWindow);
    windows.add(tier.shortWindow);
  }
  return [...windows].sort((a, b) => a - b);
}

function identityMatchers(ctx: Context, objective: Objective): LabelMatcher[] {
  return Object.entries(ctx.naming.identity(objective)).map(([label, value]) => ({
    label,
    op: '=',
    value,
  }));
}

function sanitized(labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) out[labelName(key)] = value;
  return out;
}

/** Labels on every record of an objective; keys such as OpenSLO's `team.name` become `team_name`. */
function baseLabels(ctx: Context, objective: Objective): Record<string, string> {
  return {
    ...sanitized(ctx.options.labels),
    ...sanitized(objective.labels),
    ...ctx.naming.identity(objective),
  };
}

function sliRules(ctx: Context, objective: Objective): RecordingRule[] {
  const rules = sortedWindows(objective).map((ms): RecordingRule => {
    const window = formatDuration(ms);
    const labels = baseLabels(ctx, objective);
    if (ctx.naming.windowLabel !== undefined) labels[ctx.naming.windowLabel] = window;
    return {
      record: ctx.naming.errorRatio(window),
      expr: errorRatioQuery(objective, window, ctx.query),
      labels,
    };
  });
  return rules;
}

function withoutWindow(ctx: Context, expr: string): string {
  const label = ctx.naming.windowLabel;
  return label === undefined ? expr : `max without (${label}) (${expr})`;
}

function metaRules(ctx: Context, objective: Objective): RecordingRule[] {
  const { naming } = ctx;
  const sel = identityMatchers(ctx, objective);
  const labels = baseLabels(ctx, objective);
  const period = nominalWindowLength(objective.window);
  const budget = formatDecimal(objective.target.errorBudget);
  const windows = sortedWindows(objective);
  const shortest = formatDuration(windows[0] ?? period);
  const periodValue = exactDivide(period, naming.periodRecord.unitSeconds * 1000);
  const rules: RecordingRule[] = [
    {
      record: naming.objectiveRecord,
      expr: `vector(${formatDecimal(objective.target.fraction)})`,
      labels,
    },
    { record: naming.errorBudgetRecord, expr: `vector(${budget})`, labels },
    { record: naming.periodRecord.name, expr: `vector(${formatDecimal(periodValue)})`, labels },
    {
      record: naming.currentBurnRateRecord,
      expr: withoutWindow(ctx, `${selector(naming.errorRatio(shortest), sel)} / ${budget}`),
      labels,
    },
    {
      record: naming.periodBurnRateRecord,
      expr: withoutWindow(
        ctx,
        `${selector(naming.errorRatio(formatDuration(period)), sel)} / ${budget}`,
      ),
      labels,
    },
    {
      record: naming.budgetRemainingRecord,
      expr: `1 - ${selector(naming.periodBurnRateRecord, sel)}`,
      labels,
    },
  ];
  if (naming.mode === 'sloth') {
    rules.push({
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: { ...labels, ...slothInfoLabels(objective) },
    });
  }
  return rules;
}

function tierAlert(
  ctx: Context,
  objective: Objective,
  tier: BurnRateTier,
  minEvents: number,
): AlertingRule {
  const { naming } = ctx;
  const sel = identityMatchers(ctx, objective);
  const threshold = tierThreshold(tier, objective.target);
  const thresholdText = formatDecimal(threshold);
  const long = formatDuration(tier.longWindow);
  const short = formatDuration(tier.shortWindow);
  const condition = (window: string): string =>
    withoutWindow(ctx, `${selector(naming.errorRatio(window), sel)} >= ${thresholdText}`);
  let expr = `${condition(long)}\nand\n${condition(short)}`;
  if (minEvents > 0) {
    const count = eventCountQuery(objective, long, ctx.query);
    if (count !== undefined) {
      const on = ctx.query.groupBy.join(', ');
      expr += `\nand on (${on})\n(${count} >= ${minEvents})`;
    }
  }
  const period = nominalWindowLength(objective.window);
  const exhaustion = formatHumanDuration(exactDivide(period, tier.factor));
  const percent = formatDecimal(objective.target.percent);
  const summary =
    `${objective.service} ${objective.name}: error budget burning ${formatDecimal(tier.factor)}x too fast ` +
    `(${tier.name})`;
  const description =
    `Error ratio over the last ${long} and ${short} is at or above ${formatDecimal(threshold * 100)}% ` +
    `(${formatDecimal(tier.factor)} x the ${formatDecimal(objective.target.errorBudget * 100)}% budget of a ` +
    `${percent}% objective). Firing on time means ${formatDecimal(tier.budgetPercent)}% of the ` +
    `${formatDuration(period)} budget is spent; at this rate the whole budget lasts ${exhaustion}.`;
  const annotations: Record<string, string> = { summary, description };
  if (ctx.options.runbookUrl !== undefined) {
    annotations.runbook_url = ctx.options.runbookUrl.replace(/{{ *id *}}/g, objective.id);
  }
  const labels: Record<string, string> = {
    ...sanitized(ctx.options.labels),
    ...naming.identity(objective),
    [naming.severityLabel]: tier.severity,
    nines_tier: tier.name,
    long_window: long,
    short_window: short,
  };
  const rule: AlertingRule = {
    alert: ctx.options.alertName ?? 'ErrorBudgetBurn',
    expr,
    labels,
    annotations,
  };
  return tier.for === undefined || tier.for === 0
    ? rule
    : { ...rule, for: formatDuration(tier.for) };
}

function noDataAlert(
  ctx: Context,
  objective: Objective,
  config: { for: string; severity?: string },
): AlertingRule | undefined {
  const selectors = presenceSelectors(objective, ctx.query);
  if (selectors.length === 0) return undefined;
  return {
    alert: 'SLOMetricAbsent',
    expr: selectors.map((s) => `absent_over_time(${s}[${config.for}])`).join('\nand\n'),
    labels: {
      ...baseLabels(ctx, objective),
      [ctx.naming.severityLabel]: config.severity ?? 'warning',
    },
    annotations: {
      summary: `${objective.service} ${objective.name}: no SLI data for ${config.for}`,
      description: `No samples of ${selectors.join(' or ')} for ${config.for}: the objective cannot be evaluated.`,
    },
  };
}

function alertRules(ctx: Context, objective: Objective): AlertingRule[] {
  const rules: AlertingRule[] = [];
  const policy = objective.alerting;
  if (policy !== undefined) {
    for (const tier of policy.tiers)
      rules.push(tierAlert(ctx, objective, tier, policy.minEvents ?? 0));
  }
  if (ctx.options.noDataAlert !== undefined) {
    const rule = noDataAlert(ctx, objective, ctx.options.noDataAlert);
    if (rule !== undefined) rules.push(rule);
  }
  return rules;
}

function withInterval(ctx: Context, group: RuleGroup): RuleGroup {
  return ctx.options.interval === undefined ? group : { ...group, interval: ctx.options.interval };
}

/**
 * Prometheus recording and alerting rules for objectives: the error ratio over every distinct
 * window (tier windows and the whole period, each a ratio of summed rates), metadata series
 * (objective, error budget, period, current and period burn rate, budget remaining), and one
 * alert per burn-rate tier with a stable `nines_tier` label, the window pair in labels, `for`
 * when the tier has one, and summary/description annotations with the numbers.
 *
 * The alert condition is `>=` on both windows, the same as the in-process evaluator's, so the
 * two agree (`test/` replays the same traffic through both).
 *
 * @param objectives - validated objectives (e.g. from `defineObjective` or `@nines/spec`)
 * @param options - naming, metric naming, grouping, extra labels and alerts
 * @returns the rule file as data (one group per objective); see `renderRuleFile` for YAML
 * @throws NinesError `INVALID_SLI` for a PromQL SLI without usable queries
 * @example
 * ```ts
 * const file = generateRules([defineObjective({ id: 'api', targetPercent: 99.9, window: '30d',
 *   sli: { kind: 'http-availability', matchers: [] } })]);
 * file.groups.map((g) => g.name); // ['nines-slo-api']
 * ```
 */
export function generateRules(
  objectives: readonly Objective[],
  options: RulesOptions = {},
): RuleFile {
  const ctx: Context = {
    naming: namingFor(options.naming ?? 'nines'),
    options,
    query: {
      metricNaming: options.metricNaming ?? 'both',
      groupBy: (options.groupBy ?? []).map(labelName),
      extraMatchers: Object.entries(options.selector ?? {}).map(([k, v]) => ({
        label: labelName(k),
        op: '=',
        value: v,
      })),
    },
  };
  const groups: RuleGroup[] = [];
  for (const objective of objectives) {
    // One group per objective, records before the alerts that read them: rules in a group run
    // in order at the same evaluation time, so an alert never sees the previous evaluation's
    // ratios (separate groups run in no fixed order, which shifted alerts by one interval).
    groups.push(
      withInterval(ctx, {
        name: ctx.naming.group(objective),
        rules: [
          ...sliRules(ctx, objective),
          ...metaRules(ctx, objective),
          ...alertRules(ctx, objective),
        ],
      }),
    );
  }
  return { groups };
}
