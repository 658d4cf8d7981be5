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

/** The per-bucket scan `sumFrom` was before it read two contiguous runs: the reference. */
function scan(ring: CountRing, first: number): { good: number; total: number } {
  let good = 0;
  let total = 0;
  for (let b = Math.max(first, ring.head - ring.size + 1); b <= ring.head; b++) {
    good += ring.good[modulo(b, ring.size)] ?? 0;
    total += ring.total[modulo(b, ring.size)] ?? 0;
  }
  return { good, total };
}

/** Two sums are the same numbers (`Object.is`: no rounding difference, no -0). */
function same(a: { good: number; total: number }, b: { good: number; total: number }): boolean {
  return Object.is(a.good, b.good) && Object.is(a.total, b.total);
}

type RingOp =
  | { kind: 'advance'; dt: number }
  | { kind: 'add'; good: number; bad: number }
  | { kind: 'floor'; back: number }
  | { kind: 'restore' }
  | { kind: 'read' };

const ringOps: fc.Arbitrary<RingOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), dt: fc.nat(3_000) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), dt: fc.nat(40_000) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      good: fc.nat(1_000),
      bad: fc.nat(1_000),
    }),
  },
  {
    // Fractional counts (Prometheus increase() results): running sums must give way to scans.
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      good: fc.constantFrom(0.1, 0.25, 1 / 3, 2.5),
      bad: fc.constantFrom(0, 0.2, 0.7),
    }),
  },
  {
    // Counts whose sums pass 2^53: running sums are no longer exact.
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      good: fc.constantFrom(2 ** 52, 3e15),
      bad: fc.constantFrom(0, 2 ** 51 + 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('floor' as const), back: fc.nat(25) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('read' as const) }) },
);

describe('CountRing tracked ranges (running sums)', () => {
  test('property: every read equals a fresh per-bucket scan, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(ringOps, { maxLength: 300 }),
        fc.integer({ min: 2, max: 20 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 4 }),
        (ops, size, spans) => {
          let t = 0;
          let ring = new CountRing(1_000, size, t);
          const make = (r: CountRing): { ids: number[]; from: number } => ({
            ids: spans.map((span) => r.track(span)),
            from: r.trackFrom(),
          });
          let ranges = make(ring);
          let floor = 0;
          const check = (): void => {
            spans.forEach((span, i) => {
              const got = ring.readTracked(ranges.ids[i] ?? -1, counts());
              expect(same(got, scan(ring, ring.head - span + 1))).toBe(true);
            });
            const got = ring.readTrackedFrom(ranges.from, floor, counts());
            expect(same(got, scan(ring, floor))).toBe(true);
          };
          for (const op of ops) {
            switch (op.kind) {
              case 'advance':
                t += op.dt;
                ring.advanceTo(t);
                break;
              case 'add':
                ring.add(op.good, op.good + op.bad);
                break;
              case 'floor':
                floor = ring.head - op.back;
                break;
              case 'restore': {
                const restored = new CountRing(1_000, size, 0);
                ranges = make(restored);
                restored.load(ring.head, Array.from(ring.good), Array.from(ring.total));
                ring = restored;
                break;
              }
              case 'read':
                check();
                break;
            }
          }
          check();
        },
      ),
      { numRuns: 300 },
    );
  });

  test('whole counts are read from the running sums (no scan), fractional ones by a scan', () => {
    const ring = new CountRing(1_000, 10, 0);
    const id = ring.track(5);
    ring.add(3, 4);
    expect(ring.readTracked(id, counts())).toEqual({ good: 3, total: 4 });
    // Overwrite the stored bucket behind the ring's back: a running-sum read does not see it.
    ring.good[0] = 100;
    expect(ring.readTracked(id, counts())).toEqual({ good: 3, total: 4 });
    ring.good[0] = 3;
    ring.add(0.5, 0.5);
    expect(ring.readTracked(id, counts())).toEqual({ good: 3.5, total: 4.5 });
    ring.advanceTo(5_000); // the fractional bucket 0 leaves the 5-bucket window
    ring.add(1, 1);
    expect(ring.readTracked(id, counts())).toEqual({ good: 1, total: 1 });
  });

  test('a range longer than the ring reads the whole ring, like sumLast', () => {
    const ring = new CountRing(1_000, 3, 0);
    const id = ring.track(10);
    for (let t = 0; t < 6_000; t += 1_000) {
      ring.advanceTo(t);
      ring.add(1, 2);
    }
    expect(ring.readTracked(id, counts())).toEqual(ring.sumLast(10, counts()));
    expect(ring.readTracked(id, counts())).toEqual({ good: 3, total: 6 });
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
