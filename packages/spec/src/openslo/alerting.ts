/**
 * OpenSLO AlertPolicy, AlertCondition and AlertNotificationTarget: each burn-rate condition
 * becomes one tier of the objective's burn-rate policy.
 *
 * @internal
 */
import type { Field, FieldMap } from '../reader/field.js';
import { show } from '../reader/field.js';
import type { SourceLocation, SpecAlertPolicy, SpecNotificationTarget } from '../types.js';
import type { OpenSloContext } from './context.js';
import { resolveRef } from './context.js';
import { readFixedShorthand, readPrometheusDuration } from './durations.js';
import { readDescription } from './indicator.js';
import type { Metadata } from './metadata.js';
import { NINES_ANNOTATIONS, readMetadata } from './metadata.js';
import { NINES_ANNOTATIONS_BY_KIND } from './registry.js';
import type { OpenSloObject } from './registry.js';

/** A burn-rate AlertCondition, ready to become a tier. */
export interface ConditionInfo {
  readonly name: string;
  /** Tier name: the `nines.dev/tier` annotation, else the condition's name. */
  readonly tier: string;
  readonly severity: string;
  readonly op: 'gte' | 'gt';
  /** `threshold`: the burn-rate factor. */
  readonly factor: number;
  /** `lookbackWindow`, milliseconds. */
  readonly longWindow: number;
  /** `alertAfter` (or `nines.dev/for`), milliseconds. */
  readonly for?: number;
  /** `nines.dev/short-window`, milliseconds (default: long/12, chosen by definePolicy). */
  readonly shortWindow?: number;
  /** `nines.dev/budget-percent`. */
  readonly budgetPercent?: number;
  readonly location: SourceLocation;
}

/** An AlertPolicy with its condition resolved. */
export interface PolicyInfo {
  readonly summary: SpecAlertPolicy;
  /** The condition, or `undefined` when it is invalid (already reported). */
  readonly condition: ConditionInfo | undefined;
  readonly field: Field;
}

/** Read caches so that each top-level object is validated (and reported) once. */
export interface AlertingCache {
  readonly conditions: Map<string, ConditionInfo | undefined>;
  readonly policies: Map<string, PolicyInfo | undefined>;
  readonly targets: Map<string, SpecNotificationTarget | undefined>;
  /** Every policy read (top-level and inline), for the result. */
  readonly allPolicies: SpecAlertPolicy[];
  /** Every notification target read (top-level and inline), for the result. */
  readonly allTargets: SpecNotificationTarget[];
}

/** A fresh cache. */
export function alertingCache(): AlertingCache {
  return {
    conditions: new Map(),
    policies: new Map(),
    targets: new Map(),
    allPolicies: [],
    allTargets: [],
  };
}

function readBudgetPercent(field: Field): number | undefined {
  const text = field.string(NINES_ANNOTATIONS.budgetPercent);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text.trim()) || !Number.isFinite(value) || value <= 0) {
    field.report(
      `${NINES_ANNOTATIONS.budgetPercent} must be a percent above 0 such as "2", got ${show(text)}`,
    );
    return undefined;
  }
  return value;
}

/**
 * Read an AlertCondition `spec` (top-level or inline) with its metadata.
 *
 * @param spec - the spec field
 * @param metadata - the condition's metadata
 * @returns the condition, or `undefined` after reporting
 */
function readConditionSpec(spec: Field, metadata: Metadata): ConditionInfo | undefined {
  const map = spec.map('AlertCondition spec', ['description', 'severity', 'condition']);
  if (map === undefined) return undefined;
  readDescription(map);
  const severityField = map.require('severity', 'e.g. page or ticket');
  const severity = severityField?.string('severity');
  const conditionField = map.require('condition');
  const condition = conditionField?.map('condition', [
    'kind',
    'op',
    'threshold',
    'lookbackWindow',
    'alertAfter',
  ]);
  if (condition === undefined) return undefined;
  const kindField = condition.get('kind');
  const kind = kindField === undefined ? 'burnrate' : kindField.string('condition.kind');
  if (kindField !== undefined && kind !== undefined && kind !== 'burnrate') {
    kindField.report(
      `condition.kind ${show(kind)} is not supported; OpenSLO v1 defines only burnrate`,
    );
    return undefined;
  }
  const opField = condition.require('op', 'gte: alert when the burn rate reaches the threshold');
  const op = opField?.string('condition.op');
  let goodOp: 'gte' | 'gt' | undefined;
  if (opField !== undefined && op !== undefined) {
    if (op === 'gte' || op === 'gt') goodOp = op;
    else if (op === 'lte' || op === 'lt') {
      opField.report(
        `condition.op ${op} would alert while the burn rate stays below the threshold, which a burn-rate alert cannot mean; use gte (the OpenSLO README example writes lte although its text says "exceeds")`,
      );
    } else
      opField.report(
        `condition.op ${show(op)} must be one of gte, gt (lte and lt cannot express a burn-rate alert)`,
      );
  }
  const thresholdField = condition.require('threshold', 'the burn-rate factor, e.g. 14.4');
  let factor = thresholdField?.number('condition.threshold');
  if (thresholdField !== undefined && factor !== undefined && factor <= 0) {
    thresholdField.report(
      `condition.threshold is a burn-rate factor and must be above 0 (e.g. 14.4), got ${factor}`,
    );
    factor = undefined;
  }
  const lookbackField = condition.require('lookbackWindow', 'e.g. 1h');
  const longWindow =
    lookbackField === undefined
      ? undefined
      : readFixedShorthand(lookbackField, 'condition.lookbackWindow');
  const afterField = condition.get('alertAfter');
  let alertAfter =
    afterField === undefined
      ? undefined
      : readFixedShorthand(afterField, 'condition.alertAfter', true);
  const annotations = metadata.annotationFields;
  const tierField = annotations.get(NINES_ANNOTATIONS.tier);
  const tier = tierField === undefined ? metadata.name : tierField.string(NINES_ANNOTATIONS.tier);
  const shortField = annotations.get(NINES_ANNOTATIONS.shortWindow);
  const shortWindow =
    shortField === undefined
      ? undefined
      : readPrometheusDuration(shortField, NINES_ANNOTATIONS.shortWindow);
  const budgetField = annotations.get(NINES_ANNOTATIONS.budgetPercent);
  const budgetPercent = budgetField === undefined ? undefined : readBudgetPercent(budgetField);
  const forField = annotations.get(NINES_ANNOTATIONS.for);
  if (forField !== undefined) {
    if (afterField !== undefined) {
      forField.report(
        `give condition.alertAfter or the ${NINES_ANNOTATIONS.for} annotation, not both`,
      );
      return undefined;
    }
    alertAfter = readPrometheusDuration(forField, NINES_ANNOTATIONS.for);
    if (alertAfter === undefined) return undefined;
  }
  if (
    metadata.name === undefined ||
    severity === undefined ||
    goodOp === undefined ||
    factor === undefined ||
    longWindow === undefined ||
    tier === undefined ||
    (afterField !== undefined && alertAfter === undefined) ||
    (shortField !== undefined && shortWindow === undefined) ||
    (budgetField !== undefined && budgetPercent === undefined)
  ) {
    return undefined;
  }
  return {
    name: metadata.name,
    tier,
    severity,
    op: goodOp,
    factor,
    longWindow,
    ...(alertAfter === undefined ? {} : { for: alertAfter }),
    ...(shortWindow === undefined ? {} : { shortWindow }),
    ...(budgetPercent === undefined ? {} : { budgetPercent }),
    location: metadata.nameField.location,
  };
}

/**
 * Read a top-level AlertCondition once.
 *
 * @param object - the AlertCondition
 * @param cache - read caches
 * @returns the condition, or `undefined` when invalid
 */
export function conditionObject(
  object: OpenSloObject,
  cache: AlertingCache,
): ConditionInfo | undefined {
  const { name } = object;
  if (name !== undefined && cache.conditions.has(name)) return cache.conditions.get(name);
  const info =
    object.spec === undefined ? undefined : readConditionSpec(object.spec, object.metadata);
  if (name !== undefined) cache.conditions.set(name, info);
  return info;
}

function readTargetSpec(spec: Field, metadata: Metadata): SpecNotificationTarget | undefined {
  const map = spec.map('AlertNotificationTarget spec', ['target', 'description']);
  if (map === undefined) return undefined;
  const description = readDescription(map);
  const target = map.require('target', 'e.g. slack or email')?.string('target');
  if (target === undefined || metadata.name === undefined) return undefined;
  return {
    name: metadata.name,
    target,
    ...(description === undefined ? {} : { description }),
    location: metadata.nameField.location,
  };
}

/**
 * Read a top-level AlertNotificationTarget once.
 *
 * @param object - the target
 * @param cache - read caches
 * @returns the target, or `undefined` when invalid
 */
export function targetObject(
  object: OpenSloObject,
  cache: AlertingCache,
): SpecNotificationTarget | undefined {
  const { name } = object;
  if (name !== undefined && cache.targets.has(name)) return cache.targets.get(name);
  const info = object.spec === undefined ? undefined : readTargetSpec(object.spec, object.metadata);
  if (name !== undefined) cache.targets.set(name, info);
  if (info !== undefined) cache.allTargets.push(info);
  return info;
}

/** An inline `{kind, metadata, spec}` object inside a list, or `undefined` after reporting. */
function readInline(
  item: FieldMap,
  kind: 'AlertPolicy' | 'AlertCondition' | 'AlertNotificationTarget',
): { metadata: Metadata; spec: Field } | undefined {
  const kindField = item.require('kind', `kind: ${kind}`);
  const written = kindField?.string('kind');
  if (kindField !== undefined && written !== undefined && written !== kind) {
    kindField.report(`kind ${show(written)} is not allowed here; expected ${kind}`);
  }
  const metadataField = item.require('metadata');
  const metadata =
    metadataField === undefined
      ? undefined
      : readMetadata(metadataField, kind, NINES_ANNOTATIONS_BY_KIND[kind] ?? []);
  const spec = item.require('spec');
  if (written !== kind || metadata === undefined || spec === undefined) return undefined;
  return { metadata, spec };
}

function readConditionItem(
  item: Field,
  context: OpenSloContext,
  cache: AlertingCache,
): { name: string; info: ConditionInfo | undefined } | undefined {
  if (item.kind !== 'map') {
    item.report(
      `conditions entries must be maps ({conditionRef: name} or an inline AlertCondition), got ${item.describe()}`,
    );
    return undefined;
  }
  if (item.hasKey('conditionRef')) {
    const map = item.map('conditions entry', ['conditionRef']);
    const refField = map?.get('conditionRef');
    if (refField === undefined) {
      map?.require('conditionRef');
      return undefined;
    }
    const resolved = resolveRef(refField, 'AlertCondition', context);
    if (resolved === undefined) return undefined;
    const info =
      resolved.object === undefined ? undefined : conditionObject(resolved.object, cache);
    return { name: resolved.name, info };
  }
  const map = item.map('inline AlertCondition', ['kind', 'metadata', 'spec']);
  if (map === undefined) return undefined;
  const inline = readInline(map, 'AlertCondition');
  if (inline === undefined) return undefined;
  const info = readConditionSpec(inline.spec, inline.metadata);
  return inline.metadata.name === undefined ? undefined : { name: inline.metadata.name, info };
}

function readTargetItem(
  item: Field,
  context: OpenSloContext,
  cache: AlertingCache,
): string | undefined {
  if (item.kind !== 'map') {
    item.report(
      `notificationTargets entries must be maps ({targetRef: name} or an inline AlertNotificationTarget), got ${item.describe()}`,
    );
    return undefined;
  }
  if (item.hasKey('targetRef')) {
    const map = item.map('notificationTargets entry', ['targetRef']);
    const refField = map?.get('targetRef');
    if (refField === undefined) {
      map?.require('targetRef');
      return undefined;
    }
    const resolved = resolveRef(refField, 'AlertNotificationTarget', context);
    if (resolved?.object !== undefined) targetObject(resolved.object, cache);
    return resolved?.name;
  }
  const map = item.map('inline AlertNotificationTarget', ['kind', 'metadata', 'spec']);
  if (map === undefined) return undefined;
  const inline = readInline(map, 'AlertNotificationTarget');
  if (inline === undefined) return undefined;
  const info = readTargetSpec(inline.spec, inline.metadata);
  if (info !== undefined) cache.allTargets.push(info);
  return info?.name;
}

/**
 * Read an AlertPolicy `spec` (top-level or inline).
 *
 * @param spec - the spec field
 * @param metadata - the policy's metadata
 * @param context - shared state for references
 * @param cache - read caches
 * @returns the policy, or `undefined` after reporting
 */
function readPolicySpec(
  spec: Field,
  metadata: Metadata,
  context: OpenSloContext,
  cache: AlertingCache,
): PolicyInfo | undefined {
  const map = spec.map('AlertPolicy spec', [
    'description',
    'alertWhenNoData',
    'alertWhenResolved',
    'alertWhenBreaching',
    'conditions',
    'notificationTargets',
  ]);
  if (map === undefined) return undefined;
  const description = readDescription(map);
  const flag = (key: string, fallback: boolean): boolean => map.get(key)?.boolean(key) ?? fallback;
  const alertWhenNoData = flag('alertWhenNoData', false);
  const alertWhenResolved = flag('alertWhenResolved', false);
  // Missing means "not said": a policy exists to alert on breaches, so only an explicit false stops it.
  const alertWhenBreaching = flag('alertWhenBreaching', true);
  const conditionsField = map.require(
    'conditions',
    'exactly one condition (inline or conditionRef)',
  );
  const items = conditionsField?.list('conditions');
  let condition: { name: string; info: ConditionInfo | undefined } | undefined;
  if (conditionsField !== undefined && items !== undefined) {
    if (items.length !== 1) {
      conditionsField.report(
        `conditions must hold exactly one condition (OpenSLO v1 allows one per policy), got ${items.length}`,
      );
    }
    const first = items[0];
    if (first !== undefined) condition = readConditionItem(first, context, cache);
  }
  const targets: string[] = [];
  const targetItems = map.get('notificationTargets')?.list('notificationTargets') ?? [];
  for (const item of targetItems) {
    const name = readTargetItem(item, context, cache);
    if (name !== undefined) targets.push(name);
  }
  if (metadata.name === undefined) return undefined;
  const summary: SpecAlertPolicy = {
    name: metadata.name,
    ...(description === undefined ? {} : { description }),
    alertWhenNoData,
    alertWhenResolved,
    alertWhenBreaching,
    conditions: condition === undefined ? [] : [condition.name],
    notificationTargets: targets,
    location: metadata.nameField.location,
  };
  cache.allPolicies.push(summary);
  return { summary, condition: condition?.info, field: metadata.nameField };
}

/**
 * Read a top-level AlertPolicy once.
 *
 * @param object - the AlertPolicy
 * @param context - shared state
 * @param cache - read caches
 * @returns the policy, or `undefined` when invalid
 */
export function policyObject(
  object: OpenSloObject,
  context: OpenSloContext,
  cache: AlertingCache,
): PolicyInfo | undefined {
  const { name } = object;
  if (name !== undefined && cache.policies.has(name)) return cache.policies.get(name);
  const info =
    object.spec === undefined
      ? undefined
      : readPolicySpec(object.spec, object.metadata, context, cache);
  if (name !== undefined) cache.policies.set(name, info);
  return info;
}

/**
 * Read one entry of an SLO's `alertPolicies`: `{alertPolicyRef: name}` or an inline AlertPolicy.
 *
 * @param item - the entry
 * @param context - shared state
 * @param cache - read caches
 * @returns the policy (`null` when the reference dangles or the policy is invalid)
 */
export function readPolicyItem(
  item: Field,
  context: OpenSloContext,
  cache: AlertingCache,
): PolicyInfo | undefined {
  if (item.kind !== 'map') {
    item.report(
      `alertPolicies entries must be maps ({alertPolicyRef: name} or an inline AlertPolicy), got ${item.describe()}`,
    );
    return undefined;
  }
  if (item.hasKey('alertPolicyRef')) {
    const map = item.map('alertPolicies entry', ['alertPolicyRef']);
    const refField = map?.get('alertPolicyRef');
    if (refField === undefined) {
      map?.require('alertPolicyRef');
      return undefined;
    }
    const resolved = resolveRef(refField, 'AlertPolicy', context);
    return resolved?.object === undefined
      ? undefined
      : policyObject(resolved.object, context, cache);
  }
  const map = item.map('inline AlertPolicy', ['kind', 'metadata', 'spec']);
  if (map === undefined) return undefined;
  const inline = readInline(map, 'AlertPolicy');
  if (inline === undefined) return undefined;
  return readPolicySpec(inline.spec, inline.metadata, context, cache);
}
