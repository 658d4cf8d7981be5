import { sliceIsGood } from '../budgeting/index.js';
import { NinesError, type NinesIssue } from '../errors.js';
import { describeValue, isRecord } from '../internal/validate.js';
import type { Objective } from '../objectives/types.js';
import { evaluateSeries } from './evaluateSeries.js';
import { checkObjective, storageLayout } from './layout.js';
import { ObjectiveSeries } from './series.js';
import { parseSnapshot } from './parseSnapshot.js';
import { restoreSeries, shapeMismatch } from './restoreSnapshot.js';
import { snapshotSeries, type EvaluatorSnapshot } from './snapshot.js';
import type {
  AlertEvent,
  EvaluationReport,
  Evaluator,
  EvaluatorOptions,
  EventsHandle,
  ObjectiveStatus,
  RestoreSummary,
} from './types.js';

function buildSeries(objectives: readonly Objective[], now: number): ObjectiveSeries[] {
  const issues: NinesIssue[] = [];
  const seen = new Set<string>();
  const series: ObjectiveSeries[] = [];
  const collect = (error: NinesError, index: number): void => {
    for (const issue of error.issues) {
      issues.push({ ...issue, path: ['objectives', index, ...issue.path] });
    }
  };
  objectives.forEach((objective, index) => {
    try {
      checkObjective(objective, 'createEvaluator');
    } catch (error) {
      if (!(error instanceof NinesError)) throw error;
      collect(error, index);
      return;
    }
    if (seen.has(objective.id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        message: `objective id ${JSON.stringify(objective.id)} is used twice; evaluator state is keyed by id, so ids must be unique`,
        path: ['objectives', index, 'id'],
      });
      return;
    }
    seen.add(objective.id);
    const budgeting = objective.budgeting;
    if (budgeting.method === 'timeslices') {
      // Surface a bad hand-built slice rule now, not at the first slice close.
      try {
        sliceIsGood(1, budgeting.sliceTarget, budgeting.op);
      } catch (error) {
        issues.push({
          code: 'INVALID_BUDGETING',
          message: `objective ${JSON.stringify(objective.id)}: ${error instanceof Error ? error.message : String(error)}`,
          path: ['objectives', index, 'budgeting'],
        });
        return;
      }
    }
    try {
      series.push(new ObjectiveSeries(objective, storageLayout(objective), now));
    } catch (error) {
      if (error instanceof NinesError) {
        collect(error, index);
      } else {
        issues.push({
          code: 'INVALID_OBJECTIVE',
          message: `objective ${JSON.stringify(objective.id)} cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`,
          path: ['objectives', index],
        });
      }
    }
  });
  if (issues.length > 0) throw NinesError.fromIssues(issues);
  return series;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

function restore(
  series: readonly ObjectiveSeries[],
  snapshot: EvaluatorSnapshot,
  now: number,
): RestoreSummary {
  const byId = new Map(series.map((s) => [s.objective.id, s]));
  const restored: string[] = [];
  const dropped: { id: string; reason: string }[] = [];
  const ignored: string[] = [];
  for (const [id, entry] of Object.entries(snapshot.objectives)) {
    const target = byId.get(id);
    if (target === undefined) {
      ignored.push(id);
      continue;
    }
    const reason = shapeMismatch(target, entry);
    if (reason !== null) {
      dropped.push({ id, reason });
      continue;
    }
    restoreSeries(target, entry, now);
    restored.push(id);
  }
  return { restored, dropped, ignored };
}

/**
 * Create an in-process windowed SLO evaluator: it counts good and total events per objective
 * in ring buffers, and on each evaluation reports every objective's SLI, error budget, window
 * burn rates and multiwindow burn-rate alert states, against an injected clock.
 *
 * - Recording: `evaluator.handle(id).good()` only adds to two numbers (no clock read, no
 *   allocation, no throw). Pending counts move into the buckets when time advances (`tick` or
 *   `evaluate`) and are attributed to that time, so flush at least once per finest bucket
 *   (1 s for a 5-minute window; the otel package ticks every second). Invalid inputs are
 *   dropped and counted (`droppedInputs`).
 * - Windows: each window is read from the newest whole buckets of a ring (144 to 360 buckets
 *   per window from 6 minutes up, 1-second buckets below; see {@link storageLayout}), so a
 *   rolling window covers between `w − r` and `w` (r = its bucket length). A rolling period is the last `duration`; a calendar period
 *   runs from its boundary (`windowPeriod(...).start`), so the budget resets there; alert
 *   windows are always rolling.
 * - Budgeting: Occurrences from the counts; Timeslices and RatioTimeslices from a per-slice
 *   ring of closed slices (the open slice counts once it closes; a rolling period is its last
 *   `duration/slice` closed slices). Burn rates and alerts always use event counts.
 * - No data is `null` (status `no-data`), never 100% and never NaN. While the history held is
 *   shorter than the period, status is `warming-up` with the numbers still reported, and each
 *   window's `coverage` says how much of it the evaluator observed.
 * - Alerts: each tier goes inactive → (pending, with `for`) → firing → resolved when both
 *   windows' error ratio is `>=` the exact `factor × (1 − T)` (and the long window has at least
 *   `policy.minEvents` events); a window without events never meets it, so a firing tier
 *   resolves when traffic stops. Listeners get each transition; one that throws does not stop
 *   evaluation or other listeners: the error is returned in `report.listenerErrors`, never
 *   logged.
 * - Time: a `now` earlier than one already seen is treated as that time (time never runs
 *   backwards inside the evaluator).
 * - Snapshots: `snapshot()` is a plain JSON-safe object; pass it back as `options.snapshot`.
 *   Objectives missing from it start fresh; entries whose storage changed shape (other windows,
 *   period, budgeting method or slice rule) are dropped, listed in `restoreSummary`, and start
 *   fresh (re-bucketing would invent data the new layout never saw); entries for unknown ids
 *   are ignored. The time between snapshot and restore is no data: its buckets are cleared as
 *   time advances and it does not count as coverage.
 *
 * @param options - objectives, an optional clock (default `Date.now`) and snapshot
 * @returns the evaluator
 * @throws NinesError `DUPLICATE_ID` for two objectives with one id; `INVALID_BUDGETING` for a
 *   period of more than 1,000,000 slices or a bad slice rule; `INVALID_SNAPSHOT` (with every
 *   problem's path) for a malformed snapshot; `INVALID_ARGUMENT` when the clock is not finite,
 *   `options` is not an object, `objectives` is not iterable, or an entry is not an objective
 * @example
 * ```ts
 * const api = defineObjective({ id: 'api', targetPercent: 99.9, window: '30d', sli: { kind: 'events' } });
 * const evaluator = createEvaluator({ objectives: [api] });
 * const events = evaluator.handle('api');
 * events.good();
 * events.bad();
 * evaluator.onAlert((alert) => console.log(alert.tier, alert.state));
 * setInterval(() => evaluator.evaluate(), 1000);
 * ```
 */
export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const given: unknown = options;
  if (!isRecord(given)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `createEvaluator needs an options object { objectives, clock?, snapshot? }, got ${describeValue(given)}`,
      { path: [] },
    );
  }
  const list: unknown = given.objectives;
  if (!isIterable(list)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `createEvaluator needs objectives as an array of objectives from defineObjective, got ${describeValue(list)}`,
      { path: ['objectives'] },
    );
  }
  const clock = options.clock ?? Date.now;
  const objectives = Object.freeze([...options.objectives]);
  const readClock = (value: number | undefined): number => {
    const now = value ?? clock();
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new NinesError(
        'INVALID_ARGUMENT',
        `time must be finite epoch milliseconds, got ${String(now)}${value === undefined ? ' from the clock' : ''}`,
        { path: ['now'] },
      );
    }
    return now;
  };

  const created = readClock(undefined);
  const snapshot =
    options.snapshot === undefined ? undefined : parseSnapshot(options.snapshot, created);
  const series = buildSeries(objectives, created);
  const byId = new Map(series.map((s) => [s.objective.id, s]));
  const restoreSummary = snapshot === undefined ? undefined : restore(series, snapshot, created);
  let time = Math.max(created, snapshot?.at ?? created);
  let flushedAt = Math.max(created, snapshot?.flushedAt ?? created);
  const listeners = new Set<(event: AlertEvent) => void>();

  const advance = (value: number | undefined): number => {
    time = Math.max(time, readClock(value));
    for (const s of series) s.flush(time);
    flushedAt = time;
    return time;
  };

  return {
    objectives,
    restoreSummary,
    handle(objectiveId: string): EventsHandle {
      const found = byId.get(objectiveId);
      if (found === undefined) {
        throw new NinesError(
          'UNKNOWN_OBJECTIVE',
          `no objective with id ${JSON.stringify(objectiveId)}; known ids: ${[...byId.keys()].join(', ') || '(none)'}`,
          { path: ['objectiveId'] },
        );
      }
      return found.handle;
    },
    tick(now?: number): void {
      advance(now);
    },
    evaluate(now?: number): EvaluationReport {
      const at = advance(now);
      const statuses: ObjectiveStatus[] = [];
      const alerts: AlertEvent[] = [];
      for (const s of series) {
        const { status, events } = evaluateSeries(s, at);
        statuses.push(status);
        alerts.push(...events);
      }
      const listenerErrors: unknown[] = [];
      const current = [...listeners];
      for (const event of alerts) {
        for (const listener of current) {
          try {
            listener(event);
          } catch (error) {
            listenerErrors.push(error);
          }
        }
      }
      return { at, objectives: statuses, alerts, listenerErrors };
    },
    status(objectiveId: string): ObjectiveStatus | undefined {
      return byId.get(objectiveId)?.last;
    },
    onAlert(listener: (event: AlertEvent) => void): () => void {
      const wrapped = (event: AlertEvent): void => {
        listener(event);
      };
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
    snapshot(): EvaluatorSnapshot {
      const reading = clock();
      const at = Number.isFinite(reading) ? Math.max(time, reading) : time;
      return {
        version: 1,
        at,
        flushedAt,
        objectives: Object.fromEntries(series.map((s) => [s.objective.id, snapshotSeries(s, at)])),
      };
    },
  };
}
