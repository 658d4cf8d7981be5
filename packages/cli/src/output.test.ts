import { describe, expect, it } from 'vitest';
import { formatDelta, formatHours, formatPercent, renderTable } from './output.js';

const columns = [{ header: 'Team' }, { header: 'Hours', align: 'right' as const }];
const rows = [
  ['sre', '7'],
  ['web, "ops"', '12.5'],
];

describe('renderTable', () => {
  it('aligns text columns', () => {
    expect(renderTable(columns, rows, 'table')).toBe(
      'Team        Hours\nsre             7\nweb, "ops"   12.5\n',
    );
  });

  it('writes GFM tables, escaping pipes', () => {
    expect(renderTable(columns, [['a|b', '1']], 'markdown')).toBe(
      '| Team | Hours |\n| --- | ---: |\n| a\\|b | 1 |\n',
    );
  });

  it('writes RFC 4180 CSV with CRLF and quoting', () => {
    expect(renderTable(columns, rows, 'csv')).toBe(
      'Team,Hours\r\nsre,7\r\n"web, ""ops""",12.5\r\n',
    );
  });
});

describe('number formatting', () => {
  it('has no float noise', () => {
    expect(formatHours(0.1 + 0.2)).toBe('0.3');
    expect(formatHours(4.333333333)).toBe('4.33');
    expect(formatPercent(0.021875)).toBe('2.2%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatDelta(163)).toBe('+163');
    expect(formatDelta(-1.5, ' h')).toBe('-1.5 h');
    expect(formatDelta(0)).toBe('0');
  });
});
