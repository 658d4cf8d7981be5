import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from './yaml.js';

describe('toYaml', () => {
  it('writes nested mappings and lists in block style', () => {
    const text = toYaml({
      groups: [
        {
          name: 'slo',
          interval: '30s',
          rules: [
            { record: 'a:b:c', expr: 'sum(rate(x[5m]))\n/\nsum(rate(y[5m]))', labels: { l: 'v' } },
            {
              alert: 'A',
              expr: 'x > 1',
              for: '2m',
              labels: {},
              annotations: { summary: 'it: "burns"' },
            },
          ],
        },
      ],
    });
    expect(text).toMatchInlineSnapshot(`
      "groups:
        - name: slo
          interval: 30s
          rules:
            - record: a:b:c
              expr: |-
                sum(rate(x[5m]))
                /
                sum(rate(y[5m]))
              labels:
                l: v
            - alert: A
              expr: "x > 1"
              for: 2m
              labels: {}
              annotations:
                summary: "it: \\"burns\\""
      "
    `);
  });

  it('round-trips through a real YAML parser', () => {
    const value = {
      a: [
        '1',
        'true',
        'no',
        '',
        ' x',
        'null',
        '0.999',
        'a#b',
        '{x}',
        '- y',
        '1e5',
        '0x1F',
        '2026-01-01',
        'x:',
        '30s',
        '/a/:id',
      ],
      b: { 'http.route': '/users/:id', n: 0.0144, t: true, z: null, empty: [], obj: {} },
      c: 'line1\nline2\n\nline4',
      d: undefined,
    };
    const parsed: unknown = parse(toYaml(value));
    expect(parsed).toEqual({ a: value.a, b: value.b, c: value.c });
  });

  it('rejects non-finite numbers', () => {
    expect(() => toYaml({ x: Number.NaN })).toThrow(RangeError);
  });
});
