import { exactMultiply } from '@nines/core';

/** The horizon the xkcd 1205 table uses: five years. */
export const DEFAULT_HORIZON_YEARS = 5;

function check(name: string, value: number, positive = false): void {
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new RangeError(
      `${name} must be a finite number ${positive ? '> 0' : '≥ 0'}, got ${value}`,
    );
  }
}

/**
 * How long you can spend automating a routine task before it stops paying off within the
 * horizon (xkcd 1205, "Is It Worth the Time?"): `horizonYears × runsPerYear × savedPerRun`.
 * The result is in the unit of `savedPerRun`.
 *
 * @param runsPerYear - how often the task runs per year (weekly = 52)
 * @param savedPerRun - time saved each run, in any unit
 * @param horizonYears - how long the automation is used (default 5)
 * @returns the break-even automation time, in the unit of `savedPerRun`
 * @throws RangeError for a negative or non-finite input, or a horizon of 0
 * @example
 * ```ts
 * breakEvenTime(52, 1); // 260 (minutes): a weekly task, 1 minute saved, 5 years (REFERENCE.md §10 #64)
 * ```
 */
export function breakEvenTime(
  runsPerYear: number,
  savedPerRun: number,
  horizonYears = DEFAULT_HORIZON_YEARS,
): number {
  check('runsPerYear', runsPerYear);
  check('savedPerRun', savedPerRun);
  check('horizonYears', horizonYears, true);
  return exactMultiply(exactMultiply(horizonYears, runsPerYear), savedPerRun);
}

/**
 * The yearly cost of a toil task across teams: `hoursPerRun × runsPerYear × teams`.
 *
 * @param timePerRun - hands-on time per run, in any unit
 * @param runsPerYear - runs per team per year
 * @param teams - how many teams do it (default 1)
 * @returns time per year, in the unit of `timePerRun`
 * @throws RangeError for a negative or non-finite input
 * @example
 * ```ts
 * toilImpact(0.5, 48, 2); // 48 (hours a year; REFERENCE.md §10 #65)
 * ```
 */
export function toilImpact(timePerRun: number, runsPerYear: number, teams = 1): number {
  check('timePerRun', timePerRun);
  check('runsPerYear', runsPerYear);
  check('teams', teams);
  return exactMultiply(exactMultiply(timePerRun, runsPerYear), teams);
}
