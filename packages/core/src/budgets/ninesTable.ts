import { targetFromPercent, toTarget } from '../objectives/target.js';
import type { Target, TargetInput } from '../objectives/target.js';
import { checkArray, describeValue, isRecord } from '../internal/validate.js';
import { checkNonNegative } from './checks.js';
import { allowedDowntime } from './errorBudget.js';
import { nines } from './nines.js';

const DAY = 86_400_000;

/** Allowed downtime of one target over one window. */
export interface NinesTableCell {
  /** The window (SLO period) in milliseconds. */
  readonly windowMs: number;
  /** `(1 − T)·W` in milliseconds, exact. */
  readonly downtimeMs: number;
}

/** One row of {@link ninesTable}: a target and its allowed downtime per window. */
export interface NinesTableRow {
  /** The target of this row, exact. */
  readonly target: Target;
  /** `−log10(1 − T)`, e.g. 3 for 99.9%. */
  readonly nines: number;
  /** One cell per window, in the order the windows were given. */
  readonly allowed: readonly NinesTableCell[];
}

/** Options for {@link ninesTable}. */
export interface NinesTableOptions {
  /**
   * Targets as fractions (`0.999`) or `Target` objects. Default 99, 99.5, 99.9, 99.95, 99.99 and
   * 99.999 %.
   */
  readonly targets?: readonly TargetInput[];
  /** Windows in milliseconds. Default 7, 28, 30, 90 and 365 days. */
  readonly windows?: readonly number[];
}

/** The targets of REFERENCE.md §1.8, as percents so that they stay exact. */
const DEFAULT_TARGET_PERCENTS = [99, 99.5, 99.9, 99.95, 99.99, 99.999] as const;

/** The windows of REFERENCE.md §1.8: 7, 28, 30, 90 and 365 days. */
const DEFAULT_WINDOWS = [7 * DAY, 28 * DAY, 30 * DAY, 90 * DAY, 365 * DAY] as const;

/**
 * The classic "nines" table: allowed downtime `(1 − T)·W` for each target and window, exact.
 *
 * With no options it reproduces REFERENCE.md §1.8 (99.9% over 30 days: 2,592,000 ms =
 * 43.2 min). Months are not guessed: pass the window you mean (a 30.44-day month gives 43.8 min).
 *
 * @param options - targets and windows to tabulate; each defaults to the §1.8 set
 * @returns one row per target, one cell per window, in the order given
 * @throws NinesError `INVALID_TARGET` for a target outside (0, 1)
 * @throws RangeError for options that are not an object, targets or windows that are not
 *   arrays, or a negative or non-finite window
 * @example
 * ```ts
 * const [row] = ninesTable({ targets: [0.999], windows: [30 * 86_400_000] });
 * row?.allowed[0]?.downtimeMs; // 2_592_000 (43.2 minutes)
 * ```
 */
export function ninesTable(options: NinesTableOptions = {}): NinesTableRow[] {
  const given: unknown = options;
  if (!isRecord(given)) {
    throw new RangeError(
      `options must be an object { targets?, windows? }, got ${describeValue(given)}`,
    );
  }
  if (options.targets !== undefined) checkArray('options.targets', options.targets, 'targets');
  if (options.windows !== undefined) {
    checkArray('options.windows', options.windows, 'window lengths in milliseconds');
  }
  const targets: readonly Target[] =
    options.targets === undefined
      ? DEFAULT_TARGET_PERCENTS.map(targetFromPercent)
      : options.targets.map((target) => toTarget(target));
  const windows = options.windows ?? DEFAULT_WINDOWS;
  windows.forEach((windowMs, index) => {
    checkNonNegative(`windows[${String(index)}]`, windowMs);
  });
  return targets.map((target) => ({
    target,
    nines: nines(target),
    allowed: windows.map((windowMs) => ({
      windowMs,
      downtimeMs: allowedDowntime(target, windowMs),
    })),
  }));
}
