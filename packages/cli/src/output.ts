import { formatDecimal } from '@nines/core';

/** Output formats of commands that print tables. */
export type OutputFormat = 'table' | 'markdown' | 'json' | 'csv';

/** Every {@link OutputFormat}. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'markdown', 'json', 'csv'];

/** One column of a table. */
export interface Column {
  /** Header text. */
  readonly header: string;
  /** Alignment in `table` and `markdown` output (default left). */
  readonly align?: 'left' | 'right';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function markdownCell(value: string): string {
  return value.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Render rows as aligned text, a Markdown (GFM) table, or RFC 4180 CSV.
 *
 * @param columns - the columns
 * @param rows - cells as text, one array per row
 * @param format - `table`, `markdown` or `csv`
 * @returns the rendered text, ending in a newline
 * @example
 * ```ts
 * renderTable([{ header: 'Team' }, { header: 'Hours', align: 'right' }], [['sre', '7']], 'markdown');
 * // '| Team | Hours |\n| --- | ---: |\n| sre | 7 |\n'
 * ```
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  format: Exclude<OutputFormat, 'json'>,
): string {
  if (format === 'csv') {
    return [columns.map((c) => c.header), ...rows]
      .map((row) => `${row.map(csvField).join(',')}\r\n`)
      .join('');
  }
  if (format === 'markdown') {
    const line = (cells: readonly string[]): string =>
      `| ${cells.map(markdownCell).join(' | ')} |\n`;
    const rule = columns.map((c) => (c.align === 'right' ? '---:' : '---'));
    return line(columns.map((c) => c.header)) + line(rule) + rows.map(line).join('');
  }
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `${cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd()}\n`;
  return line(columns.map((c) => c.header)) + rows.map(line).join('');
}

/**
 * Hours as people read them: at most two decimals, no float noise.
 *
 * @param hours - a number of hours
 * @returns e.g. `"7"`, `"0.3"`, `"4.33"`
 * @example
 * ```ts
 * formatHours(0.1 + 0.2); // '0.3'
 * ```
 */
export function formatHours(hours: number): string {
  return formatDecimal(hours, 2);
}

/**
 * A fraction as a percentage with at most one decimal: 0.021875 gives `"2.2%"`.
 *
 * @param fraction - e.g. 0.5
 * @returns e.g. `"50%"`
 * @example
 * ```ts
 * formatPercent(1 / 3); // '33.3%'
 * ```
 */
export function formatPercent(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`;
}

/**
 * A signed change: `+3`, `-1.5`, `0`.
 *
 * @param value - the change
 * @param unit - text after the number
 * @returns the signed text
 * @example
 * ```ts
 * formatDelta(163); // '+163'
 * ```
 */
export function formatDelta(value: number, unit = ''): string {
  const text = formatDecimal(value, 2);
  return `${value > 0 ? '+' : ''}${text}${unit}`;
}
