import { describe, expect, it } from 'vitest';
import {
  TOIL_CATEGORIES,
  isCategoryAllowed,
  isToilCategory,
  normalizeCategory,
} from './categories.js';

describe('toil categories', () => {
  it('are the six kinds of the SRE Workbook taxonomy', () => {
    // REFERENCE.md §7 Taxonomy (https://sre.google/workbook/eliminating-toil/)
    expect(TOIL_CATEGORIES).toEqual([
      'business-process',
      'production-interrupt',
      'release-shepherding',
      'migration',
      'cost-capacity',
      'troubleshooting',
    ]);
    expect(isToilCategory('migration')).toBe(true);
    expect(isToilCategory('meetings')).toBe(false);
  });

  it('normalizes spreadsheet labels', () => {
    const cases: [string, string][] = [
      ['Business processes', 'business-process'],
      ['Production interrupts', 'production-interrupt'],
      ['release_shepherding', 'release-shepherding'],
      ['Migrations', 'migration'],
      ['Cost engineering & capacity planning', 'cost-capacity'],
      ['Capacity planning', 'cost-capacity'],
      ['Troubleshooting', 'troubleshooting'],
      [' On-call handover ', 'On-call handover'],
    ];
    for (const [label, expected] of cases) expect(normalizeCategory(label)).toBe(expected);
  });

  it('applies a custom-category policy', () => {
    expect(isCategoryAllowed('troubleshooting')).toBe(true);
    expect(isCategoryAllowed('handover')).toBe(false);
    expect(isCategoryAllowed('handover', ['handover'])).toBe(true);
    expect(isCategoryAllowed('handover', 'any')).toBe(true);
    expect(isCategoryAllowed('  ', 'any')).toBe(false);
  });
});
