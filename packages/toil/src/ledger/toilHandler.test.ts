import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memoryStore.js';
import type { ToilStore } from '../store/types.js';
import { createLedger } from './createLedger.js';
import { toilHandler } from './toilHandler.js';

function setup(store: ToilStore = createMemoryStore()) {
  let now = Date.UTC(2024, 4, 1);
  const errors: unknown[] = [];
  const ledger = createLedger({
    store,
    clock: () => now,
    defaults: { team: 'sre', category: 'production-interrupt', automatable: 'yes' },
    onError: (error) => errors.push(error),
  });
  return {
    ledger,
    errors,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('toilHandler', () => {
  it('times a callback-style (req, res, next) handler until the response finishes', async () => {
    const store = createMemoryStore();
    const { ledger, advance } = setup(store);
    const handler = toilHandler(
      ledger,
      'purge cache',
      (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        if (req.method !== 'POST') {
          next();
          return;
        }
        setTimeout(() => {
          advance(120_000);
          res.end('purged');
        }, 5);
      },
    );
    expect(handler.length).toBe(3);
    const server = createServer((req, res) => {
      handler(req, res, () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/admin/purge`, { method: 'POST' });
      expect(await response.text()).toBe('purged');
      await settle();
    } finally {
      server.close();
    }
    expect(store.entries.map((e) => [e.kind, 'task' in e ? e.task : '', e.minutes])).toEqual([
      [undefined, 'purge cache', 2],
    ]);
  });

  it('times an async (request, reply) handler until its promise settles and passes its value', async () => {
    const store = createMemoryStore();
    const { ledger, advance } = setup(store);
    const instance = { name: 'fastify' };
    const handler = toilHandler(
      ledger,
      'reindex search',
      async function (this: typeof instance, request: { id: number }, reply: { sent?: boolean }) {
        await settle();
        expect(reply.sent).toBeUndefined();
        advance(30_000);
        return { ok: true, id: request.id, self: this.name };
      },
      { automatable: 'partly', ticket: 'T-9' },
    );
    expect(await handler.call(instance, { id: 7 }, {})).toEqual({
      ok: true,
      id: 7,
      self: 'fastify',
    });
    await settle();
    expect(store.entries).toMatchObject([
      { task: 'reindex search', minutes: 0.5, automatable: 'partly', ticket: 'T-9', team: 'sre' },
    ]);
  });

  it('records hands-on minutes when given, per call', async () => {
    const store = createMemoryStore();
    const { ledger } = setup(store);
    const handler = toilHandler(ledger, 'approve refund', () => 'ok', { handsOn: 10 });
    expect(handler()).toBe('ok');
    expect(handler()).toBe('ok');
    await settle();
    expect(store.entries.map((e) => e.minutes)).toEqual([10, 10]);
  });

  it('keeps a synchronous throw synchronous and still records', async () => {
    const store = createMemoryStore();
    const { ledger } = setup(store);
    const boom = new Error('boom');
    const handler = toilHandler(ledger, 'bad', () => {
      throw boom;
    });
    expect(() => handler()).toThrow(boom);
    await settle();
    expect(store.entries).toHaveLength(1);
  });

  it('passes a rejection through and still records', async () => {
    const store = createMemoryStore();
    const { ledger } = setup(store);
    const boom = new Error('boom');
    const handler = toilHandler(ledger, 'bad', () => Promise.reject(boom));
    await expect(handler()).rejects.toBe(boom);
    await settle();
    expect(store.entries).toHaveLength(1);
  });

  it('keeps an Express error handler arity of 4 and the name', () => {
    const { ledger } = setup();
    const seen: unknown[] = [];
    function onError(error: unknown, req: unknown, res: unknown, next: unknown): void {
      seen.push(error, req, res, next);
    }
    const wrapped = toilHandler(ledger, 'x', onError);
    expect(wrapped.length).toBe(4);
    expect(wrapped.name).toBe('onError');
  });

  it('never breaks the request when recording fails: the error goes to onError', async () => {
    const store: ToilStore = {
      append: () => Promise.reject(new Error('disk full')),
      read: () => createMemoryStore().read(),
    };
    const { ledger, errors } = setup(store);
    const handler = toilHandler(ledger, 'x', () => 'fine');
    expect(handler()).toBe('fine');
    await settle();
    expect(errors).toEqual([new Error('disk full')]);
  });

  it('reports a missing field through onError, not to the caller', async () => {
    const errors: unknown[] = [];
    const ledger = createLedger({ store: createMemoryStore(), onError: (e) => errors.push(e) });
    const handler = toilHandler(ledger, 'x', () => 'fine');
    expect(handler()).toBe('fine');
    await settle();
    expect(String(errors[0])).toContain('team: is required (non-empty text)');
  });
});
