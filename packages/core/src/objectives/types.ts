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
  readonly description?: string;
  readonly target: Target;
  /** The compliance window (SLO period). */
  readonly window: SloWindow;
  readonly budgeting: Budgeting;
  readonly sli: Sli;
  /** The burn-rate alert policy, or `undefined` when alerting is disabled. */
  readonly alerting: BurnRatePolicy | undefined;
  /** Extra labels carried to rules, gauges and alerts. */
  readonly labels: Readonly<Record<string, string>>;
}
