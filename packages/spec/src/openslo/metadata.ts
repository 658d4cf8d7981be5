/**
 * OpenSLO `metadata` (name, displayName, labels, annotations), shared by every kind and by
 * inline objects.
 *
 * @internal
 */
import type { Field } from '../reader/field.js';
import { show } from '../reader/field.js';
import {
  MAX_NAME,
  OPENSLO_ANNOTATION_KEY,
  OPENSLO_LABEL_KEY,
  dnsLabelProblem,
} from '../reader/names.js';

/** `metadata` as read; records are null-prototype objects, safe for any key. */
export interface Metadata {
  readonly name: string | undefined;
  readonly nameField: Field;
  readonly displayName?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Field of each annotation value, to report a bad Nines annotation where it is written. */
  readonly annotationFields: ReadonlyMap<string, Field>;
}

/** Annotation keys Nines reads and writes; any other `nines.dev/` key is reported as a typo. */
export const NINES_ANNOTATIONS = {
  id: 'nines.dev/id',
  emptySlice: 'nines.dev/empty-slice',
  policy: 'nines.dev/alerting-policy',
  period: 'nines.dev/alerting-period',
  minEvents: 'nines.dev/min-events',
  tier: 'nines.dev/tier',
  shortWindow: 'nines.dev/short-window',
  budgetPercent: 'nines.dev/budget-percent',
  for: 'nines.dev/for',
} as const;

const KNOWN_NINES = new Set<string>(Object.values(NINES_ANNOTATIONS));

/** Null-prototype record: user keys such as `__proto__` stay plain keys. */
export function record(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/**
 * Read and validate an OpenSLO `metadata` map.
 *
 * @param field - the `metadata` field
 * @param owner - what the metadata belongs to, for messages (e.g. `SLO`)
 * @param allowedNines - which `nines.dev/` annotations this kind accepts
 * @returns the metadata, or `undefined` when it is not a map
 */
export function readMetadata(
  field: Field,
  owner: string,
  allowedNines: readonly string[] = [],
): Metadata | undefined {
  const map = field.map(`${owner} metadata`, ['name', 'displayName', 'labels', 'annotations']);
  if (map === undefined) return undefined;
  const nameField = map.require('name', 'every OpenSLO object needs metadata.name') ?? map.field;
  let name: string | undefined;
  const nameValue = map.get('name');
  if (nameValue !== undefined) {
    name = nameValue.string('metadata.name');
    if (name !== undefined) {
      const problem = dnsLabelProblem(name);
      if (problem !== undefined) {
        nameValue.report(`metadata.name ${show(name)} ${problem}`);
      }
    }
  }
  let displayName: string | undefined;
  const displayField = map.get('displayName');
  if (displayField !== undefined) {
    displayName = displayField.string('metadata.displayName');
    if (displayName !== undefined && displayName.length > MAX_NAME) {
      displayField.report(
        `metadata.displayName is ${displayName.length} characters long; at most ${MAX_NAME} are allowed`,
      );
    }
  }
  const labels = record();
  const labelsField = map.get('labels');
  const labelMap = labelsField?.map('metadata.labels');
  if (labelMap !== undefined) {
    for (const [key, entry] of labelMap.entries) {
      if (!OPENSLO_LABEL_KEY.test(key)) {
        entry.key.report(
          `label key ${show(key)} must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit`,
        );
        continue;
      }
      const value = entry.value;
      if (value.kind === 'list') {
        const parts = (value.list(`label ${show(key)}`) ?? []).map((item) =>
          item.string(`label ${show(key)} value`, { nonEmpty: false }),
        );
        if (parts.every((part): part is string => part !== undefined))
          labels[key] = parts.join(',');
      } else if (value.kind === 'string') {
        labels[key] = String(value.scalar);
      } else {
        const hint =
          value.kind === 'number' || value.kind === 'boolean'
            ? `; quote it (${JSON.stringify(value.sourceText)})`
            : '';
        value.report(
          `label ${show(key)} must be a string or a list of strings, got ${value.describe()}${hint}`,
        );
      }
    }
  }
  const annotations = record();
  const annotationFields = new Map<string, Field>();
  const annotationsField = map.get('annotations');
  const annotationMap = annotationsField?.map('metadata.annotations');
  if (annotationMap !== undefined) {
    for (const [key, entry] of annotationMap.entries) {
      if (!OPENSLO_ANNOTATION_KEY.test(key)) {
        entry.key.report(
          `annotation key ${show(key)} must be an optional DNS-subdomain prefix and "/" followed by a name of letters, digits, "-", "_" and "."`,
        );
        continue;
      }
      if (key.startsWith('nines.dev/') && !allowedNines.includes(key)) {
        const where = KNOWN_NINES.has(key) ? ` on ${owner}` : '';
        entry.key.report(
          `unknown Nines annotation ${show(key)}${where}; accepted here: ${allowedNines.length > 0 ? allowedNines.join(', ') : 'none'}`,
        );
        continue;
      }
      const value = entry.value.string(`annotation ${show(key)}`, { nonEmpty: false });
      if (value !== undefined) {
        annotations[key] = value;
        annotationFields.set(key, entry.value);
      }
    }
  }
  return {
    name,
    nameField,
    ...(displayName === undefined ? {} : { displayName }),
    labels,
    annotations,
    annotationFields,
  };
}
