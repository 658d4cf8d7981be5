/**
 * A typed, located view of YAML nodes: every read either returns a value of the expected type or
 * records an issue at the node's exact line and column, so validation never stops at the first
 * problem.
 *
 * @internal
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { NinesErrorCode, NinesIssue, NinesPath } from '@nines/core';
import type { SourceLocation } from '../types.js';
import { position } from './documents.js';
import type { LoadedDocument } from './documents.js';

/** Where issues of one document go, and how its offsets map to lines. */
export class DocumentReader {
  /**
   * @param document - the loaded document
   * @param issues - the shared list every issue is appended to
   */
  constructor(
    readonly document: LoadedDocument,
    readonly issues: NinesIssue[],
  ) {}

  /** The file and 1-based line and column of an offset in the document's text. */
  locate(offset: number): SourceLocation {
    return { file: this.document.file, ...position(this.document.lines, offset) };
  }

  /** Record one issue at `offset`. */
  report(offset: number, path: NinesPath, message: string, code: NinesErrorCode): void {
    this.issues.push({ code, message, path, ...this.locate(offset) });
  }

  /** A field for the document's root node. */
  root(): Field {
    const contents = this.document.doc.contents as YamlNode | null;
    return new Field(this, contents, [], contents?.range?.[0] ?? 0);
  }
}

/** What a node holds, in the words used in messages. */
export type FieldKind = 'map' | 'list' | 'string' | 'number' | 'boolean' | 'null' | 'other';

const MAX_ALIAS_HOPS = 32;

function resolveAlias(reader: DocumentReader, node: YamlNode | null): YamlNode | null {
  let current = node;
  for (let hops = 0; current !== null && isAlias(current); hops++) {
    if (hops >= MAX_ALIAS_HOPS) return null;
    current = (current.resolve(reader.document.doc) as YamlNode | undefined) ?? null;
  }
  return current;
}

/** Quote a value for a message, shortened so one issue stays one readable line. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number') text = String(value);
  else text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A node at a path, able to read itself as a given type and to report problems at itself. */
export class Field {
  /** The node with aliases followed; `null` when absent or an alias could not be resolved. */
  readonly node: YamlNode | null;

  /**
   * @param reader - the document reader
   * @param node - the YAML node (aliases are followed)
   * @param path - path from the document root
   * @param offset - where to point when the node has no position of its own
   */
  constructor(
    readonly reader: DocumentReader,
    node: YamlNode | null,
    readonly path: NinesPath,
    readonly offset: number,
  ) {
    this.node = resolveAlias(reader, node);
  }

  /** File, line and column of this field. */
  get location(): SourceLocation {
    return this.reader.locate(this.offset);
  }

  /** Record an issue at this field. */
  report(message: string, code: NinesErrorCode = 'INVALID_SPEC'): void {
    this.reader.report(this.offset, this.path, message, code);
  }

  /** What the node holds. */
  get kind(): FieldKind {
    const node = this.node;
    if (node === null) return 'null';
    if (isMap(node)) return 'map';
    if (isSeq(node)) return 'list';
    if (isScalar(node)) {
      const value: unknown = node.value;
      if (value === null || value === undefined) return 'null';
      if (typeof value === 'string') return 'string';
      if (typeof value === 'number') return 'number';
      if (typeof value === 'boolean') return 'boolean';
    }
    return 'other';
  }

  /** The scalar value, when the node is a scalar. */
  get scalar(): unknown {
    return this.node !== null && isScalar(this.node) ? this.node.value : undefined;
  }

  /** The node's source text, for messages about what YAML made of it. */
  get sourceText(): string {
    const range = this.node?.range;
    if (range === undefined || range === null) return '';
    return this.reader.document.text.slice(range[0], range[1]).trim();
  }

  /** The node described for a message, e.g. `a string ("99.9")`. */
  describe(): string {
    switch (this.kind) {
      case 'map':
        return 'a map';
      case 'list':
        return 'a list';
      case 'null':
        return 'nothing (null)';
      case 'string':
        return `a string (${show(this.scalar)})`;
      case 'number':
        return `a number (${show(this.scalar)})`;
      case 'boolean':
        return `a boolean (${show(this.scalar)})`;
      default:
        return 'an unsupported YAML value';
    }
  }

  /** True when the node is a map with the plain key `key` (reports nothing). */
  hasKey(key: string): boolean {
    const node = this.node;
    if (node === null || !isMap(node)) return false;
    return node.items.some((pair) => {
      const keyNode = resolveAlias(this.reader, pair.key as YamlNode | null);
      return keyNode !== null && isScalar(keyNode) && keyNode.value === key;
    });
  }

  /** True when the node is absent or YAML null (`key:` with no value). */
  get isNull(): boolean {
    return this.kind === 'null';
  }

  /** A child field, e.g. a list item. */
  child(node: YamlNode | null, key: string | number, offset?: number): Field {
    return new Field(
      this.reader,
      node,
      [...this.path, key],
      offset ?? node?.range?.[0] ?? this.offset,
    );
  }

  /**
   * Read the node as a map, reporting a wrong type, keys that are not strings, and (when
   * `allowed` is given) every key not in it.
   *
   * @param what - what the map is, for the message (e.g. `"spec"`)
   * @param allowed - the accepted keys; omit to accept any key
   * @returns the map, or `undefined` after reporting
   */
  map(what: string, allowed?: readonly string[]): FieldMap | undefined {
    const node = this.node;
    if (node === null || !isMap(node)) {
      this.report(`${what} must be a map, got ${this.describe()}`);
      return undefined;
    }
    const entries = new Map<string, { key: Field; value: Field }>();
    const accepted = allowed === undefined ? undefined : new Set(allowed);
    for (const pair of node.items) {
      const keyNode = resolveAlias(this.reader, pair.key as YamlNode | null);
      const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? node.range?.[0] ?? this.offset;
      const rawKey: unknown = keyNode !== null && isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof rawKey !== 'string' && typeof rawKey !== 'number' && typeof rawKey !== 'boolean') {
        this.reader.report(
          keyOffset,
          this.path,
          `${what} has a key that is not a plain string (a map, list or null used as a key)`,
          'INVALID_SPEC',
        );
        continue;
      }
      const key = String(rawKey);
      const keyField = new Field(this.reader, keyNode, [...this.path, key], keyOffset);
      if (accepted !== undefined && !accepted.has(key)) {
        keyField.report(
          `unknown field ${show(key)} in ${what}; accepted fields: ${[...accepted].join(', ')}`,
        );
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      const valueOffset = valueNode?.range?.[0] ?? keyOffset;
      entries.set(key, {
        key: keyField,
        value: new Field(this.reader, valueNode, [...this.path, key], valueOffset),
      });
    }
    return new FieldMap(this, what, entries);
  }

  /**
   * Read the node as a list.
   *
   * @param what - what the list is, for the message
   * @returns the items, or `undefined` after reporting
   */
  list(what: string): Field[] | undefined {
    const node = this.node;
    if (node === null || !isSeq(node)) {
      this.report(`${what} must be a list, got ${this.describe()}`);
      return undefined;
    }
    return node.items.map((item, index) => this.child(item as YamlNode | null, index));
  }

  /**
   * Read the node as a string (numbers and booleans are not converted: quote them).
   *
   * @param what - what the value is, for the message
   * @param options - `nonEmpty` (default true) refuses `""`
   * @returns the string, or `undefined` after reporting
   */
  string(what: string, options: { nonEmpty?: boolean } = {}): string | undefined {
    const value = this.scalar;
    if (this.kind !== 'string' || typeof value !== 'string') {
      const hint =
        this.kind === 'number' || this.kind === 'boolean'
          ? `; quote it (${JSON.stringify(this.sourceText)}) to make it a string`
          : '';
      this.report(`${what} must be a string, got ${this.describe()}${hint}`);
      return undefined;
    }
    if ((options.nonEmpty ?? true) && value.trim() === '') {
      this.report(`${what} must not be empty`);
      return undefined;
    }
    return value;
  }

  /**
   * Read the node as a finite number; `1e309` and `.inf` (which YAML reads as Infinity) and
   * `.nan` are refused.
   *
   * @param what - what the value is, for the message
   * @returns the number, or `undefined` after reporting
   */
  number(what: string): number | undefined {
    const value = this.scalar;
    if (this.kind !== 'number' || typeof value !== 'number') {
      const hint =
        this.kind === 'string' &&
        typeof value === 'string' &&
        value.trim() !== '' &&
        Number.isFinite(Number(value))
          ? '; remove the quotes'
          : '';
      this.report(`${what} must be a number, got ${this.describe()}${hint}`);
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.report(
        `${what} must be a finite number, got ${this.sourceText || String(value)} (YAML reads it as ${String(value)})`,
      );
      return undefined;
    }
    return value;
  }

  /**
   * Read the node as a boolean (`true`/`false`; YAML 1.2, so `yes`/`no` are strings).
   *
   * @param what - what the value is, for the message
   * @returns the boolean, or `undefined` after reporting
   */
  boolean(what: string): boolean | undefined {
    const value = this.scalar;
    if (this.kind !== 'boolean' || typeof value !== 'boolean') {
      this.report(`${what} must be true or false, got ${this.describe()}`);
      return undefined;
    }
    return value;
  }
}

/** A YAML map whose keys were checked; values are located fields. */
export class FieldMap {
  /**
   * @param field - the map's own field
   * @param what - the map's name in messages
   * @param entries - key to key and value fields
   */
  constructor(
    readonly field: Field,
    readonly what: string,
    readonly entries: ReadonlyMap<string, { key: Field; value: Field }>,
  ) {}

  /** The value of `key`, or `undefined` when absent or null (`key:` with no value). */
  get(key: string): Field | undefined {
    const value = this.entries.get(key)?.value;
    return value === undefined || value.isNull ? undefined : value;
  }

  /** The key field of `key`, to point at a key rather than its value. */
  key(key: string): Field | undefined {
    return this.entries.get(key)?.key;
  }

  /** True when `key` is present with a non-null value. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The value of `key`, reporting at the map when it is absent or null. */
  require(key: string, hint = ''): Field | undefined {
    const value = this.get(key);
    if (value === undefined) {
      const entry = this.entries.get(key);
      const where = entry?.value ?? this.field;
      const missing = entry === undefined ? 'is missing' : 'is empty';
      this.field.reader.report(
        where.offset,
        [...this.field.path, key],
        `${key} ${missing} in ${this.what}${hint === '' ? '' : `; ${hint}`}`,
        'INVALID_SPEC',
      );
    }
    return value;
  }
}
