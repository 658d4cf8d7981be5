import { formatToilDate } from './dates.js';
import type { LedgerEntry } from './entry.js';

/**
 * Turn an entry into one JSON Lines record: the same fields, with `at` as ISO 8601 text so the
 * file stays readable and greppable, ending in exactly one `\n`.
 *
 * @param entry - a validated entry
 * @returns the line, newline included
 * @example
 * ```ts
 * formatEntryLine({ kind: 'overhead', id: 'm1', at: 0, minutes: 60, team: 'sre' });
 * // '{"kind":"overhead","id":"m1","at":"1970-01-01T00:00:00.000Z","minutes":60,"team":"sre"}\n'
 * ```
 */
export function formatEntryLine(entry: LedgerEntry): string {
  // JSON.stringify escapes "\n" and "\r" inside strings, so a record is always one line.
  return `${JSON.stringify({ ...entry, at: formatToilDate(entry.at) })}\n`;
}
