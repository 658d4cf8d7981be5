import { NinesError, formatDecimal, formatIssue } from '@nines/core';
import {
  AUTOMATABLE_VALUES,
  TOIL_CATEGORIES,
  normalizeCategory,
  parseMinutes,
  parseToilDate,
} from '@nines/toil';
import type { Automatable, LedgerEntryInput } from '@nines/toil';
import { CliUsageError, EXIT, parseFlags } from '../../command.js';
import type { Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { LEDGER_FLAGS, LEDGER_HELP, ledgerFile, openLedger } from './shared.js';

const COMMAND = 'toil log';

const HELP = `Usage: nines toil log --task TEXT --minutes TIME --team TEAM --category CATEGORY
                      --automatable yes|partly|no [options]

Record one stretch of toil (or, with --kind, engineering or overhead time) in the ledger.

Entry:
  --task TEXT              what was done, named the same way each time ("rotate TLS certs")
  --minutes TIME           hands-on time: 30, 1h30m, 1:30, 45 min, 1.5h (at most 24 h)
  --team TEAM              who did it
  --category CATEGORY      ${TOIL_CATEGORIES.join(', ')}
                           (labels such as "Production interrupts" are accepted)
  --automatable ANSWER     yes, partly or no
  --person NAME            who, optional
  --ticket URL             ticket or page behind the work, optional
  --note TEXT              free text, optional
  --at DATE                when (default now): 2024-05-01 or 2024-05-01T09:30Z; UTC without a zone
  --kind KIND              toil (default), engineering or overhead; engineering and overhead
                           entries need only --minutes and --team and count as capacity
  --id ID                  entry id (default: a random UUID)
  --json                   print the stored entry as JSON
${LEDGER_HELP}
Examples:
  nines toil log --task "restart stuck consumer" --minutes 20 --team sre \\
    --category production-interrupt --automatable yes --ticket https://jira/OPS-12
  nines toil log --kind engineering --minutes 6h --team sre
`;

const FLAGS = {
  ...LEDGER_FLAGS,
  task: { type: 'string' },
  minutes: { type: 'string' },
  team: { type: 'string' },
  category: { type: 'string' },
  automatable: { type: 'string' },
  person: { type: 'string' },
  ticket: { type: 'string' },
  note: { type: 'string' },
  at: { type: 'string' },
  kind: { type: 'string' },
  id: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Run a parser for one flag, turning its error into a usage error that names the flag. */
function flagValue<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliUsageError(COMMAND, `--${flag}: ${(error as Error).message}`, error);
  }
}

async function log(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(COMMAND, args, FLAGS);
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const kind = values.kind ?? 'toil';
  if (kind !== 'toil' && kind !== 'engineering' && kind !== 'overhead') {
    throw new CliUsageError(
      COMMAND,
      `--kind must be toil, engineering or overhead, got ${JSON.stringify(kind)}`,
    );
  }
  const required =
    kind === 'toil'
      ? (['task', 'minutes', 'team', 'category', 'automatable'] as const)
      : (['minutes', 'team'] as const);
  const missing = required.filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) {
    throw new CliUsageError(COMMAND, `missing ${missing.join(', ')}`);
  }

  const minutes = flagValue('minutes', () => parseMinutes(values.minutes ?? ''));
  const at = flagValue('at', () => (values.at === undefined ? io.now() : parseToilDate(values.at)));
  const automatable = values.automatable?.trim().toLowerCase();
  if (
    automatable !== undefined &&
    !(AUTOMATABLE_VALUES as readonly string[]).includes(automatable)
  ) {
    throw new CliUsageError(
      COMMAND,
      `--automatable must be yes, partly or no, got ${JSON.stringify(values.automatable)}`,
    );
  }
  const optional = {
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.person === undefined ? {} : { person: values.person }),
    ...(values.note === undefined ? {} : { note: values.note }),
  };
  const input: LedgerEntryInput =
    kind === 'toil'
      ? {
          task: values.task ?? '',
          category: normalizeCategory(values.category ?? ''),
          minutes,
          team: values.team ?? '',
          automatable: automatable as Automatable,
          at,
          ...(values.ticket === undefined ? {} : { ticket: values.ticket }),
          ...optional,
        }
      : {
          kind,
          minutes,
          team: values.team ?? '',
          at,
          ...(values.task === undefined ? {} : { task: values.task }),
          ...optional,
        };

  const file = ledgerFile(values.ledger, io);
  const ledger = openLedger(file, values['allow-category'], io);
  let entry;
  try {
    entry = await ledger.record(input);
  } catch (error) {
    if (error instanceof NinesError && error.code === 'INVALID_LEDGER') {
      // The user typed these values: a usage error naming each flag.
      const lines = error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        const hint = field === 'category' ? ' (pass --allow-category NAME for a custom one)' : '';
        return `--${field}: ${formatIssue({ ...issue, path: [] })}${hint}`;
      });
      throw new CliUsageError(COMMAND, lines.join('; '), error);
    }
    throw error;
  }
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ ...entry, at: new Date(entry.at).toISOString() })}\n`);
  } else {
    const what = entry.kind === undefined ? `toil "${entry.task}" (${entry.category})` : entry.kind;
    io.stdout.write(
      `Logged ${formatDecimal(entry.minutes, 2)} min of ${what} for team ${entry.team} in ${file.display} (id ${entry.id})\n`,
    );
  }
  return EXIT.ok;
}

/** `nines toil log`: record one entry. */
export const logCommand: Command = {
  name: 'log',
  summary: 'record toil (or engineering/overhead time) in the ledger',
  run: log,
};
