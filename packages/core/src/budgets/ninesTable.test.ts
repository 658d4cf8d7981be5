import { describe, expect, it } from 'vitest';
import { exactDivide, formatDecimal } from '../decimal.js';
import { NinesError } from '../errors.js';
import { targetFromPercent } from '../objectives/target.js';
import { ninesTable } from './ninesTable.js';

const DAY = 86_400_000;
const UNIT_MS = { s: 1_000, min: 60_000, h: 3_600_000, d: DAY } as const;

/**
 * REFERENCE.md §1.8, cell by cell as printed (the first figure where a cell gives two). Cells
 * marked `~` are rounded in the table; the exact value is asserted separately.
 */
const REFERENCE_1_8: [number, string[]][] = [
  [99, ['1.68 h', '6.72 h', '7.2 h', '21.6 h', '3.65 d']],
  [99.5, ['50.4 min', '3.36 h', '3.6 h', '10.8 h', '1.825 d']],
  [99.9, ['10.08 min', '40.32 min', '43.2 min', '2.16 h', '8.76 h']],
  [99.95, ['5.04 min', '20.16 min', '21.6 min', '1.08 h', '4.38 h']],
  [99.99, ['1.008 min', '4.032 min', '4.32 min', '12.96 min', '52.56 min']],
  [99.999, ['~6.05 s', '~24.19 s', '25.92 s', '1.296 min', '5.256 min']],
];

describe('ninesTable', () => {
  const table = ninesTable();

  it('has the REFERENCE.md §1.8 targets and windows by default', () => {
    expect(table.map((row) => row.target.percent)).toEqual([99, 99.5, 99.9, 99.95, 99.99, 99.999]);
    for (const row of table) {
      expect(row.allowed.map((cell) => cell.windowMs / DAY)).toEqual([7, 28, 30, 90, 365]);
    }
  });

  it.each(REFERENCE_1_8)('reproduces REFERENCE.md §1.8 row %d%%', (percent, cells) => {
    const row = table.find((r) => r.target.percent === percent);
    expect(row).toBeDefined();
    expect(row!.target).toEqual(targetFromPercent(percent));
    cells.forEach((text, index) => {
      const rounded = text.startsWith('~');
      const [value, unit] = text.replace('~', '').split(' ') as [string, keyof typeof UNIT_MS];
      const actual = exactDivide(row!.allowed[index]!.downtimeMs, UNIT_MS[unit]);
      if (rounded) {
        const digits = value.split('.')[1]?.length ?? 0;
        expect(formatDecimal(actual, digits)).toBe(value);
      } else {
        expect(actual).toBe(Number(value));
      }
    });
  });

  it('carries the exact values behind the rounded cells (REFERENCE.md §10 #4: 6.048 s; 24.192 s computed)', () => {
    const row = table.find((r) => r.target.percent === 99.999)!;
    expect(row.allowed[0]!.downtimeMs).toBe(6_048);
    expect(row.allowed[1]!.downtimeMs).toBe(24_192);
  });

  it('has the cross-checked second figures of REFERENCE.md §1.8 (87.6 h, 43.8 h)', () => {
    expect(table[0]!.allowed[4]!.downtimeMs).toBe(87.6 * UNIT_MS.h);
    expect(table[1]!.allowed[4]!.downtimeMs).toBe(43.8 * UNIT_MS.h);
  });

  it('gives nines per row', () => {
    expect(table.map((row) => row.nines)).toEqual([2, 2.30102999566, 3, 3.30102999566, 4, 5]);
  });

  it('takes custom targets (fractions or Targets) and windows, in order', () => {
    const rows = ninesTable({ targets: [0.999, targetFromPercent(99.5)], windows: [DAY, 0] });
    expect(rows).toEqual([
      {
        target: { fraction: 0.999, percent: 99.9, errorBudget: 0.001 },
        nines: 3,
        allowed: [
          { windowMs: DAY, downtimeMs: 86_400 },
          { windowMs: 0, downtimeMs: 0 },
        ],
      },
      {
        target: { fraction: 0.995, percent: 99.5, errorBudget: 0.005 },
        nines: 2.30102999566,
        allowed: [
          { windowMs: DAY, downtimeMs: 432_000 },
          { windowMs: 0, downtimeMs: 0 },
        ],
      },
    ]);
  });

  it('gives a 30.44-day month 43.8 min at 99.9% only when asked (REFERENCE.md §1.3, rootly)', () => {
    const [row] = ninesTable({ targets: [0.999], windows: [30.44 * DAY] });
    expect(formatDecimal(exactDivide(row!.allowed[0]!.downtimeMs, UNIT_MS.min), 1)).toBe('43.8');
  });

  it('returns no rows for no targets', () => {
    expect(ninesTable({ targets: [] })).toEqual([]);
  });
});

describe('edge cases', () => {
  it('rejects a bad target with NinesError', () => {
    expect(() => ninesTable({ targets: [0.999, 1] })).toThrow(NinesError);
  });

  it.each([-1, Number.NaN, Infinity])('rejects window %d with RangeError naming its index', (w) => {
    expect(() => ninesTable({ windows: [DAY, w] })).toThrow(RangeError);
    expect(() => ninesTable({ windows: [DAY, w] })).toThrow(/windows\[1\]/);
  });
});

describe('options from plain JavaScript', () => {
  it.each([
    [null, /options must be an object \{ targets\?, windows\? \}, got null/],
    [{ targets: 0.999 }, /options\.targets must be an array of targets, got 0\.999/],
    [
      { windows: '30d' },
      /options\.windows must be an array of window lengths in milliseconds, got "30d"/,
    ],
    [{ windows: [Number.NaN] }, /windows\[0\] must be a finite number >= 0, got NaN/],
  ])('rejects %j with RangeError instead of a TypeError or NaN cells', (options, message) => {
    expect(() => ninesTable(options as never)).toThrow(RangeError);
    expect(() => ninesTable(options as never)).toThrow(message);
  });
});
