import {
  ValueType,
  type Attributes,
  type BatchObservableResult,
  type HrTime,
  type Meter,
  type Observable,
} from '@opentelemetry/api';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { formatDuration, type Objective, type ObjectiveStatus } from '@nines/core';
import type { DiagOnce } from '../diagnostics.js';
import { apiObservableCounter, apiObservableGauge } from '../http/apiInstruments.js';
import type { InstrumentSpec } from '../http/instrumentSpecs.js';
import {
  observedGaugeMetricData,
  observedSumMetricData,
  type ObservedPoint,
} from '../http/metricData.js';
import type { EventCounters } from './eventCounters.js';
import {
  ALERT_STATE_VALUES,
  ATTR_NINES_OUTCOME,
  ATTR_NINES_SERVICE,
  ATTR_NINES_SLO,
  ATTR_NINES_SLO_SEVERITY,
  ATTR_NINES_SLO_TIER,
  ATTR_NINES_SLO_WINDOW,
  METRIC_NINES_SLI_EVENTS,
  METRIC_NINES_SLO_ALERT_STATE,
  METRIC_NINES_SLO_BUDGET_REMAINING,
  METRIC_NINES_SLO_BURN_RATE,
  METRIC_NINES_SLO_SLI,
  METRIC_NINES_SLO_TARGET,
} from './sloSemconv.js';

function gauge(name: string, description: string, unit: string): InstrumentSpec {
  return {
    name,
    type: 'OBSERVABLE_GAUGE',
    description,
    unit,
    valueType: ValueType.DOUBLE,
    advice: {},
  };
}

/** The SLO instruments, in export order. Internal. */
export const SLO_SPECS = Object.freeze({
  sli: gauge(
    METRIC_NINES_SLO_SLI,
    'SLI of the objective period at the last in-process evaluation.',
    '1',
  ),
  target: gauge(METRIC_NINES_SLO_TARGET, 'Target of the objective, as a fraction.', '1'),
  budgetRemaining: gauge(
    METRIC_NINES_SLO_BUDGET_REMAINING,
    'Share of the error budget of the objective period left (negative when overspent).',
    '1',
  ),
  burnRate: gauge(
    METRIC_NINES_SLO_BURN_RATE,
    'Error budget burn rate over an alert window at the last in-process evaluation.',
    '1',
  ),
  alertState: gauge(
    METRIC_NINES_SLO_ALERT_STATE,
    'State of a burn-rate alert tier: 0 inactive, 1 pending, 2 firing.',
    '',
  ),
  events: {
    name: METRIC_NINES_SLI_EVENTS,
    type: 'OBSERVABLE_COUNTER',
    description: 'Events of custom SLIs, by objective and outcome.',
    unit: '{event}',
    valueType: ValueType.DOUBLE,
    advice: {},
  } satisfies InstrumentSpec,
});

/** The points of every SLO instrument at one collection. */
interface SloPoints {
  readonly sli: ObservedPoint[];
  readonly target: ObservedPoint[];
  readonly budgetRemaining: ObservedPoint[];
  readonly burnRate: ObservedPoint[];
  readonly alertState: ObservedPoint[];
  readonly events: ObservedPoint[];
}

/** Per objective: frozen attribute sets, built once (windows on first sight). */
interface ObjectiveAttributes {
  readonly objective: Objective;
  readonly base: Readonly<Attributes>;
  readonly windows: Map<number, Readonly<Attributes>>;
  readonly tiers: Map<string, Readonly<Attributes>>;
}

function windowText(ms: number): string {
  try {
    return formatDuration(ms);
  } catch {
    return `${String(ms)}ms`;
  }
}

/**
 * Budget, burn-rate, SLI, target and alert-state gauges plus the custom-SLI event counter,
 * read at collection time from the evaluator's last evaluation (no evaluation runs in a
 * collection). No data gives no point, never NaN. Exported through the API (observable
 * instruments with one batch callback) or as producer data. Internal to the service layer.
 */
export class SloMetrics {
  readonly #objectives: readonly ObjectiveAttributes[];
  readonly #statusOf: (objectiveId: string) => ObjectiveStatus | undefined;
  readonly #events: EventCounters;
  readonly #eventAttributes: readonly Readonly<Attributes>[];
  readonly #startTime: HrTime;
  #unregister: (() => void) | undefined;

  /**
   * @param objectives - the evaluated objectives
   * @param statusOf - the last status of an objective (the evaluator's `status`)
   * @param events - the custom-SLI totals
   * @param startTime - start of the cumulative counter (creation)
   */
  constructor(
    objectives: readonly Objective[],
    statusOf: (objectiveId: string) => ObjectiveStatus | undefined,
    events: EventCounters,
    startTime: HrTime,
  ) {
    this.#objectives = objectives.map((objective) => ({
      objective,
      base: Object.freeze({
        ...objective.labels,
        [ATTR_NINES_SLO]: objective.id,
        [ATTR_NINES_SERVICE]: objective.service,
      }),
      windows: new Map(),
      tiers: new Map(),
    }));
    this.#statusOf = statusOf;
    this.#events = events;
    const byId = new Map(this.#objectives.map((one) => [one.objective.id, one.base]));
    this.#eventAttributes = events.ids.flatMap((id) => {
      const base = byId.get(id) ?? { [ATTR_NINES_SLO]: id };
      return [
        Object.freeze({ ...base, [ATTR_NINES_OUTCOME]: 'good' }),
        Object.freeze({ ...base, [ATTR_NINES_OUTCOME]: 'bad' }),
      ];
    });
    this.#startTime = startTime;
  }

  /**
   * Registers the instruments on a meter with one batch callback (instruments are shared with
   * any other service on the same meter; each adds its own callback).
   *
   * @param meter - the meter
   * @param diag - where a throwing meter is reported
   */
  register(meter: Meter, diag: DiagOnce): void {
    try {
      const instruments = {
        sli: apiObservableGauge(meter, SLO_SPECS.sli),
        target: apiObservableGauge(meter, SLO_SPECS.target),
        budgetRemaining: apiObservableGauge(meter, SLO_SPECS.budgetRemaining),
        burnRate: apiObservableGauge(meter, SLO_SPECS.burnRate),
        alertState: apiObservableGauge(meter, SLO_SPECS.alertState),
        events: apiObservableCounter(meter, SLO_SPECS.events),
      };
      const observables: Observable[] = Object.values(instruments);
      const callback = (result: BatchObservableResult): void => {
        const points = this.points();
        for (const key of Object.keys(instruments) as (keyof SloPoints)[]) {
          for (const { value, attributes } of points[key]) {
            result.observe(instruments[key], value, attributes);
          }
        }
      };
      meter.addBatchObservableCallback(callback, observables);
      this.#unregister = () => {
        meter.removeBatchObservableCallback(callback, observables);
      };
    } catch (error) {
      diag.error(
        'slo-meter',
        'creating the SLO gauges failed; budgets and burn rates are not exported (in-process evaluation goes on)',
        error,
      );
    }
  }

  /**
   * Removes the batch callback (at shutdown), so a stopped service stops reporting.
   *
   * @param diag - where a throwing meter is reported
   */
  unregister(diag: DiagOnce): void {
    try {
      this.#unregister?.();
    } catch (error) {
      diag.error('slo-meter', 'removing the SLO gauge callback failed', error);
    }
    this.#unregister = undefined;
  }

  /**
   * The producer path: the same points as metric data, in the order of {@link SLO_SPECS}.
   *
   * @param endTime - collection time
   * @returns one entry per instrument that has points
   */
  metricData(endTime: HrTime): MetricData[] {
    const points = this.points();
    const data: (MetricData | undefined)[] = [
      observedGaugeMetricData(SLO_SPECS.sli, points.sli, this.#startTime, endTime),
      observedGaugeMetricData(SLO_SPECS.target, points.target, this.#startTime, endTime),
      observedGaugeMetricData(
        SLO_SPECS.budgetRemaining,
        points.budgetRemaining,
        this.#startTime,
        endTime,
      ),
      observedGaugeMetricData(SLO_SPECS.burnRate, points.burnRate, this.#startTime, endTime),
      observedGaugeMetricData(SLO_SPECS.alertState, points.alertState, this.#startTime, endTime),
      observedSumMetricData(SLO_SPECS.events, points.events, this.#startTime, endTime, true),
    ];
    return data.filter((one) => one !== undefined);
  }

  /**
   * @returns every instrument's points now; objectives not evaluated yet give none, and a
   *   figure without data (`null`) gives no point
   */
  points(): SloPoints {
    const points: SloPoints = {
      sli: [],
      target: [],
      budgetRemaining: [],
      burnRate: [],
      alertState: [],
      events: [],
    };
    for (const entry of this.#objectives) {
      const { objective, base } = entry;
      points.target.push({ attributes: base, value: objective.target.fraction });
      const status = this.#statusOf(objective.id);
      if (status === undefined) continue;
      if (status.sli !== null && Number.isFinite(status.sli)) {
        points.sli.push({ attributes: base, value: status.sli });
      }
      const remaining = status.budget?.remaining;
      if (remaining !== undefined && Number.isFinite(remaining)) {
        points.budgetRemaining.push({ attributes: base, value: remaining });
      }
      for (const window of status.windows) {
        if (window.burnRate === null || !Number.isFinite(window.burnRate)) continue;
        points.burnRate.push({
          attributes: this.#windowAttributes(entry, window.window),
          value: window.burnRate,
        });
      }
      for (const tier of status.tiers) {
        points.alertState.push({
          attributes: this.#tierAttributes(entry, tier.name, tier.severity),
          value: ALERT_STATE_VALUES[tier.state],
        });
      }
    }
    const counts = this.#events.counts;
    for (const [i, attributes] of this.#eventAttributes.entries()) {
      points.events.push({ attributes, value: counts[i] ?? 0 });
    }
    return points;
  }

  #windowAttributes(entry: ObjectiveAttributes, window: number): Readonly<Attributes> {
    let attributes = entry.windows.get(window);
    if (attributes === undefined) {
      attributes = Object.freeze({ ...entry.base, [ATTR_NINES_SLO_WINDOW]: windowText(window) });
      entry.windows.set(window, attributes);
    }
    return attributes;
  }

  #tierAttributes(
    entry: ObjectiveAttributes,
    tier: string,
    severity: string,
  ): Readonly<Attributes> {
    let attributes = entry.tiers.get(tier);
    if (attributes === undefined) {
      attributes = Object.freeze({
        ...entry.base,
        [ATTR_NINES_SLO_TIER]: tier,
        [ATTR_NINES_SLO_SEVERITY]: severity,
      });
      entry.tiers.set(tier, attributes);
    }
    return attributes;
  }
}
