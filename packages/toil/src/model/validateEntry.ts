import { NinesError } from '@nines/core';
import type { NinesIssue } from '@nines/core';
import { TOIL_CATEGORIES, isCategoryAllowed } from './categories.js';
import type { CategoryPolicy } from './categories.js';
import { describeBadDate, tryParseToilDate } from './dates.js';
import { AUTOMATABLE_VALUES, MAX_ENTRY_MINUTES, WORK_KINDS } from './entry.js';
import type { Automatable, LedgerEntry, ToilEntry, WorkEntry, WorkKind } from './entry.js';

/** Options for {@link validateEntry}. */
export interface EntryValidationOptions {
  /** Categories accepted besides the SRE Workbook taxonomy (default: none). */
  readonly categories?: CategoryPolicy;
  /** The file the value came from, copied into each issue. */
  readonly file?: string;
  /** The 1-based line the value came from, copied into each issue. */
  readonly line?: number;
}

/** The outcome of {@link validateEntry}: the clean entry, or every problem found. */
export type EntryValidation =
  | { readonly ok: true; readonly entry: LedgerEntry }
  | { readonly ok: false; readonly issues: readonly NinesIssue[] };

/** Longest accepted text per field, so one bad line cannot hold megabytes in a report's maps. */
const MAX_LENGTH = {
  id: 200,
  task: 200,
  team: 100,
  category: 100,
  person: 100,
  ticket: 2000,
  note: 2000,
} as const;

type TextField = keyof typeof MAX_LENGTH;

class Collector {
  readonly issues: NinesIssue[] = [];
  constructor(private readonly options: EntryValidationOptions) {}

  add(field: string, message: string): void {
    const { file, line } = this.options;
    this.issues.push({
      code: 'INVALID_LEDGER',
      message,
      path: [field],
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
    });
  }

  text(record: Record<string, unknown>, field: TextField, required: boolean): string | undefined {
    const value = record[field];
    if (value === undefined || value === null) {
      if (required) this.add(field, 'is required (non-empty text)');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(field, `must be text, got ${describe(value)}`);
      return undefined;
    }
    const trimmed = field === 'note' ? value : value.trim();
    if (trimmed === '') {
      if (required) this.add(field, 'must not be empty');
      return undefined;
    }
    if (trimmed.length > MAX_LENGTH[field]) {
      this.add(field, `is ${trimmed.length} characters long; at most ${MAX_LENGTH[field]} allowed`);
      return undefined;
    }
    return trimmed;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}

function readAt(value: unknown, issues: Collector): number | undefined {
  if (value === undefined || value === null) {
    issues.add('at', 'is required (an ISO 8601 date-time or epoch milliseconds)');
    return undefined;
  }
  if (typeof value === 'string') {
    const at = tryParseToilDate(value);
    if (at === undefined) issues.add('at', describeBadDate(value));
    return at;
  }
  if (value instanceof Date) value = value.getTime();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  issues.add(
    'at',
    `must be an ISO 8601 date-time or whole epoch milliseconds on or after 1970-01-01, got ${describe(value)}`,
  );
  return undefined;
}

function readMinutes(value: unknown, issues: Collector): number | undefined {
  if (typeof value === 'number' && value > 0 && value <= MAX_ENTRY_MINUTES) return value;
  if (value === undefined || value === null) {
    issues.add(
      'minutes',
      `is required (hands-on minutes, more than 0 and at most ${MAX_ENTRY_MINUTES})`,
    );
  } else if (typeof value !== 'number' || Number.isNaN(value)) {
    issues.add('minutes', `must be a number of minutes, got ${describe(value)}`);
  } else if (value <= 0) {
    issues.add('minutes', `must be more than 0, got ${value}`);
  } else {
    issues.add(
      'minutes',
      `${value} minutes is more than a day (${MAX_ENTRY_MINUTES}); one entry holds at most 24 h of hands-on time: split longer work by day`,
    );
  }
  return undefined;
}

function readKind(value: unknown, issues: Collector): 'toil' | WorkKind | undefined {
  if (value === undefined || value === null || value === 'toil') return 'toil';
  if (typeof value === 'string' && (WORK_KINDS as readonly string[]).includes(value)) {
    return value as WorkKind;
  }
  issues.add('kind', `must be "toil", "engineering" or "overhead", got ${describe(value)}`);
  return undefined;
}

/** Text that validation would keep unchanged: non-empty, short enough, already trimmed. */
function clean(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return false;
  // Printable ASCII at both ends cannot be whitespace; anything else asks trim().
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return true;
  return value.trim().length === value.length;
}

/**
 * The common case, a well-formed toil entry, checked without collecting issues: the same rules
 * as the full path (which runs whenever this one declines), minus the messages. It keeps reading
 * a million-line ledger fast.
 */
function wellFormedToil(
  record: Record<string, unknown>,
  categories: CategoryPolicy | undefined,
): ToilEntry | undefined {
  const { id, at, task, category, minutes, team, automatable, person, ticket, note } = record;
  if (
    record.kind !== undefined ||
    !clean(id, MAX_LENGTH.id) ||
    !clean(task, MAX_LENGTH.task) ||
    !clean(category, MAX_LENGTH.category) ||
    !clean(team, MAX_LENGTH.team) ||
    typeof minutes !== 'number' ||
    !(minutes > 0 && minutes <= MAX_ENTRY_MINUTES) ||
    (automatable !== 'yes' && automatable !== 'partly' && automatable !== 'no') ||
    (person !== undefined && !clean(person, MAX_LENGTH.person)) ||
    (ticket !== undefined && !clean(ticket, MAX_LENGTH.ticket)) ||
    (note !== undefined &&
      !(typeof note === 'string' && note.trim() !== '' && note.length <= MAX_LENGTH.note)) ||
    // `clean` already refused a blank category, all that `'any'` asks.
    (categories !== 'any' && !isCategoryAllowed(category, categories))
  ) {
    return undefined;
  }
  const time =
    typeof at === 'string'
      ? tryParseToilDate(at)
      : typeof at === 'number' && Number.isSafeInteger(at) && at >= 0
        ? at
        : undefined;
  if (time === undefined) return undefined;
  if (person === undefined && ticket === undefined && note === undefined) {
    return { id, at: time, task, category, minutes, team, automatable };
  }
  return {
    id,
    at: time,
    task,
    category,
    minutes,
    team,
    ...(person === undefined ? {} : { person }),
    ...(ticket === undefined ? {} : { ticket }),
    automatable,
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * The common case of {@link validateEntry} without its result wrapper: the entry when `value` is
 * a well-formed toil entry, else `undefined` (then call {@link checkEntry} for the verdict).
 *
 * @internal
 */
export function wellFormedEntry(
  value: unknown,
  categories: CategoryPolicy | undefined,
): ToilEntry | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? wellFormedToil(value as Record<string, unknown>, categories)
    : undefined;
}

/**
 * Check one ledger entry (a parsed JSON line, a CSV row turned into an object, or `record()`
 * input) and return either a clean entry or every problem found, each with its field path.
 *
 * Text is trimmed (except notes), unknown fields are dropped (so newer ledgers stay readable),
 * `at` may be ISO 8601 text or epoch milliseconds, and toil entries lose `kind: "toil"`.
 *
 * @param value - the candidate entry
 * @param options - custom categories, and the file and line to name in issues
 * @returns `{ ok: true, entry }` or `{ ok: false, issues }` with code `INVALID_LEDGER`
 * @example
 * ```ts
 * const result = validateEntry({ id: 'a', at: '2024-05-01T09:00:00Z', task: 'restart api',
 *   category: 'production-interrupt', minutes: -5, team: 'sre', automatable: 'yes' });
 * if (!result.ok) console.log(result.issues[0]?.message); // 'must be more than 0, got -5'
 * ```
 */
export function validateEntry(
  value: unknown,
  options: EntryValidationOptions = {},
): EntryValidation {
  const fast = wellFormedEntry(value, options.categories);
  return fast !== undefined ? { ok: true, entry: fast } : checkEntry(value, options);
}

/**
 * {@link validateEntry} without its common case: every rule checked with messages. For a
 * caller that has already tried {@link wellFormedEntry} on the value, so that check is not run
 * twice.
 *
 * @internal
 */
export function checkEntry(value: unknown, options: EntryValidationOptions): EntryValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const issues = new Collector(options);
    issues.issues.push({
      code: 'INVALID_LEDGER',
      message: `expected a JSON object with id, at, task, category, minutes, team and automatable, got ${describe(value)}`,
      path: [],
      ...(options.file === undefined ? {} : { file: options.file }),
      ...(options.line === undefined ? {} : { line: options.line }),
    });
    return { ok: false, issues: issues.issues };
  }
  const record = value as Record<string, unknown>;
  const issues = new Collector(options);
  const kind = readKind(record.kind, issues);
  const id = issues.text(record, 'id', true);
  const at = readAt(record.at, issues);
  const minutes = readMinutes(record.minutes, issues);
  const team = issues.text(record, 'team', true);
  const task = issues.text(record, 'task', kind === 'toil');
  const person = issues.text(record, 'person', false);
  const note = issues.text(record, 'note', false);

  if (kind === 'toil') {
    const category = issues.text(record, 'category', true);
    if (category !== undefined && !isCategoryAllowed(category, options.categories)) {
      const custom = options.categories;
      const extra =
        custom === undefined || custom === 'any' || custom.length === 0
          ? ''
          : `, or one of the custom categories ${custom.join(', ')}`;
      issues.add(
        'category',
        `${JSON.stringify(category)} is not a toil category; expected one of ${TOIL_CATEGORIES.join(', ')}${extra} (custom categories must be allowed by the ledger)`,
      );
    }
    const ticket = issues.text(record, 'ticket', false);
    const automatable = record.automatable;
    if (!(AUTOMATABLE_VALUES as readonly unknown[]).includes(automatable)) {
      issues.add(
        'automatable',
        automatable === undefined
          ? 'is required: "yes", "partly" or "no"'
          : `must be "yes", "partly" or "no", got ${describe(automatable)}`,
      );
    }
    if (issues.issues.length > 0) return { ok: false, issues: issues.issues };
    const entry: ToilEntry = {
      id: id ?? '',
      at: at ?? 0,
      task: task ?? '',
      category: category ?? '',
      minutes: minutes ?? 0,
      team: team ?? '',
      ...(person === undefined ? {} : { person }),
      ...(ticket === undefined ? {} : { ticket }),
      automatable: automatable as Automatable,
      ...(note === undefined ? {} : { note }),
    };
    return { ok: true, entry };
  }

  if (issues.issues.length > 0 || kind === undefined) return { ok: false, issues: issues.issues };
  const entry: WorkEntry = {
    kind,
    id: id ?? '',
    at: at ?? 0,
    minutes: minutes ?? 0,
    team: team ?? '',
    ...(task === undefined ? {} : { task }),
    ...(person === undefined ? {} : { person }),
    ...(note === undefined ? {} : { note }),
  };
  return { ok: true, entry };
}

/**
 * Like {@link validateEntry}, but throws every problem at once.
 *
 * @param value - the candidate entry
 * @param options - custom categories, file and line
 * @returns the clean entry
 * @throws NinesError `INVALID_LEDGER` listing each problem with its field path
 * @example
 * ```ts
 * parseEntry({ kind: 'overhead', id: 'm1', at: 0, minutes: 60, team: 'sre' }).minutes; // 60
 * ```
 */
export function parseEntry(value: unknown, options: EntryValidationOptions = {}): LedgerEntry {
  const result = validateEntry(value, options);
  if (!result.ok) throw NinesError.fromIssues(result.issues);
  return result.entry;
}
