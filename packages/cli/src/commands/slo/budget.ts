import {
  allowedBadEvents,
  allowedDowntime,
  describeTier,
  formatDecimal,
  formatDuration,
  formatHumanDuration,
  formatTarget,
  nines,
  ninesTable,
  parseDuration,
  targetFromFraction,
  targetFromPercent,
  validatePolicy,
  formatIssue,
  type Target,
} from '@nines/core';
import { CliUsageError, EXIT, parseFlags, wantsHelp, type Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { renderTable, type Column } from '../../output.js';
import { POLICY_NAMES, policyFor } from './policyFlag.js';

const COMMAND = 'budget';

const HELP = `Usage: nines budget --target TARGET --window DURATION [options]

What an objective allows: the error budget as downtime and as bad events, the nines table for
the window, and the burn-rate alert tiers with their thresholds, detection time on a total
outage, reset time and budget spent when they fire.

Options:
  --target TARGET    99.9 (percent) or 0.999 (fraction): a value below 1 is a fraction
  --window DURATION  the SLO period, e.g. 30d, 4w, 7d (Prometheus duration)
  --events N         also show the bad events allowed out of N events (default 1000000)
  --policy NAME      ${POLICY_NAMES.join(', ')} (default workbook: SRE Workbook tiers
                     derived for the window)
  --format FORMAT    table (default), markdown or json

Exit codes: 0 ok (warnings, such as a tier that can never fire, go to stderr);
2 usage error.

Example:
  nines budget --target 99.9 --window 30d
`;

const FLAGS = {
  target: { type: 'string' },
  window: { type: 'string' },
  events: { type: 'string' },
  policy: { type: 'string' },
  format: { type: 'string' },
} as const;

/**
 * Read `--target`: a value below 1 is a fraction, otherwise a percent (so 99.9 and 0.999 mean
 * the same objective). Exact: 99.9 stays 99.9.
 */
function parseTarget(command: string, text: string | undefined): Target {
  if (text === undefined)
    throw new CliUsageError(command, '--target is required, e.g. --target 99.9');
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value >= 100) {
    throw new CliUsageError(
      command,
      `--target must be a percent in (0, 100) or a fraction in (0, 1), got "${text}"`,
    );
  }
  return value < 1 ? targetFromFraction(value) : targetFromPercent(value);
}

function parseWindow(command: string, text: string | undefined): { text: string; ms: number } {
  if (text === undefined)
    throw new CliUsageError(command, '--window is required, e.g. --window 30d');
  try {
    const ms = parseDuration(text);
    if (ms <= 0) throw new Error('must be positive');
    return { text: formatDuration(ms), ms };
  } catch (error) {
    throw new CliUsageError(command, `--window: ${(error as Error).message}`, error);
  }
}

/** `nines budget`: what an objective allows and how its alerts behave. */
export const budgetCommand: Command = {
  name: COMMAND,
  summary: 'error budget, nines table and alert tiers for a target and window',
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    await Promise.resolve();
    if (wantsHelp(args)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { values } = parseFlags(COMMAND, args, FLAGS);
    const target = parseTarget(COMMAND, values.target);
    const window = parseWindow(COMMAND, values.window);
    const events = values.events === undefined ? 1_000_000 : Number(values.events);
    if (!Number.isSafeInteger(events) || events <= 0) {
      throw new CliUsageError(
        COMMAND,
        `--events must be a positive whole number, got "${values.events ?? ''}"`,
      );
    }
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'markdown' && format !== 'json') {
      throw new CliUsageError(COMMAND, `--format must be table, markdown or json, got "${format}"`);
    }
    const policy = policyFor(COMMAND, values.policy, window);
    const tiers = policy.tiers.map((tier) => describeTier(tier, target, window.ms));
    const validation = validatePolicy(policy, target);
    const table = ninesTable({
      targets: [target],
      windows: [
        window.ms,
        ...[7, 28, 30, 90, 365].map((d) => d * 86_400_000).filter((w) => w !== window.ms),
      ],
    });
    const downtime = allowedDowntime(target, window.ms);
    const bad = allowedBadEvents(target, events);
    for (const warning of [...validation.errors, ...validation.warnings])
      io.stderr.write(`warning: ${formatIssue(warning)}\n`);
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          {
            target: { percent: target.percent, fraction: target.fraction, nines: nines(target) },
            window: window.text,
            errorBudget: target.errorBudget,
            allowedDowntimeMs: downtime,
            allowedBadEvents: { events, bad },
            ninesTable: table[0]?.allowed.map((c) => ({
              window: formatDuration(c.windowMs),
              downtimeMs: c.downtimeMs,
            })),
            policy: policy.name,
            tiers,
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    const tableFormat = format === 'markdown' ? 'markdown' : 'table';
    io.stdout.write(
      `${formatTarget(target)} over ${window.text} (${formatDecimal(nines(target), 2)} nines): error budget ` +
        `${formatDecimal(target.errorBudget * 100)}% = ${formatHumanDuration(downtime)} of downtime, or ` +
        `${formatDecimal(bad)} bad events out of ${formatDecimal(events)}\n\n`,
    );
    const windowColumns: Column[] = [
      { header: 'target' },
      ...(table[0]?.allowed ?? []).map((c) => ({
        header: formatDuration(c.windowMs),
        align: 'right' as const,
      })),
    ];
    io.stdout.write('Allowed downtime\n');
    io.stdout.write(
      renderTable(
        windowColumns,
        table.map((row) => [
          formatTarget(row.target),
          ...row.allowed.map((c) => formatHumanDuration(c.downtimeMs)),
        ]),
        tableFormat,
      ),
    );
    io.stdout.write(`\nBurn-rate alert tiers (${policy.name})\n`);
    const columns: Column[] = [
      { header: 'tier' },
      { header: 'severity' },
      { header: 'long/short' },
      { header: 'factor', align: 'right' },
      { header: 'threshold', align: 'right' },
      { header: 'detects outage in', align: 'right' },
      { header: 'resets in', align: 'right' },
      { header: 'budget at fire', align: 'right' },
      { header: 'budget lasts', align: 'right' },
    ];
    io.stdout.write(
      renderTable(
        columns,
        tiers.map((t) => [
          t.name,
          t.severity,
          `${formatDuration(t.longWindow)}/${formatDuration(t.shortWindow)}`,
          formatDecimal(t.factor),
          `${formatDecimal(t.threshold * 100)}%`,
          t.reachable ? formatHumanDuration(t.detectionTimeOnOutage) : 'never',
          formatHumanDuration(t.resetTime),
          `${formatDecimal(t.budgetSpentAtFire * 100)}%`,
          formatHumanDuration(t.timeToExhaust),
        ]),
        tableFormat,
      ),
    );
    return EXIT.ok;
  },
};
