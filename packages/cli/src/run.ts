import { NinesError, formatIssue } from '@nines/core';
import { CliUsageError, EXIT, commandList } from './command.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

function help(commands: readonly Command[]): string {
  return `nines ${VERSION}: SLOs, error budgets and toil, defined once.

Usage: nines <command> [options]

Commands:
${commandList(commands)}
Run "nines <command> --help" for a command's options.

Exit codes: 0 ok, 1 problems found in the data, 2 usage error, 3 failure (I/O or a bug).
`;
}

/**
 * Run the `nines` command line in process: what `bin/nines` does, and what tests call.
 * Usage errors print `nines <command>: <message>` and a pointer to `--help` (exit 2); problems
 * in data print one `file:line: message` line each (exit 1); anything else is a failure (exit 3).
 *
 * @param args - arguments after `nines`, e.g. `['toil', 'report', '--period', '2w']`
 * @param io - streams, cwd, env and clock (`processIo()` for the real process)
 * @param commands - the command table (default: every built-in command)
 * @returns the exit code
 * @example
 * ```ts
 * const code = await run(['toil', 'log', '--task', 'restart api', '--minutes', '15'], processIo());
 * ```
 */
export async function run(
  args: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = args;
  try {
    if (name === undefined) {
      io.stderr.write(help(commands));
      return EXIT.usage;
    }
    if (name === '--help' || name === '-h') {
      io.stdout.write(help(commands));
      return EXIT.ok;
    }
    if (name === 'help') {
      return await run(rest.length === 0 ? ['--help'] : [...rest, '--help'], io, commands);
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (command === undefined) {
      throw new CliUsageError(
        '',
        `unknown command "${name}"; expected one of ${commands.map((c) => c.name).join(', ')}`,
      );
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      const where = error.command === '' ? 'nines' : `nines ${error.command}`;
      io.stderr.write(`${where}: ${error.message}\nRun "${where} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof NinesError) {
      for (const issue of error.issues) io.stderr.write(`${formatIssue(issue)}\n`);
      return EXIT.problems;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`nines: ${message}\n`);
    return EXIT.failure;
  }
}
