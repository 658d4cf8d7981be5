import type { RuleFile } from './generate.js';
import { toYaml, type YamlValue } from './yaml.js';

/** Options of {@link toPrometheusRule}. */
export interface PrometheusRuleOptions {
  /** `metadata.name` of the resource. */
  readonly name: string;
  /** `metadata.namespace` of the resource. */
  readonly namespace?: string;
  /** `metadata.labels`, e.g. the label your Prometheus Operator's `ruleSelector` matches. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Render a rule file as the YAML Prometheus reads (`rule_files:`), readable PromQL included.
 *
 * @param file - rules from `generateRules`
 * @returns YAML text
 * @example
 * ```ts
 * await writeFile('slo-rules.yaml', renderRuleFile(generateRules(objectives)));
 * ```
 */
export function renderRuleFile(file: RuleFile): string {
  return toYaml(file as unknown as YamlValue);
}

/**
 * Wrap a rule file in a Kubernetes `PrometheusRule` resource (Prometheus Operator,
 * `monitoring.coreos.com/v1`).
 *
 * @param file - rules from `generateRules`
 * @param options - resource name, namespace and labels
 * @returns the resource as data
 * @example
 * ```ts
 * renderPrometheusRule(toPrometheusRule(file, { name: 'checkout-slos', namespace: 'shop' }));
 * ```
 */
export function toPrometheusRule(
  file: RuleFile,
  options: PrometheusRuleOptions,
): Record<string, YamlValue> {
  const metadata: Record<string, YamlValue> = { name: options.name };
  if (options.namespace !== undefined) metadata.namespace = options.namespace;
  if (options.labels !== undefined) metadata.labels = { ...options.labels };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata,
    spec: file as unknown as YamlValue,
  };
}

/**
 * Render a `PrometheusRule` resource as YAML.
 *
 * @param resource - from {@link toPrometheusRule}
 * @returns YAML text
 */
export function renderPrometheusRule(resource: Record<string, YamlValue>): string {
  return toYaml(resource);
}
