/**
 * The six kinds of toil the SRE Workbook names in "Eliminating Toil" (REFERENCE.md §7,
 * Taxonomy): business processes, production interrupts, release shepherding, migrations, cost
 * engineering and capacity planning, troubleshooting opaque architectures.
 *
 * They are the default set of categories a ledger accepts; a ledger may allow more.
 *
 * @example
 * ```ts
 * TOIL_CATEGORIES.includes('migration'); // true
 * ```
 */
export const TOIL_CATEGORIES = [
  'business-process',
  'production-interrupt',
  'release-shepherding',
  'migration',
  'cost-capacity',
  'troubleshooting',
] as const;

/** One category of the SRE Workbook toil taxonomy (see {@link TOIL_CATEGORIES}). */
export type ToilCategory = (typeof TOIL_CATEGORIES)[number];

/**
 * Which categories a ledger accepts besides the Workbook taxonomy: a list of custom names, or
 * `'any'` for any non-empty text.
 */
export type CategoryPolicy = readonly string[] | 'any';

const TAXONOMY: ReadonlySet<string> = new Set(TOIL_CATEGORIES);

/**
 * Whether `value` is one of the six SRE Workbook categories.
 *
 * @param value - the text to check
 * @returns true for a taxonomy category
 * @example
 * ```ts
 * isToilCategory('troubleshooting'); // true
 * isToilCategory('meetings'); // false
 * ```
 */
export function isToilCategory(value: string): value is ToilCategory {
  return TAXONOMY.has(value);
}

/**
 * Whether a ledger with the given custom-category policy accepts `category`.
 *
 * @param category - the category of an entry
 * @param custom - the categories allowed besides the taxonomy (default: none)
 * @returns true when the category is in the taxonomy or allowed by `custom`
 * @example
 * ```ts
 * isCategoryAllowed('on-call-handover', ['on-call-handover']); // true
 * isCategoryAllowed('anything', 'any'); // true
 * isCategoryAllowed('anything'); // false
 * ```
 */
export function isCategoryAllowed(category: string, custom: CategoryPolicy = []): boolean {
  if (TAXONOMY.has(category)) return true;
  if (custom === 'any') return category.trim() !== '';
  return custom.includes(category);
}

/**
 * Human labels found in spreadsheets, mapped to taxonomy names. Keys are compared after
 * lower-casing and turning runs of spaces, underscores and slashes into one hyphen.
 */
const ALIASES: Readonly<Record<string, ToilCategory>> = {
  'business-process': 'business-process',
  'business-processes': 'business-process',
  business: 'business-process',
  'production-interrupt': 'production-interrupt',
  'production-interrupts': 'production-interrupt',
  interrupt: 'production-interrupt',
  interrupts: 'production-interrupt',
  'release-shepherding': 'release-shepherding',
  release: 'release-shepherding',
  releases: 'release-shepherding',
  migration: 'migration',
  migrations: 'migration',
  'cost-capacity': 'cost-capacity',
  'cost-engineering': 'cost-capacity',
  'capacity-planning': 'cost-capacity',
  'cost-engineering-and-capacity-planning': 'cost-capacity',
  'cost-engineering-capacity-planning': 'cost-capacity',
  'cost-and-capacity': 'cost-capacity',
  troubleshooting: 'troubleshooting',
  'troubleshooting-opaque-architectures': 'troubleshooting',
};

/**
 * Read a category as people write it in a spreadsheet ("Production interrupts",
 * "Cost engineering", "release_shepherding") and return the taxonomy name; other text is
 * returned trimmed and unchanged, for the ledger's custom-category policy to judge.
 *
 * @param text - the category as written
 * @returns the taxonomy name, or the trimmed text
 * @example
 * ```ts
 * normalizeCategory('Production interrupts'); // 'production-interrupt'
 * normalizeCategory('On-call handover'); // 'On-call handover'
 * ```
 */
export function normalizeCategory(text: string): string {
  const trimmed = text.trim();
  const key = trimmed.toLowerCase().replace(/[\s_/&]+/g, '-');
  return ALIASES[key] ?? trimmed;
}
