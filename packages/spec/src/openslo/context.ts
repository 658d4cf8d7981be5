/**
 * What the OpenSLO readers share while resolving references across files.
 *
 * @internal
 */
import type { Field } from '../reader/field.js';
import { show } from '../reader/field.js';
import { dnsLabelProblem } from '../reader/names.js';
import type { ParseOptions, SpecDataSource } from '../types.js';
import type { OpenSloKind, OpenSloObject, Registry } from './registry.js';

/** Shared state of one `parse` call's OpenSLO pass. */
export interface OpenSloContext {
  readonly registry: Registry;
  /** Valid DataSource documents by name. */
  readonly dataSources: Map<string, SpecDataSource>;
  readonly options: ParseOptions;
  /**
   * True when some document could not be read (YAML errors): references into it would be
   * reported as dangling, which would only mislead, so they are not.
   */
  readonly incomplete: boolean;
}

/**
 * Read a `*Ref` field and find the object it names, reporting a bad name or a dangling reference.
 *
 * @param field - the reference field (e.g. `indicatorRef`)
 * @param kind - the kind it must name
 * @param context - the shared state
 * @returns the object, or `undefined` after reporting (or when the input is incomplete)
 */
export function resolveRef(
  field: Field,
  kind: OpenSloKind,
  context: OpenSloContext,
): { name: string; object: OpenSloObject | undefined } | undefined {
  const key = field.path[field.path.length - 1];
  const what = typeof key === 'string' ? key : 'reference';
  const name = field.string(what);
  if (name === undefined) return undefined;
  const problem = dnsLabelProblem(name);
  if (problem !== undefined) {
    field.report(`${what} ${show(name)} ${problem}`);
    return undefined;
  }
  const object = context.registry.find(kind, name);
  if (object === undefined && !context.incomplete) {
    const known = context.registry.ofKind(kind).map((o) => o.name);
    const hint =
      known.length === 0
        ? `no ${kind} is defined in the files read`
        : `defined ${kind} names: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''}`;
    field.report(`${what} ${show(name)} does not name any ${kind} in the files read (${hint})`);
  }
  return { name, object };
}
