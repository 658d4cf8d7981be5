import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.js';
import { parseDuration } from './parseDuration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  // [milliseconds, Prometheus text, source]
  const rows: [number, string, string][] = [
    [0, '0s', 'prometheus/common model/time.go Duration.String: 0 → "0s"'],
    [1, '1ms', 'prometheus/common model/time.go'],
    [1500, '1s500ms', 'prometheus/common model/time.go'],
    [5 * M, '5m', 'REFERENCE.md §3.1 30d SLI windows'],
    [30 * M, '30m', 'REFERENCE.md §3.1 30d SLI windows'],
    [H, '1h', 'REFERENCE.md §3.1 30d SLI windows'],
    [2 * H, '2h', 'REFERENCE.md §3.1 30d SLI windows'],
    [6 * H, '6h', 'REFERENCE.md §3.1 30d SLI windows'],
    [90 * M, '1h30m', 'prometheus/common model/time.go'],
    [24 * H, '1d', 'REFERENCE.md §10 #21, §3.1 window label text (24h→1d)'],
    [72 * H, '3d', 'REFERENCE.md §10 #21, §3.1 window label text (72h→3d)'],
    [168 * H, '1w', 'REFERENCE.md §10 #21, §3.1 window label text (168h→1w)'],
    [
      672 * H,
      '4w',
      'REFERENCE.md §10 #21, §3.1 window label text (672h→4w, out-base-28d.yaml.tpl)',
    ],
    [30 * D, '30d', 'REFERENCE.md §3.1 out-base.yaml.tpl ratio_rate30d (weeks only when exact)'],
    [90 * D, '90d', 'prometheus/common: "easier to read 90d than 12w6d"'],
    [14 * D, '2w', 'prometheus/common model/time.go'],
    [8 * D, '8d', 'prometheus/common: weeks only when exact'],
    [7 * D + H, '7d1h', 'prometheus/common: weeks only when exact'],
    [365 * D, '1y', 'prometheus/common: a year always has 365d'],
    [730 * D, '2y', 'prometheus/common model/time.go'],
    [372 * D, '372d', 'prometheus/common: years and weeks only when exact'],
    [365 * D + 1, '365d1ms', 'prometheus/common: years only when exact'],
    [36 * H + 5 * S, '1d12h5s', 'prometheus/common model/time.go'],
  ];
  it.each(rows)('formats %d ms as %s (%s)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips every safe integer through parseDuration (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (ms) => parseDuration(formatDuration(ms)) === ms),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 400 }), fc.constantFrom(S, M, H, D, 7 * D), (count, unit) => {
        const ms = count * unit;
        return parseDuration(formatDuration(ms)) === ms;
      }),
    );
  });

  it('prints a canonical form: parse then format is stable (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (ms) => {
        const text = formatDuration(ms);
        return formatDuration(parseDuration(text)) === text;
      }),
    );
  });

  describe('edge cases', () => {
    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
      'throws RangeError for %d',
      (ms) => {
        expect(() => formatDuration(ms)).toThrow(RangeError);
      },
    );
    it('formats the largest safe integer', () => {
      expect(formatDuration(Number.MAX_SAFE_INTEGER)).toBe('104249991d8h59m991ms');
    });
  });
});
