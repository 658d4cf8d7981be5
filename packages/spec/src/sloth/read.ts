/**
 * Sloth `prometheus/v1` files and the Kubernetes `PrometheusServiceLevel` resource (same model,
 * camelCase keys) to objective drafts, with Sloth's alerting block kept for the rules generator.
 *
 * @internal
 */
import { rollingWindow, slothPolicy } from '@nines/core';
import type { BurnRatePolicy, ObjectiveInput, PromqlSli } from '@nines/core';
import type { ObjectiveDraft } from '../draft.js';
import { record } from '../openslo/metadata.js';
import { attempt } from '../reader/attempt.js';
import type { Field, FieldMap } from '../reader/field.js';
import { show } from '../reader/field.js';
import { PROMETHEUS_LABEL, SLOTH_NAME, WINDOW_TEMPLATE } from '../reader/names.js';
import { toPlain } from '../reader/plain.js';
import { readPrometheusDuration } from '../openslo/durations.js';
import type {
  ParseOptions,
  SlothAlert,
  SlothAlerting,
  SlothPlugin,
  SlothPluginChain,
  SpecFormat,
} from '../types.js';

/** Key spellings of the two Sloth forms. */
interface Keys {
  readonly plugins: string;
  readonly errorRatioQuery: string;
  readonly errorQuery: string;
  readonly totalQuery: string;
  readonly pageAlert: string;
  readonly ticketAlert: string;
}

const YAML_KEYS: Keys = {
  plugins: 'slo_plugins',
  errorRatioQuery: 'error_ratio_query',
  errorQuery: 'error_query',
  totalQuery: 'total_query',
  pageAlert: 'page_alert',
  ticketAlert: 'ticket_alert',
};

const K8S_KEYS: Keys = {
  plugins: 'sloPlugins',
  errorRatioQuery: 'errorRatioQuery',
  errorQuery: 'errorQuery',
  totalQuery: 'totalQuery',
  pageAlert: 'pageAlert',
  ticketAlert: 'ticketAlert',
};

function checkName(field: Field, what: string): string | undefined {
  const name = field.string(what);
  if (name === undefined) return undefined;
  if (!SLOTH_NAME.test(name)) {
    field.report(
      `${what} ${show(name)} must start and end with a letter or digit and contain only letters, digits, ".", "_" and "-" (Sloth's name rule)`,
    );
    return undefined;
  }
  return name;
}

/** A Sloth `map[string]string`: keys are Prometheus label names, scalar values become text. */
function readStringMap(field: Field | undefined, what: string): Record<string, string> | undefined {
  const out = record();
  if (field === undefined) return out;
  const map = field.map(what);
  if (map === undefined) return undefined;
  let ok = true;
  for (const [key, entry] of map.entries) {
    if (!PROMETHEUS_LABEL.test(key) || key.startsWith('__')) {
      entry.key.report(
        key.startsWith('__') && PROMETHEUS_LABEL.test(key)
          ? `${what} key ${show(key)} starts with "__", which Prometheus reserves for internal use`
          : `${what} key ${show(key)} is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)`,
      );
      ok = false;
      continue;
    }
    const value = entry.value;
    // Sloth decodes with Go's yaml into map[string]string, which accepts any scalar as text.
    if (value.kind === 'string') out[key] = String(value.scalar);
    else if (value.kind === 'number' || value.kind === 'boolean') out[key] = value.sourceText;
    else if (value.kind === 'null') out[key] = '';
    else {
      value.report(`${what} ${show(key)} must be a string, got ${value.describe()}`);
      ok = false;
    }
  }
  return ok ? out : undefined;
}

function readPlugins(field: Field | undefined, what: string): SlothPluginChain | undefined | null {
  if (field === undefined) return undefined;
  const map = field.map(what, ['overridePrevious', 'chain']);
  if (map === undefined) return null;
  const overridePrevious =
    map.get('overridePrevious')?.boolean(`${what}.overridePrevious`) ?? false;
  const items = map.get('chain')?.list(`${what}.chain`) ?? [];
  const chain: SlothPlugin[] = [];
  let ok = true;
  items.forEach((item, index) => {
    const entry = item.map(`${what}.chain[${index}]`, ['id', 'priority', 'config']);
    const id = entry
      ?.require('id', 'the plugin ID, e.g. sloth.dev/core/debug/v1')
      ?.string('plugin id');
    const priorityField = entry?.get('priority');
    let priority = 0;
    if (priorityField !== undefined) {
      const value = priorityField.number('plugin priority');
      if (value === undefined || !Number.isSafeInteger(value)) {
        if (value !== undefined)
          priorityField.report(`plugin priority must be a whole number, got ${value}`);
        ok = false;
      } else priority = value;
    }
    const configField = entry?.get('config');
    const config = configField === undefined ? undefined : toPlain(configField, 'plugin config');
    if (id === undefined || (configField !== undefined && config === undefined)) {
      ok = false;
      return;
    }
    chain.push({ id, priority, ...(configField === undefined ? {} : { config }) });
  });
  if (overridePrevious && chain.length === 0) {
    map.field.report(`${what}.overridePrevious is set but the chain has no plugins`);
    ok = false;
  }
  return ok ? { overridePrevious, chain } : null;
}

function readQuery(map: FieldMap, key: string): string | undefined {
  const field = map.require(key, 'a PromQL query with {{.window}}');
  const query = field?.string(key);
  if (field === undefined || query === undefined) return undefined;
  if (!WINDOW_TEMPLATE.test(query)) {
    field.report(
      `${key} must contain {{.window}} where the range goes, e.g. sum(rate(http_requests_total[{{.window}}]))`,
    );
    return undefined;
  }
  return query;
}

function readSli(field: Field, keys: Keys): PromqlSli | undefined {
  const map = field.map('sli', ['raw', 'events', 'plugin']);
  if (map === undefined) return undefined;
  const present = ['raw', 'events', 'plugin'].filter((key) => map.has(key));
  if (present.length !== 1) {
    map.field.report(
      present.length === 0
        ? 'sli needs exactly one of events (error and total queries), raw (error ratio query) or plugin'
        : `sli must have exactly one of raw, events, plugin, got ${present.join(' and ')}`,
    );
    return undefined;
  }
  const plugin = map.get('plugin');
  if (plugin !== undefined) {
    map
      .key('plugin')
      ?.report(
        'sli.plugin is not supported: Nines cannot run Sloth SLI plugins (Go code); write the query the plugin generates as sli.events or sli.raw',
      );
    return undefined;
  }
  const raw = map.get('raw');
  if (raw !== undefined) {
    const rawMap = raw.map('sli.raw', [keys.errorRatioQuery]);
    if (rawMap === undefined) return undefined;
    const query = readQuery(rawMap, keys.errorRatioQuery);
    return query === undefined ? undefined : { kind: 'promql', errorRatioQuery: query };
  }
  const events = map.get('events');
  const eventsMap = events?.map('sli.events', [keys.errorQuery, keys.totalQuery]);
  if (eventsMap === undefined) return undefined;
  const errorQuery = readQuery(eventsMap, keys.errorQuery);
  const totalQuery = readQuery(eventsMap, keys.totalQuery);
  if (errorQuery === undefined || totalQuery === undefined) return undefined;
  if (errorQuery === totalQuery) {
    eventsMap
      .get(keys.totalQuery)
      ?.report(
        `${keys.errorQuery} and ${keys.totalQuery} must differ (Sloth refuses identical queries)`,
      );
    return undefined;
  }
  return { kind: 'promql', errorQuery, totalQuery };
}

function readAlert(field: Field | undefined, what: string): SlothAlert | undefined {
  const empty: SlothAlert = { disabled: false, labels: record(), annotations: record() };
  if (field === undefined) return empty;
  const map = field.map(what, ['disable', 'labels', 'annotations', 'for']);
  if (map === undefined) return undefined;
  const disableField = map.get('disable');
  const disabled = disableField === undefined ? false : disableField.boolean(`${what}.disable`);
  const labels = readStringMap(map.get('labels'), `${what}.labels`);
  const annotations = readStringMap(map.get('annotations'), `${what}.annotations`);
  const forField = map.get('for');
  const forMs =
    forField === undefined ? undefined : readPrometheusDuration(forField, `${what}.for`);
  if (
    disabled === undefined ||
    labels === undefined ||
    annotations === undefined ||
    (forField !== undefined && forMs === undefined)
  ) {
    return undefined;
  }
  return { disabled, labels, annotations, ...(forMs === undefined ? {} : { for: forMs }) };
}

function readAlerting(
  field: Field | undefined,
  keys: Keys,
  owner: Field,
): SlothAlerting | undefined {
  const map = field?.map('alerting', [
    'name',
    'labels',
    'annotations',
    keys.pageAlert,
    keys.ticketAlert,
  ]);
  if (field !== undefined && map === undefined) return undefined;
  const page = readAlert(map?.get(keys.pageAlert), `alerting.${keys.pageAlert}`);
  const ticket = readAlert(map?.get(keys.ticketAlert), `alerting.${keys.ticketAlert}`);
  const labels = readStringMap(map?.get('labels'), 'alerting.labels');
  const annotations = readStringMap(map?.get('annotations'), 'alerting.annotations');
  const nameField = map?.get('name');
  const name = nameField?.string('alerting.name');
  if (
    page === undefined ||
    ticket === undefined ||
    labels === undefined ||
    annotations === undefined
  ) {
    return undefined;
  }
  if (nameField === undefined && !(page.disabled && ticket.disabled)) {
    (map?.field ?? owner).report(
      `alerting.name is required: Sloth names both alerts with it (disable ${keys.pageAlert} and ${keys.ticketAlert} to have no alerts)`,
    );
    return undefined;
  }
  if (nameField !== undefined && name === undefined) return undefined;
  return { ...(name === undefined ? {} : { name }), labels, annotations, page, ticket };
}

/** The Sloth catalog policy, keeping the tiers of the alerts that are not disabled. */
function policyFor(alerting: SlothAlerting, base: BurnRatePolicy): BurnRatePolicy | false {
  const tiers = base.tiers
    .filter((tier) => !(tier.severity === 'page' ? alerting.page : alerting.ticket).disabled)
    .map((tier) => {
      const forMs = (tier.severity === 'page' ? alerting.page : alerting.ticket).for;
      return forMs === undefined ? tier : { ...tier, for: forMs };
    });
  return tiers.length === 0 ? false : { ...base, tiers };
}

/**
 * Read one Sloth document.
 *
 * @param root - the document's root field
 * @param format - `sloth/prometheus/v1` or `sloth/kubernetes/v1`
 * @param options - parse options (the Sloth period)
 * @returns one draft per SLO (none when the document has errors)
 */
export function readSloth(
  root: Field,
  format: SpecFormat,
  options: ParseOptions,
): ObjectiveDraft[] {
  const k8s = format === 'sloth/kubernetes/v1';
  const keys = k8s ? K8S_KEYS : YAML_KEYS;
  let body: FieldMap | undefined;
  if (k8s) {
    const top = root.map('PrometheusServiceLevel', ['apiVersion', 'kind', 'metadata', 'spec']);
    top?.get('metadata')?.map('metadata');
    body = top?.require('spec')?.map('spec', ['service', 'labels', keys.plugins, 'slos']);
  } else {
    body = root.map('Sloth spec', ['version', 'service', 'labels', keys.plugins, 'slos']);
  }
  if (body === undefined) return [];
  const serviceField = body.require('service', 'the service the SLOs belong to');
  const service = serviceField === undefined ? undefined : checkName(serviceField, 'service');
  const rootLabels = readStringMap(body.get('labels'), 'labels');
  const rootPlugins = readPlugins(body.get(keys.plugins), keys.plugins);
  const slosField = body.require('slos', 'at least one SLO');
  const items = slosField?.list('slos');
  if (slosField !== undefined && items?.length === 0)
    slosField.report('slos must hold at least one SLO');
  const period = options.slothPeriod ?? '30d';
  const window = rollingWindow(period);
  const base = slothPolicy(period);
  const drafts: ObjectiveDraft[] = [];
  const seen = new Map<string, Field>();
  let failed = service === undefined || rootLabels === undefined || rootPlugins === null;
  for (const [index, item] of (items ?? []).entries()) {
    const map = item.map(`slos[${index}]`, [
      'name',
      'description',
      'objective',
      'labels',
      'plugins',
      'sli',
      'alerting',
    ]);
    if (map === undefined) {
      failed = true;
      continue;
    }
    const nameField = map.require('name');
    const name = nameField === undefined ? undefined : checkName(nameField, 'SLO name');
    if (name !== undefined && nameField !== undefined) {
      const first = seen.get(name);
      if (first !== undefined) {
        const at = first.location;
        nameField.report(
          `SLO name ${show(name)} is used twice in this service; the first is at ${at.file}:${at.line}:${at.column}`,
          'DUPLICATE_ID',
        );
      } else seen.set(name, nameField);
    }
    const descriptionField = map.get('description');
    const description = descriptionField?.string('description', { nonEmpty: false });
    const objectiveField = map.require('objective', 'the target in percent, e.g. 99.9');
    let objective: number | undefined;
    if (objectiveField !== undefined) {
      // The CRD types objective as json.Number, which also accepts a quoted number.
      if (
        k8s &&
        objectiveField.kind === 'string' &&
        /^\d+(\.\d+)?$/.test(String(objectiveField.scalar).trim())
      ) {
        objective = Number(String(objectiveField.scalar));
      } else objective = objectiveField.number('objective');
      if (objective !== undefined && (objective <= 0 || objective >= 100)) {
        objectiveField.report(
          objective === 100
            ? 'objective 100 is accepted by Sloth but leaves no error budget, so no burn rate or alert can be computed; Nines needs an objective below 100 (e.g. 99.99)'
            : `objective ${objectiveField.sourceText} must be a percent in (0, 100), e.g. 99.9`,
          'INVALID_TARGET',
        );
        objective = undefined;
      }
    }
    const labels = readStringMap(map.get('labels'), 'labels');
    const plugins = readPlugins(map.get('plugins'), 'plugins');
    const sliField = map.require(
      'sli',
      'events (error_query, total_query) or raw (error_ratio_query)',
    );
    const sli = sliField === undefined ? undefined : readSli(sliField, keys);
    const alertingField = map.get('alerting');
    const alerting = readAlerting(alertingField, keys, map.field);
    if (
      failed ||
      service === undefined ||
      name === undefined ||
      objective === undefined ||
      labels === undefined ||
      plugins === null ||
      sli === undefined ||
      alerting === undefined ||
      rootLabels === undefined ||
      rootPlugins === null ||
      (descriptionField !== undefined && description === undefined)
    ) {
      failed = true;
      continue;
    }
    const id = `${service}-${name}`;
    const merged = record();
    Object.assign(merged, rootLabels, labels);
    const policy = attempt(item, () => policyFor(alerting, base), 'Sloth alerting');
    if (policy === undefined) {
      failed = true;
      continue;
    }
    const input: ObjectiveInput = {
      id,
      service,
      name,
      ...(description === undefined ? {} : { description }),
      targetPercent: objective,
      window,
      budgeting: 'occurrences',
      sli,
      alerting: policy,
      labels: merged,
    };
    drafts.push({
      input,
      field: item,
      details: {
        id,
        format,
        location: item.location,
        sloName: name,
        annotations: record(),
        sloth: alerting,
        slothPlugins: {
          ...(rootPlugins === undefined ? {} : { service: rootPlugins }),
          ...(plugins === undefined ? {} : { slo: plugins }),
        },
      },
    });
  }
  return failed ? [] : drafts;
}
