import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@nines/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry, ToilEntry } from '../model/entry.js';
import { formatEntryLine } from '../model/serialize.js';
import { createJsonLinesStore } from './jsonLinesStore.js';
import { MAX_LINE_LENGTH } from './readLineBatches.js';
import type { LedgerReadItem } from './types.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-toil-'));
  file = join(dir, 'toil.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(n: number, patch: Partial<ToilEntry> = {}): ToilEntry {
  return {
    id: `e${n}`,
    at: Date.UTC(2024, 4, 1, 9, n),
    task: `task ${n}`,
    category: 'business-process',
    minutes: n + 1,
    team: 'sre',
    automatable: 'yes',
    ...patch,
  };
}

async function readAll(items: AsyncIterable<LedgerReadItem>): Promise<LedgerReadItem[]> {
  const out: LedgerReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function problems(items: LedgerReadItem[]): string[] {
  return items.flatMap((item) => (item.type === 'problem' ? [formatIssue(item.problem)] : []));
}

function entries(items: LedgerReadItem[]): LedgerEntry[] {
  return items.flatMap((item) => (item.type === 'entry' ? [item.entry] : []));
}

describe('createJsonLinesStore', () => {
  it('round-trips entries, one JSON object per line, with ISO dates', async () => {
    const store = createJsonLinesStore(file);
    const work: LedgerEntry = { kind: 'engineering', id: 'w', at: 0, minutes: 480, team: 'sre' };
    await store.append([entry(1, { note: 'multi\nline', person: 'ana' }), work]);
    await store.append([entry(2)]);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toEqual([
      '{"id":"e1","at":"2024-05-01T09:01:00.000Z","task":"task 1","category":"business-process","minutes":2,"team":"sre","automatable":"yes","note":"multi\\nline","person":"ana"}',
      '{"kind":"engineering","id":"w","at":"1970-01-01T00:00:00.000Z","minutes":480,"team":"sre"}',
      '{"id":"e2","at":"2024-05-01T09:02:00.000Z","task":"task 2","category":"business-process","minutes":3,"team":"sre","automatable":"yes"}',
      '',
    ]);
    const items = await readAll(store.read());
    expect(items.map((item) => (item.type === 'entry' ? item.line : -1))).toEqual([1, 2, 3]);
    expect(entries(items)).toEqual([
      { ...entry(1), person: 'ana', note: 'multi\nline' },
      work,
      entry(2),
    ]);
  });

  it('reads a missing file as an empty ledger', async () => {
    expect(await readAll(createJsonLinesStore(join(dir, 'absent.jsonl')).read())).toEqual([]);
  });

  it('appending nothing creates nothing', async () => {
    await createJsonLinesStore(file).append([]);
    await expect(readFile(file)).rejects.toThrow('ENOENT');
  });

  it('never rewrites bytes already written', async () => {
    const store = createJsonLinesStore(file);
    await store.append([entry(1)]);
    const before = await readFile(file);
    await store.append([entry(2), entry(3)]);
    const after = await readFile(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('streams files much larger than one read chunk, in order', async () => {
    const store = createJsonLinesStore(file);
    const batch = Array.from({ length: 3000 }, (_, n) => entry(n % 50, { id: `id-${n}` }));
    await store.append(batch);
    const items = await readAll(store.read());
    expect(problems(items)).toEqual([]);
    expect(entries(items).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });
});

describe('createJsonLinesStore bad lines', () => {
  it('reports malformed lines with their line numbers and keeps the valid ones around them', async () => {
    const lines = [
      formatEntryLine(entry(1)),
      '{"id":"bad json",\n',
      formatEntryLine(entry(2)),
      '\n', // blank lines are skipped silently
      `${JSON.stringify({ ...entry(3), at: '2024-05-01T09:03:00Z', minutes: -5 })}\n`,
      `${JSON.stringify({ ...entry(4), at: '5/1/2024' })}\n`,
      `${JSON.stringify({ ...entry(5), at: '2024-05-01', minutes: 2000, automatable: 'sometimes' })}\n`,
      '[1,2]\r\n',
      formatEntryLine(entry(6)),
    ];
    await writeFile(file, lines.join(''));
    const items = await readAll(createJsonLinesStore(file, { displayName: 'toil.jsonl' }).read());
    expect(entries(items).map((e) => e.id)).toEqual(['e1', 'e2', 'e6']);
    expect(problems(items)).toEqual([
      expect.stringMatching(/^toil\.jsonl:2: not valid JSON \(.+\)$/),
      'toil.jsonl:5: minutes: must be more than 0, got -5',
      'toil.jsonl:6: at: "5/1/2024" is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2024-05-01',
      'toil.jsonl:7: minutes: 2000 minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
      'toil.jsonl:7: automatable: must be "yes", "partly" or "no", got "sometimes"',
      'toil.jsonl:8: expected a JSON object with id, at, task, category, minutes, team and automatable, got an array',
    ]);
  });

  it('reports a torn last line, skips it, and starts the next append on a new line', async () => {
    const torn = formatEntryLine(entry(2)).slice(0, 40);
    await writeFile(file, formatEntryLine(entry(1)) + torn);
    const store = createJsonLinesStore(file, { displayName: 'toil.jsonl' });

    const first = await readAll(store.read());
    expect(entries(first).map((e) => e.id)).toEqual(['e1']);
    expect(problems(first)).toEqual([
      'toil.jsonl:2: last line has no newline: a write was cut short (crash or full disk); skipped, and the next append starts on a new line',
    ]);

    await store.append([entry(3)]);
    const text = await readFile(file, 'utf8');
    // The torn bytes stay as they were (nothing is rewritten); the new line is not glued to them.
    expect(text).toBe(`${formatEntryLine(entry(1))}${torn}\n${formatEntryLine(entry(3))}`);

    const second = await readAll(store.read());
    expect(entries(second).map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(problems(second)).toEqual([expect.stringMatching(/^toil\.jsonl:2: not valid JSON/)]);
  });

  it('reports a line longer than the limit without holding it in memory', async () => {
    const long = `{"id":"${'x'.repeat(MAX_LINE_LENGTH + 10)}"}\n`;
    await writeFile(file, formatEntryLine(entry(1)) + long + formatEntryLine(entry(2)));
    const items = await readAll(createJsonLinesStore(file, { displayName: 'toil.jsonl' }).read());
    expect(entries(items).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(problems(items)).toEqual([
      `toil.jsonl:2: line is longer than ${MAX_LINE_LENGTH} characters; skipped`,
    ]);
  });

  it('does not treat bytes appended after reading began as a torn line', async () => {
    const store = createJsonLinesStore(file);
    await store.append([entry(1)]);
    const iterator = store.read()[Symbol.asyncIterator]();
    const first = await iterator.next();
    await appendFile(file, '{"id":"half');
    const rest = await iterator.next();
    expect(first.value).toMatchObject({ type: 'entry', line: 1 });
    expect(rest.done).toBe(true);
  });
});
