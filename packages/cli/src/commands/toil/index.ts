import { commandList, runSubcommand } from '../../command.js';
import type { Command } from '../../command.js';
import { automationCommand } from './automation.js';
import { importCommand } from './import.js';
import { logCommand } from './log.js';
import { oncallCommand } from './oncall.js';
import { reportCommand } from './report.js';

const SUBCOMMANDS: readonly Command[] = [
  logCommand,
  reportCommand,
  importCommand,
  automationCommand,
  oncallCommand,
];

const HELP = `Usage: nines toil <command> [options]

Account for toil like an error budget: record it, report it against a cap (50% of capacity by
default), and rank what to automate. The ledger is an append-only JSON Lines file
(--ledger FILE, else $NINES_TOIL_LEDGER, else ./toil.jsonl).

Commands:
${commandList(SUBCOMMANDS)}
Run "nines toil <command> --help" for its options.
`;

/** `nines toil`: the toil ledger, budget, automation ranking and on-call load. */
export const toilCommand: Command = {
  name: 'toil',
  summary: 'toil ledger: log, report against the toil budget, import, automation, on-call',
  run: (args, io) => runSubcommand('toil', SUBCOMMANDS, HELP, args, io),
};
