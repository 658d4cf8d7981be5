import { parseArgs } from 'node:util';
import { NinesError } from '@nines/core';
import type { CliIo } from './io.js';

/**
 * Exit codes of every `nines` command:
 * - `ok` 0: done, nothing wrong;
 * - `problems` 1: done, but the data had problems (each printed on stderr), or a check failed;
 * - `usage` 2: not run: bad arguments, a missing file, or a bad flag value;
 * - `failure` 3: could not finish: an I/O error or a bug.
 */
export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;

/** One `nines` command (or subcommand). */
export interface Command {
  /** What the user types: `toil`, `log`. */
  readonly name: string;
  /** One line for the list of commands. */
  readonly summary: string;
  /**
   * Run with the arguments after the command name.
   *
   * @param args - the remaining arguments
   * @param io - streams, cwd, env, clock
   * @returns the exit code
   * @throws CliUsageError for bad arguments (printed with a pointer to `--help`, exit 2)
   */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** A usage mistake: printed as `nines <command>: <message>` plus a `--help` hint, exit code 2. */
export class CliUsageError extends NinesError {
  /** The command path, e.g. `toil log`, for the message and the help hint. */
  readonly command: string;

  /**
   * @param command - the command path, e.g. `toil log`
   * @param message - what is wrong and what would be accepted
   * @param cause - the underlying error, if any
   */
  constructor(command: string, message: string, cause?: unknown) {
    super('INVALID_CLI_ARGUMENT', message, cause === undefined ? {} : { cause });
    this.command = command;
  }
}

/** Option specs as `node:util` `parseArgs` takes them. */
export type FlagSpec = Record<
  string,
  { type: 'string' | 'boolean'; multiple?: boolean; short?: string; default?: string | boolean }
>;

/** What {@link parseFlags} returns: typed `values` and `positionals`. */
export type ParsedFlags<T extends FlagSpec> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
>;

/**
 * Parse flags with `node:util` `parseArgs` (strict: unknown flags are errors), turning its
 * errors into {@link CliUsageError}s for `command`.
 *
 * @param command - the command path, for errors
 * @param args - the arguments after the command name
 * @param options - the flags
 * @param allowPositionals - whether bare arguments are accepted
 * @returns parsed values and positionals
 * @throws CliUsageError for unknown flags, missing values or stray arguments
 * @example
 * ```ts
 * const { values } = parseFlags('toil report', args, { team: { type: 'string' } });
 * ```
 */
export function parseFlags<const T extends FlagSpec>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
): ParsedFlags<T> {
  try {
    // Typed as if positionals were allowed: when they are not, strict mode refuses them and
    // `positionals` is always empty.
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
      args: [...args],
      options,
      allowPositionals: allowPositionals as true,
      strict: true,
    });
  } catch (error) {
    throw new CliUsageError(command, (error as Error).message, error);
  }
}

/**
 * Whether the arguments ask for help.
 *
 * @param args - the arguments
 * @returns true when `--help` or `-h` is among them
 * @example
 * ```ts
 * wantsHelp(['report', '-h']); // true
 * ```
 */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/**
 * Run the subcommand named by the first argument, or print `help` for none, `help`, `--help`.
 * A parent command is this plus a table: `nines toil` dispatches to `log`, `report`, ...
 *
 * @param command - the parent's command path, e.g. `toil`
 * @param subcommands - its subcommands
 * @param help - the parent's help text
 * @param args - arguments after the parent's name
 * @param io - streams
 * @returns the subcommand's exit code
 * @throws CliUsageError for an unknown subcommand
 * @example
 * ```ts
 * export const toilCommand: Command = {
 *   name: 'toil',
 *   summary: 'toil ledger',
 *   run: (args, io) => runSubcommand('toil', [logCommand, reportCommand], HELP, args, io),
 * };
 * ```
 */
export async function runSubcommand(
  command: string,
  subcommands: readonly Command[],
  help: string,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0] !== undefined)
      return runSubcommand(command, subcommands, help, [rest[0], '--help'], io);
    // Asked for help: stdout, success. No subcommand at all: the same text on stderr, exit 2.
    (name === undefined ? io.stderr : io.stdout).write(help);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const sub = subcommands.find((candidate) => candidate.name === name);
  if (sub === undefined) {
    const names = subcommands.map((candidate) => candidate.name).join(', ');
    throw new CliUsageError(command, `unknown command "${name}"; expected one of ${names}`);
  }
  return sub.run(rest, io);
}

/**
 * List commands for a help text: `  name   summary`, aligned.
 *
 * @param commands - the commands
 * @returns the lines, newline-terminated
 * @example
 * ```ts
 * commandList([{ name: 'toil', summary: 'toil ledger', run }]); // '  toil  toil ledger\n'
 * ```
 */
export function commandList(commands: readonly Command[]): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n`).join('');
}
