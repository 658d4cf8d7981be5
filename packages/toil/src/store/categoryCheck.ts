import { isCategoryAllowed, TOIL_CATEGORIES } from '../model/categories.js';
import { isToil } from '../model/entry.js';
import type { LedgerReadItem } from './types.js';

/**
 * Turn toil entries whose category a ledger does not allow into problems, leaving everything
 * else as it is: the ledger's category policy applied on read, in whichever thread reads.
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
  const custom = categories.length === 0 ? '' : `, ${categories.join(', ')}`;
  return (item) => {
    position += 1;
    if (item.type !== 'entry' || !isToil(item.entry)) return item;
    const { category } = item.entry;
    if (isCategoryAllowed(category, categories)) return item;
    return {
      type: 'problem',
      problem: {
        code: 'INVALID_LEDGER',
        message: `${JSON.stringify(category)} is not a toil category; expected one of ${TOIL_CATEGORIES.join(', ')}${custom}`,
        path: ['category'],
        ...(file === undefined ? {} : { file }),
        line: item.line ?? position,
      },
    };
  };
}
