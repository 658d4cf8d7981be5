export {
  TOIL_CATEGORIES,
  isToilCategory,
  isCategoryAllowed,
  normalizeCategory,
} from './categories.js';
export type { ToilCategory, CategoryPolicy } from './categories.js';
export { AUTOMATABLE_VALUES, WORK_KINDS, MAX_ENTRY_MINUTES, isToil } from './entry.js';
export type {
  Automatable,
  WorkKind,
  ToilEntry,
  WorkEntry,
  LedgerEntry,
  ToilEntryInput,
  WorkEntryInput,
  LedgerEntryInput,
} from './entry.js';
export { parseToilDate, formatToilDate } from './dates.js';
export { parseMinutes } from './minutes.js';
export { validateEntry, parseEntry } from './validateEntry.js';
export type { EntryValidation, EntryValidationOptions } from './validateEntry.js';
export { formatEntryLine } from './serialize.js';
