import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { AUTOMATABLE_VALUES, importCsv, normalizeCategory } from '@nines/toil';
import type { Automatable, CsvDelimiter, LedgerEntry } from '@nines/toil';
import { CliUsageError, EXIT, parseFlags } from '../../command.js';
import type { Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { LEDGER_FLAGS, LEDGER_HELP, ledgerFile, openLedger, problemPrinter } from './shared.js';

const COMMAND = 'toil import';
/** Entries written per append: one O_APPEND write each. */
const BATCH = 1000;

const HELP = `Usage: nines toil import FILE.csv [options]

Append the rows of a toil spreadsheet (CSV) to the ledger. The header row is matched without
regard to case: Date, Task, Duration (min) or Duration (h), Category, Automatable?, Ticket link,
Team, Person, Notes, Kind, and common variants; other columns are ignored (and named on stderr).
Fields are RFC 4180 CSV (comma, semicolon or tab, guessed from the header); durations may be
30, 1h, 1h30m, 1:30 or 45 min; dates YYYY-MM-DD or ISO 8601 (UTC without a zone).
Each bad row is reported as FILE:LINE: column: message; the good rows are imported.
Use - as FILE to read standard input.

Options:
  --team TEAM              team for rows without one (or a sheet without a Team column)
  --category CATEGORY      category for rows without one
  --automatable ANSWER     yes, partly or no, for rows without one
  --person NAME            person for rows without one
  --delimiter SEP          , or ; or tab (default: guessed)
  --dry-run                check the file and report, but write nothing
${LEDGER_HELP}
Exit codes: 0 every row imported; 1 some rows (or the header) had problems, the good rows
were imported; 2 usage error or unreadable file; 3 failure.

Example:
  nines toil import toil-tracker.csv --team sre
`;

const FLAGS = {
  ...LEDGER_FLAGS,
  team: { type: 'string' },
  category: { type: 'string' },
  automatable: { type: 'string' },
  person: { type: 'string' },
  delimiter: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

function delimiterOf(text: string | undefined): CsvDelimiter | undefined {
  if (text === undefined) return undefined;
  if (text === ',' || text === ';') return text;
  if (text === 'tab' || text === '\t' || text === '\\t') return '\t';
  throw new CliUsageError(
    COMMAND,
    `--delimiter must be ",", ";" or "tab", got ${JSON.stringify(text)}`,
  );
}

async function importCommandRun(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(COMMAND, args, FLAGS, true);
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const [source, ...extra] = positionals;
  if (source === undefined) throw new CliUsageError(COMMAND, 'missing the CSV file to import');
  if (extra.length > 0)
    throw new CliUsageError(COMMAND, `import one file at a time; unexpected ${extra.join(' ')}`);
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
  const delimiter = delimiterOf(values.delimiter);

  let input: AsyncIterable<string | Uint8Array>;
  if (source === '-') {
    input = io.stdin;
  } else {
    const path = isAbsolute(source) ? source : resolve(io.cwd, source);
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
    } catch {
      throw new CliUsageError(COMMAND, `cannot read ${source}: no such file`);
    }
    input = createReadStream(path, { encoding: 'utf8' });
  }
  const text: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      const decoder = new TextDecoder();
      for await (const chunk of input) {
        yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      }
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    },
  };

  const file = ledgerFile(values.ledger, io);
  const ledger = openLedger(file, values['allow-category'], io);
  const categories = values['allow-category'];
  const problems = problemPrinter(io);
  const dryRun = values['dry-run'] === true;
  const defaults = {
    ...(values.team === undefined ? {} : { team: values.team }),
    ...(values.category === undefined ? {} : { category: normalizeCategory(values.category) }),
    ...(automatable === undefined ? {} : { automatable: automatable as Automatable }),
    ...(values.person === undefined ? {} : { person: values.person }),
  };
  let imported = 0;
  let batch: LedgerEntry[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    if (!dryRun) await ledger.store.append(batch);
    imported += batch.length;
    batch = [];
  };
  for await (const item of importCsv(text, {
    file: source === '-' ? '<stdin>' : source,
    defaults,
    ...(categories === undefined
      ? {}
      : { categories: categories.includes('*') ? 'any' : categories }),
    ...(delimiter === undefined ? {} : { delimiter }),
    onHeader: ({ ignored }) => {
      if (ignored.length > 0)
        io.stderr.write(
          `note: ignoring columns ${ignored.map((c) => JSON.stringify(c)).join(', ')}\n`,
        );
    },
  })) {
    if (item.type === 'problem') {
      problems.add(item.problem);
      continue;
    }
    batch.push(item.entry);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  problems.finish();
  const bad = problems.count();
  io.stdout.write(
    `${dryRun ? 'Checked' : 'Imported'} ${imported} ${imported === 1 ? 'entry' : 'entries'} from ${source}${dryRun ? '' : ` into ${file.display}`}${bad > 0 ? `; ${bad} ${bad === 1 ? 'problem' : 'problems'} (see above)` : ''}\n`,
  );
  return bad > 0 ? EXIT.problems : EXIT.ok;
}

/** `nines toil import`: append a toil spreadsheet to the ledger. */
export const importCommand: Command = {
  name: 'import',
  summary: 'import a toil spreadsheet (CSV) into the ledger',
  run: importCommandRun,
};
