import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv.js';
import type { CsvParseOptions, CsvRecord } from './parseCsv.js';

async function parse(
  input: string | string[],
  options: CsvParseOptions = {},
): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of parseCsv(input, options)) out.push(record);
  return out;
}

describe('parseCsv (RFC 4180)', () => {
  it('reads plain, quoted and escaped fields', async () => {
    expect(await parse('a,b,c\n1,"two, too","say ""hi"""\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, too', 'say "hi"'] },
    ]);
  });

  it('keeps line breaks inside quoted fields and numbers records by their first line', async () => {
    expect(await parse('a,b\r\n"multi\r\nline",x\r\nnext,y')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['multi\r\nline', 'x'] },
      { line: 4, fields: ['next', 'y'] },
    ]);
  });

  it('drops a byte-order mark and skips blank lines and empty rows', async () => {
    expect(await parse('\uFEFFa,b\n\n,\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('keeps empty fields and empty quoted fields', async () => {
    expect(await parse('a,,"",d\n')).toEqual([{ line: 1, fields: ['a', '', '', 'd'] }]);
  });

  it('guesses semicolons and tabs from the header, or takes the delimiter given', async () => {
    expect(await parse('a;b\n1,5;2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', '2'] },
    ]);
    expect(await parse('a\tb\n1\t2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(await parse('a;b\n', { delimiter: ',' })).toEqual([{ line: 1, fields: ['a;b'] }]);
  });

  it('keeps a stray quote inside an unquoted field as text', async () => {
    expect(await parse('5" disk,x\n')).toEqual([{ line: 1, fields: ['5" disk', 'x'] }]);
  });

  it('gives the same records however the input is split into chunks', async () => {
    const text =
      'Date,Task,Note\r\n2024-05-01,"restart, api","line1\nline2"\n2024-05-02,deploy,"a ""b"""\r\n';
    const whole = await parse(text);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }),
        async (cuts) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const chunks: string[] = [];
          let from = 0;
          for (const point of points) {
            chunks.push(text.slice(from, point));
            from = point;
          }
          chunks.push(text.slice(from));
          expect(await parse(chunks)).toEqual(whole);
        },
      ),
    );
  });
});

describe('parseCsv round trip', () => {
  it('reads back any table written per RFC 4180', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é') });
    const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        async (rows) => {
          const header = rows[0]!.map((_, i) => `h${i}`);
          const text = [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n');
          const records = await parse(text, { delimiter: ',' });
          const expected = [header, ...rows].filter((row) => row.some((value) => value !== ''));
          expect(records.map((record) => record.fields)).toEqual(expected);
          expect(records.every((record) => record.error === undefined)).toBe(true);
        },
      ),
    );
  });
});

describe('parseCsv edge cases', () => {
  it('flags text after a closing quote and goes on with the next row', async () => {
    expect(await parse('a,b\n"x"y,2\nok,3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      {
        line: 2,
        fields: ['x', '2'],
        error: 'unexpected text after the closing quote of field 1',
      },
      { line: 3, fields: ['ok', '3'] },
    ]);
  });

  it('does not let a quote that is never closed swallow the rows after it', async () => {
    const records = await parse('a,b\n"broken,1\nok,2\nalso ok,3\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      {
        line: 2,
        fields: ['broken,1\nok,2\nalso ok,3\n'],
        error:
          'quoted field 1 is never closed (a " is missing); the rows after its first line are read again',
      },
      { line: 3, fields: ['ok', '2'] },
      { line: 4, fields: ['also ok', '3'] },
    ]);
  });

  it('reads nothing from empty input', async () => {
    expect(await parse('')).toEqual([]);
    expect(await parse([])).toEqual([]);
  });
});
