/**
 * @nines/rules: Prometheus recording and alerting rules, Kubernetes PrometheusRule resources and
 * promtool unit tests from Nines objectives and their burn-rate policies.
 *
 * @packageDocumentation
 */
export { generateRules } from './generate.js';
export type { AlertingRule, RecordingRule, RuleFile, RuleGroup, RulesOptions } from './generate.js';
export { renderRuleFile, renderPrometheusRule, toPrometheusRule } from './render.js';
export type { PrometheusRuleOptions } from './render.js';
export { namingFor } from './naming.js';
export type { Naming, NamingMode } from './naming.js';
export { EVENTS_METRIC, HTTP_DURATION_METRIC, errorRatioQuery } from './sli.js';
export type { MetricNaming, SliQueryOptions } from './sli.js';
export { labelName, leMatcher } from './promql.js';
export type { LabelMatcher } from './promql.js';
export { toYaml } from './yaml.js';
export type { YamlValue } from './yaml.js';
export { generatePromtoolTests } from './promtoolTests.js';
export type { PromtoolTestOptions, PromtoolTests } from './promtoolTests.js';
export { checkMinutes, replayScenario, scenarioMinutes, standardScenarios } from './scenarios.js';
export type { AlertScenario, MinuteCounts, TimelinePoint, TrafficPhase } from './scenarios.js';
