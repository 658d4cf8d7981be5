import { NinesError, formatIssue } from '@nines/core';
import { describe, expect, it, vi } from 'vitest';
import type { LedgerEntry } from '../model/entry.js';
import { createMemoryStore } from '../store/memoryStore.js';
import type { LedgerReadItem, ToilStore } from '../store/types.js';
import { createLedger } from './createLedger.js';

function setup(options: { now?: number; categories?: readonly string[] } = {}) {
  let now = options.now ?? Date.UTC(2024, 4, 1, 9);
  let ids = 0;
  const store = createMemoryStore();
  const errors: unknown[] = [];
  const ledger = createLedger({
    store,
    clock: () => now,
    generateId: () => `id-${(ids += 1)}`,
    defaults: { team: 'sre', category: 'production-interrupt', automatable: 'partly' },
    onError: (error) => errors.push(error),
    ...(options.categories === undefined ? {} : { categories: options.categories }),
  });
  return {
    ledger,
    store,
    errors,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const toil = {
  task: 'restart api',
  category: 'production-interrupt',
  minutes: 15,
  team: 'sre',
  automatable: 'yes',
} as const;

describe('ledger.record', () => {
  it('fills id and time, stores and returns the entry', async () => {
    const { ledger, store } = setup();
    const entry = await ledger.record(toil);
    expect(entry).toEqual({ id: 'id-1', at: Date.UTC(2024, 4, 1, 9), ...toil });
    expect(store.entries).toEqual([entry]);
  });

  it('keeps an id and time given, as a number or a Date', async () => {
    const { ledger } = setup();
    expect(
      await ledger.record({ ...toil, id: 'mine', at: new Date(Date.UTC(2024, 0, 2)) }),
    ).toMatchObject({
      id: 'mine',
      at: Date.UTC(2024, 0, 2),
    });
    expect(await ledger.record({ ...toil, at: 5 })).toMatchObject({ at: 5 });
  });

  it('records engineering and overhead time', async () => {
    const { ledger } = setup();
    const entry = await ledger.record({ kind: 'engineering', minutes: 240, team: 'sre' });
    expect(entry).toEqual({
      kind: 'engineering',
      id: 'id-1',
      at: Date.UTC(2024, 4, 1, 9),
      minutes: 240,
      team: 'sre',
    });
  });

  it('accepts custom categories it was given', async () => {
    const { ledger } = setup({ categories: ['handover'] });
    await expect(ledger.record({ ...toil, category: 'handover' })).resolves.toMatchObject({
      category: 'handover',
    });
  });

  it('recordMany validates everything before writing anything', async () => {
    const { ledger, store } = setup();
    await expect(
      ledger.recordMany([toil, { ...toil, minutes: -1 }, { ...toil, category: 'meetings' }]),
    ).rejects.toThrow(NinesError);
    expect(store.entries).toEqual([]);
    const error = (await ledger
      .recordMany([toil, { ...toil, minutes: -1 }])
      .catch((caught: unknown) => caught)) as NinesError;
    expect(error.issues.map(formatIssue)).toEqual(['[1].minutes: must be more than 0, got -1']);
    const stored = await ledger.recordMany([toil, { ...toil, task: 'other' }]);
    expect(stored.map((e) => e.id)).toEqual(['id-6', 'id-7']);
    expect(store.entries).toHaveLength(2);
  });
});

describe('ledger.record edge cases', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['negative minutes', { minutes: -3 }, 'minutes: must be more than 0, got -3'],
    ['zero minutes', { minutes: 0 }, 'minutes: must be more than 0, got 0'],
    [
      'more than a day',
      { minutes: 24 * 60 + 1 },
      'minutes: 1441 minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
    ],
    [
      'unknown category',
      { category: 'meetings' },
      'category: "meetings" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting (custom categories must be allowed by the ledger)',
    ],
    [
      'invalid Date',
      { at: new Date(Number.NaN) },
      'at: must be an ISO 8601 date-time or whole epoch milliseconds on or after 1970-01-01, got NaN',
    ],
  ];
  it.each(cases)(
    '%s is refused with a precise error and nothing stored',
    async (_name, patch, message) => {
      const { ledger, store } = setup();
      const error = await ledger
        .record({ ...toil, ...patch } as typeof toil)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NinesError);
      expect((error as NinesError).code).toBe('INVALID_LEDGER');
      expect((error as NinesError).message).toBe(message);
      expect(store.entries).toEqual([]);
    },
  );

  it('refuses an empty custom category', () => {
    expect(() => createLedger({ store: createMemoryStore(), categories: [' '] })).toThrow(
      'custom categories must be non-empty text, got " "',
    );
  });

  it('passes store failures to the caller', async () => {
    const store: ToilStore = {
      append: () => Promise.reject(new Error('disk full')),
      read: () => createMemoryStore().read(),
    };
    await expect(createLedger({ store }).record(toil)).rejects.toThrow('disk full');
  });
});

describe('ledger.track', () => {
  it('records elapsed time by default, at the start time, with the ledger defaults', async () => {
    const { ledger, store, advance } = setup();
    const result = await ledger.track('failover db', async () => {
      advance(90_000);
      return Promise.resolve('done');
    });
    expect(result).toBe('done');
    expect(store.entries).toEqual([
      {
        id: 'id-1',
        at: Date.UTC(2024, 4, 1, 9),
        task: 'failover db',
        category: 'production-interrupt',
        minutes: 1.5,
        team: 'sre',
        automatable: 'partly',
      },
    ]);
  });

  it('times synchronous functions too, counting less than a millisecond as 1 ms', async () => {
    const { ledger, store } = setup();
    expect(await ledger.track('noop', () => 42)).toBe(42);
    expect(store.entries[0]?.minutes).toBe(1 / 60_000);
  });

  it('records hands-on time when the caller gives it', async () => {
    const { ledger, store, advance } = setup();
    await ledger.track(
      'rebuild index',
      () => {
        advance(3_600_000);
      },
      {
        handsOn: 5,
        ticket: 'T-1',
        note: 'n',
      },
    );
    await ledger.track(
      'resize disk',
      () => {
        advance(600_000);
      },
      {
        handsOn: (elapsed) => elapsed / 2,
      },
    );
    await ledger.track('approve change', (context) => {
      advance(60_000);
      context.handsOn(12);
    });
    expect(store.entries.map((e) => [e.task, e.minutes])).toEqual([
      ['rebuild index', 5],
      ['resize disk', 5],
      ['approve change', 12],
    ]);
    expect(store.entries[0]).toMatchObject({ ticket: 'T-1', note: 'n' });
  });

  it('records nothing when nobody was hands-on', async () => {
    const { ledger, store } = setup();
    await ledger.track('cron job', () => undefined, { handsOn: 0 });
    expect(store.entries).toEqual([]);
  });

  it('call options override the ledger defaults', async () => {
    const { ledger, store } = setup();
    await ledger.track('x', () => undefined, {
      team: 'web',
      category: 'migration',
      automatable: 'no',
      person: 'di',
    });
    expect(store.entries[0]).toMatchObject({
      team: 'web',
      category: 'migration',
      automatable: 'no',
      person: 'di',
    });
  });

  it('records failed work and rethrows its error', async () => {
    const { ledger, store, advance } = setup();
    const boom = new Error('boom');
    await expect(
      ledger.track('flaky deploy', () => {
        advance(60_000);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(store.entries.map((e) => e.minutes)).toEqual([1]);
  });

  it('when both the work and the record fail, throws the work error and reports the other', async () => {
    const errors: unknown[] = [];
    const ledger = createLedger({
      store: {
        append: () => Promise.reject(new Error('disk full')),
        read: () => createMemoryStore().read(),
      },
      onError: (error) => errors.push(error),
    });
    const boom = new Error('boom');
    await expect(
      ledger.track('x', () => Promise.reject(boom), {
        team: 'a',
        category: 'migration',
        automatable: 'no',
      }),
    ).rejects.toBe(boom);
    expect(errors).toEqual([new Error('disk full')]);
  });

  it('throws a precise error when the entry misses fields and has no defaults', async () => {
    const ledger = createLedger({ store: createMemoryStore() });
    await expect(ledger.track('x', () => 1)).rejects.toThrow(
      '3 problems:\nteam: is required (non-empty text)\ncategory: is required (non-empty text)\nautomatable: is required: "yes", "partly" or "no"',
    );
  });

  it('uses process.emitWarning when no onError is given', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const ledger = createLedger({
      store: {
        append: () => Promise.reject(new Error('disk full')),
        read: () => createMemoryStore().read(),
      },
    });
    await expect(
      ledger.track('x', () => Promise.reject(new Error('boom')), {
        team: 'a',
        category: 'migration',
        automatable: 'no',
      }),
    ).rejects.toThrow('boom');
    expect(warn).toHaveBeenCalledWith(new Error('disk full'), { code: 'NINES_TOIL' });
    warn.mockRestore();
  });
});

describe('ledger.read', () => {
  it('turns categories the ledger does not allow into problems with their line', async () => {
    const entries: LedgerEntry[] = [
      { ...toil, id: 'a', at: 0 },
      { ...toil, id: 'b', at: 0, category: 'handover' },
      { kind: 'overhead', id: 'c', at: 0, minutes: 5, team: 'sre' },
    ];
    const store: ToilStore = {
      name: 'toil.jsonl',
      append: () => Promise.resolve(),
      async *read(): AsyncGenerator<LedgerReadItem> {
        let line = 0;
        for (const entry of entries) {
          await Promise.resolve();
          yield { type: 'entry', entry, line: (line += 1) };
        }
      },
    };
    const items: LedgerReadItem[] = [];
    for await (const item of createLedger({ store }).read()) items.push(item);
    expect(
      items.map((item) => (item.type === 'entry' ? item.entry.id : formatIssue(item.problem))),
    ).toEqual([
      'a',
      'toil.jsonl:2: category: "handover" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting',
      'c',
    ]);
    const allowed: LedgerReadItem[] = [];
    for await (const item of createLedger({ store, categories: 'any' }).read()) allowed.push(item);
    expect(allowed.every((item) => item.type === 'entry')).toBe(true);
  });
});
