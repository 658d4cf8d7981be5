import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import { exactDivide, exactSubtract } from '../decimal.js';
import { formatTarget, targetFromPercent } from '../objectives/target.js';
import { allowedBadEvents, allowedDowntime, errorBudget } from './errorBudget.js';

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('errorBudget', () => {
  // [target, exact 1 − T, naive float 1 − T, source]
  const rows: [number, number, number, string][] = [
    [0.99, 0.01, 0.010000000000000009, 'REFERENCE.md §10 #19'],
    [0.995, 0.005, 0.0050000000000000044, 'REFERENCE.md §10 #19'],
    [0.95, 0.05, 0.050000000000000044, 'REFERENCE.md §10 #19'],
    [0.999, 0.001, 0.0010000000000000009, 'REFERENCE.md §10 #17 (computed)'],
  ];
  it.each(rows)('1 − %d = %d exactly (%s)', (target, exact, naive) => {
    expect(1 - target).toBe(naive);
    expect(errorBudget(target)).toBe(exact);
  });

  it('reads a Target built from a percent (REFERENCE.md §10 #18: 99.9/100 is 0.9990000000000001)', () => {
    expect(errorBudget(targetFromPercent(99.9))).toBe(0.001);
    expect(errorBudget(targetFromPercent(99.95))).toBe(0.0005);
  });
});

describe('allowedBadEvents', () => {
  // [target, total events, exact allowed, naive float, source]
  const rows: [number, number, number, number | null, string][] = [
    [0.999, 10_000, 10, 10.000000000000009, 'REFERENCE.md §10 #48 (Nobl9 remaining budget)'],
    [0.999, 1_000_000, 1000, 1000.0000000000009, 'REFERENCE.md §10 #49 (SRE Workbook policy)'],
    [0.9999, 2_500_000, 250, 249.99999999997246, 'REFERENCE.md §10 #50 (SRE Book ch. 3)'],
    // 10 req/h for 720 h = 7,200 requests: 7 whole failures allowed (7.2).
    [0.999, 7_200, 7.2, null, 'REFERENCE.md §10 #37 (WB-5, computed)'],
  ];
  it.each(rows)('T %d of %d events allows %d (%s)', (target, total, exact, naive) => {
    if (naive !== null) expect(total * (1 - target)).toBe(naive);
    expect(allowedBadEvents(target, total)).toBe(exact);
  });

  it('allows nothing of nothing', () => {
    expect(allowedBadEvents(0.999, 0)).toBe(0);
  });
});

describe('allowedDowntime', () => {
  // [target, window ms, exact downtime ms, what the source prints, source]
  const rows: [number, number, number, string, string][] = [
    [0.999, 30 * DAY, 43.2 * MINUTE, '43.2 min', 'REFERENCE.md §10 #1 (WB-5 Table 5-4)'],
    [0.999, 28 * DAY, 40.32 * MINUTE, '40.32 min', 'REFERENCE.md §10 #2 (computed)'],
    [0.9995, 28 * DAY, 20.16 * MINUTE, '20.16 min (GitLab ≈ 20 min)', 'REFERENCE.md §10 #3'],
    [0.99999, 7 * DAY, 6.048 * SECOND, '6.048 s (Datadog 6 s)', 'REFERENCE.md §10 #4'],
    [0.99999, 30 * DAY, 25.92 * SECOND, '25.92 s (Datadog, WB-5 26 s)', 'REFERENCE.md §10 #4, #39'],
    [0.9995, 10_080 * MINUTE, 302_400, '5.04 min = 5 min 2.4 s', 'REFERENCE.md §10 #5 (OpenSLO)'],
    [0.99, 3_600 * SECOND, 0.6 * MINUTE, 'eb_minutes 0.6', 'REFERENCE.md §10 #31 (slo-generator)'],
    [0.9, 43_200 * SECOND, 72 * MINUTE, 'eb_minutes 72', 'REFERENCE.md §10 #34 (slo-generator)'],
  ];
  it.each(rows)('T %d over %d ms allows %d ms (%s; %s)', (target, windowMs, exact) => {
    expect(allowedDowntime(target, windowMs)).toBe(exact);
  });

  it('is exactly 2,592,000 ms for 99.9% over 30 d where floats give 43.20000000000004 min (REFERENCE.md §10 #1)', () => {
    expect(720 * (1 - 0.999) * 60).toBe(43.20000000000004);
    expect(allowedDowntime(0.999, 30 * DAY)).toBe(2_592_000);
    expect(allowedDowntime(0.999, 30 * DAY) / MINUTE).toBe(43.2);
  });

  it('gives 5.04 min for 99.95% over a week where floats give 5.039999999999445 (REFERENCE.md §10 #5)', () => {
    expect(10_080 * (1 - 0.9995)).toBe(5.039999999999445);
    expect(allowedDowntime(0.9995, 10_080 * MINUTE) / MINUTE).toBe(5.04);
  });

  it('accepts a Target built from a percent', () => {
    expect(allowedDowntime(targetFromPercent(99.9), 30 * DAY)).toBe(2_592_000);
    expect(allowedDowntime(targetFromPercent(99.9), HOUR)).toBe(3_600);
  });
});

describe('edge cases', () => {
  it.each([0, 1, -0.5, 1.5, Number.NaN, Infinity])(
    'rejects target %d with NinesError INVALID_TARGET',
    (target) => {
      expect(() => errorBudget(target)).toThrow(NinesError);
      expect(() => allowedBadEvents(target, 10)).toThrow(/strictly between 0 and 1/);
      expect(() => allowedDowntime(target, DAY)).toThrow(NinesError);
    },
  );

  it.each([-1, Number.NaN, Infinity, -Infinity])(
    'rejects count or window %d with RangeError',
    (bad) => {
      expect(() => allowedBadEvents(0.999, bad)).toThrow(RangeError);
      expect(() => allowedBadEvents(0.999, bad)).toThrow(
        /totalEvents must be a finite number >= 0/,
      );
      expect(() => allowedDowntime(0.999, bad)).toThrow(RangeError);
    },
  );
});

describe('the target behind an allowance', () => {
  it('allows exactly 1 h of a 720 h month at 1 − 1/720 ≈ 99.86% (REFERENCE.md §10 #56, Nobl9 composite guide)', () => {
    const target = exactSubtract(1, exactDivide(1, 720));
    expect(target).toBeCloseTo(0.998611, 6);
    expect(formatTarget(target)).toBe('99.8611111111%');
    // One rounding of 1/720 separates the downtime from a whole hour by less than a microsecond.
    expect(Math.abs(allowedDowntime(target, 720 * HOUR) - HOUR)).toBeLessThan(1e-3);
  });
});

describe('targets from plain JavaScript', () => {
  it.each([
    [null, /got null/],
    ['0.999', /got "0.999"/],
    [
      {},
      /target\.fraction must be a fraction strictly between 0 and 1 \(e\.g\. 0\.999\), got undefined/,
    ],
    [{ fraction: 0.999 }, /target\.percent must be 99\.9 for fraction 0\.999, got undefined/],
    [
      { fraction: 0.999, percent: 99.9, errorBudget: 0.1 },
      /target\.errorBudget must be 0\.001 for fraction 0\.999, got 0\.1/,
    ],
  ])('rejects %j with INVALID_TARGET instead of a TypeError or NaN', (target, message) => {
    for (const run of [
      () => errorBudget(target as never),
      () => allowedBadEvents(target as never, 10),
      () => allowedDowntime(target as never, 10),
    ]) {
      expect(run).toThrow(NinesError);
      expect(run).toThrow(message);
    }
  });

  it('accepts a hand-built Target whose fields agree', () => {
    expect(errorBudget({ fraction: 0.999, percent: 99.9, errorBudget: 0.001 })).toBe(0.001);
  });
});
