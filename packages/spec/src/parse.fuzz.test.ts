import { readFileSync } from 'node:fs';
import { NinesError } from '@nines/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { parse, safeParse } from './index.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const VALID = [
  'openslo/checkout.yaml',
  'openslo/composite.yaml',
  'openslo/timeslices-calendar.yaml',
  'sloth/getting-started.yaml',
  'sloth/k8s.yaml',
].map((path) => readFileSync(new URL(path, FIXTURES), 'utf8'));

/** parse either returns or throws a NinesError, and safeParse agrees with it; never anything else. */
function checkBoth(text: string): void {
  const safe = safeParse(text, { file: 'fuzz.yaml' });
  let thrown: unknown;
  try {
    parse(text, { file: 'fuzz.yaml' });
  } catch (error) {
    thrown = error;
  }
  if (thrown !== undefined) {
    expect(thrown).toBeInstanceOf(NinesError);
    expect(safe.success).toBe(false);
    if (!safe.success) {
      expect(safe.issues.length).toBeGreaterThan(0);
      for (const issue of safe.issues) {
        expect(typeof issue.message).toBe('string');
        expect(issue.file).toBe('fuzz.yaml');
      }
    }
  } else {
    expect(safe.success).toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const KINDS = [
  'Service',
  'SLO',
  'SLI',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'DataSource',
  'Other',
];
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'name',
  'service',
  'indicator',
  'indicatorRef',
  'timeWindow',
  'budgetingMethod',
  'objectives',
  'alertPolicies',
  'target',
  'targetPercent',
  'ratioMetric',
  'raw',
  'good',
  'total',
  'metricSource',
  'type',
  'query',
  'conditions',
  'condition',
  'slos',
  'sli',
  'events',
  'error_query',
  'alerting',
  '__proto__',
  'constructor',
  'prototype',
];

/** JSON-like values whose keys are often the ones the readers look for. */
const specish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      true,
      0,
      -1,
      Infinity,
      0.999,
      99.9,
      100,
      'openslo/v1',
      'prometheus/v1',
      '30d',
      '1M',
      'x[{{.window}}]',
      '',
    ),
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

const document = fc.oneof(
  fc.jsonValue(),
  fc.record({
    apiVersion: fc.constantFrom('openslo/v1', 'openslo/v1alpha', 'sloth.slok.dev/v1'),
    kind: fc.constantFrom(...KINDS, 'PrometheusServiceLevel'),
    metadata: specish,
    spec: specish,
  }),
  fc.record({
    version: fc.constantFrom('prometheus/v1'),
    service: specish,
    labels: specish,
    slos: specish,
  }),
);

/** Replace the value at a random path of `value` with `replacement`. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const index = head % value.length;
    return value.map((item: unknown, i) => (i === index ? mutate(item, rest, replacement) : item));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[head % keys.length] ?? '';
  const copy = { ...(value as Record<string, unknown>) };
  copy[key] = mutate(copy[key], rest, replacement);
  return copy;
}

describe('parse never crashes (properties)', () => {
  it('random JSON-like documents serialised with yaml', () => {
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 3 }), (docs) => {
        checkBoth(docs.map((doc) => stringify(doc)).join('---\n'));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('valid files with one value replaced at a random path', () => {
    const parsed = VALID.map((text) =>
      text.split(/^---$/m).map((part) => parseYaml(part) as unknown),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: parsed.length - 1 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        specish,
        (fileIndex, path, replacement) => {
          const docs = parsed[fileIndex] ?? [];
          const [first = 0, ...rest] = path;
          const target = first % Math.max(docs.length, 1);
          const mutated = docs.map((doc, i) =>
            i === target ? mutate(doc, rest, replacement) : doc,
          );
          checkBoth(mutated.map((doc) => stringify(doc)).join('---\n'));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('valid files with random text edits (YAML syntax characters inserted, text deleted)', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.constantFrom(
          ':',
          '-',
          ' ',
          '\n',
          '[',
          ']',
          '{',
          '}',
          '#',
          '&a',
          '*a',
          '!tag',
          '|',
          '>',
          "'",
          '"',
          '%',
          '@',
          '\t',
          '<<: *a',
          '---\n',
          '...\n',
          '? ',
        ),
        fc.string({ maxLength: 4 }),
      ),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: VALID.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (fileIndex, edits) => {
          let text = VALID[fileIndex] ?? '';
          for (const { at, remove, insert } of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + remove);
          }
          checkBoth(text);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('pathological inputs: deep nesting, long lines, many documents, control characters', () => {
    for (const text of [
      '['.repeat(5000),
      `a: ${'['.repeat(2000)}${']'.repeat(2000)}`,
      `${'- '.repeat(3000)}x`,
      `k: ${'x'.repeat(200_000)}`,
      '---\n'.repeat(2000),
      '\u0000\u0001\u0007: \uFFFE',
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: &m\n  name: a\n  labels: *m\n',
      'a: &a [*a]\n',
    ]) {
      checkBoth(text);
    }
  }, 60_000);
});
