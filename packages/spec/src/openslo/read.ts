/**
 * The OpenSLO pass over all collected objects: every object is validated once, even when no SLO
 * uses it, and references resolve across files.
 *
 * @internal
 */
import { toPlain } from '../reader/plain.js';
import type {
  SpecAlertPolicy,
  SpecDataSource,
  SpecNotificationTarget,
  SpecService,
} from '../types.js';
import { alertingCache, conditionObject, policyObject, targetObject } from './alerting.js';
import type { OpenSloContext } from './context.js';
import { readDescription } from './indicator.js';
import type { OpenSloObject } from './registry.js';
import type { ObjectiveDraft } from '../draft.js';
import type { CompositeDraft, IndicatorCache } from './slo.js';
import { indicatorObject, readSlo } from './slo.js';

/** Everything the OpenSLO documents define. */
export interface OpenSloResult {
  readonly drafts: ObjectiveDraft[];
  readonly composites: CompositeDraft[];
  readonly services: SpecService[];
  readonly dataSources: SpecDataSource[];
  readonly alertPolicies: SpecAlertPolicy[];
  readonly notificationTargets: SpecNotificationTarget[];
}

function readDataSource(object: OpenSloObject): SpecDataSource | undefined {
  const spec = object.spec?.map('DataSource spec', ['description', 'type', 'connectionDetails']);
  if (spec === undefined) return undefined;
  const description = readDescription(spec);
  const type = spec.require('type', 'e.g. prometheus')?.string('type');
  const detailsField = spec.get('connectionDetails');
  const connectionDetails =
    detailsField === undefined ? undefined : toPlain(detailsField, 'connectionDetails');
  if (type === undefined || object.name === undefined) return undefined;
  return {
    name: object.name,
    type,
    ...(description === undefined ? {} : { description }),
    ...(connectionDetails === undefined ? {} : { connectionDetails }),
    location: object.location,
  };
}

function readService(object: OpenSloObject): SpecService | undefined {
  const spec = object.spec?.map('Service spec', ['description']);
  if (object.spec !== undefined && spec === undefined) return undefined;
  const description = spec === undefined ? undefined : readDescription(spec);
  if (object.name === undefined) return undefined;
  return {
    name: object.name,
    ...(object.metadata.displayName === undefined
      ? {}
      : { displayName: object.metadata.displayName }),
    ...(description === undefined ? {} : { description }),
    location: object.location,
  };
}

/**
 * Validate all OpenSLO objects and turn the SLOs into objective drafts.
 *
 * @param context - registry, options and shared state
 * @returns drafts, composites and the other objects for the result
 */
export function readOpenSlo(context: OpenSloContext): OpenSloResult {
  const { registry } = context;
  const dataSources: SpecDataSource[] = [];
  for (const object of registry.ofKind('DataSource')) {
    const source = readDataSource(object);
    if (source !== undefined) {
      dataSources.push(source);
      context.dataSources.set(source.name, source);
    }
  }
  const services: SpecService[] = [];
  for (const object of registry.ofKind('Service')) {
    const service = readService(object);
    if (service !== undefined) services.push(service);
  }
  const alerting = alertingCache();
  for (const object of registry.ofKind('AlertNotificationTarget')) targetObject(object, alerting);
  for (const object of registry.ofKind('AlertCondition')) conditionObject(object, alerting);
  for (const object of registry.ofKind('AlertPolicy')) policyObject(object, context, alerting);
  const indicators: IndicatorCache = new Map();
  for (const object of registry.ofKind('SLI')) indicatorObject(object, context, indicators);
  const drafts: ObjectiveDraft[] = [];
  const composites: CompositeDraft[] = [];
  for (const object of registry.ofKind('SLO')) {
    const { drafts: found, composite } = readSlo(object, context, indicators, alerting);
    drafts.push(...found);
    if (composite !== undefined) composites.push(composite);
  }
  return {
    drafts,
    composites,
    services,
    dataSources,
    alertPolicies: alerting.allPolicies,
    notificationTargets: alerting.allTargets,
  };
}
