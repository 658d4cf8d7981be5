import type { Budgeting } from '../budgeting/types.js';
import type { BurnRatePolicy } from '../policies/types.js';
import type { SloWindow } from '../windows/types.js';
import type { Sli } from './sli.js';
import type { Target } from './target.js';

/** A validated service level objective, as {@link defineObjective} returns it. */
export interface Objective {
  /** Stable identifier, unique among objectives; state and alerts are keyed by it. */
  readonly id: string;
  /** The service the objective belongs to. */
  readonly service: string;
  /** Human name (defaults to the id). */
  readonly name: string;
  /** Free text for people. */
  readonly description?: string;
  /** The target, exact as written. */
  readonly target: Target;
  /** The compliance window (SLO period). */
  readonly window: SloWindow;
  /** How good and bad are counted (default Occurrences). */
  readonly budgeting: Budgeting;
  /** What the objective measures. */
  readonly sli: Sli;
  /** The burn-rate alert policy, or `undefined` when alerting is disabled. */
  readonly alerting: BurnRatePolicy | undefined;
  /** Extra labels carried to rules, gauges and alerts. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Budgeting as a user writes it: durations as text (`'1m'`) or milliseconds, defaults filled in. */
export type BudgetingInput =
  | 'occurrences'
  | 'timeslices'
  | 'ratio-timeslices'
  | { readonly method: 'occurrences' }
  | {
      readonly method: 'timeslices';
      readonly slice: string | number;
      readonly sliceTarget: number;
      readonly op?: 'gte' | 'gt' | 'lte' | 'lt';
      readonly emptySlice?: 'good' | 'bad' | 'skip';
    }
  | {
      readonly method: 'ratio-timeslices';
      readonly slice: string | number;
      readonly emptySlice?: 'good' | 'bad' | 'skip';
    };

/**
 * An objective as a user writes it in TypeScript; {@link defineObjective} validates it and fills
 * in defaults. Give exactly one of `target` (fraction) and `targetPercent`.
 */
export interface ObjectiveInput {
  /** Stable identifier matching `OBJECTIVE_ID_PATTERN`, unique among objectives. */
  readonly id: string;
  /** Default `'default'`. */
  readonly service?: string;
  /** Human name; default the id. */
  readonly name?: string;
  /** Free text for people. */
  readonly description?: string;
  /** Target as a fraction in (0, 1), e.g. `0.999`. */
  readonly target?: number;
  /** Target as a percent in (0, 100), e.g. `99.9`. */
  readonly targetPercent?: number;
  /**
   * The period: a rolling duration (`'30d'`, or milliseconds), or a window object (rolling or
   * calendar-aligned).
   */
  readonly window: string | number | SloWindow;
  /** Default `'occurrences'`. */
  readonly budgeting?: BudgetingInput;
  /** What the objective measures. */
  readonly sli: Sli;
  /**
   * Burn-rate alerting: a policy, `false` to disable, or omitted for the SRE Workbook tiers
   * derived for the window.
   */
  readonly alerting?: BurnRatePolicy | false;
  /** Extra labels carried to rules, gauges and alerts. */
  readonly labels?: Readonly<Record<string, string>>;
}
