/** A value the rule-file emitter can write: what Prometheus rule files are made of. */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue | undefined };

const PLAIN_SAFE = /^[A-Za-z0-9_/][A-Za-z0-9_./:-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n|\.inf|\.nan)$/i;
const DATE_LIKE = /^\d{4}-\d\d-\d\d/;

function plainIsSafe(value: string): boolean {
  if (!PLAIN_SAFE.test(value) || RESERVED.test(value) || DATE_LIKE.test(value)) return false;
  if (value.endsWith(':')) return false;
  // Anything a YAML reader could take for a number (1, 0.5, 1e5, 0x1F, 0o7) must be quoted.
  return Number.isNaN(Number(value)) && !/^0[box]/i.test(value);
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${String(value)} to YAML`);
    return String(value);
  }
  if (plainIsSafe(value)) return value;
  return JSON.stringify(value);
}

function isBlock(value: YamlValue | undefined): boolean {
  if (value === null || value === undefined || typeof value !== 'object') return false;
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
}

function emit(value: YamlValue, indent: string, lines: string[], prefix: string): void {
  if (Array.isArray(value)) {
    const items = value as readonly YamlValue[];
    if (items.length === 0) {
      lines.push(`${prefix}[]`);
      return;
    }
    if (prefix.trim() !== '') lines.push(prefix.trimEnd());
    for (const item of items) emit(item, `${indent}  `, lines, `${indent}- `);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, YamlValue | undefined>).filter(
      (entry): entry is [string, YamlValue] => entry[1] !== undefined,
    );
    if (entries.length === 0) {
      lines.push(`${prefix}{}`);
      return;
    }
    let first = true;
    const keyIndent = indent;
    if (prefix.trim() !== '' && prefix.trim() !== '-') lines.push(prefix.trimEnd());
    for (const [key, child] of entries) {
      const lead = first && prefix.trim() === '-' ? prefix : keyIndent;
      first = false;
      const k = `${lead}${scalar(key)}:`;
      if (isBlock(child)) {
        emit(child, `${keyIndent}  `, lines, `${k} `);
      } else if (typeof child === 'string' && child.includes('\n')) {
        lines.push(`${k} |-`);
        for (const line of child.split('\n'))
          lines.push(line === '' ? '' : `${keyIndent}  ${line}`);
      } else if (Array.isArray(child) || (child !== null && typeof child === 'object')) {
        lines.push(`${k} ${Array.isArray(child) ? '[]' : '{}'}`);
      } else {
        lines.push(`${k} ${scalar(child)}`);
      }
    }
    return;
  }
  if (typeof value === 'string' && value.includes('\n')) {
    lines.push(`${prefix}|-`);
    for (const line of value.split('\n')) lines.push(line === '' ? '' : `${indent}${line}`);
    return;
  }
  lines.push(`${prefix}${scalar(value)}`);
}

/**
 * Write a value as block-style YAML: multi-line strings as literal blocks (readable PromQL),
 * strings quoted whenever a plain scalar could be misread. Keys with `undefined` values are left
 * out. Enough for Prometheus rule files and promtool tests, with no YAML dependency.
 *
 * @param value - a mapping, list or scalar
 * @returns the YAML text, ending with a newline
 * @throws RangeError for non-finite numbers
 * @example
 * ```ts
 * toYaml({ groups: [{ name: 'g', rules: [] }] });
 * // "groups:\n  - name: g\n    rules: []\n"
 * ```
 */
export function toYaml(value: YamlValue): string {
  const lines: string[] = [];
  emit(value, '', lines, '');
  return `${lines.join('\n')}\n`;
}
