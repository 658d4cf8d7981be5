import { exactMultiply } from '@nines/core';
import { isToil } from '../model/entry.js';
import type { LedgerEntry } from '../model/entry.js';

/**
 * The part of an OpenTelemetry `Meter` the ledger uses. Any `Meter` from `@opentelemetry/api`
 * fits; the type is spelled out here so `@nines/toil` compiles and runs without the API installed.
 */
export interface ToilMeter {
  createCounter(
    name: string,
    options?: { description?: string; unit?: string },
  ): { add(value: number, attributes?: Record<string, string>): void };
}

/**
 * Names, units and attributes of the metrics every recorded entry produces. Time is in seconds
 * (`s`), as OpenTelemetry semantic conventions require for durations and as `process.cpu.time`
 * does for a counter of time spent; the Prometheus exporter then names it
 * `toil_time_seconds_total`.
 */
export const TOIL_METRICS = {
  /** Counter, `s`: hands-on seconds of toil. Attributes: task, category, team, automatable. */
  time: { name: 'toil.time', unit: 's', description: 'Hands-on time spent on toil.' },
  /** Counter, `{entry}`: toil entries recorded. Same attributes as `toil.time`. */
  entries: { name: 'toil.entries', unit: '{entry}', description: 'Toil entries recorded.' },
  /**
   * Counter, `s`: all logged work (toil, engineering, overhead), by team and kind, so a
   * dashboard can divide `toil.time` by it for the toil share of hours logged.
   */
  workTime: {
    name: 'toil.work.time',
    unit: 's',
    description: 'Logged work time by kind: toil, engineering, overhead.',
  },
} as const;

/** Attribute keys on the toil metrics. */
export const TOIL_ATTRIBUTES = {
  task: 'toil.task',
  category: 'toil.category',
  team: 'toil.team',
  automatable: 'toil.automatable',
  workKind: 'toil.work.kind',
} as const;

/** Records entries as metrics; does nothing without a meter. */
export interface ToilInstruments {
  /** Count one entry; never throws. */
  record(entry: LedgerEntry): void;
}

/**
 * Create the toil instruments on `meter`, or a no-op recorder when there is none.
 *
 * @param meter - an OpenTelemetry `Meter`, e.g. `metrics.getMeter('@nines/toil')`
 * @param onError - called if the metrics SDK throws, so telemetry never breaks recording
 * @returns the recorder
 * @example
 * ```ts
 * const instruments = createToilInstruments(metrics.getMeter('@nines/toil'), console.warn);
 * ```
 */
export function createToilInstruments(
  meter: ToilMeter | undefined,
  onError: (error: unknown) => void,
): ToilInstruments {
  if (meter === undefined) return { record: () => undefined };
  const time = meter.createCounter(TOIL_METRICS.time.name, {
    unit: TOIL_METRICS.time.unit,
    description: TOIL_METRICS.time.description,
  });
  const entries = meter.createCounter(TOIL_METRICS.entries.name, {
    unit: TOIL_METRICS.entries.unit,
    description: TOIL_METRICS.entries.description,
  });
  const workTime = meter.createCounter(TOIL_METRICS.workTime.name, {
    unit: TOIL_METRICS.workTime.unit,
    description: TOIL_METRICS.workTime.description,
  });
  return {
    record(entry) {
      try {
        const seconds = exactMultiply(entry.minutes, 60);
        if (isToil(entry)) {
          const attributes = {
            [TOIL_ATTRIBUTES.task]: entry.task,
            [TOIL_ATTRIBUTES.category]: entry.category,
            [TOIL_ATTRIBUTES.team]: entry.team,
            [TOIL_ATTRIBUTES.automatable]: entry.automatable,
          };
          time.add(seconds, attributes);
          entries.add(1, attributes);
        }
        workTime.add(seconds, {
          [TOIL_ATTRIBUTES.team]: entry.team,
          [TOIL_ATTRIBUTES.workKind]: entry.kind ?? 'toil',
        });
      } catch (error) {
        onError(error);
      }
    },
  };
}
