import { exactDivide, exactMultiply, exactSubtract } from '@nines/core';

function check(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/**
 * How many periods automation takes to pay for itself, counting its upkeep (the SRE Workbook
 * compares time saved with the time to build *and maintain* automation):
 * `automationCost / (savedPerPeriod − maintenancePerPeriod)`.
 *
 * @param automationCost - time to build it
 * @param savedPerPeriod - toil time it removes per period, same unit
 * @param maintenancePerPeriod - time to keep it working per period, same unit (default 0)
 * @returns periods until break-even; `Infinity` when savings do not exceed maintenance (never)
 * @throws RangeError for a negative or non-finite input
 * @example
 * ```ts
 * paybackPeriod(8, 2); // 4 (months): an 8 h script saving 24 h a year (REFERENCE.md §10 #65)
 * paybackPeriod(8, 2, 2); // Infinity: upkeep eats the savings
 * ```
 */
export function paybackPeriod(
  automationCost: number,
  savedPerPeriod: number,
  maintenancePerPeriod = 0,
): number {
  check('automationCost', automationCost);
  check('savedPerPeriod', savedPerPeriod);
  check('maintenancePerPeriod', maintenancePerPeriod);
  const net = exactSubtract(savedPerPeriod, maintenancePerPeriod);
  if (net <= 0) return Infinity;
  return exactDivide(automationCost, net);
}

/** Input of {@link netSavings}; all times in one unit. */
export interface NetSavingsInput {
  /** Toil time the automation removes per period. */
  readonly savedPerPeriod: number;
  /** Periods the automation is used (the horizon). */
  readonly periods: number;
  /** Time to build it. */
  readonly automationCost: number;
  /** Time to keep it working per period (default 0). */
  readonly maintenancePerPeriod?: number;
}

/**
 * Time gained by automating over a horizon, after paying for building and maintaining it:
 * `savedPerPeriod × periods − automationCost − maintenancePerPeriod × periods`.
 *
 * @param input - savings, horizon, build cost and upkeep
 * @returns net time saved (negative: automating loses time)
 * @throws RangeError for a negative or non-finite input
 * @example
 * ```ts
 * netSavings({ savedPerPeriod: 24, periods: 5, automationCost: 8 }); // 112 (hours over 5 years)
 * ```
 */
export function netSavings(input: NetSavingsInput): number {
  const { savedPerPeriod, periods, automationCost, maintenancePerPeriod = 0 } = input;
  check('savedPerPeriod', savedPerPeriod);
  check('periods', periods);
  check('automationCost', automationCost);
  check('maintenancePerPeriod', maintenancePerPeriod);
  const gained = exactMultiply(exactSubtract(savedPerPeriod, maintenancePerPeriod), periods);
  return exactSubtract(gained, automationCost);
}
