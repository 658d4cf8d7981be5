import type { ErrorBudgetStatus } from '../budgets/index.js';
import type { Objective } from '../objectives/types.js';
import type { AlertTransition, TierState } from './alertState.js';
import type { EvaluatorSnapshot } from './snapshot.js';

export type { AlertTransition, TierState } from './alertState.js';

/**
 * Where application code records an objective's events. Every method only adds to two plain
 * numbers: no clock read, no allocation, no throw, no lookup, so it is safe on a request path.
 *
 * Events are attributed to the time of the next flush ({@link Evaluator.tick} or
 * {@link Evaluator.evaluate}), so flush at least once per finest bucket (the otel package ticks
 * every second). Invalid input (a negative, non-finite or non-number count, or `good > total`)
 * cannot throw here: it is dropped and counted in {@link ObjectiveStatus.droppedInputs}.
 *
 * The methods do not use `this`, so they can be passed around detached (`const { good } = h`).
 */
export interface EventsHandle {
  /** The objective the events count towards. */
  readonly objectiveId: string;
  /**
   * Record good events.
   *
   * @param count - how many, default 1; finite and `>= 0`
   */
  readonly good: (count?: number) => void;
  /**
   * Record bad events.
   *
   * @param count - how many, default 1; finite and `>= 0`
   */
  readonly bad: (count?: number) => void;
  /**
   * Record `good` good events out of `total` valid ones (e.g. a batch).
   *
   * @param good - good events, `>= 0`
   * @param total - valid events, finite and `>= good`
   */
  readonly add: (good: number, total: number) => void;
}

/**
 * An objective's overall state. `no-data`: no events in the period (never 100%). `warming-up`:
 * the history is shorter than the period, so the numbers cover only part of it.
 * Otherwise the error-budget status of the default error-budget policy.
 */
export type ObjectiveHealth = 'no-data' | 'warming-up' | 'healthy' | 'warning' | 'exhausted';

/** The SLO period the figures cover. */
export interface PeriodStatus {
  /** Start, epoch milliseconds (inclusive). */
  readonly start: number;
  /** End, epoch milliseconds (exclusive): now for a rolling window, the boundary for a calendar one. */
  readonly end: number;
  /** Share of the period elapsed, in [0, 1]; 1 for a rolling window. */
  readonly elapsedShare: number;
}

/** The error budget of the period, from its SLI; never clamped. */
export interface BudgetStatus {
  /** Share of the budget spent: 0 untouched, 1 spent, above 1 overspent. */
  readonly consumed: number;
  /** `1 − consumed`; negative when overspent. */
  readonly remaining: number;
  /** Bad events (Occurrences) or bad slices (slice methods) the period allows: `(1 − T)·N`. */
  readonly allowedBad: number;
  /** What `allowedBad` counts. */
  readonly unit: 'events' | 'slices';
}

/** Counts and burn rate over one rolling alert window. */
export interface WindowStatus {
  /** Window length in milliseconds. */
  readonly window: number;
  /** Good events in the window's buckets. */
  readonly good: number;
  /** Valid events in the window's buckets. */
  readonly total: number;
  /** `((total − good)/total)/(1 − T)`, or `null` without events. */
  readonly burnRate: number | null;
  /** Share of the window the evaluator was running, in [0, 1]. */
  readonly coverage: number;
}

/** One burn-rate tier's state at an evaluation. */
export interface TierStatus {
  /** Tier name, e.g. `page-fast`. */
  readonly name: string;
  /** The tier's severity from the policy (e.g. `page`, `ticket`), for routing. */
  readonly severity: string;
  /** `inactive`, `pending` (condition met, waiting out `for`) or `firing`. */
  readonly state: TierState;
  /** When the current state was entered, or `null` while inactive. */
  readonly since: number | null;
  /** Long alert window in milliseconds: it keeps a brief spike from alerting. */
  readonly longWindow: number;
  /** Short alert window in milliseconds: it lets the alert resolve soon after recovery. */
  readonly shortWindow: number;
  /** Burn rate over the long window, or `null` without events in it. */
  readonly longBurnRate: number | null;
  /** Burn rate over the short window, or `null` without events in it. */
  readonly shortBurnRate: number | null;
  /** Error ratio both windows must reach: `factor × (1 − T)`, exact. */
  readonly threshold: number;
  /** Burn-rate factor of the tier: how many times faster than sustainable the budget burns. */
  readonly factor: number;
  /** The tier's `for` in milliseconds (0 when it has none). */
  readonly for: number;
}

/** The slice counts behind a Timeslices or RatioTimeslices SLI. */
export interface SliceStatus {
  /** Slice length in milliseconds. */
  readonly slice: number;
  /** Good slices (Timeslices) or the sum of slice ratios (RatioTimeslices). */
  readonly good: number;
  /** Slices counted (empty ones included unless `emptySlice` is `skip`). */
  readonly counted: number;
  /** Closed slices that were observed but had no events. */
  readonly empty: number;
}

/** One objective's figures at an evaluation. */
export interface ObjectiveStatus {
  /** The objective's id. */
  readonly id: string;
  /** Evaluation time, epoch milliseconds. */
  readonly at: number;
  /** Overall state: `no-data` and `warming-up` take precedence over the budget status. */
  readonly status: ObjectiveHealth;
  /** The error-budget status on its own, also during warm-up. */
  readonly budgetStatus: ErrorBudgetStatus;
  /** The SLO period the figures cover. */
  readonly period: PeriodStatus;
  /** Good events in the period. */
  readonly good: number;
  /** Valid events in the period. */
  readonly total: number;
  /** SLI of the period under the objective's budgeting method, or `null` with no data. */
  readonly sli: number | null;
  /** Error budget of the period, or `null` with no data. */
  readonly budget: BudgetStatus | null;
  /** Slice counts for the slice methods, `null` for Occurrences. */
  readonly slices: SliceStatus | null;
  /** Share of the period (so far, for a calendar window) the evaluator was running, in [0, 1]. */
  readonly coverage: number;
  /** When the objective was first evaluated (kept across snapshot and restore). */
  readonly startedAt: number;
  /** Start of the oldest history still held; warm-up lasts until it precedes the period start. */
  readonly historyStart: number;
  /** Each distinct rolling alert window, shortest first. */
  readonly windows: readonly WindowStatus[];
  /** Each tier of the alert policy, in policy order. */
  readonly tiers: readonly TierStatus[];
  /** Inputs the handle dropped as invalid since start (kept across snapshot and restore). */
  readonly droppedInputs: number;
}

/**
 * A tier changed state: it started pending (only with `for`), fired, or resolved. A pending
 * tier whose condition drops before `for` goes back to inactive without an event.
 */
export interface AlertEvent {
  /** The objective whose tier changed state. */
  readonly objectiveId: string;
  /** Tier name, stable for dedupe and inhibition. */
  readonly tier: string;
  /** The tier's severity from the policy (e.g. `page`, `ticket`), for routing. */
  readonly severity: string;
  /** The transition: `pending`, `firing` or `resolved`. */
  readonly state: AlertTransition;
  /** Evaluation time, epoch milliseconds. */
  readonly at: number;
  /** Long alert window in milliseconds. */
  readonly longWindow: number;
  /** Short alert window in milliseconds. */
  readonly shortWindow: number;
  /** Burn rate over the long window at this evaluation, or `null` without events. */
  readonly longBurnRate: number | null;
  /** Burn rate over the short window at this evaluation, or `null` without events. */
  readonly shortBurnRate: number | null;
  /** Error ratio both windows had to reach: `factor × (1 − T)`, exact. */
  readonly threshold: number;
  /** Burn-rate factor of the tier. */
  readonly factor: number;
}

/** What one {@link Evaluator.evaluate} pass found. */
export interface EvaluationReport {
  /** Evaluation time, epoch milliseconds. */
  readonly at: number;
  /** One status per objective, in the order the objectives were given. */
  readonly objectives: readonly ObjectiveStatus[];
  /** Tier transitions in this pass. */
  readonly alerts: readonly AlertEvent[];
  /** Whatever alert listeners threw in this pass (they never interrupt evaluation). */
  readonly listenerErrors: readonly unknown[];
}

/** Options of {@link createEvaluator}. */
export interface EvaluatorOptions {
  /** Validated objectives (from `defineObjective`), with unique ids. */
  readonly objectives: readonly Objective[];
  /** Epoch milliseconds; default `Date.now`. Inject a fake clock in tests. */
  readonly clock?: () => number;
  /** State saved by {@link Evaluator.snapshot}, to carry budgets across restarts. */
  readonly snapshot?: EvaluatorSnapshot;
}

/** What a restore kept and what it left out. */
export interface RestoreSummary {
  /** Objectives whose state was restored. */
  readonly restored: readonly string[];
  /**
   * Snapshot entries dropped because the objective's storage changed shape (other windows,
   * period, budgeting method or slice rule); those objectives start fresh.
   */
  readonly dropped: readonly {
    /** The objective whose saved state was dropped. */
    readonly id: string;
    /** What changed, e.g. `budgeting method changed from timeslices to occurrences`. */
    readonly reason: string;
  }[];
  /** Snapshot entries for objectives not configured any more. */
  readonly ignored: readonly string[];
}

/** The in-process windowed SLO evaluator (see {@link createEvaluator}). */
export interface Evaluator {
  /** The objectives, in the order given. */
  readonly objectives: readonly Objective[];
  /** What the snapshot passed at creation restored, or `undefined` without one. */
  readonly restoreSummary: RestoreSummary | undefined;
  /**
   * The precomputed event handle of an objective; look it up once, keep it.
   *
   * @throws NinesError `UNKNOWN_OBJECTIVE` for an id not configured
   */
  handle(objectiveId: string): EventsHandle;
  /**
   * Move pending counts into the ring buckets of `now` without evaluating (for a timer).
   *
   * @throws NinesError `INVALID_ARGUMENT` when `now` or the clock is not finite
   */
  tick(now?: number): void;
  /**
   * Flush pending counts, advance the rings to `now` and evaluate every objective and tier.
   *
   * @throws NinesError `INVALID_ARGUMENT` when `now` or the clock is not finite
   */
  evaluate(now?: number): EvaluationReport;
  /** The status of the last evaluation, or `undefined` before the first. */
  status(objectiveId: string): ObjectiveStatus | undefined;
  /** Subscribe to tier transitions; returns the unsubscribe function. */
  onAlert(listener: (event: AlertEvent) => void): () => void;
  /** All state as a plain, versioned, JSON-safe object; does not flush or change anything. */
  snapshot(): EvaluatorSnapshot;
}
