import { formatDecimal, parseDuration } from '@nines/core';
import { rankAutomation } from '@nines/toil';
import type { AutomationCandidate, AutomationEstimate, AutomationRanking } from '@nines/toil';
import { CliUsageError, EXIT, parseFlags } from '../../command.js';
import type { Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { formatHours, renderTable } from '../../output.js';
import type { Column } from '../../output.js';
import {
  LEDGER_FLAGS,
  LEDGER_HELP,
  ledgerFile,
  openLedger,
  parseFormat,
  parseFraction,
  parseInstant,
  parsePositive,
  problemPrinter,
  requireLedger,
} from './shared.js';

const COMMAND = 'toil automation';
const YEAR = 365 * 86_400_000;
const HOUR = 3_600_000;

const HELP = `Usage: nines toil automation [options]

Rank toil tasks by what automating them is worth. Runs per year are extrapolated from the
ledger's range; time saved per run is the average hands-on time (all of it for automatable
"yes", half for "partly"). For each task: the xkcd 1205 break-even time (horizon × runs per
year × time saved per run: the most time worth spending on the automation), and, given a
build cost, the payback period including upkeep and the net savings over the horizon.
Tasks marked "no", or done fewer than --min-runs times, are left out.

Options:
  --since WHEN             observe from this date (2024-01-01) or this long ago (180d);
                           default: the first entry
  --until WHEN             observe up to this date (default now)
  --team TEAM              only this team (repeatable)
  --horizon TIME           how long the automation would be used (default 5y)
  --cost TASK=TIME         time to build the automation for TASK, e.g. "rotate certs=8h"
                           (repeatable)
  --maintenance TASK=TIME  upkeep per year for TASK, e.g. "rotate certs=2h" (repeatable)
  --min-runs N             fewest runs to count as repetitive (default 3)
  --partly-saves SHARE     share of a run that automating a "partly" task saves (default 50%)
  --top N                  candidates to list (default 10)
  --format FORMAT          table (default), markdown, json or csv
${LEDGER_HELP}
Example:
  nines toil automation --since 180d --cost "restart batch=8h" --maintenance "restart batch=1h"
`;

const FLAGS = {
  ...LEDGER_FLAGS,
  team: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  horizon: { type: 'string' },
  cost: { type: 'string', multiple: true },
  maintenance: { type: 'string', multiple: true },
  'min-runs': { type: 'string' },
  'partly-saves': { type: 'string' },
  top: { type: 'string' },
  format: { type: 'string' },
} as const;

/** `TASK=TIME` pairs into hours per task. */
function taskHours(flag: string, pairs: readonly string[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const pair of pairs ?? []) {
    const at = pair.lastIndexOf('=');
    const task = pair.slice(0, at).trim();
    if (at === -1 || task === '') {
      throw new CliUsageError(
        COMMAND,
        `--${flag} takes TASK=TIME, e.g. "rotate certs=8h", got ${JSON.stringify(pair)}`,
      );
    }
    const text = pair.slice(at + 1).trim();
    let hours: number;
    if (/^\d+(\.\d+)?$/.test(text)) hours = Number(text);
    else {
      try {
        hours = parseDuration(text) / HOUR;
      } catch {
        throw new CliUsageError(
          COMMAND,
          `--${flag} ${JSON.stringify(pair)}: ${JSON.stringify(text)} is not a duration (8h, 1d, 90m, or a number of hours)`,
        );
      }
    }
    out.set(task, hours);
  }
  return out;
}

function payback(candidate: AutomationCandidate): string {
  if (candidate.paybackMonths === undefined) return '-';
  if (candidate.paybackMonths === Infinity) return 'never';
  if (candidate.paybackMonths < 0.1) return '< 0.1 mo';
  return `${formatDecimal(candidate.paybackMonths, 1)} mo`;
}

const COLUMNS: readonly Column[] = [
  { header: '#', align: 'right' },
  { header: 'Task' },
  { header: 'Automatable' },
  { header: 'Runs', align: 'right' },
  { header: 'Runs/yr', align: 'right' },
  { header: 'Min/run', align: 'right' },
  { header: 'Saves h/yr', align: 'right' },
  { header: 'Break-even h', align: 'right' },
  { header: 'Cost h', align: 'right' },
  { header: 'Upkeep h/yr', align: 'right' },
  { header: 'Payback', align: 'right' },
  { header: 'Net h', align: 'right' },
];

function rows(candidates: readonly AutomationCandidate[]): string[][] {
  return candidates.map((c, i) => [
    String(i + 1),
    c.task,
    c.automatable,
    String(c.runs),
    formatDecimal(c.runsPerYear, 1),
    formatDecimal(c.minutesPerRun, 1),
    formatHours(c.savedHoursPerYear),
    formatHours(c.breakEvenHours),
    c.costHours === undefined ? '-' : formatHours(c.costHours),
    c.maintenanceHoursPerYear === undefined ? '-' : formatHours(c.maintenanceHoursPerYear),
    payback(c),
    c.netSavingsHours === undefined ? '-' : formatHours(c.netSavingsHours),
  ]);
}

function csvRows(candidates: readonly AutomationCandidate[]): string[][] {
  const n = (value: number | undefined): string =>
    value === undefined ? '' : value === Infinity ? 'never' : formatDecimal(value);
  return candidates.map((c) => [
    c.task,
    c.category,
    c.automatable,
    c.teams.join(' '),
    String(c.runs),
    n(c.hours),
    n(c.minutesPerRun),
    n(c.runsPerYear),
    n(c.savedFraction),
    n(c.savedHoursPerYear),
    n(c.breakEvenHours),
    n(c.costHours),
    n(c.maintenanceHoursPerYear),
    n(c.paybackMonths),
    n(c.netSavingsHours),
  ]);
}

function summary(ranking: AutomationRanking, shown: number): string {
  const { notAutomatable, tooFewRuns } = ranking.skipped;
  const from =
    ranking.observedFrom === undefined
      ? ''
      : new Date(ranking.observedFrom).toISOString().slice(0, 10);
  const to =
    ranking.observedTo === undefined ? '' : new Date(ranking.observedTo).toISOString().slice(0, 10);
  const observed = from === '' ? 'no toil in range' : `observed ${from} to ${to}`;
  return `Automation ranking: ${observed}, horizon ${formatDecimal(ranking.horizonYears, 2)} years; showing ${shown} of ${ranking.candidates.length}; left out: ${notAutomatable} not automatable, ${tooFewRuns} done too rarely\n`;
}

async function automation(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(COMMAND, args, FLAGS);
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = parseFormat(COMMAND, values.format);
  const now = io.now();
  const since =
    values.since === undefined ? undefined : parseInstant(COMMAND, 'since', values.since, now);
  const until =
    values.until === undefined ? undefined : parseInstant(COMMAND, 'until', values.until, now);
  if (since !== undefined && until !== undefined && until <= since) {
    throw new CliUsageError(COMMAND, '--until must be later than --since');
  }
  let horizonYears = 5;
  if (values.horizon !== undefined) {
    const text = values.horizon.trim();
    try {
      horizonYears = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text) / YEAR;
    } catch {
      throw new CliUsageError(
        COMMAND,
        `--horizon ${JSON.stringify(values.horizon)} is not a duration (5y, 3y, 18w) or a number of years`,
      );
    }
    if (!(horizonYears > 0)) throw new CliUsageError(COMMAND, '--horizon must be more than 0');
  }
  const costs = taskHours('cost', values.cost);
  const upkeep = taskHours('maintenance', values.maintenance);
  const estimates: Record<string, AutomationEstimate> = {};
  for (const task of new Set([...costs.keys(), ...upkeep.keys()])) {
    const cost = costs.get(task);
    const maintenance = upkeep.get(task);
    estimates[task] = {
      ...(cost === undefined ? {} : { costHours: cost }),
      ...(maintenance === undefined ? {} : { maintenanceHoursPerYear: maintenance }),
    };
  }
  const minRuns =
    values['min-runs'] === undefined
      ? 3
      : parsePositive(COMMAND, 'min-runs', values['min-runs'], true);
  const top = values.top === undefined ? 10 : parsePositive(COMMAND, 'top', values.top, true);

  const file = ledgerFile(values.ledger, io);
  await requireLedger(COMMAND, file);
  const ledger = openLedger(file, values['allow-category'], io);
  const problems = problemPrinter(io);
  const ranking = await rankAutomation(ledger.read(), {
    now,
    horizonYears,
    minRuns,
    estimates,
    onProblem: problems.add,
    ...(values['partly-saves'] === undefined
      ? {}
      : { partlySaves: parseFraction(COMMAND, 'partly-saves', values['partly-saves']) }),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(values.team === undefined ? {} : { team: values.team }),
  });
  problems.finish();
  for (const task of Object.keys(estimates)) {
    if (!ranking.candidates.some((c) => c.task === task)) {
      io.stderr.write(
        `note: no ranked task named ${JSON.stringify(task)} (check --cost/--maintenance names)\n`,
      );
    }
  }
  const shown = ranking.candidates.slice(0, top);
  if (format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ ...ranking, candidates: shown }, (_k, v: unknown) => (v === Infinity ? 'never' : v), 2)}\n`,
    );
  } else if (format === 'csv') {
    const headers = [
      'task',
      'category',
      'automatable',
      'teams',
      'runs',
      'hours',
      'minutes_per_run',
      'runs_per_year',
      'saved_fraction',
      'saved_hours_per_year',
      'break_even_hours',
      'cost_hours',
      'maintenance_hours_per_year',
      'payback_months',
      'net_savings_hours',
    ];
    io.stdout.write(
      renderTable(
        headers.map((header) => ({ header })),
        csvRows(shown),
        'csv',
      ),
    );
  } else {
    io.stdout.write(
      `${format === 'markdown' ? '# ' : ''}${summary(ranking, shown.length)}${format === 'markdown' ? '\n' : ''}`,
    );
    if (shown.length > 0) io.stdout.write(renderTable(COLUMNS, rows(shown), format));
  }
  return problems.count() > 0 ? EXIT.problems : EXIT.ok;
}

/** `nines toil automation`: rank tasks by automation payback. */
export const automationCommand: Command = {
  name: 'automation',
  summary: 'rank tasks by automation break-even, payback and net savings',
  run: automation,
};
