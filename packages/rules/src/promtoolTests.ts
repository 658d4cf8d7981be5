import type { Objective } from '@nines/core';
import { generateRules, type AlertingRule, type RulesOptions } from './generate.js';
import { namingFor } from './naming.js';
import { labelName, quote } from './promql.js';
import {
  checkMinutes,
  replayScenario,
  scenarioMinutes,
  standardScenarios,
  type AlertScenario,
  type MinuteCounts,
} from './scenarios.js';
import { EVENTS_METRIC, HTTP_DURATION_METRIC } from './sli.js';
import { toYaml, type YamlValue } from './yaml.js';

/** Options of {@link generatePromtoolTests}: the rule options used, plus the test set-up. */
export interface PromtoolTestOptions extends RulesOptions {
  /** Path of the rule file, relative to the test file; default `rules.yaml`. */
  readonly ruleFile?: string;
  /** Scenarios per objective; default {@link standardScenarios}. */
  readonly scenarios?: (objective: Objective) => readonly AlertScenario[];
}

/** The generated test file and the objectives it could not cover. */
export interface PromtoolTests {
  /** YAML for `promtool test rules`. */
  readonly text: string;
  /** Objectives left out, with the reason (e.g. a PromQL SLI, whose input series are unknown). */
  readonly skipped: readonly {
    /** Objective id. */
    readonly id: string;
    /** Why no test was generated. */
    readonly reason: string;
  }[];
}

interface SeriesPlan {
  readonly labels: Record<string, string>;
  /** Input series: metric selector text and which count of a minute it accumulates. */
  readonly series: readonly { readonly text: string; readonly pick: (m: MinuteCounts) => number }[];
}

function seriesText(metric: string, labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${quote(v)}`);
  return parts.length === 0 ? metric : `${metric}{${parts.join(',')}}`;
}

function planSeries(objective: Objective, options: PromtoolTestOptions): SeriesPlan | string {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.selector ?? {})) labels[labelName(k)] = v;
  const sli = objective.sli;
  if (sli.kind === 'promql') return 'a PromQL SLI: its input series are not known to the generator';
  if (sli.kind === 'http-availability' || sli.kind === 'http-latency') {
    for (const m of sli.matchers) {
      if (m.op !== '=')
        return `matcher ${m.attribute}${m.op}"${m.value}" has no single value to generate series for`;
      labels[labelName(m.attribute)] = m.value;
    }
    const base =
      options.metricNaming === 'otlp' ? HTTP_DURATION_METRIC.otlp : HTTP_DURATION_METRIC.exporter;
    if (sli.kind === 'http-availability') {
      return {
        labels,
        series: [
          { text: seriesText(`${base}_count`, labels), pick: (m) => m.good },
          {
            text: seriesText(`${base}_count`, { ...labels, error_type: '500' }),
            pick: (m) => m.total - m.good,
          },
        ],
      };
    }
    return {
      labels,
      series: [
        { text: seriesText(`${base}_count`, labels), pick: (m) => m.total },
        {
          text: seriesText(`${base}_bucket`, { ...labels, le: String(sli.threshold) }),
          pick: (m) => m.good,
        },
      ],
    };
  }
  const events = { ...labels, nines_slo: objective.id };
  return {
    labels,
    series: [
      {
        text: seriesText(EVENTS_METRIC, { ...events, nines_outcome: 'good' }),
        pick: (m) => m.good,
      },
      {
        text: seriesText(EVENTS_METRIC, { ...events, nines_outcome: 'bad' }),
        pick: (m) => m.total - m.good,
      },
    ],
  };
}

/** Expanding notation for a cumulative counter: `0 600+600x59 36000+0x9`. */
function counterValues(increments: readonly number[]): string {
  const parts = ['0'];
  let value = 0;
  let i = 0;
  while (i < increments.length) {
    const step = increments[i] ?? 0;
    let run = 1;
    while (i + run < increments.length && increments[i + run] === step) run++;
    parts.push(`${value + step}+${step}x${run - 1}`);
    value += step * run;
    i += run;
  }
  return parts.join(' ');
}

function expectedAlerts(
  tiers: readonly string[],
  rules: ReadonlyMap<string, AlertingRule>,
  recordLabels: Record<string, string>,
): YamlValue[] {
  return tiers.map((tier) => {
    const rule = rules.get(tier);
    return {
      exp_labels: { ...recordLabels, ...rule?.labels },
      exp_annotations: { ...rule?.annotations },
    };
  });
}

/**
 * Unit tests for `promtool test rules` that show each tier of each objective firing and
 * resolving on time. The expected alerts come from replaying the same traffic through the
 * @nines/core evaluator ({@link replayScenario}), so a passing promtool run proves the two
 * evaluators agree within one evaluation interval ({@link checkMinutes}).
 *
 * Each scenario feeds the series of one objective. Another objective of the same rule file that
 * reads the same series (say, a Sloth PromQL copy of an OpenSLO objective) fires too, and
 * promtool then sees alerts the scenario does not expect: generate tests for such objectives
 * from separate rule files.
 *
 * @param objectives - objectives with alert policies
 * @param options - the same rule options the rule file was generated with, plus `ruleFile`
 * @returns the test file and the objectives left out
 * @example
 * ```ts
 * const { text } = generatePromtoolTests(objectives, { ruleFile: 'slo-rules.yaml' });
 * await writeFile('slo-rules.test.yaml', text); // then: promtool test rules slo-rules.test.yaml
 * ```
 */
export function generatePromtoolTests(
  objectives: readonly Objective[],
  options: PromtoolTestOptions = {},
): PromtoolTests {
  const skipped: { id: string; reason: string }[] = [];
  const tests: YamlValue[] = [];
  const naming = namingFor(options.naming ?? 'nines');
  const alertName = options.alertName ?? 'ErrorBudgetBurn';
  for (const objective of objectives) {
    if (objective.alerting === undefined) {
      skipped.push({ id: objective.id, reason: 'alerting is disabled' });
      continue;
    }
    const plan = planSeries(objective, options);
    if (typeof plan === 'string') {
      skipped.push({ id: objective.id, reason: plan });
      continue;
    }
    const file = generateRules([objective], options);
    const rules = new Map<string, AlertingRule>();
    for (const rule of file.groups.flatMap((g) => g.rules)) {
      if ('alert' in rule && rule.alert === alertName)
        rules.set(rule.labels.nines_tier ?? '', rule);
    }
    const groupLabels = Object.fromEntries(
      (options.groupBy ?? [])
        .map(labelName)
        .flatMap((l) => (plan.labels[l] === undefined ? [] : [[l, plan.labels[l]]])),
    ) as Record<string, string>;
    const recordLabels = {
      ...groupLabels,
      ...options.labels,
      ...objective.labels,
      ...naming.identity(objective),
    };
    for (const scenario of (options.scenarios ?? standardScenarios)(objective)) {
      const minutes = scenarioMinutes(scenario);
      const timeline = replayScenario(objective, scenario);
      tests.push({
        name: `${objective.id}: ${scenario.name}`,
        interval: '1m',
        input_series: plan.series.map((s) => ({
          series: s.text,
          values: counterValues(minutes.map(s.pick)),
        })),
        alert_rule_test: checkMinutes(timeline).map((minute) => ({
          eval_time: `${minute}m`,
          alertname: alertName,
          exp_alerts: expectedAlerts(timeline[minute - 1]?.firing ?? [], rules, recordLabels),
        })),
      });
    }
  }
  const text = toYaml({
    rule_files: [options.ruleFile ?? 'rules.yaml'],
    evaluation_interval: '1m',
    tests,
  });
  return { text, skipped };
}
