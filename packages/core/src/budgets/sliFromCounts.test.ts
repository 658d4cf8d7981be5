import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliFromCounts } from './sliFromCounts.js';

describe('sliFromCounts', () => {
  // [good, total, SLI, source]
  const rows: [number, number, number, string][] = [
    [5, 10, 0.5, 'REFERENCE.md §10 #31 (slo-generator test_report.py: good 5, bad 5)'],
    [991, 1000, 0.991, 'REFERENCE.md §10 #32 (slo-generator, sli 0.991)'],
    [9_995, 10_000, 0.9995, 'REFERENCE.md §10 #48 (Nobl9: N 10,000, B 5)'],
    [9, 10, 0.9, 'REFERENCE.md §10 #37 (WB-5: 1 failure in 10 requests)'],
    [111, 118, 111 / 118, 'REFERENCE.md §10 #42 (Nobl9 gist: 0.940678)'],
    // slo-generator turns a NO_DATA (−1) side into 0 (§10 #33): callers pass 0, we never see −1.
    [0, 15, 0, 'REFERENCE.md §10 #33 (good −1 as 0, bad 15 ⇒ sli 0)'],
    [15, 15, 1, 'REFERENCE.md §10 #33 (good 15, bad −1 as 0 ⇒ sli 1)'],
  ];
  it.each(rows)('%d/%d = %d (%s)', (good, total, sli) => {
    expect(sliFromCounts(good, total)).toBe(sli);
  });

  it('is null, not NaN and not 1, without events (REFERENCE.md §1.1, §11.2 #1)', () => {
    expect(0 / 0).toBeNaN();
    expect(sliFromCounts(0, 0)).toBeNull();
  });

  it('keeps fractional counts (Prometheus increase()) exact', () => {
    expect(sliFromCounts(0.3, 0.4)).toBe(0.75);
    expect(0.3 / 0.4).toBe(0.7499999999999999);
  });

  it('lies in [0, 1] for any valid counts', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [good, total] = a <= b ? [a, b] : [b, a];
        const sli = sliFromCounts(good, total);
        if (total === 0) expect(sli).toBeNull();
        else {
          expect(sli).toBeGreaterThanOrEqual(0);
          expect(sli).toBeLessThanOrEqual(1);
          expect(sli).toBe(good / total);
        }
      }),
    );
  });
});

describe('edge cases', () => {
  // [good, total, message]
  const bad: [number, number, RegExp][] = [
    [-1, 10, /good must be a finite number >= 0, got -1/],
    [1, -1, /total must be a finite number >= 0, got -1/],
    [-1, -1, /good must be a finite number >= 0/], // slo-generator: both NO_DATA ⇒ invalid (§10 #33)
    [11, 10, /good must not exceed total.*good 11 > total 10/],
    [1, 0, /good must not exceed total/],
    [Number.NaN, 10, /good must be a finite number >= 0, got NaN/],
    [1, Infinity, /total must be a finite number >= 0, got Infinity/],
  ];
  it.each(bad)('rejects good %d, total %d with RangeError', (good, total, message) => {
    expect(() => sliFromCounts(good, total)).toThrow(RangeError);
    expect(() => sliFromCounts(good, total)).toThrow(message);
  });
});
