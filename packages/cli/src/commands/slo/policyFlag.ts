import {
  datadogPolicy,
  grafanaPolicy,
  pyrraPolicy,
  slothPolicy,
  workbookPolicy,
  type BurnRatePolicy,
} from '@nines/core';
import { CliUsageError } from '../../command.js';

/** Policy names `--policy` accepts. */
export const POLICY_NAMES = ['workbook', 'sloth', 'pyrra', 'datadog', 'grafana'] as const;

/**
 * The burn-rate policy a `--policy` flag names, for a period.
 *
 * @param command - command path, for errors
 * @param name - policy name (default `workbook`)
 * @param period - the period as typed (`30d`) and in milliseconds
 * @returns the policy
 * @throws CliUsageError for an unknown name or a period the preset does not have
 */
export function policyFor(
  command: string,
  name: string | undefined,
  period: { text: string; ms: number },
): BurnRatePolicy {
  switch (name ?? 'workbook') {
    case 'workbook':
      return workbookPolicy(period.ms);
    case 'pyrra':
      return pyrraPolicy(period.ms);
    case 'grafana':
      return grafanaPolicy();
    case 'sloth':
      if (period.text === '30d' || period.text === '28d' || period.text === '7d')
        return slothPolicy(period.text);
      throw new CliUsageError(
        command,
        `Sloth's catalogs cover 30d, 28d and 7d, not ${period.text}`,
      );
    case 'datadog':
      if (period.text === '30d' || period.text === '7d' || period.text === '90d')
        return datadogPolicy(period.text);
      throw new CliUsageError(
        command,
        `Datadog's presets cover 7d, 30d and 90d, not ${period.text}`,
      );
    default:
      throw new CliUsageError(
        command,
        `--policy must be one of ${POLICY_NAMES.join(', ')}, got "${name ?? ''}"`,
      );
  }
}
