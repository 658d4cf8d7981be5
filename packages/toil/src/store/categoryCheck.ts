import { isCategoryAllowed, TOIL_CATEGORIES } from '../model/categories.js';
import { isToil } from '../model/entry.js';
import type { LedgerEntry } from '../model/entry.js';
import type { LedgerProblem, LedgerReadItem } from './types.js';

/**
 * The problem with an entry whose category a ledger does not allow, if it has one: the ledger's
 * category policy applied on read, in whichever thread reads.
 *
 * @param entry - an entry read from a store
 * @param categories - the custom categories allowed besides the SRE Workbook taxonomy
 * @param file - the store's name, for the problem
 * @param line - the entry's line or position
 * @returns the problem, or undefined when the entry is fine (or not toil)
 * @internal
 */
export function categoryProblem(
  entry: LedgerEntry,
  categories: readonly string[],
  file: string | undefined,
  line: number,
): LedgerProblem | undefined {
  if (!isToil(entry) || isCategoryAllowed(entry.category, categories)) return undefined;
  const custom = categories.length === 0 ? '' : `, ${categories.join(', ')}`;
  return {
    code: 'INVALID_LEDGER',
    message: `${JSON.stringify(entry.category)} is not a toil category; expected one of ${TOIL_CATEGORIES.join(', ')}${custom}`,
    path: ['category'],
    ...(file === undefined ? {} : { file }),
    line,
  };
}

/**
 * Turn toil entries whose category a ledger does not allow into problems, leaving everything
 * else as it is.
 *
 * @param categories - the custom categories allowed besides the SRE Workbook taxonomy
 * @param file - the store's name, for problems
 * @returns a mapper; it numbers items without a line by their position in the read
 * @internal
 */
export function categoryCheck(
  categories: readonly string[],
  file: string | undefined,
): (item: LedgerReadItem) => LedgerReadItem {
  let position = 0;
  return (item) => {
    position += 1;
    if (item.type !== 'entry') return item;
    const problem = categoryProblem(item.entry, categories, file, item.line ?? position);
    return problem === undefined ? item : { type: 'problem', problem };
  };
}
