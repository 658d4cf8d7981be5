import { randomUUID } from 'node:crypto';
import type { NinesIssue } from '@nines/core';
import { normalizeCategory } from '../model/categories.js';
import type { CategoryPolicy } from '../model/categories.js';
import { describeBadDate, tryParseToilDate } from '../model/dates.js';
import type { Automatable } from '../model/entry.js';
import { parseMinutes } from '../model/minutes.js';
import { validateEntry } from '../model/validateEntry.js';
import type { LedgerReadItem } from '../store/types.js';
import { parseCsv } from './parseCsv.js';
import type { CsvDelimiter } from './parseCsv.js';

/** Entry fields a CSV column can fill. */
export type CsvField =
  | 'date'
  | 'task'
  | 'minutes'
  | 'hours'
  | 'category'
  | 'automatable'
  | 'ticket'
  | 'team'
  | 'person'
  | 'note'
  | 'id'
  | 'kind';

/** How the header row was understood. */
export interface CsvHeader {
  /** Each recognised column and the field it fills. */
  readonly columns: readonly { readonly column: string; readonly field: CsvField }[];
  /** Columns that were not recognised, and are ignored. */
  readonly ignored: readonly string[];
}

/** Options for {@link importCsv}. */
export interface CsvImportOptions {
  /** Categories accepted besides the SRE Workbook taxonomy. */
  readonly categories?: CategoryPolicy;
  /** Values for columns the sheet lacks, or cells left blank. */
  readonly defaults?: {
    readonly team?: string;
    readonly category?: string;
    readonly automatable?: Automatable;
    readonly person?: string;
  };
  /** The file name to put in problems. */
  readonly file?: string;
  /** The separator; guessed from the header when absent. */
  readonly delimiter?: CsvDelimiter;
  /** Id for each row without an id column (default: a random UUID). */
  readonly generateId?: () => string;
  /** Called once with how the header row was understood. */
  readonly onHeader?: (header: CsvHeader) => void;
}

/**
 * Header names as spreadsheets write them, after lower-casing, trimming, collapsing spaces and
 * dropping a trailing `?` or `:`. The tracker template in REFERENCE.md §7 uses Date, Task,
 * Duration (min), Category, Automatable?, Ticket link.
 */
const HEADERS: Readonly<Record<string, CsvField>> = {
  date: 'date',
  day: 'date',
  when: 'date',
  at: 'date',
  timestamp: 'date',
  datetime: 'date',
  'date/time': 'date',
  task: 'task',
  toil: 'task',
  activity: 'task',
  description: 'task',
  'duration (min)': 'minutes',
  'duration (mins)': 'minutes',
  'duration (minutes)': 'minutes',
  duration: 'minutes',
  minutes: 'minutes',
  mins: 'minutes',
  'time spent': 'minutes',
  'time spent (min)': 'minutes',
  'time (min)': 'minutes',
  'hands-on': 'minutes',
  'hands-on time': 'minutes',
  'hands-on (min)': 'minutes',
  'hands-on minutes': 'minutes',
  'duration (h)': 'hours',
  'duration (hours)': 'hours',
  'duration (hrs)': 'hours',
  hours: 'hours',
  hrs: 'hours',
  'time spent (h)': 'hours',
  'time (h)': 'hours',
  category: 'category',
  'toil category': 'category',
  type: 'category',
  'toil type': 'category',
  automatable: 'automatable',
  'can be automated': 'automatable',
  'can automate': 'automatable',
  automate: 'automatable',
  'ticket link': 'ticket',
  ticket: 'ticket',
  'ticket url': 'ticket',
  link: 'ticket',
  url: 'ticket',
  issue: 'ticket',
  team: 'team',
  squad: 'team',
  person: 'person',
  who: 'person',
  owner: 'person',
  engineer: 'person',
  assignee: 'person',
  name: 'person',
  note: 'note',
  notes: 'note',
  comment: 'note',
  comments: 'note',
  details: 'note',
  id: 'id',
  kind: 'kind',
};

const AUTOMATABLE: Readonly<Record<string, Automatable>> = {
  yes: 'yes',
  y: 'yes',
  true: 'yes',
  '1': 'yes',
  x: 'yes',
  '✓': 'yes',
  '✔': 'yes',
  fully: 'yes',
  partly: 'partly',
  partial: 'partly',
  partially: 'partly',
  some: 'partly',
  'in part': 'partly',
  no: 'no',
  n: 'no',
  false: 'no',
  '0': 'no',
};

function normalizeHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?:]+$/, '')
    .trim();
}

/** Which entry field each validation path belongs to, to name the column in problems. */
const FIELD_OF_PATH: Readonly<Record<string, CsvField>> = {
  at: 'date',
  minutes: 'minutes',
};

/**
 * Import toil from the spreadsheets teams already keep. The header row is matched
 * case-insensitively (Date, Task, Duration (min) or Duration (h), Category, Automatable?,
 * Ticket link, Team, Person, Notes and common variants); fields are RFC 4180 CSV; durations
 * may be `30`, `1h`, `1h30m`, `1:30` or `45 min`; categories may be written as labels
 * ("Production interrupts"). Every row becomes an entry or a problem naming its line and
 * column, so good rows are kept around bad ones.
 *
 * @param input - CSV text, whole or streamed (`fs.createReadStream(file, 'utf8')`)
 * @param options - defaults for missing columns, custom categories, file name for problems
 * @returns entries and problems, in row order; nothing is written anywhere
 * @example
 * ```ts
 * const csv = 'Date,Task,Duration (min),Category,Automatable?,Team\n2024-05-01,restart api,1h,interrupts,yes,sre\n';
 * for await (const item of importCsv(csv)) {
 *   if (item.type === 'entry') console.log(item.entry.minutes); // 60
 * }
 * ```
 */
export async function* importCsv(
  input: string | Iterable<string> | AsyncIterable<string>,
  options: CsvImportOptions = {},
): AsyncGenerator<LedgerReadItem> {
  const { defaults = {}, file } = options;
  const generateId = options.generateId ?? randomUUID;
  const problem = (
    line: number,
    message: string,
    path: (string | number)[] = [],
  ): LedgerReadItem => ({
    type: 'problem',
    problem: {
      code: 'INVALID_LEDGER',
      message,
      path,
      line,
      ...(file === undefined ? {} : { file }),
    },
  });

  let columns: { index: number; column: string; field: CsvField }[] | undefined;
  let width = 0;
  for await (const record of parseCsv(
    input,
    options.delimiter === undefined ? {} : { delimiter: options.delimiter },
  )) {
    if (columns === undefined) {
      // The header row.
      const found: { index: number; column: string; field: CsvField }[] = [];
      const ignored: string[] = [];
      const seen = new Map<CsvField, string>();
      for (const [index, column] of record.fields.entries()) {
        const field = HEADERS[normalizeHeader(column)];
        if (field === undefined) {
          if (column.trim() !== '') ignored.push(column);
          continue;
        }
        const kind = field === 'hours' ? 'minutes' : field;
        const earlier = seen.get(kind);
        if (earlier !== undefined) {
          yield problem(
            record.line,
            `columns ${JSON.stringify(earlier)} and ${JSON.stringify(column)} both give the ${kind}; remove one`,
            [column],
          );
          return;
        }
        seen.set(kind, column);
        found.push({ index, column, field });
      }
      options.onHeader?.({
        columns: found.map(({ column, field }) => ({ column, field })),
        ignored,
      });
      const missing: string[] = [];
      if (!seen.has('date')) missing.push('a Date column');
      if (!seen.has('task')) missing.push('a Task column');
      if (!seen.has('minutes')) missing.push('a Duration (min) or Duration (h) column');
      const kindColumn = seen.has('kind');
      if (!seen.has('team') && defaults.team === undefined)
        missing.push('a Team column or a default team');
      if (!kindColumn && !seen.has('category') && defaults.category === undefined) {
        missing.push('a Category column or a default category');
      }
      if (!kindColumn && !seen.has('automatable') && defaults.automatable === undefined) {
        missing.push('an Automatable? column or a default for it');
      }
      if (missing.length > 0) {
        yield problem(
          record.line,
          `the header row (${record.fields.join(', ')}) needs ${missing.join(', ')}`,
        );
        return;
      }
      columns = found;
      width = record.fields.length;
      continue;
    }

    if (record.error !== undefined) {
      yield problem(record.line, record.error);
      continue;
    }
    if (record.fields.length > width && record.fields.slice(width).some((f) => f.trim() !== '')) {
      yield problem(
        record.line,
        `row has ${record.fields.length} fields but the header has ${width}; is a separator inside an unquoted field?`,
      );
      continue;
    }

    const issues: NinesIssue[] = [];
    const columnOf = new Map<string, string>();
    const value: Record<string, unknown> = { id: generateId() };
    for (const { index, column, field } of columns) {
      const text = (record.fields[index] ?? '').trim();
      columnOf.set(field === 'hours' ? 'minutes' : field, column);
      if (text === '') continue;
      switch (field) {
        case 'date': {
          const at = tryParseToilDate(text);
          if (at === undefined)
            issues.push({ code: 'INVALID_LEDGER', message: describeBadDate(text), path: [column] });
          else value.at = at;
          break;
        }
        case 'minutes':
        case 'hours':
          try {
            value.minutes = parseMinutes(text, field === 'hours' ? 'hours' : 'minutes');
          } catch (error) {
            issues.push({
              code: 'INVALID_LEDGER',
              message: (error as Error).message,
              path: [column],
            });
          }
          break;
        case 'category':
          value.category = normalizeCategory(text);
          break;
        case 'automatable': {
          const automatable = AUTOMATABLE[text.toLowerCase()];
          if (automatable === undefined) {
            issues.push({
              code: 'INVALID_LEDGER',
              message: `${JSON.stringify(text)} is not yes, partly or no`,
              path: [column],
            });
          } else value.automatable = automatable;
          break;
        }
        case 'kind':
          value.kind = text.toLowerCase();
          break;
        default:
          value[field] = text;
      }
    }
    value.team ??= defaults.team;
    value.person ??= defaults.person;
    if (value.kind === undefined || value.kind === 'toil') {
      value.category ??= defaults.category;
      value.automatable ??= defaults.automatable;
    }
    // Leave absent optional fields out, so validation does not see explicit undefined.
    const candidate = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

    if (issues.length === 0) {
      const result = validateEntry(
        candidate,
        options.categories === undefined ? {} : { categories: options.categories },
      );
      if (result.ok) {
        yield { type: 'entry', entry: result.entry, line: record.line };
        continue;
      }
      for (const issue of result.issues) {
        const key = String(issue.path[0] ?? '');
        const column = columnOf.get(FIELD_OF_PATH[key] ?? key);
        issues.push({ ...issue, path: column === undefined ? issue.path : [column] });
      }
    }
    for (const issue of issues) yield problem(record.line, issue.message, [...issue.path]);
  }
}
