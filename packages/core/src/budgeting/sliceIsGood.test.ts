import { describe, expect, it } from 'vitest';
import { sliceIsGood } from './sliceIsGood.js';
import type { SliceOperator } from './types.js';

describe('sliceIsGood', () => {
  // [ratio, sliceTarget, op, good, source]
  const cases: [number, number, SliceOperator, boolean, string][] = [
    [0.95, 0.95, 'gte', true, 'GCP windows-based: performance >= threshold (REFERENCE.md §1.2)'],
    [0.95, 0.95, 'gt', false, 'Nobl9 gist strict > (REFERENCE.md §10 #43)'],
    [13 / 14, 0.95, 'gt', false, 'Nobl9 gist slice 13/14 (REFERENCE.md §10 #43)'],
    [1, 0.95, 'gt', true, 'Nobl9 gist slice 10/10 (REFERENCE.md §10 #43)'],
    [0.94, 0.95, 'gte', false, 'below the target'],
    [0.95, 0.95, 'lte', true, 'OpenSLO op lte'],
    [0.95, 0.95, 'lt', false, 'OpenSLO op lt'],
    [0.5, 0.95, 'lt', true, 'OpenSLO op lt'],
    [1, 1, 'gte', true, 'sliceTarget 1: only perfect slices'],
    [0, 0.01, 'lte', true, 'ratio 0'],
    [95 / 100, 0.95, 'gte', true, '95/100 rounds to the same double as 0.95'],
  ];
  it.each(cases)('ratio %d vs %d by %s is %s', (ratio, target, op, good) => {
    expect(sliceIsGood(ratio, target, op)).toBe(good);
  });

  describe('edge cases', () => {
    it.each([Number.NaN, -0.1, 1.1, Number.POSITIVE_INFINITY])('rejects ratio %d', (ratio) => {
      expect(() => sliceIsGood(ratio, 0.9, 'gte')).toThrow(RangeError);
      expect(() => sliceIsGood(ratio, 0.9, 'gte')).toThrow(/ratio must be a number in \[0, 1\]/);
    });
    it.each([0, -0.5, 1.01, Number.NaN])('rejects sliceTarget %d', (target) => {
      expect(() => sliceIsGood(0.5, target, 'gte')).toThrow(
        /sliceTarget must be a number in \(0, 1\]/,
      );
    });
    it('rejects an unknown operator', () => {
      expect(() => sliceIsGood(0.5, 0.9, 'ge' as SliceOperator)).toThrow(/got ge/);
    });
  });
});
