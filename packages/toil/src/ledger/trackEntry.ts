import type { ToilEntryInput } from '../model/entry.js';
import type { ToilDefaults, TrackOptions } from './createLedger.js';

/**
 * Minutes to record for tracked work: what the work reported, else `options.handsOn`, else
 * the elapsed time in whole milliseconds rounded up (the timer's resolution, so a
 * sub-millisecond step counts as 1 ms rather than as the zero minutes a ledger refuses).
 *
 * @internal
 */
export function trackedMinutes(
  elapsedMs: number,
  options: TrackOptions,
  reported: number | undefined,
): number {
  if (reported !== undefined) return reported;
  const elapsedMinutes = Math.max(1, Math.ceil(elapsedMs)) / 60_000;
  const { handsOn } = options;
  if (typeof handsOn === 'function') return handsOn(elapsedMinutes);
  return handsOn ?? elapsedMinutes;
}

/**
 * The `record()` input for tracked work, with fields from the call or the ledger's defaults.
 * Missing fields are left out for `validateEntry`, which names each one.
 *
 * @internal
 */
export function trackedInput(
  task: string,
  at: number,
  minutes: number,
  options: TrackOptions,
  defaults: ToilDefaults,
): ToilEntryInput {
  const team = options.team ?? defaults.team;
  const category = options.category ?? defaults.category;
  const automatable = options.automatable ?? defaults.automatable;
  const person = options.person ?? defaults.person;
  return {
    task,
    at,
    minutes,
    ...(team === undefined ? {} : { team }),
    ...(category === undefined ? {} : { category }),
    ...(automatable === undefined ? {} : { automatable }),
    ...(person === undefined ? {} : { person }),
    ...(options.ticket === undefined ? {} : { ticket: options.ticket }),
    ...(options.note === undefined ? {} : { note: options.note }),
  } as ToilEntryInput;
}
