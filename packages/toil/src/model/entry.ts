import type { ToilCategory } from './categories.js';

/**
 * Whether a task could be automated away: fully, in part, or not at all (the tracker's
 * "Automatable?" column, REFERENCE.md §7).
 */
export type Automatable = 'yes' | 'partly' | 'no';

/** Every accepted {@link Automatable} value. */
export const AUTOMATABLE_VALUES: readonly Automatable[] = ['yes', 'partly', 'no'];

/**
 * Work that is not toil, logged only so a team can measure its toil share against the hours it
 * actually worked ("hours logged" capacity). The SRE book splits time into software and systems
 * engineering (`'engineering'`), toil, and overhead such as meetings and HR paperwork
 * (`'overhead'`).
 */
export type WorkKind = 'engineering' | 'overhead';

/** Every accepted {@link WorkKind}. */
export const WORK_KINDS: readonly WorkKind[] = ['engineering', 'overhead'];

/** The most hands-on minutes one entry may hold: a whole day. More is a typo, not toil. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/**
 * One stretch of toil, as the ledger stores it.
 *
 * `minutes` is hands-on time: what a person spent, not how long the job ran (SRE book ch. 5).
 */
export interface ToilEntry {
  /** Absent for toil; present only on {@link WorkEntry}. */
  readonly kind?: 'toil';
  /** Unique id, generated when not given. */
  readonly id: string;
  /** When the work happened, epoch milliseconds. */
  readonly at: number;
  /** What was done, named the same way each time so repeats aggregate ("rotate TLS certs"). */
  readonly task: string;
  /** A {@link ToilCategory}, or a custom category the ledger allows. */
  readonly category: ToilCategory | (string & Record<never, never>);
  /** Hands-on minutes, more than 0 and at most {@link MAX_ENTRY_MINUTES}. */
  readonly minutes: number;
  /** The team that did the work; reports group by it. */
  readonly team: string;
  /** Who did it. */
  readonly person?: string;
  /** A link to the ticket or page that caused the work. */
  readonly ticket?: string;
  /** Whether the task could be automated. */
  readonly automatable: Automatable;
  /** Free text. */
  readonly note?: string;
}

/**
 * Engineering or overhead time, logged so the toil share can be measured against hours worked.
 * Such entries never count as toil and never go out as toil metrics.
 */
export interface WorkEntry {
  /** What kind of non-toil work this is. */
  readonly kind: WorkKind;
  /** Unique id, generated when not given. */
  readonly id: string;
  /** When the work happened, epoch milliseconds. */
  readonly at: number;
  /** Minutes worked, more than 0 and at most {@link MAX_ENTRY_MINUTES}. */
  readonly minutes: number;
  /** The team that did the work. */
  readonly team: string;
  /** What was done, optional. */
  readonly task?: string;
  /** Who did it. */
  readonly person?: string;
  /** Free text. */
  readonly note?: string;
}

/** Anything a ledger holds: toil, or engineering and overhead time for capacity. */
export type LedgerEntry = ToilEntry | WorkEntry;

/** What `record()` takes for toil: an entry whose `id` and `at` may be left out. */
export type ToilEntryInput = Omit<ToilEntry, 'id' | 'at'> & {
  /** Unique id; a random UUID when absent. */
  readonly id?: string;
  /** When; the ledger clock's now when absent. */
  readonly at?: number | Date;
};

/** What `record()` takes for engineering or overhead time. */
export type WorkEntryInput = Omit<WorkEntry, 'id' | 'at'> & {
  /** Unique id; a random UUID when absent. */
  readonly id?: string;
  /** When; the ledger clock's now when absent. */
  readonly at?: number | Date;
};

/** Either kind of input to `record()`. */
export type LedgerEntryInput = ToilEntryInput | WorkEntryInput;

/**
 * Whether an entry is toil (as opposed to engineering or overhead time).
 *
 * @param entry - a ledger entry
 * @returns true for toil
 * @example
 * ```ts
 * isToil({ id: 'a', at: 0, task: 't', category: 'migration', minutes: 5, team: 'sre', automatable: 'no' }); // true
 * isToil({ kind: 'overhead', id: 'b', at: 0, minutes: 60, team: 'sre' }); // false
 * ```
 */
export function isToil(entry: LedgerEntry): entry is ToilEntry {
  return entry.kind === undefined || entry.kind === 'toil';
}
