/**
 * Copy free-form YAML (DataSource `connectionDetails`, Sloth plugin `config`) into plain values,
 * safely: maps become null-prototype objects (a `__proto__` key is an ordinary key there), and
 * depth and size are bounded so aliases cannot blow up memory ("billion laughs").
 *
 * @internal
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Field } from './field.js';

const MAX_DEPTH = 64;
const MAX_NODES = 10_000;

/**
 * Convert a field's node to plain data.
 *
 * @param field - the field to copy
 * @param what - its name for messages
 * @returns the value, or `undefined` after reporting a structure too deep or too large
 */
export function toPlain(field: Field, what: string): unknown {
  const state = { budget: MAX_NODES, failed: false };
  const visit = (current: Field, depth: number): unknown => {
    if (state.failed) return undefined;
    state.budget -= 1;
    if (state.budget < 0 || depth > MAX_DEPTH) {
      state.failed = true;
      field.report(
        `${what} is too large or too deeply nested (more than ${MAX_NODES} values or ${MAX_DEPTH} levels, counting aliases)`,
      );
      return undefined;
    }
    const node = current.node;
    if (node === null) return null;
    if (isScalar(node)) return node.value ?? null;
    if (isSeq(node)) {
      return node.items.map((item, index) => visit(current.child(item as never, index), depth + 1));
    }
    if (isMap(node)) {
      const out = Object.create(null) as Record<string, unknown>;
      const map = current.map(what);
      if (map === undefined) return undefined;
      for (const [key, entry] of map.entries) out[key] = visit(entry.value, depth + 1);
      return out;
    }
    return undefined;
  };
  const value = visit(field, 0);
  return state.failed ? undefined : value;
}
