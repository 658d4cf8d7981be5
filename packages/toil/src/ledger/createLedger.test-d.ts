import { describe, expectTypeOf, it } from 'vitest';
import type { LedgerEntry, ToilEntry, WorkEntry } from '../model/entry.js';
import { createMemoryStore } from '../store/memoryStore.js';
import { createLedger } from './createLedger.js';
import { toilHandler } from './toilHandler.js';

const ledger = createLedger({ store: createMemoryStore() });

describe('ledger types', () => {
  it('record returns the kind of entry it was given', () => {
    expectTypeOf(
      ledger.record({ task: 't', category: 'migration', minutes: 1, team: 'a', automatable: 'no' }),
    ).toEqualTypeOf<Promise<ToilEntry>>();
    expectTypeOf(ledger.record({ kind: 'overhead', minutes: 1, team: 'a' })).toEqualTypeOf<
      Promise<WorkEntry>
    >();
    expectTypeOf(ledger.recordMany([])).toEqualTypeOf<Promise<LedgerEntry[]>>();
  });

  it('record refuses an automatable answer outside yes/partly/no and a toil entry without a task', () => {
    // @ts-expect-error: 'maybe' is not an Automatable
    void ledger.record({
      task: 't',
      category: 'migration',
      minutes: 1,
      team: 'a',
      automatable: 'maybe',
    });
    // @ts-expect-error: toil needs a task
    void ledger.record({ category: 'migration', minutes: 1, team: 'a', automatable: 'no' });
  });

  it('track passes the result type through', () => {
    expectTypeOf(ledger.track('t', () => 42)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(ledger.track('t', () => Promise.resolve('x'))).toEqualTypeOf<Promise<string>>();
  });

  it('toilHandler keeps the handler type', () => {
    const express = (req: { url: string }, res: { end(): void }, next: () => void): void => {
      if (req.url === '') next();
      else res.end();
    };
    expectTypeOf(toilHandler(ledger, 'x', express)).toEqualTypeOf<typeof express>();
    const fastify = (request: { id: number }): Promise<{ ok: boolean }> =>
      Promise.resolve({ ok: request.id > 0 });
    expectTypeOf(toilHandler(ledger, 'x', fastify)).toEqualTypeOf<typeof fastify>();
  });
});
