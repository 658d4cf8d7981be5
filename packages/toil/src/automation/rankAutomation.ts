import { NinesError, exactMultiply, roundNoise } from '@nines/core';
import type { Automatable, LedgerEntry } from '../model/entry.js';
import type { LedgerProblem, LedgerReadItem } from '../store/types.js';
import { checkThreads, foldLedger } from '../parallel/foldLedger.js';
import { entryScope } from '../parallel/entryScope.js';
import { DEFAULT_HORIZON_YEARS, breakEvenTime } from './breakEven.js';
import { netSavings, paybackPeriod } from './payback.js';

const DAY = 86_400_000;
/** A year as Prometheus counts it (365 days), the unit of `runsPerYear`. */
const YEAR = 365 * DAY;
const HOUR_MINUTES = 60;

/** What automating one task would take, in hands-on hours. */
export interface AutomationEstimate {
  /** Hours to build the automation. */
  readonly costHours?: number;
  /** Hours a year to keep it working. */
  readonly maintenanceHoursPerYear?: number;
  /** Fraction of each run's time it removes, overriding what `automatable` implies. */
  readonly savedFraction?: number;
}

/** Options for {@link rankAutomation}. */
export interface AutomationOptions {
  /** Only entries at or after this instant (epoch ms); also where observation starts. */
  readonly since?: number;
  /** Only entries before this instant; also where observation ends (default now). */
  readonly until?: number;
  /** Now, epoch ms (default `Date.now()`). */
  readonly now?: number;
  /** Only these teams. */
  readonly team?: string | readonly string[];
  /** Years the automation would be used (default 5, as in xkcd 1205). */
  readonly horizonYears?: number;
  /**
   * Fewest runs in the observed range for a task to count as repetitive (default 3: the SRE book
   * does not call a first or second occurrence toil).
   */
  readonly minRuns?: number;
  /** Fraction of a run's time that automating a `partly` automatable task saves (default 0.5). */
  readonly partlySaves?: number;
  /** Per-task build and upkeep estimates; payback and net savings need a cost. */
  readonly estimates?: Readonly<Record<string, AutomationEstimate>>;
  /** Receives each problem met while reading a ledger, in file order. */
  readonly onProblem?: (problem: LedgerProblem) => void;
  /**
   * Most threads that may read a JSON Lines ledger at once, this one included (default: the
   * machine's available parallelism, at most 4); see `ToilReportOptions.threads`.
   */
  readonly threads?: number;
}

/** One task's case for automation. Times are hours unless named otherwise. */
export interface AutomationCandidate {
  /** The task. */
  readonly task: string;
  /** Its category (the latest seen). */
  readonly category: string;
  /** Whether it can be automated (the latest entry's answer). */
  readonly automatable: Automatable;
  /** Teams that did it, alphabetically. */
  readonly teams: readonly string[];
  /** Runs in the observed range. */
  readonly runs: number;
  /** Toil hours in the observed range. */
  readonly hours: number;
  /** Average hands-on minutes per run. */
  readonly minutesPerRun: number;
  /** Runs per year, extrapolated from the observed range. */
  readonly runsPerYear: number;
  /** Fraction of each run automation removes. */
  readonly savedFraction: number;
  /** Toil hours a year automation would remove. */
  readonly savedHoursPerYear: number;
  /** xkcd 1205: the most time worth spending to automate it within the horizon. */
  readonly breakEvenHours: number;
  /** Build cost, when estimated. */
  readonly costHours?: number;
  /** Upkeep per year, when estimated (0 when only a cost was given). */
  readonly maintenanceHoursPerYear?: number;
  /** Months until the automation pays for itself; `Infinity` when upkeep eats the savings. */
  readonly paybackMonths?: number;
  /** Hours gained over the horizon after build and upkeep (negative: not worth it). */
  readonly netSavingsHours?: number;
}

/** The result of {@link rankAutomation}. */
export interface AutomationRanking {
  /** Start of observation, epoch ms (undefined without entries). */
  readonly observedFrom?: number;
  /** End of observation, epoch ms. */
  readonly observedTo?: number;
  /** The horizon in years. */
  readonly horizonYears: number;
  /** Candidates, most break-even time first. */
  readonly candidates: readonly AutomationCandidate[];
  /** Tasks left out: marked not automatable, or done fewer than `minRuns` times. */
  readonly skipped: { readonly notAutomatable: number; readonly tooFewRuns: number };
  /** Problems met while reading. */
  readonly problems: number;
}

function checkFraction(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `${name} must be a fraction from 0 to 1, got ${value}`,
      { path: [name] },
    );
  }
}

/**
 * Rank toil tasks by how much automating them is worth, from what the ledger shows: runs per
 * year are extrapolated from the observed range, time saved per run is the average hands-on
 * time times the fraction automation removes (all of it for `yes`, `partlySaves` for
 * `partly`). For each task: the xkcd 1205 break-even time over the horizon, and, given a build
 * cost, the payback period including upkeep and the net savings (REFERENCE.md §7).
 *
 * The observed range is `since` (or the first entry) to `until` (or now), at least one day; a
 * short range extrapolates poorly, so give `since` for a fair yearly rate.
 *
 * @param source - ledger entries, or what `ledger.read()` yields
 * @param options - range, horizon, estimates
 * @returns candidates, most break-even time first
 * @throws NinesError `INVALID_ARGUMENT` for bad options
 * @example
 * ```ts
 * const ranking = await rankAutomation(ledger.read(), {
 *   since: Date.UTC(2024, 0, 1),
 *   estimates: { 'rotate TLS certificates': { costHours: 8, maintenanceHoursPerYear: 2 } },
 * });
 * ranking.candidates[0]?.breakEvenHours;
 * ```
 */
export async function rankAutomation(
  source: Iterable<LedgerEntry | LedgerReadItem> | AsyncIterable<LedgerEntry | LedgerReadItem>,
  options: AutomationOptions = {},
): Promise<AutomationRanking> {
  const {
    since,
    until,
    horizonYears = DEFAULT_HORIZON_YEARS,
    minRuns = 3,
    partlySaves = 0.5,
    estimates = {},
  } = options;
  if (!(Number.isFinite(horizonYears) && horizonYears > 0)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `horizonYears must be more than 0, got ${horizonYears}`,
      { path: ['horizonYears'] },
    );
  }
  if (!Number.isSafeInteger(minRuns) || minRuns < 1) {
    throw new NinesError('INVALID_ARGUMENT', `minRuns must be a whole number ≥ 1, got ${minRuns}`, {
      path: ['minRuns'],
    });
  }
  checkFraction('partlySaves', partlySaves);
  checkThreads(options.threads);
  for (const [task, estimate] of Object.entries(estimates)) {
    for (const key of ['costHours', 'maintenanceHoursPerYear'] as const) {
      const value = estimate[key];
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        throw new NinesError(
          'INVALID_ARGUMENT',
          `${key} must be a number of hours ≥ 0, got ${value}`,
          { path: ['estimates', task, key] },
        );
      }
    }
    if (estimate.savedFraction !== undefined)
      checkFraction('savedFraction', estimate.savedFraction);
  }
  const scope = entryScope(options);
  const { state, problems } = await foldLedger(source, { fold: 'automation', scope }, options);
  const { tasks, first } = state;

  const from = since ?? first;
  const to = until ?? options.now ?? Date.now();
  const span = from === undefined ? DAY : Math.max(DAY, to - from);
  const candidates: AutomationCandidate[] = [];
  let notAutomatable = 0;
  let tooFewRuns = 0;
  for (const [task, t] of tasks) {
    const estimate = estimates[task] ?? {};
    const savedFraction =
      estimate.savedFraction ??
      (t.automatable === 'yes' ? 1 : t.automatable === 'partly' ? partlySaves : 0);
    if (savedFraction === 0) {
      notAutomatable += 1;
      continue;
    }
    if (t.runs < minRuns) {
      tooFewRuns += 1;
      continue;
    }
    const minutesPerRun = t.ms / 60_000 / t.runs;
    const runsPerYear = (t.runs * YEAR) / span;
    const savedMinutesPerRun = exactMultiply(roundNoise(minutesPerRun), savedFraction);
    const savedHoursPerYear = roundNoise((savedMinutesPerRun * runsPerYear) / HOUR_MINUTES);
    const breakEvenHours = roundNoise(
      breakEvenTime(roundNoise(runsPerYear), savedMinutesPerRun, horizonYears) / HOUR_MINUTES,
    );
    const { costHours, maintenanceHoursPerYear } = estimate;
    const upkeep = maintenanceHoursPerYear ?? 0;
    candidates.push({
      task,
      category: t.category,
      automatable: t.automatable,
      teams: [...t.teams].sort((a, b) => a.localeCompare(b)),
      runs: t.runs,
      hours: roundNoise(t.ms / 3_600_000),
      minutesPerRun: roundNoise(minutesPerRun),
      runsPerYear: roundNoise(runsPerYear),
      savedFraction,
      savedHoursPerYear,
      breakEvenHours,
      ...(costHours === undefined
        ? {}
        : {
            costHours,
            maintenanceHoursPerYear: upkeep,
            paybackMonths: roundNoise(
              paybackPeriod(exactMultiply(costHours, 12), savedHoursPerYear, upkeep),
            ),
            netSavingsHours: roundNoise(
              netSavings({
                savedPerPeriod: savedHoursPerYear,
                periods: horizonYears,
                automationCost: costHours,
                maintenancePerPeriod: upkeep,
              }),
            ),
          }),
    });
  }
  candidates.sort((a, b) => b.breakEvenHours - a.breakEvenHours || a.task.localeCompare(b.task));
  return {
    ...(from === undefined ? {} : { observedFrom: from, observedTo: to }),
    horizonYears,
    candidates,
    skipped: { notAutomatable, tooFewRuns },
    problems,
  };
}
