/**
 * An OpenSLO SLO to objective inputs: one per `objectives` entry, with its window, budgeting
 * method, SLI and burn-rate policy; composite SLOs keep their components and weights.
 *
 * @internal
 */
import {
  calendarWindowFromOpenSlo,
  definePolicy,
  nominalWindowLength,
  rollingWindow,
} from '@nines/core';
import type {
  BudgetingInput,
  BurnRatePolicy,
  ObjectiveInput,
  PolicyTierInput,
  Sli,
  SloWindow,
} from '@nines/core';
import type { ObjectiveDraft } from '../draft.js';
import { attempt } from '../reader/attempt.js';
import type { FieldMap } from '../reader/field.js';
import { show } from '../reader/field.js';
import { slug } from '../reader/names.js';
import type { ObjectiveDetails, OpenSloPolicyDetails, SourceLocation } from '../types.js';
import type { AlertingCache, PolicyInfo } from './alerting.js';
import { readPolicyItem } from './alerting.js';
import type { OpenSloContext } from './context.js';
import { resolveRef } from './context.js';
import {
  readFixedShorthand,
  readPrometheusDuration,
  readShorthand,
  readSliceWindow,
} from './durations.js';
import type { IndicatorResult } from './indicator.js';
import { readDescription, readIndicatorSpec } from './indicator.js';
import type { Metadata } from './metadata.js';
import { NINES_ANNOTATIONS, readMetadata } from './metadata.js';
import type { OpenSloObject } from './registry.js';

/** A composite SLO before its components are defined. */
export interface CompositeDraft {
  readonly id: string;
  readonly service: string;
  readonly name: string;
  readonly description?: string;
  readonly components: readonly { readonly objective: string; readonly weight: number }[];
  readonly location: SourceLocation;
}

/** Indicator results of `kind: SLI` documents, read once each. */
export type IndicatorCache = Map<string, IndicatorResult & { readonly name: string | undefined }>;

const METHODS = {
  Occurrences: 'occurrences',
  Timeslices: 'timeslices',
  RatioTimeslices: 'ratio-timeslices',
} as const;
type Method = (typeof METHODS)[keyof typeof METHODS];

const OBJECTIVE_KEYS = [
  'displayName',
  'op',
  'value',
  'target',
  'targetPercent',
  'timeSliceTarget',
  'timeSliceWindow',
  'indicator',
  'indicatorRef',
  'compositeWeight',
] as const;

const SLICE_OPS = ['gte', 'gt', 'lte', 'lt'] as const;

/**
 * Read a `kind: SLI` document once.
 *
 * @param object - the SLI document
 * @param context - shared state
 * @param cache - results by name
 * @returns the indicator
 */
export function indicatorObject(
  object: OpenSloObject,
  context: OpenSloContext,
  cache: IndicatorCache,
): IndicatorResult & { readonly name: string | undefined } {
  const known = object.name === undefined ? undefined : cache.get(object.name);
  if (known !== undefined) return known;
  const result =
    object.spec === undefined
      ? { sli: undefined, ratio: undefined }
      : readIndicatorSpec(object.spec, context);
  const entry = { ...result, name: object.name };
  if (object.name !== undefined) cache.set(object.name, entry);
  return entry;
}

/** `indicator` (inline `{metadata, spec}`) or `indicatorRef` of an SLO or a composite objective. */
function readIndicator(
  map: FieldMap,
  context: OpenSloContext,
  cache: IndicatorCache,
): (IndicatorResult & { readonly name: string | undefined }) | undefined {
  const inline = map.get('indicator');
  const ref = map.get('indicatorRef');
  if (inline !== undefined && ref !== undefined) {
    ref.report('give indicator or indicatorRef, not both');
    return undefined;
  }
  if (ref !== undefined) {
    const resolved = resolveRef(ref, 'SLI', context);
    if (resolved?.object === undefined) return undefined;
    return indicatorObject(resolved.object, context, cache);
  }
  if (inline === undefined) return undefined;
  const inlineMap = inline.map('indicator', ['metadata', 'spec']);
  if (inlineMap === undefined) return undefined;
  const metadataField = inlineMap.require('metadata', 'an inline indicator needs metadata.name');
  const metadata =
    metadataField === undefined ? undefined : readMetadata(metadataField, 'indicator');
  const spec = inlineMap.require('spec');
  const result =
    spec === undefined ? { sli: undefined, ratio: undefined } : readIndicatorSpec(spec, context);
  return { ...result, name: metadata?.name };
}

function readWindow(spec: FieldMap): SloWindow | undefined {
  const field = spec.require(
    'timeWindow',
    'exactly one item: {duration: 28d, isRolling: true} or a calendar window',
  );
  if (field === undefined) return undefined;
  const items = field.list('timeWindow');
  if (items === undefined) return undefined;
  if (items.length !== 1) {
    field.report(`timeWindow must hold exactly one item, got ${items.length}`);
    return undefined;
  }
  const item = items[0];
  const map = item?.map('timeWindow item', ['duration', 'isRolling', 'calendar']);
  if (item === undefined || map === undefined) return undefined;
  const durationField = map.require('duration', 'e.g. 28d or 1M');
  const rollingField = map.get('isRolling');
  const isRolling = rollingField?.boolean('isRolling');
  const calendarField = map.get('calendar');
  if (rollingField !== undefined && isRolling === undefined) return undefined;
  if (durationField === undefined) return undefined;
  if (isRolling === true) {
    if (calendarField !== undefined) {
      calendarField.report('calendar cannot be set when isRolling is true');
      return undefined;
    }
    const text = durationField.scalar;
    if (typeof text === 'string' && /^\d+[MQY]$/.test(text)) {
      durationField.report(
        `a rolling window cannot be ${text}: months, quarters and years have no fixed length; make the window calendar-aligned (isRolling: false with calendar: {timeZone}), or write a fixed length such as 30d`,
        'INVALID_WINDOW',
      );
      return undefined;
    }
    const ms = readFixedShorthand(durationField, 'timeWindow duration');
    return ms === undefined
      ? undefined
      : attempt(durationField, () => rollingWindow(ms), 'timeWindow');
  }
  if (calendarField === undefined) {
    item.report(
      'timeWindow needs isRolling: true (rolling) or a calendar {startTime, timeZone} (calendar-aligned)',
    );
    return undefined;
  }
  const calendar = calendarField.map('calendar', ['startTime', 'timeZone']);
  if (calendar === undefined) return undefined;
  const startField = calendar.get('startTime');
  const startTime = startField?.string('calendar.startTime');
  const zoneField = calendar.get('timeZone');
  const timeZone = zoneField?.string('calendar.timeZone');
  if (
    (startField !== undefined && startTime === undefined) ||
    (zoneField !== undefined && timeZone === undefined)
  ) {
    return undefined;
  }
  const duration = readShorthand(durationField, 'timeWindow duration');
  if (duration === undefined) return undefined;
  const options = {
    ...(startTime === undefined ? {} : { startTime }),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  // Report at the most specific field the core error names.
  return attempt(
    durationField,
    () => calendarWindowFromOpenSlo(duration, options),
    'calendar timeWindow',
  );
}

function readMethod(spec: FieldMap): Method | undefined {
  const field = spec.require('budgetingMethod', 'Occurrences, Timeslices or RatioTimeslices');
  const text = field?.string('budgetingMethod');
  if (field === undefined || text === undefined) return undefined;
  if (Object.hasOwn(METHODS, text)) return METHODS[text as keyof typeof METHODS];
  const near = Object.keys(METHODS).find((name) => name.toLowerCase() === text.toLowerCase());
  field.report(
    `budgetingMethod ${show(text)} must be one of Occurrences, Timeslices, RatioTimeslices${near === undefined ? '' : ` (case matters: ${near})`}`,
  );
  return undefined;
}

interface PolicyResult {
  /** `false` when there is no tier; `undefined` after an error. */
  readonly policy: BurnRatePolicy | false | undefined;
  readonly details: OpenSloPolicyDetails[];
}

function readPolicies(
  spec: FieldMap,
  metadata: Metadata,
  window: SloWindow | undefined,
  context: OpenSloContext,
  cache: AlertingCache,
): PolicyResult | 'default' {
  const field = spec.get('alertPolicies');
  const items = field?.list('alertPolicies');
  if (field !== undefined && items === undefined) return { policy: undefined, details: [] };
  if (items === undefined || items.length === 0) {
    return context.options.defaultAlerting === 'workbook'
      ? 'default'
      : { policy: false, details: [] };
  }
  const infos = items.map((item) => readPolicyItem(item, context, cache));
  const present = infos.filter((info): info is PolicyInfo => info !== undefined);
  const details: OpenSloPolicyDetails[] = present.map((info) => ({
    name: info.summary.name,
    alertWhenNoData: info.summary.alertWhenNoData,
    alertWhenResolved: info.summary.alertWhenResolved,
    alertWhenBreaching: info.summary.alertWhenBreaching,
    conditions:
      info.condition === undefined
        ? []
        : [
            {
              name: info.condition.name,
              tier: info.condition.tier,
              severity: info.condition.severity,
              op: info.condition.op,
              location: info.condition.location,
            },
          ],
    notificationTargets: info.summary.notificationTargets,
    location: info.summary.location,
  }));
  if (present.length !== infos.length || present.some((info) => info.condition === undefined)) {
    return { policy: undefined, details };
  }
  const tiers: PolicyTierInput[] = [];
  for (const info of present) {
    const condition = info.condition;
    if (!info.summary.alertWhenBreaching || condition === undefined) continue;
    tiers.push({
      name: condition.tier,
      severity: condition.severity,
      longWindow: condition.longWindow,
      factor: condition.factor,
      ...(condition.shortWindow === undefined ? {} : { shortWindow: condition.shortWindow }),
      ...(condition.budgetPercent === undefined ? {} : { budgetPercent: condition.budgetPercent }),
      ...(condition.for === undefined ? {} : { for: condition.for }),
    });
  }
  if (tiers.length === 0) return { policy: false, details };
  const annotations = metadata.annotationFields;
  const nameField = annotations.get(NINES_ANNOTATIONS.policy);
  const name = nameField === undefined ? 'openslo' : nameField.string(NINES_ANNOTATIONS.policy);
  const periodField = annotations.get(NINES_ANNOTATIONS.period);
  const period =
    periodField === undefined
      ? window === undefined
        ? undefined
        : nominalWindowLength(window)
      : readPrometheusDuration(periodField, NINES_ANNOTATIONS.period);
  const minField = annotations.get(NINES_ANNOTATIONS.minEvents);
  let minEvents: number | undefined;
  if (minField !== undefined) {
    const text = minField.string(NINES_ANNOTATIONS.minEvents);
    if (text === undefined) return { policy: undefined, details };
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      minField.report(
        `${NINES_ANNOTATIONS.minEvents} must be a whole number of events such as "10", got ${show(text)}`,
      );
      return { policy: undefined, details };
    }
    minEvents = Number(text);
  }
  if (name === undefined || period === undefined) return { policy: undefined, details };
  const policy = attempt(
    items[0] ?? spec.field,
    () =>
      definePolicy({
        name,
        period,
        tiers,
        ...(minEvents === undefined ? {} : { minEvents }),
      }),
    'alert policies',
  );
  return { policy, details };
}

/** `op`/`value`/`timeSlice*` of one objective, checked against the method and the SLI kind. */
function readBudgeting(
  entry: FieldMap,
  method: Method,
  indicator: IndicatorResult | undefined,
  emptySlice: 'good' | 'bad' | 'skip' | undefined,
): BudgetingInput | undefined {
  let ok = true;
  const valueField = entry.get('value');
  const opField = entry.get('op');
  const ratio = indicator?.ratio === true;
  if (valueField !== undefined && ratio) {
    valueField.report('value is only used with a thresholdMetric SLI; this SLI is a ratioMetric');
    ok = false;
  }
  let op: (typeof SLICE_OPS)[number] | undefined;
  if (opField !== undefined) {
    const text = opField.string('op');
    if (text === undefined) ok = false;
    else if (!(SLICE_OPS as readonly string[]).includes(text)) {
      opField.report(`op ${show(text)} must be one of ${SLICE_OPS.join(', ')}`);
      ok = false;
    } else if (ratio && method !== 'timeslices') {
      opField.report(
        'op is only used with a thresholdMetric SLI, or with Timeslices to compare each slice with timeSliceTarget; this SLI is a ratioMetric',
      );
      ok = false;
    } else op = text as (typeof SLICE_OPS)[number];
  }
  const sliceTargetField = entry.get('timeSliceTarget');
  const sliceWindowField = entry.get('timeSliceWindow');
  if (method === 'occurrences') {
    for (const field of [sliceTargetField, sliceWindowField]) {
      if (field !== undefined) {
        field.report(
          `${String(field.path[field.path.length - 1])} is only used with Timeslices and RatioTimeslices, not Occurrences`,
        );
        ok = false;
      }
    }
    return ok ? 'occurrences' : undefined;
  }
  const windowField = entry.require(
    'timeSliceWindow',
    `${method === 'timeslices' ? 'Timeslices' : 'RatioTimeslices'} needs the slice length, e.g. 1m (a bare number is minutes)`,
  );
  const slice = windowField === undefined ? undefined : readSliceWindow(windowField);
  if (slice === undefined) ok = false;
  if (method === 'ratio-timeslices') {
    if (sliceTargetField !== undefined) {
      sliceTargetField.report('timeSliceTarget is only used with Timeslices, not RatioTimeslices');
      ok = false;
    }
    if (!ok || slice === undefined) return undefined;
    return { method, slice, ...(emptySlice === undefined ? {} : { emptySlice }) };
  }
  const targetField = entry.require(
    'timeSliceTarget',
    'Timeslices needs the ratio a slice must reach to be good, in (0, 1], e.g. 0.95',
  );
  let sliceTarget = targetField?.number('timeSliceTarget');
  if (
    targetField !== undefined &&
    sliceTarget !== undefined &&
    (sliceTarget <= 0 || sliceTarget > 1)
  ) {
    targetField.report(`timeSliceTarget must be in (0, 1] (OpenSLO), got ${sliceTarget}`);
    sliceTarget = undefined;
  }
  if (!ok || slice === undefined || sliceTarget === undefined) return undefined;
  return {
    method,
    slice,
    sliceTarget,
    ...(op === undefined ? {} : { op }),
    ...(emptySlice === undefined ? {} : { emptySlice }),
  };
}

function readTarget(entry: FieldMap): { target: number } | { targetPercent: number } | undefined {
  const targetField = entry.get('target');
  const percentField = entry.get('targetPercent');
  if (targetField !== undefined && percentField !== undefined) {
    entry
      .key('targetPercent')
      ?.report('give target or targetPercent, not both (target: 0.9995 is targetPercent: 99.95)');
    return undefined;
  }
  if (targetField !== undefined) {
    const target = targetField.number('target');
    if (target === undefined) return undefined;
    if (target <= 0 || target >= 1) {
      targetField.report(
        target >= 1
          ? `target ${targetField.sourceText} is not below 1: OpenSLO targets are in [0, 1) and 1 leaves no error budget; write e.g. target: 0.999`
          : `target ${targetField.sourceText} must be above 0 (a fraction such as 0.999)`,
        'INVALID_TARGET',
      );
      return undefined;
    }
    return { target };
  }
  if (percentField !== undefined) {
    const targetPercent = percentField.number('targetPercent');
    if (targetPercent === undefined) return undefined;
    if (targetPercent <= 0 || targetPercent >= 100) {
      percentField.report(
        targetPercent >= 100
          ? `targetPercent ${percentField.sourceText} is not below 100: OpenSLO targetPercent is in [0, 100) and 100 leaves no error budget; write e.g. targetPercent: 99.9`
          : `targetPercent ${percentField.sourceText} must be above 0 (e.g. 99.9)`,
        'INVALID_TARGET',
      );
      return undefined;
    }
    return { targetPercent };
  }
  entry.field.report(
    'an objective needs target (e.g. 0.999) or targetPercent (e.g. 99.9)',
    'INVALID_TARGET',
  );
  return undefined;
}

function readEmptySlice(metadata: Metadata): 'good' | 'bad' | 'skip' | undefined | null {
  const field = metadata.annotationFields.get(NINES_ANNOTATIONS.emptySlice);
  if (field === undefined) return undefined;
  const text = field.string(NINES_ANNOTATIONS.emptySlice);
  if (text === 'good' || text === 'bad' || text === 'skip') return text;
  if (text !== undefined)
    field.report(`${NINES_ANNOTATIONS.emptySlice} must be good, bad or skip, got ${show(text)}`);
  return null;
}

/** Objective ids within one SLO: the SLO's id alone, or suffixed by displayName slug or index. */
function objectiveIds(
  sloId: string,
  entries: readonly (FieldMap | undefined)[],
  suffixed: boolean,
): string[] {
  if (!suffixed) return [sloId];
  const slugs = entries.map((entry) => {
    const name = entry?.get('displayName')?.scalar;
    return typeof name === 'string' ? slug(name) : '';
  });
  return slugs.map((text, index) => {
    const unique =
      text !== '' && slugs.indexOf(text) === slugs.lastIndexOf(text) && !/^\d+$/.test(text);
    return `${sloId}-${unique ? text : String(index)}`;
  });
}

/**
 * Read one SLO document into objective drafts (and a composite, when it is one).
 *
 * @param object - the SLO
 * @param context - shared state
 * @param indicators - cache of `kind: SLI` results
 * @param alerting - cache of alerting objects
 * @returns the drafts (empty when the SLO has errors) and the composite draft, if any
 */
export function readSlo(
  object: OpenSloObject,
  context: OpenSloContext,
  indicators: IndicatorCache,
  alerting: AlertingCache,
): { drafts: ObjectiveDraft[]; composite?: CompositeDraft } {
  const specField = object.spec;
  if (specField === undefined) return { drafts: [] };
  const spec = specField.map('SLO spec', [
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
    'alertPolicies',
  ]);
  if (spec === undefined) return { drafts: [] };
  const { metadata } = object;
  const description = readDescription(spec);
  const service = spec
    .require('service', 'the name of the service the SLO belongs to')
    ?.string('service');
  const window = readWindow(spec);
  const method = readMethod(spec);
  const objectivesField = spec.require(
    'objectives',
    'at least one objective with target or targetPercent',
  );
  const items = objectivesField?.list('objectives');
  if (objectivesField !== undefined && items?.length === 0) {
    objectivesField.report('objectives must hold at least one objective');
  }
  const entries = (items ?? []).map((item, index) =>
    item.map(`objectives[${index}]`, OBJECTIVE_KEYS),
  );
  const composite = entries.some(
    (entry) => entry?.has('indicator') === true || entry?.has('indicatorRef') === true,
  );
  const sloLevel = spec.has('indicator') || spec.has('indicatorRef');
  let sloIndicator: ReturnType<typeof readIndicator>;
  if (composite && sloLevel) {
    (spec.key('indicator') ?? spec.key('indicatorRef'))?.report(
      'a composite SLO (objectives with their own indicator) cannot also have an SLO-level indicator',
    );
  } else if (!composite) {
    if (!sloLevel)
      spec.field.report(
        'an SLO needs indicator or indicatorRef (or objectives with their own, for a composite SLO)',
      );
    else sloIndicator = readIndicator(spec, context, indicators);
  }
  const emptySlice = readEmptySlice(metadata);
  const policies = readPolicies(spec, metadata, window, context, alerting);
  const idField = metadata.annotationFields.get(NINES_ANNOTATIONS.id);
  const sloId = idField === undefined ? object.name : idField.string(NINES_ANNOTATIONS.id);
  const sloName = object.name ?? 'slo';
  const ids = objectiveIds(sloId ?? sloName, entries, composite || entries.length > 1);
  const drafts: ObjectiveDraft[] = [];
  const components: { objective: string; weight: number }[] = [];
  let failed =
    service === undefined ||
    window === undefined ||
    method === undefined ||
    items === undefined ||
    items.length === 0 ||
    emptySlice === null ||
    sloId === undefined ||
    (policies !== 'default' && policies.policy === undefined);

  entries.forEach((entry, index) => {
    const item = items?.[index];
    if (entry === undefined || item === undefined) {
      failed = true;
      return;
    }
    let indicator: ReturnType<typeof readIndicator> = sloIndicator;
    const weightField = entry.get('compositeWeight');
    let weight = 1;
    if (composite) {
      if (!entry.has('indicator') && !entry.has('indicatorRef')) {
        entry.field.report(
          'every objective of a composite SLO needs its own indicator or indicatorRef',
        );
        failed = true;
      }
      indicator = readIndicator(entry, context, indicators);
      if (weightField !== undefined) {
        const value = weightField.number('compositeWeight');
        if (value === undefined) failed = true;
        else if (value <= 0) {
          weightField.report(`compositeWeight must be above 0 (default 1), got ${value}`);
          failed = true;
        } else weight = value;
      }
      components.push({ objective: ids[index] ?? '', weight });
    } else if (weightField !== undefined) {
      weightField.report(
        'compositeWeight is only used in composite SLOs (objectives with their own indicator)',
      );
      failed = true;
    }
    const target = readTarget(entry);
    const budgeting =
      method === undefined
        ? undefined
        : readBudgeting(entry, method, indicator, emptySlice ?? undefined);
    const displayField = entry.get('displayName');
    const displayName = displayField?.string('displayName');
    const sli: Sli | undefined = indicator?.sli;
    if (
      failed ||
      target === undefined ||
      budgeting === undefined ||
      sli === undefined ||
      (displayField !== undefined && displayName === undefined) ||
      service === undefined ||
      window === undefined ||
      sloId === undefined
    ) {
      failed = true;
      return;
    }
    const id = ids[index] ?? sloId;
    const single = ids.length === 1 && !composite;
    const name =
      displayName ??
      (single ? (metadata.displayName ?? id) : `${metadata.displayName ?? object.name} [${index}]`);
    const input: ObjectiveInput = {
      id,
      service,
      name,
      ...(description === undefined ? {} : { description }),
      ...target,
      window,
      budgeting,
      sli,
      ...(policies === 'default' ? {} : { alerting: policies.policy ?? false }),
      labels: metadata.labels,
    };
    const details: ObjectiveDetails = {
      id,
      format: 'openslo/v1',
      location: item.location,
      sloName,
      ...(metadata.displayName === undefined ? {} : { displayName: metadata.displayName }),
      annotations: metadata.annotations,
      ...(indicator?.name === undefined ? {} : { indicator: indicator.name }),
      ...(composite ? { composite: sloName } : {}),
      alertPolicies: policies === 'default' ? [] : policies.details,
    };
    drafts.push({ input, details, field: item });
  });
  if (failed || service === undefined || object.name === undefined) return { drafts: [] };
  if (!composite) return { drafts };
  return {
    drafts,
    composite: {
      id: object.name,
      service,
      name: metadata.displayName ?? object.name,
      ...(description === undefined ? {} : { description }),
      components,
      location: object.location,
    },
  };
}
