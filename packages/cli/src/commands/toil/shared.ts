import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { formatIssue, parseDuration } from '@nines/core';
import { createJsonLinesStore, createLedger, parseToilDate } from '@nines/toil';
import type { LedgerProblem, ToilLedger } from '@nines/toil';
import { CliUsageError } from '../../command.js';
import type { FlagSpec } from '../../command.js';
import type { CliIo } from '../../io.js';
import { OUTPUT_FORMATS } from '../../output.js';
import type { OutputFormat } from '../../output.js';

/** The ledger file when neither `--ledger` nor `NINES_TOIL_LEDGER` is given. */
export const DEFAULT_LEDGER = 'toil.jsonl';

/** Flags every `nines toil` subcommand that reads or writes a ledger takes. */
export const LEDGER_FLAGS = {
  ledger: { type: 'string' },
  'allow-category': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagSpec;

/** Help text for {@link LEDGER_FLAGS}. */
export const LEDGER_HELP = `  --ledger FILE            ledger file (default: $NINES_TOIL_LEDGER, else ./${DEFAULT_LEDGER})
  --allow-category NAME    accept a custom category besides the SRE Workbook six
                           (repeatable; "*" accepts any)
  -h, --help               show this help
`;

/** A ledger file as the user named it and where it is. */
export interface LedgerFile {
  /** As given (or the default), for messages: `toil.jsonl`. */
  readonly display: string;
  /** Absolute path. */
  readonly path: string;
}

/**
 * Which ledger file to use: `--ledger`, else `NINES_TOIL_LEDGER`, else `./toil.jsonl`.
 *
 * @param flag - the `--ledger` value
 * @param io - for cwd and env
 * @returns the file
 * @example
 * ```ts
 * ledgerFile(undefined, io); // { display: 'toil.jsonl', path: '/cwd/toil.jsonl' } without NINES_TOIL_LEDGER
 * ```
 */
export function ledgerFile(flag: string | undefined, io: CliIo): LedgerFile {
  const env = io.env.NINES_TOIL_LEDGER;
  const display = flag ?? (env === undefined || env === '' ? DEFAULT_LEDGER : env);
  return { display, path: isAbsolute(display) ? display : resolve(io.cwd, display) };
}

/**
 * Open the ledger with the category policy from `--allow-category`.
 *
 * @param file - the ledger file
 * @param allow - `--allow-category` values
 * @param io - for the clock
 * @returns the ledger
 * @example
 * ```ts
 * const ledger = openLedger(ledgerFile(values.ledger, io), values['allow-category'], io);
 * ```
 */
export function openLedger(
  file: LedgerFile,
  allow: readonly string[] | undefined,
  io: CliIo,
): ToilLedger {
  const categories = allow === undefined ? [] : allow.includes('*') ? ('any' as const) : allow;
  return createLedger({
    store: createJsonLinesStore(file.path, { displayName: file.display }),
    categories,
    clock: io.now,
  });
}

/**
 * Fail with a usage error unless the ledger file exists: reporting on a mistyped path would
 * print an empty report and look like good news.
 *
 * @param command - command path, for the error
 * @param file - the ledger file
 * @throws CliUsageError when the file is missing
 * @example
 * ```ts
 * await requireLedger('toil report', ledgerFile(values.ledger, io));
 * ```
 */
export async function requireLedger(command: string, file: LedgerFile): Promise<void> {
  try {
    await stat(file.path);
  } catch {
    throw new CliUsageError(
      command,
      `ledger file not found: ${file.display} (record toil with "nines toil log" or "nines toil import", or point --ledger or NINES_TOIL_LEDGER at your ledger)`,
    );
  }
}

/** Prints problems to stderr as they come, up to a limit, then counts the rest. */
export interface ProblemPrinter {
  /** Print (or count) one problem. */
  readonly add: (problem: LedgerProblem) => void;
  /** Problems seen. */
  readonly count: () => number;
  /** Print the count of problems not shown, if any. */
  readonly finish: () => void;
}

/**
 * One `file:line: path: message` line per problem on stderr, at most `limit` of them, so a
 * ledger with a million bad lines neither floods the terminal nor fills memory.
 *
 * @param io - for stderr
 * @param limit - most lines to print (default 50)
 * @returns the printer
 * @example
 * ```ts
 * const problems = problemPrinter(io);
 * await buildToilReport(ledger.read(), { onProblem: problems.add });
 * problems.finish();
 * ```
 */
export function problemPrinter(io: CliIo, limit = 50): ProblemPrinter {
  let count = 0;
  return {
    add: (problem) => {
      count += 1;
      if (count <= limit) io.stderr.write(`${formatIssue(problem)}\n`);
    },
    count: () => count,
    finish: () => {
      if (count > limit)
        io.stderr.write(`... and ${count - limit} more problems (${count} in all)\n`);
    },
  };
}

/**
 * Read `--since` / `--until`: a date (`2024-05-01`, ISO 8601) or a duration back from now
 * (`90d`, `2w`).
 *
 * @param command - command path, for errors
 * @param flag - the flag name, for errors
 * @param text - the value
 * @param now - epoch ms
 * @returns epoch ms
 * @throws CliUsageError for anything else
 * @example
 * ```ts
 * parseInstant('toil report', 'since', '90d', Date.UTC(2024, 4, 20)); // 2024-02-20T00:00Z
 * ```
 */
export function parseInstant(command: string, flag: string, text: string, now: number): number {
  try {
    return parseToilDate(text);
  } catch {
    try {
      return now - parseDuration(text.trim());
    } catch {
      throw new CliUsageError(
        command,
        `--${flag} ${JSON.stringify(text)} is neither a date (2024-05-01, 2024-05-01T09:30Z) nor a duration back from now (90d, 2w)`,
      );
    }
  }
}

/**
 * Read `--format`.
 *
 * @param command - command path, for errors
 * @param text - the value (default `table`)
 * @returns the format
 * @throws CliUsageError for an unknown format
 * @example
 * ```ts
 * parseFormat('toil report', 'markdown'); // 'markdown'
 * ```
 */
export function parseFormat(command: string, text: string | undefined): OutputFormat {
  const format = text ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliUsageError(
      command,
      `--format must be one of ${OUTPUT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
    );
  }
  return format as OutputFormat;
}

/**
 * Read a positive number flag.
 *
 * @param command - command path, for errors
 * @param flag - flag name
 * @param text - the value
 * @param integer - whether it must be whole
 * @returns the number
 * @throws CliUsageError when it is not a positive (whole) number
 * @example
 * ```ts
 * parsePositive('toil report', 'top', '5', true); // 5
 * ```
 */
export function parsePositive(
  command: string,
  flag: string,
  text: string,
  integer = false,
): number {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new CliUsageError(
      command,
      `--${flag} must be a ${integer ? 'whole ' : ''}number more than 0, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/**
 * Read a fraction written as `50%` or `0.5`.
 *
 * @param command - command path, for errors
 * @param flag - flag name
 * @param text - the value
 * @returns the fraction in (0, 1]
 * @throws CliUsageError outside (0, 1]
 * @example
 * ```ts
 * parseFraction('toil report', 'budget', '40%'); // 0.4
 * ```
 */
export function parseFraction(command: string, flag: string, text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed);
  const fraction = percent ? value / 100 : value;
  if (
    trimmed === '' ||
    trimmed === '%' ||
    !Number.isFinite(fraction) ||
    fraction <= 0 ||
    fraction > 1
  ) {
    throw new CliUsageError(
      command,
      `--${flag} must be a share such as 50% or 0.5 (more than 0, at most 100%), got ${JSON.stringify(text)}`,
    );
  }
  return percent ? Number((value / 100).toPrecision(12)) : fraction;
}
