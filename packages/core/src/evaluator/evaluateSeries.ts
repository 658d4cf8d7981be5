/**
 * One evaluation of one objective: period SLI and budget, window burn rates, tier transitions.
 *
 * @internal Not re-exported from the barrel.
 */
import {
  allowedBadEvents,
  budgetConsumed,
  budgetConsumedFromCounts,
  budgetRemaining,
  budgetRemainingFromCounts,
  burnRateFromCounts,
  errorBudgetStatus,
  sliFromCounts,
} from '../budgets/index.js';
import { windowPeriod } from '../windows/index.js';
import { stepTier } from './alertState.js';
import type { MutableCounts } from './ring.js';
import type { ObjectiveSeries } from './series.js';
import type {
  AlertEvent,
  BudgetStatus,
  ObjectiveHealth,
  ObjectiveStatus,
  SliceStatus,
  TierStatus,
  WindowStatus,
} from './types.js';

/** The status of an objective at `now` and the alert transitions it caused. */
export interface SeriesEvaluation {
  /** The objective's figures at `now`. */
  readonly status: ObjectiveStatus;
  /** Tier transitions of this evaluation, in policy order. */
  readonly events: AlertEvent[];
}

/**
 * Evaluate an objective at `now` (its rings already flushed to `now`) and step its tiers.
 *
 * A tier's condition is `errorRatio ≥ threshold` over both windows, `>=` as in the SRE Workbook
 * approach 1 (REFERENCE.md §11.2 #3), with the ratio `bad/total` of counts compared with the
 * exact `factor × (1 − T)`: a burn exactly at the factor fires. Windows without events never
 * fire, and with `policy.minEvents` the long window needs at least that many events.
 *
 * @param series - the objective's state, updated in place (tier machines, last status)
 * @param now - evaluation time, epoch milliseconds
 * @returns the status and the transitions
 */
export function evaluateSeries(series: ObjectiveSeries, now: number): SeriesEvaluation {
  const { objective, runs } = series;
  const target = objective.target;
  const scratch: MutableCounts = { good: 0, total: 0 };

  // Every alert window once (tiers share windows), from the rings' running sums.
  const windows: WindowStatus[] = [];
  for (const { window, ring, id } of series.alertReaders) {
    ring.readTracked(id, scratch);
    windows.push({
      window,
      good: scratch.good,
      total: scratch.total,
      burnRate: burnRateFromCounts(target, scratch.good, scratch.total),
      coverage: Math.min(1, runs.covered(now - window, now, now) / window),
    });
  }

  const period = windowPeriod(objective.window, now);
  const elapsed = now - period.start;
  const periodReader = series.periodReader;
  if (periodReader !== null) {
    periodReader.ring.readTracked(periodReader.id, scratch);
  } else {
    const ring = series.periodRing;
    ring.readTrackedFrom(series.periodRange, Math.ceil(period.start / ring.resolution), scratch);
  }
  const good = scratch.good;
  const total = scratch.total;
  const coverage = elapsed > 0 ? Math.min(1, runs.covered(period.start, now, now) / elapsed) : 1;

  let sli: number | null;
  let budget: BudgetStatus | null = null;
  let slices: SliceStatus | null = null;
  const budgeting = objective.budgeting;
  if (series.slices === null || budgeting.method === 'occurrences') {
    sli = sliFromCounts(good, total);
    if (total > 0) {
      budget = {
        consumed: budgetConsumedFromCounts(target, good, total) ?? 0,
        remaining: budgetRemainingFromCounts(target, good, total) ?? 1,
        allowedBad: allowedBadEvents(target, total),
        unit: 'events',
      };
    }
  } else {
    const ring = series.slices;
    ring.setLowerBound(
      objective.window.kind === 'rolling'
        ? ring.current - (ring.size - 1)
        : Math.ceil(period.start / ring.length),
    );
    const sums = ring.sums(budgeting.emptySlice);
    sli = sums.sli;
    slices = { slice: ring.length, good: sums.good, counted: sums.counted, empty: sums.empty };
    if (sli !== null) {
      budget = {
        consumed: budgetConsumed(target, sli),
        remaining: budgetRemaining(target, sli),
        allowedBad: allowedBadEvents(target, sums.counted),
        unit: 'slices',
      };
    }
  }

  const budgetStatus = errorBudgetStatus(budget === null ? null : budget.remaining);
  const historyStart = runs.historyStart();
  let health: ObjectiveHealth = budgetStatus;
  if (sli === null) health = 'no-data';
  else if (historyStart > period.start) health = 'warming-up';

  const minEvents = objective.alerting?.minEvents ?? 0;
  const events: AlertEvent[] = [];
  const tiers = series.tiers.map((runtime): TierStatus => {
    const { tier, threshold, forMs, machine } = runtime;
    const long = windows[runtime.long];
    const short = windows[runtime.short];
    if (long === undefined || short === undefined) throw new Error('tier window not tracked');
    const condition =
      reaches(long, threshold) && reaches(short, threshold) && long.total >= minEvents;
    const transition = stepTier(machine, condition, now, forMs);
    if (transition !== null) {
      events.push({
        objectiveId: objective.id,
        tier: tier.name,
        severity: tier.severity,
        state: transition,
        at: now,
        longWindow: tier.longWindow,
        shortWindow: tier.shortWindow,
        longBurnRate: long.burnRate,
        shortBurnRate: short.burnRate,
        threshold,
        factor: tier.factor,
      });
    }
    return {
      name: tier.name,
      severity: tier.severity,
      state: machine.state,
      since: machine.since,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      longBurnRate: long.burnRate,
      shortBurnRate: short.burnRate,
      threshold,
      factor: tier.factor,
      for: forMs,
    };
  });

  const status: ObjectiveStatus = {
    id: objective.id,
    at: now,
    status: health,
    budgetStatus,
    period: { start: period.start, end: period.end, elapsedShare: period.elapsedShare },
    good,
    total,
    sli,
    budget,
    slices,
    coverage,
    startedAt: series.startedAt,
    historyStart,
    windows,
    tiers,
    droppedInputs: series.pending.dropped,
  };
  series.last = status;
  return { status, events };
}

/** `bad/total ≥ threshold`, false without events. */
function reaches(window: WindowStatus, threshold: number): boolean {
  return window.total > 0 && (window.total - window.good) / window.total >= threshold;
}
