import {
  allowedDowntime,
  describeTier,
  formatDecimal,
  formatDuration,
  formatHumanDuration,
  formatIssue,
  formatTarget,
  formatWindow,
  nominalWindowLength,
  type Objective,
} from '@nines/core';
import { EXIT, wantsHelp, type Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { loadSpec, specArguments } from './specFiles.js';

const COMMAND = 'explain';

const HELP = `Usage: nines explain [--format text|json] FILE...

Say in words and numbers what each objective in OpenSLO/Sloth files measures, what its error
budget allows, and what each of its alerts means: when it fires, how fast it catches a total
outage, how much budget is gone by then, and how soon it clears.

Options:
  --format FORMAT   text (default) or json

Exit codes: 0 ok; 1 the files have problems (one line each on stderr); 2 usage error.
`;

function matcherText(objective: Objective): string {
  const sli = objective.sli;
  if (sli.kind !== 'http-availability' && sli.kind !== 'http-latency') return '';
  if (sli.matchers.length === 0) return ' to the whole service';
  return ` where ${sli.matchers.map((m) => `${m.attribute} ${m.op} "${m.value}"`).join(' and ')}`;
}

/**
 * What an objective measures, in one sentence.
 *
 * @param objective - the objective
 * @returns the sentence
 */
export function describeSli(objective: Objective): string {
  const sli = objective.sli;
  const target = formatTarget(objective.target);
  switch (sli.kind) {
    case 'http-availability':
      return `${target} of HTTP requests${matcherText(objective)} succeed (bad: a 5xx status or a request that ended in an error; 4xx count as good)`;
    case 'http-latency':
      return `${target} of HTTP requests${matcherText(objective)} succeed within ${formatDecimal(sli.threshold)} s (the bucket bound le="${formatDecimal(sli.threshold)}")`;
    case 'events':
      return `${target} of the events the application records as good or bad are good`;
    case 'promql':
      return `${target} of events are good, by PromQL (${sli.errorRatioQuery ?? sli.errorQuery ?? sli.goodQuery ?? ''})`;
  }
}

/**
 * An objective explained: its SLI, budget and every alert tier, as lines of text.
 *
 * @param objective - the objective
 * @returns lines without trailing newlines
 */
export function explainObjective(objective: Objective): string[] {
  const period = nominalWindowLength(objective.window);
  const lines = [
    `${objective.id} (service ${objective.service}): ${describeSli(objective)}, over ${formatWindow(objective.window)}, budgeting by ${objective.budgeting.method}.`,
    `  Error budget: ${formatDecimal(objective.target.errorBudget * 100)}% of events, i.e. ${formatHumanDuration(allowedDowntime(objective.target, period))} of total outage per ${formatDuration(period)}.`,
  ];
  const policy = objective.alerting;
  if (policy === undefined) {
    lines.push('  No burn-rate alerts (alerting is off).');
    return lines;
  }
  lines.push(
    `  Alerts (${policy.name} policy${policy.minEvents ? `, at least ${policy.minEvents} events in the long window` : ''}):`,
  );
  for (const tier of policy.tiers) {
    const d = describeTier(tier, objective.target, period);
    const long = formatHumanDuration(d.longWindow);
    const short = formatHumanDuration(d.shortWindow);
    if (!d.reachable) {
      lines.push(
        `    ${d.name} (${d.severity}) can never fire: its threshold ${formatDecimal(d.factor)} x ${formatDecimal(objective.target.errorBudget * 100)}% = ${formatDecimal(d.threshold * 100)}% is above 100%.`,
      );
      continue;
    }
    lines.push(
      `    ${d.name} (${d.severity}): fires when at least ${formatDecimal(d.threshold * 100)}% of events are bad over both the last ${long} and the last ${short}` +
        `${d.for > 0 ? ` for ${formatHumanDuration(d.for)}` : ''} (${formatDecimal(d.factor)}x the rate that spends the budget exactly by the end of the period). ` +
        `A total outage trips it after ${formatHumanDuration(d.detectionTimeOnOutage)}. Firing on time means ${formatDecimal(d.budgetSpentAtFire * 100)}% of the ${formatDuration(period)} budget is gone; ` +
        `at that rate all of it lasts ${formatHumanDuration(d.timeToExhaust)}. It clears within ${formatHumanDuration(d.resetTime)} after errors stop.`,
    );
  }
  return lines;
}

/** `nines explain FILE...`: objectives and alerts in words and numbers. */
export const explainCommand: Command = {
  name: COMMAND,
  summary: 'explain each objective and alert in words and numbers',
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    if (wantsHelp(args)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { format, positionals } = specArguments(COMMAND, args);
    const loaded = await loadSpec(positionals, io.cwd);
    if (!loaded.ok) {
      for (const line of loaded.lines) io.stderr.write(`${line}\n`);
      return EXIT.problems;
    }
    for (const warning of loaded.result.warnings)
      io.stderr.write(`warning: ${formatIssue(warning)}\n`);
    if (format === 'json') {
      const out = loaded.result.objectives.map((o) => {
        const period = nominalWindowLength(o.window);
        return {
          id: o.id,
          service: o.service,
          sli: describeSli(o),
          target: o.target,
          window: formatWindow(o.window),
          allowedDowntimeMs: allowedDowntime(o.target, period),
          tiers: (o.alerting?.tiers ?? []).map((t) => describeTier(t, o.target, period)),
        };
      });
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT.ok;
    }
    io.stdout.write(
      `${loaded.result.objectives.map((o) => explainObjective(o).join('\n')).join('\n\n')}\n`,
    );
    return EXIT.ok;
  },
};
