import { describe, expect, test } from 'vitest';
import { createHandle } from './handle.js';

function fresh() {
  const pending = { good: 0, total: 0, dropped: 0 };
  return { pending, handle: createHandle('api', pending) };
}

describe('createHandle', () => {
  test('good, bad and add only add to the pending counts', () => {
    const { pending, handle } = fresh();
    handle.good();
    handle.good(4);
    handle.bad();
    handle.bad(2);
    handle.add(9, 10);
    handle.add(0, 0);
    expect(pending).toEqual({ good: 14, total: 18, dropped: 0 });
    expect(handle.objectiveId).toBe('api');
  });

  test('methods work detached from the handle', () => {
    const { pending, handle } = fresh();
    const { good, bad } = handle;
    good();
    bad();
    expect(pending).toEqual({ good: 1, total: 2, dropped: 0 });
  });

  test('the handle is frozen', () => {
    expect(Object.isFrozen(fresh().handle)).toBe(true);
  });

  describe('edge cases: invalid input is dropped and counted, never thrown, never stored', () => {
    const untyped = (value: unknown) => value as number;
    test.each<[string, 'good' | 'bad' | 'add', number[]]>([
      ['good(-1)', 'good', [-1]],
      ['good(NaN)', 'good', [NaN]],
      ['good(Infinity)', 'good', [Infinity]],
      ['bad(-2)', 'bad', [-2]],
      ['bad(NaN)', 'bad', [NaN]],
      ["good('5') from untyped JS", 'good', [untyped('5')]],
      ['add(2, 1): good > total', 'add', [2, 1]],
      ['add(-1, 5)', 'add', [-1, 5]],
      ['add(1, NaN)', 'add', [1, NaN]],
      ['add(NaN, 5)', 'add', [NaN, 5]],
      ['add(0, Infinity)', 'add', [0, Infinity]],
      ['add(null, 1) from untyped JS', 'add', [untyped(null), 1]],
    ])('%s', (_, method, args) => {
      const { pending, handle } = fresh();
      expect(() => {
        Reflect.apply(handle[method], undefined, args);
      }).not.toThrow();
      expect(pending).toEqual({ good: 0, total: 0, dropped: 1 });
    });
  });
});
