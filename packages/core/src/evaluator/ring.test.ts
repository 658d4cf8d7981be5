import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CountRing, modulo } from './ring.js';

const counts = () => ({ good: 0, total: 0 });

describe('CountRing', () => {
  test('sums the newest buckets, the open one included', () => {
    const ring = new CountRing(1_000, 5, 0);
    for (let t = 0; t < 5_000; t += 1_000) {
      ring.advanceTo(t);
      ring.add(t / 1_000, 10);
    }
    expect(ring.head).toBe(4);
    expect(ring.sumLast(2, counts())).toEqual({ good: 3 + 4, total: 20 });
    expect(ring.sumLast(5, counts())).toEqual({ good: 10, total: 50 });
    // Older than the ring holds: not there.
    expect(ring.sumLast(50, counts())).toEqual({ good: 10, total: 50 });
    expect(ring.sumFrom(3, counts())).toEqual({ good: 7, total: 20 });
  });

  test('advancing clears the buckets passed over; a jump past the ring clears all', () => {
    const ring = new CountRing(1_000, 4, 0);
    ring.add(1, 1);
    ring.advanceTo(2_500);
    ring.add(2, 2);
    expect(ring.sumLast(4, counts())).toEqual({ good: 3, total: 3 });
    ring.advanceTo(5_000); // bucket 0 evicted (slot reused by bucket 4)
    expect(ring.sumLast(4, counts())).toEqual({ good: 2, total: 2 });
    ring.advanceTo(60_000);
    expect(ring.sumLast(4, counts())).toEqual({ good: 0, total: 0 });
    expect(ring.head).toBe(60);
  });

  test('a time before the head keeps the head (time never runs backwards)', () => {
    const ring = new CountRing(1_000, 4, 10_000);
    ring.advanceTo(5_000);
    expect(ring.head).toBe(10);
    ring.add(1, 2);
    expect(ring.sumLast(1, counts())).toEqual({ good: 1, total: 2 });
  });

  test('property: the ring equals a log of (bucket, counts) filtered to the last `size` buckets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dt: fc.integer({ min: 0, max: 5_000 }),
            good: fc.nat(100),
            bad: fc.nat(100),
          }),
          { maxLength: 200 },
        ),
        fc.integer({ min: 1, max: 20 }),
        (steps, size) => {
          const ring = new CountRing(1_000, size, 0);
          const log: { bucket: number; good: number; total: number }[] = [];
          let t = 0;
          for (const step of steps) {
            t += step.dt;
            ring.advanceTo(t);
            ring.add(step.good, step.good + step.bad);
            log.push({
              bucket: Math.floor(t / 1_000),
              good: step.good,
              total: step.good + step.bad,
            });
          }
          for (let n = 1; n <= size; n++) {
            const from = ring.head - n + 1;
            const inWindow = log.filter((e) => e.bucket >= from);
            expect(ring.sumLast(n, counts())).toEqual({
              good: inWindow.reduce((s, e) => s + e.good, 0),
              total: inWindow.reduce((s, e) => s + e.total, 0),
            });
          }
        },
      ),
    );
  });
});

describe('modulo', () => {
  test.each([
    [7, 5, 2],
    [-1, 5, 4],
    [-5, 5, 0],
    [0, 3, 0],
  ])('%i mod %i = %i (negative times before 1970 too)', (a, n, expected) => {
    expect(modulo(a, n)).toBe(expected);
  });
});
