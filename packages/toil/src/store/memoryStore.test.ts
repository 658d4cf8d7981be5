import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../model/entry.js';
import { createMemoryStore } from './memoryStore.js';
import type { LedgerReadItem } from './types.js';

const entry: LedgerEntry = { kind: 'overhead', id: 'a', at: 0, minutes: 30, team: 'sre' };

describe('createMemoryStore', () => {
  it('keeps appended entries in order and reads a snapshot', async () => {
    const store = createMemoryStore([entry]);
    await store.append([{ ...entry, id: 'b' }]);
    const seen: LedgerReadItem[] = [];
    for await (const item of store.read()) {
      seen.push(item);
      await store.append([{ ...entry, id: 'late' }]);
    }
    expect(seen).toEqual([
      { type: 'entry', entry },
      { type: 'entry', entry: { ...entry, id: 'b' } },
    ]);
    expect(store.entries.map((e) => e.id)).toEqual(['a', 'b', 'late', 'late']);
  });
});
