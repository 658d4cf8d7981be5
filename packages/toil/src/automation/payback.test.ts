import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netSavings, paybackPeriod } from './payback.js';

describe('paybackPeriod', () => {
  // REFERENCE.md §10 #65 (Canadian Tire example, third-party; payback computed):
  // 48 h/yr of toil, an 8 h script halves it => 24 h/yr saved => payback 4 months.
  it('#65: 8 h to build, 24 h/yr saved (2 h/month) => 4 months', () => {
    expect(paybackPeriod(8, 2)).toBe(4);
    expect(paybackPeriod(8 * 12, 24)).toBe(4);
    expect(paybackPeriod(8, 24)).toBeCloseTo(1 / 3, 12);
  });

  it('counts maintenance: 8 h build, 24 h/yr saved, 8 h/yr upkeep => 0.5 y', () => {
    expect(paybackPeriod(8, 24, 8)).toBe(0.5);
  });

  it('never pays back when upkeep eats the savings', () => {
    expect(paybackPeriod(8, 2, 2)).toBe(Infinity);
    expect(paybackPeriod(8, 1, 2)).toBe(Infinity);
    expect(paybackPeriod(8, 0)).toBe(Infinity);
  });

  it('is immediate for free automation', () => {
    expect(paybackPeriod(0, 2)).toBe(0);
  });
});

describe('netSavings', () => {
  it('#65 over the 5-year horizon: 24 × 5 − 8 = 112 h', () => {
    expect(netSavings({ savedPerPeriod: 24, periods: 5, automationCost: 8 })).toBe(112);
  });

  it('subtracts upkeep per period: 24 × 5 − 8 − 4 × 5 = 92 h', () => {
    expect(
      netSavings({ savedPerPeriod: 24, periods: 5, automationCost: 8, maintenancePerPeriod: 4 }),
    ).toBe(92);
  });

  it('is negative when automating loses time', () => {
    expect(netSavings({ savedPerPeriod: 1, periods: 5, automationCost: 40 })).toBe(-35);
  });

  it('has no float noise: 0.1 × 3 − 0.2 = 0.1', () => {
    expect(netSavings({ savedPerPeriod: 0.1, periods: 3, automationCost: 0.2 })).toBe(0.1);
  });

  it('reaches zero exactly at the payback period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        (cost, saved, upkeep) => {
          const periods = paybackPeriod(cost, saved, upkeep);
          if (saved <= upkeep) {
            expect(periods).toBe(Infinity);
            return;
          }
          const net = netSavings({
            savedPerPeriod: saved,
            periods,
            automationCost: cost,
            maintenancePerPeriod: upkeep,
          });
          expect(Math.abs(net)).toBeLessThan(1e-9 * cost + 1e-9);
        },
      ),
    );
  });
});

describe('payback edge cases', () => {
  it.each([
    [() => paybackPeriod(-1, 1), 'automationCost must be a finite number ≥ 0, got -1'],
    [
      () => paybackPeriod(1, Number.POSITIVE_INFINITY),
      'savedPerPeriod must be a finite number ≥ 0, got Infinity',
    ],
    [() => paybackPeriod(1, 1, -1), 'maintenancePerPeriod must be a finite number ≥ 0, got -1'],
    [
      () => netSavings({ savedPerPeriod: 1, periods: -1, automationCost: 1 }),
      'periods must be a finite number ≥ 0, got -1',
    ],
  ])('%#: throws RangeError', (fn, message) => {
    expect(fn).toThrow(RangeError);
    expect(fn).toThrow(message);
  });
});
