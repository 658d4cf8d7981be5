import type { Evaluator, EventsHandle, Objective } from '@nines/core';

/**
 * The handles of `events` objectives (custom SLIs), each counting twice: into the evaluator
 * (in-process SLO) and into cumulative good/bad totals that `nines.sli.events` exports, so the
 * fleet path (`nines_sli_events_total` in `@nines/rules`) sees the same events. A handle call is
 * the evaluator's two additions plus two more on a `Float64Array`: no allocation, no SDK call.
 * Internal to the service layer.
 */
export class EventCounters {
  /** Ids of the `events` objectives, in objective order. */
  readonly ids: readonly string[];
  /** Cumulative totals: good of objective `i` at `2i`, bad at `2i + 1`. */
  readonly counts: Float64Array;
  readonly #handles = new Map<string, EventsHandle>();

  /**
   * @param objectives - the evaluated objectives (non-`events` ones are skipped)
   * @param evaluator - gives each objective's handle
   */
  constructor(objectives: readonly Objective[], evaluator: Evaluator | undefined) {
    const events =
      evaluator === undefined ? [] : objectives.filter((one) => one.sli.kind === 'events');
    this.ids = Object.freeze(events.map((one) => one.id));
    this.counts = new Float64Array(events.length * 2);
    for (const [i, objective] of events.entries()) {
      const inner = evaluator?.handle(objective.id);
      if (inner !== undefined) {
        this.#handles.set(objective.id, countingHandle(inner, i, this.counts));
      }
    }
  }

  /**
   * @param objectiveId - an `events` objective's id
   * @returns its counting handle, or `undefined` when it is not an `events` objective here
   */
  handle(objectiveId: string): EventsHandle | undefined {
    return this.#handles.get(objectiveId);
  }
}

function valid(count: unknown): count is number {
  return typeof count === 'number' && count >= 0 && count < Infinity;
}

/**
 * Wraps an evaluator handle. The validity rules are the evaluator's (createHandle in
 * @nines/core): what it drops as invalid is not counted here either, so both paths agree.
 */
function countingHandle(inner: EventsHandle, index: number, counts: Float64Array): EventsHandle {
  const g = 2 * index;
  const b = g + 1;
  return Object.freeze({
    objectiveId: inner.objectiveId,
    good(count: number = 1): void {
      if (valid(count)) counts[g] = (counts[g] ?? 0) + count;
      inner.good(count);
    },
    bad(count: number = 1): void {
      if (valid(count)) counts[b] = (counts[b] ?? 0) + count;
      inner.bad(count);
    },
    add(good: number, total: number): void {
      if (valid(good) && valid(total) && total >= good) {
        counts[g] = (counts[g] ?? 0) + good;
        counts[b] = (counts[b] ?? 0) + (total - good);
      }
      inner.add(good, total);
    },
  });
}
