import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankAutomation } from '../automation/rankAutomation.js';
import { createLedger } from '../ledger/createLedger.js';
import type { LedgerEntry, ToilEntry } from '../model/entry.js';
import { formatEntryLine } from '../model/serialize.js';
import { parsePeriod } from '../report/periods.js';
import { buildToilReport } from '../report/toilReport.js';
import type { ToilReportOptions } from '../report/toilReport.js';
import { createJsonLinesStore } from '../store/jsonLinesStore.js';
import { PARTS, splitLedgerFile } from '../store/ledgerParts.js';
import type { LedgerPart, SplittableRead } from '../store/ledgerParts.js';
import type { LedgerProblem, LedgerReadItem } from '../store/types.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1, 9);
const CATEGORIES = ['business-process', 'migration', 'on-call-handover'];

let dir: string;
let file: string;
/** Line numbers of the bad lines written into the ledger, by kind. */
const bad = { json: [] as number[], field: [] as number[], custom: [] as number[] };
let lineCount = 0;

function entry(i: number): LedgerEntry {
  const at = START + Math.floor(i / 7) * DAY + (i % 7) * 60_000;
  if (i % 11 === 0)
    return { kind: 'engineering', id: `w${i}`, at, minutes: 90, team: `team-${i % 3}` };
  const toil: ToilEntry = {
    id: `e${i}`,
    at,
    task: `task-${i % 13}`,
    category: CATEGORIES[i % 17 === 0 ? 2 : i % 2] ?? 'migration',
    minutes: 1 + (i % 59) + (i % 4) * 0.25,
    team: `team-${i % 3}`,
    automatable: 'partly',
    ...(i % 5 === 0 ? { person: 'ana', note: 'first ☕ of the day' } : {}),
  };
  return toil;
}

// About 2,000 lines (~300 KiB) with blank lines, CRLF endings, malformed JSON, bad fields,
// categories only a custom policy allows, and a torn last line, cut into parts of 8 KiB.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-toil-parallel-'));
  file = join(dir, 'toil.jsonl');
  let text = '';
  for (let i = 0; i < 2000; i++) {
    lineCount += 1;
    if (i % 97 === 5) {
      text += '{"id":"broken",\n';
      bad.json.push(lineCount);
    } else if (i % 89 === 7) {
      text += `${JSON.stringify({ ...entry(i), minutes: -5 })}\n`;
      bad.field.push(lineCount);
    } else if (i % 101 === 9) {
      text += '\n';
    } else {
      const line = formatEntryLine(entry(i));
      if (i % 17 === 0 && i % 11 !== 0) bad.custom.push(lineCount);
      text += i % 103 === 3 ? line.replace('\n', '\r\n') : line;
    }
  }
  text += '{"id":"torn","at":"2024';
  await writeFile(file, text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function report(
  threads: number,
  options: ToilReportOptions = {},
  categories?: readonly string[],
): Promise<{ result: unknown; problems: LedgerProblem[] }> {
  const problems: LedgerProblem[] = [];
  const store = createJsonLinesStore(file, { displayName: 'toil.jsonl', partBytes: 8192 });
  const source =
    categories === undefined ? store.read() : createLedger({ store, categories }).read();
  const result = await buildToilReport(source, {
    now: START + 400 * DAY,
    ...options,
    threads,
    onProblem: (problem) => problems.push(problem),
  });
  return { result, problems };
}

describe('reading a JSON Lines ledger in parallel', () => {
  it('cuts the file at line starts into parts that cover it exactly', async () => {
    const text = await readFile(file, 'utf8');
    const parts = await splitLedgerFile(file, 'toil.jsonl', 4, 8192);
    expect(parts).toHaveLength(4);
    expect(parts[0]?.start).toBe(0);
    expect(parts.at(-1)?.end).toBe(Buffer.byteLength(text));
    for (const [i, part] of parts.entries()) {
      if (i > 0) expect(part.start).toBe(parts[i - 1]?.end);
      const before = Buffer.from(text)
        .subarray(part.start - 1, part.start)
        .toString();
      if (part.start > 0) expect(before).toBe('\n');
    }
  });

  it('gives the same report and the same problems, in file order, as reading in one thread', async () => {
    const one = await report(1, { period: parsePeriod('week') });
    const four = await report(4, { period: parsePeriod('week') });
    expect(four.result).toEqual(one.result);
    expect(four.problems).toEqual(one.problems);
    // Every bad line is reported with its line number in the whole file.
    expect(one.problems.map((p) => p.line)).toEqual(
      [...bad.json, ...bad.field, lineCount + 1].sort((a, b) => a - b),
    );
    expect(one.problems.at(-1)?.message).toContain('last line has no newline');
    expect(one.result).toMatchObject({ problems: one.problems.length });
  });

  it('applies the ledger category policy in every thread', async () => {
    const strict = await report(4, { period: parsePeriod('month') }, []);
    const oneThread = await report(1, { period: parsePeriod('month') }, []);
    expect(strict).toEqual(oneThread);
    const categoryLines = strict.problems
      .filter((p) => p.path[0] === 'category')
      .map((p) => p.line);
    expect(categoryLines).toEqual(bad.custom);
    const allowed = await report(4, { period: parsePeriod('month') }, ['on-call-handover']);
    expect(allowed.problems.filter((p) => p.path[0] === 'category')).toEqual([]);
  });

  it('ranks automation the same in parallel as in one thread, problems included', async () => {
    const rank = async (threads: number): Promise<{ result: unknown; lines: number[] }> => {
      const lines: number[] = [];
      const store = createJsonLinesStore(file, { displayName: 'toil.jsonl', partBytes: 8192 });
      const result = await rankAutomation(store.read(), {
        now: START + 400 * DAY,
        since: START + 10 * DAY,
        team: ['team-0', 'team-2'],
        threads,
        onProblem: (problem) => lines.push(problem.line),
      });
      return { result, lines };
    };
    const one = await rank(1);
    expect(await rank(4)).toEqual(one);
    expect(one.result).toMatchObject({ problems: one.lines.length });
    expect(one.lines.at(-1)).toBe(lineCount + 1);
    await expect(rankAutomation([], { threads: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: ['threads'],
    });
  });

  it('keeps filters, fixed periods and ranges the same across threads', async () => {
    const options: ToilReportOptions = {
      period: parsePeriod('2w'),
      since: START + 30 * DAY,
      until: START + 200 * DAY,
      team: ['team-1', 'team-9'],
      capacity: { mode: 'team-size', teamSize: 3 },
    };
    expect(await report(3, options)).toEqual(await report(1, options));
  });

  it('reads a small ledger in this thread, and a ledger that is not a file item by item', async () => {
    const small = createJsonLinesStore(file);
    expect(await splitLedgerFile(file, 'toil.jsonl', 4, 1 << 30)).toHaveLength(1);
    const viaDefault = await buildToilReport(small.read(), {
      now: START,
      onProblem: () => undefined,
    });
    expect(viaDefault.entries).toBeGreaterThan(1800);
    const entries = Array.from({ length: 50 }, (_, i) => entry(i + 1));
    expect((await buildToilReport(entries, { threads: 4, now: START })).entries).toBe(50);
  });

  it('splits a file whose lines are longer than one search window', async () => {
    const wide = join(dir, 'wide.jsonl');
    const long = formatEntryLine({ ...(entry(1) as ToilEntry), note: 'x'.repeat(200_000) });
    await writeFile(wide, long.repeat(6));
    const parts = await splitLedgerFile(wide, 'wide.jsonl', 4, 1000);
    expect(parts.map((p) => p.start)).toEqual(
      [0, 2, 3, 5].map((i) => i * long.length).slice(0, parts.length),
    );
    // Notes that long are refused, so each line is one problem, whichever thread reads it.
    const lines: (number | undefined)[] = [];
    const read = createJsonLinesStore(wide, { partBytes: 1000 }).read();
    const result = await buildToilReport(read, {
      threads: 4,
      now: START,
      onProblem: (problem) => lines.push(problem.line),
    });
    expect(result.problems).toBe(6);
    expect(lines).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('fails with the reading error, not a hang, when a part cannot be read', async () => {
    const gone = join(dir, 'gone.jsonl');
    const parts: LedgerPart[] = [
      { file, name: 'toil.jsonl', start: 0, end: 100 },
      { file: gone, name: 'gone.jsonl', start: 0, end: 100 },
    ];
    const source: AsyncIterable<LedgerReadItem> & SplittableRead = {
      [PARTS]: () => Promise.resolve(parts),
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.resolve({ done: true, value: undefined }),
      }),
    };
    await expect(
      buildToilReport(source, { threads: 2, onProblem: () => undefined }),
    ).rejects.toThrow(/ENOENT/);
  });

  it('rejects a thread count or part size that is not a whole number above 0', async () => {
    await expect(buildToilReport([], { threads: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: ['threads'],
    });
    await expect(buildToilReport([], { threads: 1.5 })).rejects.toThrow(/threads/);
    expect(() => createJsonLinesStore(file, { partBytes: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['partBytes'] }),
    );
  });
});
