/**
 * The state machine of one burn-rate tier.
 *
 * @internal Not re-exported from the barrel; the states show in `TierStatus` and `AlertEvent`.
 */

/** Where a tier stands: not alerting, condition held for less than `for`, or firing. */
export type TierState = 'inactive' | 'pending' | 'firing';

/** A tier's state and when it was entered (`null` while inactive). */
export interface TierMachine {
  /** Where the tier stands now. */
  state: TierState;
  /** When `state` was entered, epoch milliseconds, or `null` while inactive. */
  since: number | null;
}

/** The transitions that produce an alert event. */
export type AlertTransition = 'pending' | 'firing' | 'resolved';

/**
 * Advance a tier by one evaluation, Prometheus style:
 *
 * - inactive → pending when the condition holds and the tier has a `for`; → firing at once
 *   when it has none (no `pending` event then);
 * - pending → firing once the condition has held for at least `for` (measured between
 *   evaluations, so a gap between evaluations counts as held); pending → inactive when the
 *   condition drops before that, silently, as Prometheus drops a pending alert;
 * - firing → inactive when the condition drops, with a `resolved` event.
 *
 * @param machine - the tier's state, updated in place
 * @param condition - whether both windows reach the threshold (and the traffic guard passes)
 * @param now - evaluation time, epoch milliseconds
 * @param forMs - the tier's `for` in milliseconds (0 when it has none)
 * @returns the transition to report, or `null`
 */
export function stepTier(
  machine: TierMachine,
  condition: boolean,
  now: number,
  forMs: number,
): AlertTransition | null {
  switch (machine.state) {
    case 'inactive':
      if (!condition) return null;
      machine.since = now;
      machine.state = forMs > 0 ? 'pending' : 'firing';
      return machine.state;
    case 'pending':
      if (!condition) {
        machine.state = 'inactive';
        machine.since = null;
        return null;
      }
      if (now - (machine.since ?? now) < forMs) return null;
      machine.state = 'firing';
      machine.since = now;
      return 'firing';
    case 'firing':
      if (condition) return null;
      machine.state = 'inactive';
      machine.since = null;
      return 'resolved';
  }
}
