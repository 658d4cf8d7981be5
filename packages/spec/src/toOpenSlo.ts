import {
  NinesError,
  formatDuration,
  formatIssue,
  nominalWindowLength,
  openSloDurationFromMilliseconds,
  targetFromFraction,
  targetFromPercent,
} from '@nines/core';
import type {
  Budgeting,
  BurnRatePolicy,
  BurnRateTier,
  NinesIssue,
  NinesPath,
  Objective,
  Sli,
  SloWindow,
  Target,
} from '@nines/core';
import { Document } from 'yaml';
import { NINES_ANNOTATIONS } from './openslo/metadata.js';
import {
  DNS_LABEL,
  MAX_DESCRIPTION,
  MAX_NAME,
  OPENSLO_LABEL_KEY,
  WINDOW_TEMPLATE,
  slug,
} from './reader/names.js';

/** Options of {@link toOpenSlo}. */
export interface ToOpenSloOptions {
  /**
   * How targets are written: `'fraction'` (`target: 0.999`), `'percent'` (`targetPercent: 99.9`),
   * or `'auto'` (default): `target`, unless only `targetPercent` reproduces the exact target.
   */
  readonly targetFormat?: 'fraction' | 'percent' | 'auto';
  /** Write a `Service` document for each service named in the objectives (default `true`). */
  readonly services?: boolean;
}

type Yaml = Record<string, unknown>;

/** Something the model holds that OpenSLO text cannot carry; collected, then thrown together. */
class Unwritable {
  readonly issues: NinesIssue[] = [];
  add(path: NinesPath, message: string): void {
    this.issues.push({ code: 'INVALID_SPEC', message, path });
  }
}

const CALENDAR_LETTER = { day: 'd', week: 'w', month: 'M', quarter: 'Q', year: 'Y' } as const;
const METHOD_NAME = {
  occurrences: 'Occurrences',
  timeslices: 'Timeslices',
  'ratio-timeslices': 'RatioTimeslices',
} as const;

/** FNV-1a, for short stable suffixes that keep sanitised names unique. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(0, 7);
}

/** A valid `metadata.name` for `text`: itself when valid, else a slug with a hash suffix. */
function dnsName(text: string, fallback: string): { name: string; exact: boolean } {
  if (text.length <= MAX_NAME && DNS_LABEL.test(text)) return { name: text, exact: true };
  const base = (slug(text) || fallback).slice(0, MAX_NAME - 8).replace(/-+$/, '');
  return { name: `${base}-${hash(text)}`, exact: false };
}

function shorthand(
  ms: number,
  path: NinesPath,
  what: string,
  errors: Unwritable,
): string | undefined {
  try {
    const { count, unit } = openSloDurationFromMilliseconds(ms, path);
    return `${count}${unit}`;
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    errors.add(path, `${what} cannot be written as OpenSLO shorthand: ${error.message}`);
    return undefined;
  }
}

function sameTarget(a: Target, b: Target): boolean {
  return a.fraction === b.fraction && a.percent === b.percent && a.errorBudget === b.errorBudget;
}

function writeTarget(target: Target, format: 'fraction' | 'percent' | 'auto'): Yaml {
  if (format === 'percent') return { targetPercent: target.percent };
  if (format === 'fraction') return { target: target.fraction };
  let fromFraction: Target | undefined;
  try {
    fromFraction = targetFromFraction(target.fraction);
  } catch {
    fromFraction = undefined;
  }
  if (fromFraction !== undefined && sameTarget(fromFraction, target))
    return { target: target.fraction };
  try {
    if (sameTarget(targetFromPercent(target.percent), target))
      return { targetPercent: target.percent };
  } catch {
    // Fall through to the fraction: the model's canonical field.
  }
  return { target: target.fraction };
}

function writeWindow(window: SloWindow, path: NinesPath, errors: Unwritable): Yaml | undefined {
  if (window.kind === 'rolling') {
    const duration = shorthand(
      window.duration,
      [...path, 'duration'],
      'the rolling window',
      errors,
    );
    return duration === undefined ? undefined : { duration, isRolling: true };
  }
  return {
    duration: `${window.count}${CALENDAR_LETTER[window.unit]}`,
    isRolling: false,
    calendar: {
      ...(window.startTime === undefined ? {} : { startTime: window.startTime }),
      timeZone: window.timeZone,
    },
  };
}

function promSource(query: string): Yaml {
  return { metricSource: { type: 'prometheus', spec: { query } } };
}

function writeSli(sli: Sli, path: NinesPath, errors: Unwritable): Yaml | undefined {
  if (sli.kind !== 'promql') {
    const spec: Yaml = { sli: sli.kind };
    if (sli.kind === 'http-latency') spec.threshold = sli.threshold;
    if (sli.kind !== 'events' && sli.matchers.length > 0) {
      spec.matchers = sli.matchers.map((m) => ({
        attribute: m.attribute,
        op: m.op,
        value: m.value,
      }));
    }
    return {
      ratioMetric: {
        counter: true,
        rawType: 'success',
        raw: { metricSource: { type: 'nines', spec } },
      },
    };
  }
  const { errorRatioQuery, errorQuery, goodQuery, totalQuery } = sli;
  for (const [key, query] of Object.entries({
    errorRatioQuery,
    errorQuery,
    goodQuery,
    totalQuery,
  })) {
    if (query !== undefined && !WINDOW_TEMPLATE.test(query)) {
      errors.add(
        [...path, key],
        `${key} must contain {{.window}} to be written as an OpenSLO prometheus source`,
      );
      return undefined;
    }
  }
  if (
    errorRatioQuery !== undefined &&
    errorQuery === undefined &&
    goodQuery === undefined &&
    totalQuery === undefined
  ) {
    return { ratioMetric: { counter: true, rawType: 'failure', raw: promSource(errorRatioQuery) } };
  }
  if (
    totalQuery !== undefined &&
    errorRatioQuery === undefined &&
    (errorQuery === undefined) !== (goodQuery === undefined)
  ) {
    const numerator =
      goodQuery === undefined
        ? { bad: promSource(errorQuery ?? '') }
        : { good: promSource(goodQuery) };
    return { ratioMetric: { counter: true, ...numerator, total: promSource(totalQuery) } };
  }
  errors.add(
    path,
    'a PromQL SLI is written to OpenSLO as errorRatioQuery alone, goodQuery with totalQuery, or errorQuery with totalQuery',
  );
  return undefined;
}

function writeObjectiveEntry(
  objective: Objective,
  budgeting: Budgeting,
  format: 'fraction' | 'percent' | 'auto',
  path: NinesPath,
  errors: Unwritable,
): Yaml {
  const entry: Yaml = {};
  if (objective.name !== objective.id) entry.displayName = objective.name;
  Object.assign(entry, writeTarget(objective.target, format));
  if (budgeting.method === 'timeslices') {
    if (budgeting.op !== 'gte') entry.op = budgeting.op;
    entry.timeSliceTarget = budgeting.sliceTarget;
  }
  if (budgeting.method !== 'occurrences') {
    const slice = shorthand(
      budgeting.slice,
      [...path, 'budgeting', 'slice'],
      'the time slice',
      errors,
    );
    if (slice !== undefined) entry.timeSliceWindow = slice;
  }
  return entry;
}

function writeTier(tier: BurnRateTier, path: NinesPath, errors: Unwritable): Yaml {
  const { name, exact } = dnsName(tier.name, 'tier');
  const annotations = new Map<string, string>();
  if (!exact) annotations.set(NINES_ANNOTATIONS.tier, tier.name);
  annotations.set(NINES_ANNOTATIONS.shortWindow, formatDuration(tier.shortWindow));
  annotations.set(NINES_ANNOTATIONS.budgetPercent, String(tier.budgetPercent));
  const condition: Yaml = {
    kind: 'burnrate',
    op: 'gte',
    threshold: tier.factor,
    lookbackWindow: shorthand(
      tier.longWindow,
      [...path, 'longWindow'],
      `tier ${JSON.stringify(tier.name)}'s long window`,
      errors,
    ),
  };
  if (tier.for !== undefined) {
    if (tier.for === 0) condition.alertAfter = '0m';
    else if (tier.for % 60_000 === 0)
      condition.alertAfter = shorthand(tier.for, [...path, 'for'], 'for', errors);
    else annotations.set(NINES_ANNOTATIONS.for, formatDuration(tier.for));
  }
  return {
    kind: 'AlertPolicy',
    metadata: { name },
    spec: {
      alertWhenBreaching: true,
      conditions: [
        {
          kind: 'AlertCondition',
          metadata: { name, annotations },
          spec: { severity: tier.severity, condition },
        },
      ],
    },
  };
}

function policyAnnotations(
  policy: BurnRatePolicy,
  window: SloWindow,
  into: Map<string, string>,
): void {
  if (policy.name !== 'openslo') into.set(NINES_ANNOTATIONS.policy, policy.name);
  if (policy.period !== nominalWindowLength(window))
    into.set(NINES_ANNOTATIONS.period, formatDuration(policy.period));
  if (policy.minEvents !== undefined)
    into.set(NINES_ANNOTATIONS.minEvents, String(policy.minEvents));
}

function writeSlo(
  objective: Objective,
  index: number,
  format: 'fraction' | 'percent' | 'auto',
  errors: Unwritable,
): Yaml {
  const path: NinesPath = [index];
  const { name, exact } = dnsName(objective.id, 'slo');
  const annotations = new Map<string, string>();
  if (!exact) annotations.set(NINES_ANNOTATIONS.id, objective.id);
  const { budgeting } = objective;
  if (budgeting.method !== 'occurrences' && budgeting.emptySlice !== 'skip') {
    annotations.set(NINES_ANNOTATIONS.emptySlice, budgeting.emptySlice);
  }
  const labels = new Map<string, string>();
  for (const [key, value] of Object.entries(objective.labels)) {
    if (!OPENSLO_LABEL_KEY.test(key)) {
      errors.add(
        [...path, 'labels', key],
        `label ${JSON.stringify(key)} is not a valid OpenSLO label key`,
      );
    }
    labels.set(key, value);
  }
  if (objective.description !== undefined && objective.description.length > MAX_DESCRIPTION) {
    errors.add(
      [...path, 'description'],
      `description is longer than OpenSLO's ${MAX_DESCRIPTION} characters`,
    );
  }
  const spec: Yaml = {};
  if (objective.description !== undefined) spec.description = objective.description;
  spec.service = objective.service;
  spec.indicator = { metadata: { name }, spec: writeSli(objective.sli, [...path, 'sli'], errors) };
  spec.timeWindow = [writeWindow(objective.window, [...path, 'window'], errors)];
  spec.budgetingMethod = METHOD_NAME[budgeting.method];
  spec.objectives = [writeObjectiveEntry(objective, budgeting, format, path, errors)];
  if (objective.alerting !== undefined) {
    const policy = objective.alerting;
    policyAnnotations(policy, objective.window, annotations);
    spec.alertPolicies = policy.tiers.map((tier, t) =>
      writeTier(tier, [...path, 'alerting', 'tiers', t], errors),
    );
  }
  const metadata: Yaml = { name };
  if (labels.size > 0) metadata.labels = labels;
  if (annotations.size > 0) metadata.annotations = annotations;
  return { apiVersion: 'openslo/v1', kind: 'SLO', metadata, spec };
}

function stringify(value: Yaml): string {
  return new Document(value).toString({ lineWidth: 0 });
}

/**
 * Write objectives as OpenSLO v1 YAML: a `Service` per service, then one `SLO` per objective
 * with its SLI inline and one inline `AlertPolicy` per burn-rate tier. What OpenSLO has no
 * field for (short windows, budget shares, policy name, ids that are not RFC 1123 names) goes
 * into `nines.dev/` annotations, so `parse(toOpenSlo(objectives))` gives the same objectives.
 *
 * @param objectives - validated objectives (from `defineObjective` or `parse`)
 * @param options - target format and whether to write Service documents
 * @returns multi-document YAML text
 * @throws NinesError `INVALID_SPEC` listing what cannot be written (durations that are not whole
 *   minutes, PromQL without `{{.window}}`, label keys OpenSLO refuses)
 * @example
 * ```ts
 * const yaml = toOpenSlo(parse(slothText).objectives);
 * parse(yaml).objectives; // the same objectives, now as OpenSLO
 * ```
 */
export function toOpenSlo(
  objectives: readonly Objective[],
  options: ToOpenSloOptions = {},
): string {
  const raw: unknown = objectives;
  if (!Array.isArray(raw)) {
    throw new NinesError('INVALID_ARGUMENT', 'toOpenSlo takes an array of objectives');
  }
  const format = options.targetFormat ?? 'auto';
  const errors = new Unwritable();
  const documents: string[] = [];
  if (options.services ?? true) {
    const services = [...new Set(objectives.map((objective) => objective.service))];
    for (const service of services) {
      if (service.length <= MAX_NAME && DNS_LABEL.test(service)) {
        documents.push(
          stringify({ apiVersion: 'openslo/v1', kind: 'Service', metadata: { name: service } }),
        );
      }
    }
  }
  objectives.forEach((objective, index) => {
    documents.push(stringify(writeSlo(objective, index, format, errors)));
  });
  if (errors.issues.length > 0) {
    const lines = errors.issues.map(formatIssue);
    throw new NinesError(
      'INVALID_SPEC',
      errors.issues.length === 1
        ? (lines[0] ?? '')
        : `${errors.issues.length} problems:\n${lines.join('\n')}`,
      { path: errors.issues[0]?.path ?? [], issues: errors.issues },
    );
  }
  return documents.join('---\n');
}
