import { formatDecimal } from '@nines/core';
import { buildToilReport, createPeriods, parsePeriod } from '@nines/toil';
import type {
  CapacityOptions,
  PeriodSpec,
  PeriodToil,
  TaskToil,
  TeamToilReport,
  ToilReport,
} from '@nines/toil';
import { CliUsageError, EXIT, parseFlags } from '../../command.js';
import type { Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { formatDelta, formatHours, formatPercent, renderTable } from '../../output.js';
import type { Column, OutputFormat } from '../../output.js';
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

const COMMAND = 'toil report';

const HELP = `Usage: nines toil report [options]

Toil per team and period: hours, share of capacity, the toil budget (default cap 50%)
remaining or overspent, the change since the previous period, and top offenders by time and
by count. Streams the ledger: a million entries take seconds and little memory.

Range and periods:
  --period PERIOD          week (ISO calendar weeks, default), month (calendar months), or a
                           duration such as 2w or 30d for consecutive periods of that length
                           (aligned on --since when given, else on Mondays); all in UTC
  --last N                 the last N periods up to now (default 12); "all" for the whole
                           ledger; ignored with --since
  --since WHEN             from this date (2024-05-01) or this long ago (90d)
  --until WHEN             up to (not including) this date or this long ago
  --team TEAM              only this team (repeatable)

Capacity and budget:
  --team-size N | TEAM=N   people per team: one number for every team, or TEAM=N per team
                           (repeatable); capacity = people × hours per week × weeks
  --hours-per-week H       working hours per person per week (default 40)
  --capacity MODE          team-size, logged (toil + engineering + overhead hours logged), or
                           auto (default: team-size with --team-size, else logged for teams
                           that log engineering or overhead time, else unknown)
  --budget SHARE           toil cap as a share of capacity (default 50%)

Output:
  --format FORMAT          table (default), markdown, json or csv
  --top N                  top offenders to list (default 5)
${LEDGER_HELP}
Exit codes: 0 ok; 1 the ledger has bad lines (each printed as file:line: message, the
report covers the good ones); 2 usage error or missing ledger; 3 failure.

Examples:
  nines toil report --period 2w --team-size 6
  nines toil report --team sre --since 90d --format markdown
`;

const FLAGS = {
  ...LEDGER_FLAGS,
  team: { type: 'string', multiple: true },
  period: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  last: { type: 'string' },
  format: { type: 'string' },
  'team-size': { type: 'string', multiple: true },
  'hours-per-week': { type: 'string' },
  capacity: { type: 'string' },
  budget: { type: 'string' },
  top: { type: 'string' },
} as const;

function capacityOptions(
  mode: string | undefined,
  sizes: readonly string[] | undefined,
  hoursPerWeek: number | undefined,
): CapacityOptions {
  if (mode !== undefined && !['auto', 'logged', 'team-size'].includes(mode)) {
    throw new CliUsageError(
      COMMAND,
      `--capacity must be auto, logged or team-size, got ${JSON.stringify(mode)}`,
    );
  }
  if (mode === 'logged') return { mode: 'logged' };
  if (sizes === undefined || sizes.length === 0) {
    if (mode === 'team-size')
      throw new CliUsageError(COMMAND, '--capacity team-size needs --team-size');
    return { mode: 'auto' };
  }
  let all: number | undefined;
  const perTeam: Record<string, number> = {};
  for (const text of sizes) {
    const at = text.lastIndexOf('=');
    if (at === -1) {
      if (all !== undefined || Object.keys(perTeam).length > 0 || sizes.length > 1) {
        throw new CliUsageError(
          COMMAND,
          '--team-size takes either one number for every team or TEAM=N per team, not both',
        );
      }
      all = parsePositive(COMMAND, 'team-size', text);
    } else {
      const team = text.slice(0, at).trim();
      if (team === '')
        throw new CliUsageError(
          COMMAND,
          `--team-size ${JSON.stringify(text)} needs a team before "="`,
        );
      perTeam[team] = parsePositive(COMMAND, 'team-size', text.slice(at + 1));
    }
  }
  return {
    mode: 'team-size',
    teamSize: all ?? perTeam,
    ...(hoursPerWeek === undefined ? {} : { hoursPerWeek }),
  };
}

function describePeriod(spec: PeriodSpec): string {
  if (spec.kind === 'calendar')
    return spec.unit === 'week' ? 'ISO calendar weeks (UTC)' : 'calendar months (UTC)';
  const days = spec.length / 86_400_000;
  return `${formatDecimal(days, 3)}-day periods (UTC)`;
}

function describeCapacity(team: TeamToilReport, capacity: CapacityOptions): string {
  if (team.capacityMode === 'logged')
    return 'capacity: hours logged as toil, engineering and overhead';
  if (team.capacityMode === 'none') {
    return 'capacity unknown: give --team-size, or log engineering and overhead time with "nines toil log --kind"';
  }
  const size =
    capacity.mode === 'team-size'
      ? typeof capacity.teamSize === 'number'
        ? capacity.teamSize
        : capacity.teamSize[team.team]
      : undefined;
  const perWeek = capacity.mode === 'team-size' ? (capacity.hoursPerWeek ?? 40) : 40;
  return `capacity: ${formatDecimal(size ?? 0)} people × ${formatDecimal(perWeek)} h/week`;
}

function taskByTime(task: TaskToil | undefined): string {
  return task === undefined ? '' : `${task.task} (${formatHours(task.hours)} h)`;
}

function taskByCount(task: TaskToil | undefined): string {
  return task === undefined ? '' : `${task.task} (${task.entries}×)`;
}

function budgetLeft(figures: { budgetRemainingHours?: number; overBudget?: boolean }): string {
  if (figures.budgetRemainingHours === undefined) return '-';
  return `${formatHours(figures.budgetRemainingHours)}${figures.overBudget === true ? ' (over)' : ''}`;
}

const COLUMNS: readonly Column[] = [
  { header: 'Period' },
  { header: 'Toil h', align: 'right' },
  { header: 'Entries', align: 'right' },
  { header: 'Capacity h', align: 'right' },
  { header: 'Share', align: 'right' },
  { header: 'Budget left h', align: 'right' },
  { header: 'Change h', align: 'right' },
  { header: 'Top by time' },
  { header: 'Top by count' },
];

function periodRow(period: PeriodToil): string[] {
  return [
    `${period.label}${period.partial ? '*' : ''}`,
    formatHours(period.toilHours),
    String(period.entries),
    period.capacityHours === undefined ? '-' : formatHours(period.capacityHours),
    period.toilShare === undefined ? '-' : formatPercent(period.toilShare),
    budgetLeft(period),
    period.trend === undefined ? '' : formatDelta(period.trend.toilHours),
    taskByTime(period.topByTime[0]),
    taskByCount(period.topByCount[0]),
  ];
}

function offenders(team: TeamToilReport): [string, string] {
  return [
    team.topByTime.map((t) => `${t.task} ${formatHours(t.hours)} h (${t.entries}×)`).join(', '),
    team.topByCount.map((t) => `${t.task} ${t.entries}× (${formatHours(t.hours)} h)`).join(', '),
  ];
}

function renderText(
  report: ToilReport,
  capacity: CapacityOptions,
  format: 'table' | 'markdown',
): string {
  const range =
    report.start === undefined || report.end === undefined
      ? 'no entries in range'
      : `${new Date(report.start).toISOString().slice(0, 10)} to ${new Date(report.end).toISOString().slice(0, 10)}`;
  const title = `Toil report: ${describePeriod(report.period)}, ${range}, budget ${formatPercent(report.budget)} of capacity`;
  let out = format === 'markdown' ? `# ${title}\n` : `${title}\n`;
  let partial = false;
  for (const team of report.teams) {
    const rows = team.periods.map(periodRow);
    partial ||= team.periods.some((p) => p.partial);
    rows.push([
      'Total',
      formatHours(team.total.toilHours),
      String(team.total.entries),
      team.total.capacityHours === undefined ? '-' : formatHours(team.total.capacityHours),
      team.total.toilShare === undefined ? '-' : formatPercent(team.total.toilShare),
      budgetLeft(team.total),
      '',
      taskByTime(team.topByTime[0]),
      taskByCount(team.topByCount[0]),
    ]);
    const [byTime, byCount] = offenders(team);
    const heading = `Team ${team.team} (${describeCapacity(team, capacity)})`;
    out += format === 'markdown' ? `\n## ${heading}\n\n` : `\n${heading}\n`;
    out += renderTable(COLUMNS, rows, format);
    if (format === 'markdown') out += '\n';
    out += `${format === 'markdown' ? '- ' : ''}Top offenders by time: ${byTime === '' ? 'none' : byTime}\n`;
    out += `${format === 'markdown' ? '- ' : ''}Top offenders by count: ${byCount === '' ? 'none' : byCount}\n`;
  }
  if (partial)
    out += `\n${format === 'markdown' ? '\\' : ''}* partial period: capacity counts only the part inside the range\n`;
  return out;
}

function renderCsv(report: ToilReport): string {
  const number = (value: number | undefined): string =>
    value === undefined ? '' : formatDecimal(value);
  const columns = [
    'team',
    'period',
    'start',
    'end',
    'partial',
    'toil_hours',
    'entries',
    'engineering_hours',
    'overhead_hours',
    'capacity_hours',
    'toil_share',
    'budget_hours',
    'budget_remaining_hours',
    'over_budget',
    'toil_hours_change',
    'toil_share_change',
    'top_task_by_time',
    'top_task_by_count',
  ].map((header) => ({ header }));
  const rows = report.teams.flatMap((team) =>
    team.periods.map((p) => [
      team.team,
      p.label,
      new Date(p.start).toISOString(),
      new Date(p.end).toISOString(),
      String(p.partial),
      number(p.toilHours),
      String(p.entries),
      number(p.engineeringHours),
      number(p.overheadHours),
      number(p.capacityHours),
      number(p.toilShare),
      number(p.budgetHours),
      number(p.budgetRemainingHours),
      p.overBudget === undefined ? '' : String(p.overBudget),
      number(p.trend?.toilHours),
      number(p.trend?.toilShare),
      p.topByTime[0]?.task ?? '',
      p.topByCount[0]?.task ?? '',
    ]),
  );
  return renderTable(columns, rows, 'csv');
}

/** JSON with instants as ISO 8601 text. */
function reportJson(report: ToilReport): string {
  return `${JSON.stringify(
    report,
    (key, value: unknown) =>
      (key === 'start' || key === 'end') && typeof value === 'number'
        ? new Date(value).toISOString()
        : value,
    2,
  )}\n`;
}

/** The start of the period `count - 1` periods before the one holding `end - 1`; undefined for "all". */
function lastPeriods(text: string, spec: PeriodSpec, end: number): number | undefined {
  if (text.trim().toLowerCase() === 'all') return undefined;
  const count = parsePositive(COMMAND, 'last', text, true);
  const periods = createPeriods(spec);
  let start = periods.startOf(end - 1);
  for (let i = 1; i < count; i += 1) start = periods.startOf(start - 1);
  return start;
}

async function report(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(COMMAND, args, FLAGS);
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const format: OutputFormat = parseFormat(COMMAND, values.format);
  const now = io.now();
  let period: PeriodSpec;
  try {
    period = parsePeriod(values.period ?? 'week');
  } catch (error) {
    throw new CliUsageError(COMMAND, `--period: ${(error as Error).message}`, error);
  }
  const until =
    values.until === undefined ? undefined : parseInstant(COMMAND, 'until', values.until, now);
  const since =
    values.since === undefined
      ? lastPeriods(values.last ?? '12', period, until ?? now)
      : parseInstant(COMMAND, 'since', values.since, now);
  if (since !== undefined && until !== undefined && until <= since) {
    throw new CliUsageError(COMMAND, '--until must be later than --since');
  }
  const hoursPerWeek =
    values['hours-per-week'] === undefined
      ? undefined
      : parsePositive(COMMAND, 'hours-per-week', values['hours-per-week']);
  if (hoursPerWeek !== undefined && hoursPerWeek > 168) {
    throw new CliUsageError(COMMAND, `--hours-per-week must be at most 168, got ${hoursPerWeek}`);
  }
  const capacity = capacityOptions(values.capacity, values['team-size'], hoursPerWeek);
  const budget =
    values.budget === undefined ? 0.5 : parseFraction(COMMAND, 'budget', values.budget);
  const top = values.top === undefined ? 5 : parsePositive(COMMAND, 'top', values.top, true);

  const file = ledgerFile(values.ledger, io);
  await requireLedger(COMMAND, file);
  const ledger = openLedger(file, values['allow-category'], io);
  const problems = problemPrinter(io);
  const result = await buildToilReport(ledger.read(), {
    period,
    capacity,
    budget,
    top,
    now,
    onProblem: problems.add,
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(values.team === undefined ? {} : { team: values.team }),
  });
  problems.finish();

  if (format === 'json') io.stdout.write(reportJson(result));
  else if (format === 'csv') io.stdout.write(renderCsv(result));
  else io.stdout.write(renderText(result, capacity, format));
  return problems.count() > 0 ? EXIT.problems : EXIT.ok;
}

/** `nines toil report`: toil per team and period against the budget. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'toil per team and period: hours, share, budget, trend, top offenders',
  run: report,
};
