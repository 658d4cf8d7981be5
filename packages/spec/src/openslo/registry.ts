/**
 * The OpenSLO objects of all files, by kind and name, so that `*Ref` fields resolve across files
 * and duplicate names are found.
 *
 * @internal
 */
import type { Field } from '../reader/field.js';
import { show } from '../reader/field.js';
import type { SourceLocation } from '../types.js';
import type { Metadata } from './metadata.js';
import { NINES_ANNOTATIONS, readMetadata } from './metadata.js';

/** The OpenSLO v1 kinds. */
export const OPENSLO_KINDS = [
  'Service',
  'SLO',
  'SLI',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'DataSource',
] as const;

/** One OpenSLO v1 kind. */
export type OpenSloKind = (typeof OPENSLO_KINDS)[number];

/** A top-level OpenSLO object whose envelope (apiVersion, kind, metadata) was read. */
export interface OpenSloObject {
  readonly kind: OpenSloKind;
  /** `undefined` when metadata.name is missing or not a string: validated, never referenced. */
  readonly name: string | undefined;
  readonly metadata: Metadata;
  /** The `spec` field (read by the kind's reader, exactly once), or `undefined` when absent. */
  readonly spec: Field | undefined;
  readonly location: SourceLocation;
}

/** Which `nines.dev/` annotations each kind accepts. */
export const NINES_ANNOTATIONS_BY_KIND: Readonly<Partial<Record<OpenSloKind, readonly string[]>>> =
  {
    SLO: [
      NINES_ANNOTATIONS.id,
      NINES_ANNOTATIONS.emptySlice,
      NINES_ANNOTATIONS.policy,
      NINES_ANNOTATIONS.period,
      NINES_ANNOTATIONS.minEvents,
    ],
    AlertCondition: [
      NINES_ANNOTATIONS.tier,
      NINES_ANNOTATIONS.shortWindow,
      NINES_ANNOTATIONS.budgetPercent,
      NINES_ANNOTATIONS.for,
    ],
  };

/** All objects by kind and name. */
export class Registry {
  private readonly byKind = new Map<OpenSloKind, Map<string, OpenSloObject>>();
  /** Every object in input order. */
  readonly objects: OpenSloObject[] = [];

  /**
   * Add an object, reporting a second object of the same kind and name.
   *
   * @param object - the object
   */
  add(object: OpenSloObject): void {
    if (object.name === undefined) {
      this.objects.push(object);
      return;
    }
    let names = this.byKind.get(object.kind);
    if (names === undefined) {
      names = new Map();
      this.byKind.set(object.kind, names);
    }
    const first = names.get(object.name);
    if (first !== undefined) {
      const at = first.location;
      object.metadata.nameField.report(
        `${object.kind} ${show(object.name)} is defined twice; the first is at ${at.file}:${at.line}:${at.column}. Names must be unique per kind`,
        'DUPLICATE_ID',
      );
      return;
    }
    names.set(object.name, object);
    this.objects.push(object);
  }

  /** The object of `kind` named `name`, if any. */
  find(kind: OpenSloKind, name: string): OpenSloObject | undefined {
    return this.byKind.get(kind)?.get(name);
  }

  /** All objects of one kind, in input order. */
  ofKind(kind: OpenSloKind): OpenSloObject[] {
    return this.objects.filter((object) => object.kind === kind);
  }
}

function isKind(value: string): value is OpenSloKind {
  return (OPENSLO_KINDS as readonly string[]).includes(value);
}

/**
 * Read the envelope of one OpenSLO v1 object and add it to the registry.
 *
 * @param root - the object's field (a document root or a list item)
 * @param registry - where the object goes
 */
export function collectObject(root: Field, registry: Registry): void {
  const map = root.map('an OpenSLO object', ['apiVersion', 'kind', 'metadata', 'spec']);
  if (map === undefined) return;
  const apiVersion = map.require('apiVersion')?.string('apiVersion');
  if (apiVersion !== undefined && apiVersion !== 'openslo/v1') {
    map
      .get('apiVersion')
      ?.report(`apiVersion ${show(apiVersion)} is not supported; Nines reads openslo/v1`);
    return;
  }
  const kindField = map.require('kind', `one of ${OPENSLO_KINDS.join(', ')}`);
  const kind = kindField?.string('kind');
  if (kindField === undefined || kind === undefined) return;
  if (!isKind(kind)) {
    kindField.report(
      `kind ${show(kind)} is not an OpenSLO v1 kind; expected one of ${OPENSLO_KINDS.join(', ')}`,
    );
    return;
  }
  const metadataField = map.require('metadata');
  const metadata =
    metadataField === undefined
      ? undefined
      : readMetadata(metadataField, kind, NINES_ANNOTATIONS_BY_KIND[kind] ?? []);
  const specField = kind === 'Service' ? map.get('spec') : map.require('spec');
  if (metadata === undefined) return;
  registry.add({
    kind,
    name: metadata.name,
    metadata,
    spec: specField,
    location: metadata.nameField.location,
  });
}
