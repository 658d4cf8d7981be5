/**
 * OpenSLO SLI specs (`ratioMetric`, `thresholdMetric`) to core SLIs: Prometheus queries become a
 * PromQL SLI, and the Nines metric source becomes the HTTP or events SLIs.
 *
 * @internal
 */
import type { AttributeMatcher, MatcherOperator, Sli } from '@nines/core';
import type { Field, FieldMap } from '../reader/field.js';
import { show } from '../reader/field.js';
import { MAX_DESCRIPTION, WINDOW_TEMPLATE } from '../reader/names.js';
import type { OpenSloContext } from './context.js';
import { resolveRef } from './context.js';

/** An SLI as read: the core SLI when it could be built, and whether it is a ratio SLI. */
export interface IndicatorResult {
  readonly sli: Sli | undefined;
  /** `true` for `ratioMetric` (op/value are then forbidden), `false` for `thresholdMetric`. */
  readonly ratio: boolean | undefined;
}

const PROMETHEUS = 'prometheus';
const NINES = 'nines';
const NINES_SLIS = ['http-availability', 'http-latency', 'events'] as const;
const MATCHER_OPS: readonly MatcherOperator[] = ['=', '!=', '=~', '!~'];

interface MetricSource {
  /** Lower-cased source type (from `type`, or from the referenced DataSource). */
  readonly type: string;
  /** The type as written, for messages. */
  readonly written: string;
  readonly spec: Field;
  readonly field: Field;
}

function readMetricSource(
  part: Field,
  what: string,
  context: OpenSloContext,
): MetricSource | undefined {
  const wrapper = part.map(what, ['metricSource']);
  const sourceField = wrapper?.require('metricSource');
  const source = sourceField?.map(`${what}.metricSource`, ['metricSourceRef', 'type', 'spec']);
  if (sourceField === undefined || source === undefined) return undefined;
  let refType: string | undefined;
  let refName: string | undefined;
  const refField = source.get('metricSourceRef');
  if (refField !== undefined) {
    const resolved = resolveRef(refField, 'DataSource', context);
    if (resolved === undefined) return undefined;
    // A dangling reference is already reported; an invalid DataSource too.
    if (resolved.object === undefined) return undefined;
    refName = resolved.name;
    refType = context.dataSources.get(resolved.name)?.type;
    if (refType === undefined) return undefined;
  }
  const typeField = source.get('type');
  const ownType = typeField?.string(`${what}.metricSource.type`);
  if (typeField !== undefined && ownType === undefined) return undefined;
  if (
    ownType !== undefined &&
    refType !== undefined &&
    ownType.toLowerCase() !== refType.toLowerCase()
  ) {
    typeField?.report(
      `metricSource.type ${show(ownType)} contradicts DataSource ${show(refName)}, whose type is ${show(refType)}`,
    );
    return undefined;
  }
  const type = ownType ?? refType;
  if (type === undefined) {
    sourceField.report(
      `${what}.metricSource needs a type (prometheus or nines) or a metricSourceRef to a DataSource`,
    );
    return undefined;
  }
  const spec = source.require('spec', 'give the query (prometheus) or the SLI (nines)');
  if (spec === undefined) return undefined;
  return {
    type: type.toLowerCase(),
    written: type,
    spec,
    field: typeField ?? refField ?? sourceField,
  };
}

function unsupportedType(source: MetricSource): void {
  source.field.report(
    `metric source type ${show(source.written)} is not supported; Nines reads "prometheus" (spec.query with {{.window}}) and "nines" (the SLIs its middleware records)`,
  );
}

/** The PromQL text of a prometheus metric source (`spec.query` or `spec.promql`). */
function readPromql(source: MetricSource, what: string): string | undefined {
  const spec = source.spec.map(`${what} spec`, ['query', 'promql']);
  if (spec === undefined) return undefined;
  const query = spec.get('query');
  const promql = spec.get('promql');
  if (query !== undefined && promql !== undefined) {
    promql.report('give spec.query or spec.promql, not both');
    return undefined;
  }
  const field = query ?? promql;
  if (field === undefined) {
    spec.field.report(`${what} spec needs a query (spec.query or spec.promql)`);
    return undefined;
  }
  const text = field.string(`${what} query`);
  if (text === undefined) return undefined;
  if (!WINDOW_TEMPLATE.test(text)) {
    field.report(
      `${what} query must contain {{.window}} where the range goes, e.g. sum(rate(http_requests_total[{{.window}}])), so that rules can be generated for every window`,
    );
    return undefined;
  }
  return text;
}

function readMatcher(item: Field, index: number): AttributeMatcher | undefined {
  const map = item.map(`matchers[${index}]`, ['attribute', 'op', 'value']);
  if (map === undefined) return undefined;
  const attribute = map.require('attribute')?.string('matcher attribute');
  const opField = map.get('op');
  let op: MatcherOperator = '=';
  if (opField !== undefined) {
    const text = opField.string('matcher op');
    if (text === undefined) return undefined;
    if (!(MATCHER_OPS as readonly string[]).includes(text)) {
      opField.report(`matcher op ${show(text)} must be one of ${MATCHER_OPS.join(' ')}`);
      return undefined;
    }
    op = text as MatcherOperator;
  }
  const valueField = map.require('value');
  const value = valueField?.string('matcher value', { nonEmpty: false });
  if (attribute === undefined || value === undefined || valueField === undefined) return undefined;
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(`^(?:${value})$`);
    } catch {
      valueField.report(`matcher value ${show(value)} is not a valid regular expression`);
      return undefined;
    }
  }
  return { attribute, op, value };
}

/** The Nines metric source: `spec: { sli, threshold?, route?, matchers? }`. */
function readNinesSpec(source: MetricSource): Sli | undefined {
  const spec = source.spec.map('nines metric source spec', [
    'sli',
    'threshold',
    'route',
    'matchers',
  ]);
  if (spec === undefined) return undefined;
  const kindField = spec.require('sli', `one of ${NINES_SLIS.join(', ')}`);
  const kind = kindField?.string('sli');
  if (kindField === undefined || kind === undefined) return undefined;
  if (!(NINES_SLIS as readonly string[]).includes(kind)) {
    kindField.report(
      `sli ${show(kind)} is not a Nines SLI; expected one of ${NINES_SLIS.join(', ')}`,
    );
    return undefined;
  }
  const thresholdField = spec.get('threshold');
  let threshold: number | undefined;
  let ok = true;
  if (kind === 'http-latency') {
    const field = spec.require('threshold', 'the latency threshold in seconds, e.g. 0.3');
    threshold = field?.number('threshold');
    if (field !== undefined && threshold !== undefined && threshold <= 0) {
      field.report(`threshold must be a latency in seconds above 0 (e.g. 0.3), got ${threshold}`);
      threshold = undefined;
    }
    if (threshold === undefined) ok = false;
  } else if (thresholdField !== undefined) {
    thresholdField.report(`threshold is only used with sli: http-latency, not ${kind}`);
    ok = false;
  }
  const matchers: AttributeMatcher[] = [];
  const routeField = spec.get('route');
  const matchersField = spec.get('matchers');
  if (kind === 'events') {
    for (const field of [routeField, matchersField]) {
      if (field !== undefined) {
        const key = String(field.path[field.path.length - 1]);
        field.report(
          `${key} is only used with the HTTP SLIs; an events SLI is selected by its objective id`,
        );
        ok = false;
      }
    }
    return ok ? { kind: 'events' } : undefined;
  }
  if (routeField !== undefined) {
    const route = routeField.string('route');
    if (route === undefined) ok = false;
    else matchers.push({ attribute: 'http.route', op: '=', value: route });
  }
  if (matchersField !== undefined) {
    const items = matchersField.list('matchers');
    if (items === undefined) ok = false;
    else {
      items.forEach((item, index) => {
        const matcher = readMatcher(item, index);
        if (matcher === undefined) ok = false;
        else matchers.push(matcher);
      });
    }
  }
  if (!ok) return undefined;
  if (kind === 'http-latency' && threshold !== undefined) {
    return { kind: 'http-latency', threshold, matchers };
  }
  return { kind: 'http-availability', matchers };
}

function readRatioMetric(field: Field, context: OpenSloContext): Sli | undefined {
  const map = field.map('ratioMetric', ['counter', 'good', 'bad', 'total', 'rawType', 'raw']);
  if (map === undefined) return undefined;
  map.get('counter')?.boolean('counter');
  const good = map.get('good');
  const bad = map.get('bad');
  const total = map.get('total');
  const raw = map.get('raw');
  const rawTypeField = map.get('rawType');
  if (raw !== undefined) {
    for (const other of [good, bad, total]) {
      if (other !== undefined) {
        other.report(
          `ratioMetric.raw is a precomputed ratio and cannot be combined with ${String(other.path[other.path.length - 1])}`,
        );
        return undefined;
      }
    }
    const rawType = map
      .require('rawType', 'success (good/total) or failure (bad/total)')
      ?.string('rawType');
    if (rawType === undefined) return undefined;
    if (rawType !== 'success' && rawType !== 'failure') {
      rawTypeField?.report(`rawType ${show(rawType)} must be success or failure`);
      return undefined;
    }
    const source = readMetricSource(raw, 'ratioMetric.raw', context);
    if (source === undefined) return undefined;
    if (source.type === NINES) {
      if (rawType !== 'success') {
        rawTypeField?.report('the nines metric source gives a success ratio: use rawType: success');
        return undefined;
      }
      return readNinesSpec(source);
    }
    if (source.type !== PROMETHEUS) {
      unsupportedType(source);
      return undefined;
    }
    const query = readPromql(source, 'ratioMetric.raw');
    if (query === undefined) return undefined;
    return {
      kind: 'promql',
      errorRatioQuery: rawType === 'failure' ? query : `1 - (${query})`,
    };
  }
  const strayRawType = rawTypeField !== undefined;
  if (strayRawType) rawTypeField.report('rawType is only used with ratioMetric.raw');
  if (good !== undefined && bad !== undefined) {
    bad.report('give ratioMetric.good or ratioMetric.bad, not both');
    return undefined;
  }
  const numerator = good ?? bad;
  if (numerator === undefined || total === undefined) {
    map.field.report('ratioMetric needs good and total, bad and total, or raw with rawType');
    return undefined;
  }
  const numeratorName = good !== undefined ? 'good' : 'bad';
  const top = readMetricSource(numerator, `ratioMetric.${numeratorName}`, context);
  const bottom = readMetricSource(total, 'ratioMetric.total', context);
  if (top === undefined || bottom === undefined) return undefined;
  if (top.type !== bottom.type) {
    bottom.field.report(
      `ratioMetric.total uses source type ${show(bottom.type)} but ratioMetric.${numeratorName} uses ${show(top.type)}; both must come from the same source`,
    );
    return undefined;
  }
  if (top.type === NINES) {
    top.field.report(
      'the nines metric source describes a whole SLI: write it once under ratioMetric.raw with rawType: success',
    );
    return undefined;
  }
  if (top.type !== PROMETHEUS) {
    unsupportedType(top);
    return undefined;
  }
  const topQuery = readPromql(top, `ratioMetric.${numeratorName}`);
  const totalQuery = readPromql(bottom, 'ratioMetric.total');
  if (topQuery === undefined || totalQuery === undefined || strayRawType) return undefined;
  return good !== undefined
    ? { kind: 'promql', goodQuery: topQuery, totalQuery }
    : { kind: 'promql', errorQuery: topQuery, totalQuery };
}

/**
 * Read an SLI `spec` (of a `kind: SLI` document or an inline `indicator`).
 *
 * @param field - the spec field
 * @param context - shared state for metricSourceRef
 * @returns the SLI and whether it is a ratio SLI
 */
export function readIndicatorSpec(field: Field, context: OpenSloContext): IndicatorResult {
  const spec = field.map('SLI spec', ['description', 'thresholdMetric', 'ratioMetric']);
  if (spec === undefined) return { sli: undefined, ratio: undefined };
  readDescription(spec);
  const threshold = spec.get('thresholdMetric');
  const ratio = spec.get('ratioMetric');
  if (threshold !== undefined && ratio !== undefined) {
    threshold.report('give thresholdMetric or ratioMetric, not both');
    return { sli: undefined, ratio: undefined };
  }
  if (threshold !== undefined) {
    spec
      .key('thresholdMetric')
      ?.report(
        'thresholdMetric is not supported: Nines evaluates ratio SLIs. Express the threshold as a ratio (requests within the threshold / all requests) with ratioMetric, or use the nines metric source with sli: http-latency',
      );
    return { sli: undefined, ratio: false };
  }
  if (ratio === undefined) {
    spec.field.report('an SLI needs ratioMetric (thresholdMetric is not supported)');
    return { sli: undefined, ratio: undefined };
  }
  return { sli: readRatioMetric(ratio, context), ratio: true };
}

/**
 * Read an optional `description`, checking OpenSLO's 1050-character limit.
 *
 * @param map - the spec map
 * @returns the description, if valid
 */
export function readDescription(map: FieldMap): string | undefined {
  const field = map.get('description');
  if (field === undefined) return undefined;
  const text = field.string('description', { nonEmpty: false });
  if (text !== undefined && text.length > MAX_DESCRIPTION) {
    field.report(
      `description is ${text.length} characters long; OpenSLO allows at most ${MAX_DESCRIPTION}`,
    );
    return undefined;
  }
  return text;
}
