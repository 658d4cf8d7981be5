import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy } from './definePolicy.js';
import { pyrraPolicy } from './pyrraPolicy.js';
import { tierThreshold } from './tierThreshold.js';
import { budgetSpentAtFire, detectionTime, resetTime } from './timing.js';
import type { BurnRateTier } from './types.js';
import { workbookPolicy } from './workbookPolicy.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const [pageFast, pageSlow, ticketFast, ticketSlow] = workbookPolicy().tiers as [
  BurnRateTier,
  BurnRateTier,
  BurnRateTier,
  BurnRateTier,
];

/** A single-threshold tier: fires when the error ratio over `long` reaches 1 − target (WB-5 approaches 1 and 2). */
function ratioTier(long: string): BurnRateTier {
  const policy = definePolicy({
    period: '30d',
    tiers: [{ severity: 'page', longWindow: long, factor: 1 }],
  });
  return policy.tiers[0]!;
}

describe('tierThreshold', () => {
  it.each([
    // REFERENCE.md §2.2: threshold = factor × (100 − objective)/100; exact, unlike §10 #17's 0.0009999999999999432
    [pageFast, 0.999, 0.0144],
    [pageSlow, 0.999, 0.006],
    [ticketFast, 0.999, 0.003],
    [ticketSlow, 0.999, 0.001],
    [pageFast, 0.99999, 0.000144],
    // REFERENCE.md §2.6 / §10 #38: 14.4 × 0.1 = 1.44
    [pageFast, 0.9, 1.44],
  ])('%#: threshold at %s', (tier, target, expected) => {
    expect(tierThreshold(tier, target)).toBe(expected);
  });

  it('is exact where the naive product is not', () => {
    expect(14.4 * (1 - 0.999)).not.toBe(0.0144);
    expect(tierThreshold(pageFast, 0.999)).toBe(0.0144);
  });
});

describe('detectionTime', () => {
  it('fires after 0.6 s of a total outage for a 10-min ratio alert at 99.9%', () => {
    // REFERENCE.md §10 #35 (WB-5 approach 1)
    expect(detectionTime(ratioTier('10m'), 0.999, 1)).toBe(600);
  });

  it('fires after 129.6 s (2 min 10 s) of a total outage for a 36 h ratio alert at 99.9%', () => {
    // REFERENCE.md §10 #36 (WB-5 approach 2)
    expect(detectionTime(ratioTier('36h'), 0.999, 1)).toBe(129_600);
  });

  it('trips the 1 h / 5 min page after 5.76 min of 15% errors (the long window is the slower one)', () => {
    // REFERENCE.md §2.1 approach 6 (WB-5): "the short window trips at once, the long after 5 min"
    // short: 0.0144/0.15 × 5 min = 28.8 s; long: 0.0144/0.15 × 60 min = 345.6 s (computed)
    expect(detectionTime(pageFast, 0.999, 0.15)).toBe(345_600);
  });

  it.each([
    // WB-5 approach 4 formula (REFERENCE.md §2.5): (1 − SLO)/errorRatio × window × factor
    [pageFast, 1, 51_840],
    [pageSlow, 1, 129_600],
    [ticketFast, 1, 259_200],
    [ticketSlow, 1, 259_200],
    // REFERENCE.md §10 #14 (DD burn_rate.md): 1% errors at 99.9% is burn rate 10: the 14.4× page stays
    // silent, the 6× page fires after 0.006/0.01 × 6 h = 3.6 h, ticket-fast (3× over 1 d) after
    // 0.003/0.01 × 1 d = 7.2 h (computed)
    [pageFast, 0.01, Number.POSITIVE_INFINITY],
    [pageSlow, 0.01, 12_960_000],
    [ticketFast, 0.01, 7.2 * HOUR],
    [ticketSlow, 0.01, 7.2 * HOUR],
    // exactly at the threshold: the long window has to fill completely
    [pageFast, 0.0144, HOUR],
    [pageFast, 0.0143, Number.POSITIVE_INFINITY],
    [pageFast, 0, Number.POSITIVE_INFINITY],
  ])('%#: at 99.9%%, error ratio %s ⇒ %s ms', (tier, errorRatio, expected) => {
    expect(detectionTime(tier, 0.999, errorRatio)).toBe(expected);
  });

  it('never fires for a tier the target cannot reach', () => {
    // REFERENCE.md §10 #38 (WB-5): at 90% the 2%/1 h page needs 144% errors
    expect(detectionTime(pageFast, 0.9, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(detectionTime(pageSlow, 0.9, 1)).toBe(12_960_000); // 0.6 × 6 h
  });

  it('fires within a second on a total outage at 99.999%', () => {
    // REFERENCE.md §10 #39 (WB-5): the whole 30 d budget is 25.92 s; the page fires after
    // 0.000144 × 1 h = 0.5184 s, having spent 2% of it (computed)
    expect(detectionTime(pageFast, 0.99999, 1)).toBe(518.4);
    // 1% errors (a 1% canary failing completely) is burn rate 1,000: 0.000144/0.01 × 1 h = 51.84 s
    expect(detectionTime(pageFast, 0.99999, 0.01)).toBe(51_840);
  });

  it("adds the tier's `for`", () => {
    // REFERENCE.md §10 #28: Pyrra 28d first tier, 99%: 0.14 × 1 h = 504 s, + for 2m = 624 s
    const [critical] = pyrraPolicy('28d').tiers;
    expect(detectionTime(critical!, 0.99, 1)).toBe(624 * SECOND);
    expect(detectionTime({ ...pageFast, for: 2 * MINUTE }, 0.999, 1)).toBe(51_840 + 2 * MINUTE);
  });

  describe('edge cases', () => {
    it.each([[-0.1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
      'rejects error ratio %s',
      (ratio) => {
        expect(() => detectionTime(pageFast, 0.999, ratio)).toThrow(RangeError);
      },
    );

    it('rejects a bad target', () => {
      expect(() => detectionTime(pageFast, 1, 1)).toThrow(/target must be a fraction/);
    });
  });

  it('property: detection time never grows as the error ratio rises', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(pageFast, pageSlow, ticketFast, ticketSlow),
        fc.constantFrom(0.99, 0.995, 0.999, 0.9995, 0.9999),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tier, target, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const slow = detectionTime(tier, target, low);
          const fast = detectionTime(tier, target, high);
          expect(fast).toBeLessThanOrEqual(slow);
          if (Number.isFinite(slow) && high > low * 1.001) expect(fast).toBeLessThan(slow);
          if (Number.isFinite(fast)) expect(fast).toBeLessThanOrEqual(tier.longWindow);
        },
      ),
    );
  });
});

describe('resetTime', () => {
  it('is the short window: the 1 h / 5 min page clears 5 min after the errors stop', () => {
    // REFERENCE.md §2.1 approach 6 (WB-5)
    expect(resetTime(pageFast)).toBe(5 * MINUTE);
    expect(resetTime(ticketSlow)).toBe(6 * HOUR);
  });

  it('does not add `for`', () => {
    expect(resetTime({ ...pageFast, for: 2 * MINUTE })).toBe(5 * MINUTE);
  });
});

describe('budgetSpentAtFire', () => {
  it.each([
    // REFERENCE.md §2.1 Table 5-8 (WB-5)
    [pageFast, 0.02],
    [pageSlow, 0.05],
    [ticketFast, 0.1],
    [ticketSlow, 0.1],
  ])('%#: %s of the 30 d budget', (tier, expected) => {
    expect(budgetSpentAtFire(tier, 30 * DAY)).toBe(expected);
  });

  it('gives 13.9% for burn rate 100 over 1 h of 30 d', () => {
    // REFERENCE.md §10 #37 and §2.6 (WB-5): 1 failure in 10 req/h at 99.9% is burn rate 100 (the
    // chapter prints 1,000×), and 100 × 1/720 = 13.9% of the budget
    const tier = definePolicy({
      period: '30d',
      tiers: [{ severity: 'page', longWindow: '1h', factor: 100 }],
    }).tiers[0]!;
    expect(budgetSpentAtFire(tier, 30 * DAY)).toBe(100 / 720);
    expect(budgetSpentAtFire(tier, 30 * DAY).toFixed(3)).toBe('0.139');
  });

  it('rejects a bad period', () => {
    expect(() => budgetSpentAtFire(pageFast, 0)).toThrow(RangeError);
  });
});

describe('hand-built tiers from plain JavaScript', () => {
  const pageFast = workbookPolicy().tiers[0]!;
  it.each([
    [
      () => tierThreshold(null as never, 0.999),
      /^tierThreshold: tier must be a burn-rate tier .*got null/,
    ],
    [
      () => tierThreshold({ ...pageFast, factor: Number.NaN }, 0.999),
      /^tierThreshold: tier\.factor must be a finite number above 0, got NaN/,
    ],
    [
      () => detectionTime({ ...pageFast, longWindow: -1 }, 0.999, 1),
      /^detectionTime: tier\.longWindow must be a finite number above 0, got -1/,
    ],
    [
      () => detectionTime({ ...pageFast, for: -1 }, 0.999, 1),
      /^detectionTime: tier\.for must be a duration of 0 or more milliseconds, got -1/,
    ],
    [
      () => resetTime({} as never),
      /^resetTime: tier\.shortWindow must be a finite number above 0, got undefined/,
    ],
    [
      () => budgetSpentAtFire({ ...pageFast, longWindow: '1h' } as never, 30 * DAY),
      /^budgetSpentAtFire: tier\.longWindow .*got "1h"/,
    ],
  ])('rejects them with RangeError, never NaN (%#)', (run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});
