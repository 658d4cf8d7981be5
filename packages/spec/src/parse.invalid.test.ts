import { readFileSync } from 'node:fs';
import { formatIssue } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { parse, safeParse } from './index.js';

const INVALID = new URL('../test/fixtures/invalid/', import.meta.url);

/** Every issue of an invalid fixture as `CODE file:line:column: path: message`. */
function problems(name: string): string[] {
  const text = readFileSync(new URL(name, INVALID), 'utf8');
  const result = safeParse([{ file: name, text }]);
  if (result.success) throw new Error(`${name} parsed without issues`);
  for (const issue of result.issues) {
    // Every issue of a file is located: file, line and column, never a bare message.
    expect(issue.file).toBe(name);
    expect(issue.line).toBeGreaterThan(0);
    expect(issue.column).toBeGreaterThan(0);
  }
  return result.issues.map((issue) => `${issue.code} ${formatIssue(issue)}`);
}

describe('malformed specs: each problem with its code, path, line and column', () => {
  it('wrong types', () => {
    expect(problems('wrong-types.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC wrong-types.yaml:5:11: metadata.labels: metadata.labels must be a map, got a list",
        "INVALID_SPEC wrong-types.yaml:7:16: spec.description: description must be a string, got a number (42); quote it ("42") to make it a string",
        "INVALID_SPEC wrong-types.yaml:8:12: spec.service: service must be a string, got a boolean (true); quote it ("true") to make it a string",
        "INVALID_SPEC wrong-types.yaml:9:17: spec.indicatorRef: indicatorRef must be a string, got a list",
        "INVALID_SPEC wrong-types.yaml:11:5: spec.timeWindow: timeWindow must be a list, got a map",
        "INVALID_SPEC wrong-types.yaml:15:15: spec.objectives[0].target: target must be a number, got a string ("0.999"); remove the quotes",
      ]
    `);
  });

  it('missing fields, including in an SLO whose name is missing', () => {
    expect(problems('missing-fields.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC missing-fields.yaml:4:3: metadata.name: name is missing in SLO metadata; every OpenSLO object needs metadata.name",
        "INVALID_SPEC missing-fields.yaml:6:3: spec.service: service is missing in SLO spec; the name of the service the SLO belongs to",
        "INVALID_SPEC missing-fields.yaml:6:3: spec.timeWindow: timeWindow is missing in SLO spec; exactly one item: {duration: 28d, isRolling: true} or a calendar window",
        "INVALID_SPEC missing-fields.yaml:6:3: spec.budgetingMethod: budgetingMethod is missing in SLO spec; Occurrences, Timeslices or RatioTimeslices",
        "INVALID_SPEC missing-fields.yaml:11:9: spec.indicator.spec.ratioMetric: ratioMetric needs good and total, bad and total, or raw with rawType",
        "INVALID_TARGET missing-fields.yaml:13:7: spec.objectives[0]: an objective needs target (e.g. 0.999) or targetPercent (e.g. 99.9)",
        "INVALID_SPEC missing-fields.yaml:20:3: spec.severity: severity is missing in AlertCondition spec; e.g. page or ticket",
        "INVALID_SPEC missing-fields.yaml:21:5: spec.condition.op: op is missing in condition; gte: alert when the burn rate reaches the threshold",
        "INVALID_SPEC missing-fields.yaml:21:5: spec.condition.threshold: threshold is missing in condition; the burn-rate factor, e.g. 14.4",
        "INVALID_SPEC missing-fields.yaml:21:5: spec.condition.lookbackWindow: lookbackWindow is missing in condition; e.g. 1h",
      ]
    `);
  });

  it('broken YAML: the yaml package errors, mapped to file, line and column', () => {
    expect(problems('broken-yaml.txt')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC broken-yaml.txt:6:12: YAML syntax error (BLOCK_AS_IMPLICIT_KEY): Nested mappings are not allowed in compact mappings",
        "INVALID_SPEC broken-yaml.txt:6:12: YAML syntax error (MULTILINE_IMPLICIT_KEY): Implicit keys need to be on a single line",
        "INVALID_SPEC broken-yaml.txt:9:1: YAML syntax error (BAD_INDENT): Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('duplicate keys in a map', () => {
    expect(problems('duplicate-keys.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC duplicate-keys.yaml:5:3: YAML syntax error (DUPLICATE_KEY): Map keys must be unique",
      ]
    `);
  });

  it('huge numbers: 1e309 and .inf (Infinity), .nan, counts beyond 2^53', () => {
    expect(problems('huge-numbers.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_DURATION huge-numbers.yaml:8:17: spec.timeWindow[0].duration: timeWindow duration: Invalid OpenSLO duration "99999999999999999999d": the count exceeds Number.MAX_SAFE_INTEGER",
        "INVALID_SPEC huge-numbers.yaml:13:22: spec.objectives[0].targetPercent: targetPercent must be a finite number, got 1e309 (YAML reads it as Infinity)",
        "INVALID_SPEC huge-numbers.yaml:14:24: spec.objectives[0].timeSliceTarget: timeSliceTarget must be a finite number, got .nan (YAML reads it as NaN)",
        "INVALID_SPEC huge-numbers.yaml:15:24: spec.objectives[0].timeSliceWindow: timeSliceWindow must be a finite number, got 1e400 (YAML reads it as Infinity)",
        "INVALID_SPEC huge-numbers.yaml:16:21: spec.objectives[0].indicatorRef: indicatorRef "b" does not name any SLI in the files read (no SLI is defined in the files read)",
        "INVALID_SPEC huge-numbers.yaml:17:24: spec.objectives[0].compositeWeight: compositeWeight must be a finite number, got -.inf (YAML reads it as -Infinity)",
      ]
    `);
  });

  it('duplicate names (same kind and name); other kinds may share a name', () => {
    expect(problems('duplicate-names.yaml')).toMatchInlineSnapshot(`
      [
        "DUPLICATE_ID duplicate-names.yaml:17:9: metadata.name: SLI "errors" is defined twice; the first is at duplicate-names.yaml:4:9. Names must be unique per kind",
      ]
    `);
  });

  it('dangling references of every *Ref kind', () => {
    expect(problems('dangling-refs.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC dangling-refs.yaml:7:17: spec.indicatorRef: indicatorRef "missing-sli" does not name any SLI in the files read (defined SLI names: sli)",
        "INVALID_SPEC dangling-refs.yaml:15:23: spec.alertPolicies[0].alertPolicyRef: alertPolicyRef "missing-policy" does not name any AlertPolicy in the files read (defined AlertPolicy names: policy)",
        "INVALID_SPEC dangling-refs.yaml:23:21: spec.conditions[0].conditionRef: conditionRef "missing-condition" does not name any AlertCondition in the files read (no AlertCondition is defined in the files read)",
        "INVALID_SPEC dangling-refs.yaml:25:18: spec.notificationTargets[0].targetRef: targetRef "missing-target" does not name any AlertNotificationTarget in the files read (no AlertNotificationTarget is defined in the files read)",
        "INVALID_SPEC dangling-refs.yaml:36:26: spec.ratioMetric.raw.metricSource.metricSourceRef: metricSourceRef "missing-source" does not name any DataSource in the files read (no DataSource is defined in the files read)",
      ]
    `);
  });

  it('prototype keys are ordinary (reported) keys', () => {
    expect(problems('prototype-keys.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC prototype-keys.yaml:6:5: metadata.labels.__proto__: label key "__proto__" must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit",
        "INVALID_SPEC prototype-keys.yaml:9:5: metadata.annotations.__proto__: annotation key "__proto__" must be an optional DNS-subdomain prefix and "/" followed by a name of letters, digits, "-", "_" and "."",
        "INVALID_SPEC prototype-keys.yaml:11:3: spec.__proto__: unknown field "__proto__" in SLO spec; accepted fields: description, service, indicator, indicatorRef, timeWindow, budgetingMethod, objectives, alertPolicies",
        "INVALID_SPEC prototype-keys.yaml:25:15: spec.indicator.spec.ratioMetric.raw.metricSource.spec.constructor: unknown field "constructor" in nines metric source spec; accepted fields: sli, threshold, route, matchers",
        "INVALID_SPEC prototype-keys.yaml:29:7: spec.timeWindow[0].prototype: unknown field "prototype" in timeWindow item; accepted fields: duration, isRolling, calendar",
        "INVALID_SPEC prototype-keys.yaml:50:3: labels.__proto__: labels key "__proto__" starts with "__", which Prometheus reserves for internal use",
      ]
    `);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown fields are reported, not ignored (a typo is not silently dropped)', () => {
    expect(problems('unknown-fields.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC unknown-fields.yaml:5:3: metadata.namespace: unknown field "namespace" in SLO metadata; accepted fields: name, displayName, labels, annotations",
        "INVALID_SPEC unknown-fields.yaml:19:15: spec.indicator.spec.ratioMetric.raw.metricSource.spec.step: unknown field "step" in ratioMetric.raw spec; accepted fields: query, promql",
        "INVALID_SPEC unknown-fields.yaml:26:7: spec.objectives[0].targt: unknown field "targt" in objectives[0]; accepted fields: displayName, op, value, target, targetPercent, timeSliceTarget, timeSliceWindow, indicator, indicatorRef, compositeWeight",
        "INVALID_SPEC unknown-fields.yaml:27:3: spec.alertPolicy: unknown field "alertPolicy" in SLO spec; accepted fields: description, service, indicator, indicatorRef, timeWindow, budgetingMethod, objectives, alertPolicies",
        "INVALID_SPEC unknown-fields.yaml:34:5: metadata.annotations.nines.dev/shortwindow: unknown Nines annotation "nines.dev/shortwindow"; accepted here: none",
        "INVALID_SPEC unknown-fields.yaml:36:3: spec.owner: unknown field "owner" in Service spec; accepted fields: description",
      ]
    `);
  });

  it('Timeslices without timeSliceTarget or timeSliceWindow; timeSliceTarget outside (0, 1]', () => {
    expect(problems('timeslices-without-target.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC timeslices-without-target.yaml:23:7: spec.objectives[0].timeSliceTarget: timeSliceTarget is missing in objectives[0]; Timeslices needs the ratio a slice must reach to be good, in (0, 1], e.g. 0.95",
        "INVALID_SPEC timeslices-without-target.yaml:25:7: spec.objectives[1].timeSliceWindow: timeSliceWindow is missing in objectives[1]; Timeslices needs the slice length, e.g. 1m (a bare number is minutes)",
        "INVALID_SPEC timeslices-without-target.yaml:26:24: spec.objectives[1].timeSliceTarget: timeSliceTarget must be in (0, 1] (OpenSLO), got 1.5",
      ]
    `);
  });

  it('target and targetPercent both (REFERENCE.md §4.1: exclusive)', () => {
    expect(problems('target-and-percent.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC target-and-percent.yaml:24:7: spec.objectives[0].targetPercent: give target or targetPercent, not both (target: 0.9995 is targetPercent: 99.95)",
      ]
    `);
  });

  it('target: 1.0 (REFERENCE.md §10 #41: invalid)', () => {
    expect(problems('target-one.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_TARGET target-one.yaml:23:15: spec.objectives[0].target: target 1.0 is not below 1: OpenSLO targets are in [0, 1) and 1 leaves no error budget; write e.g. target: 0.999",
      ]
    `);
  });

  it('targetPercent: 100 (REFERENCE.md §10 #41: invalid)', () => {
    expect(problems('percent-hundred.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_TARGET percent-hundred.yaml:23:22: spec.objectives[0].targetPercent: targetPercent 100 is not below 100: OpenSLO targetPercent is in [0, 100) and 100 leaves no error budget; write e.g. targetPercent: 99.9",
      ]
    `);
  });

  it('Sloth objective 100 (valid in Sloth, no budget for Nines) and a negative one', () => {
    expect(problems('sloth-hundred.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_TARGET sloth-hundred.yaml:5:16: slos[0].objective: objective 100 is accepted by Sloth but leaves no error budget, so no burn rate or alert can be computed; Nines needs an objective below 100 (e.g. 99.99)",
        "INVALID_TARGET sloth-hundred.yaml:13:16: slos[1].objective: objective -1 must be a percent in (0, 100), e.g. 99.9",
      ]
    `);
  });

  it('Sloth: missing {{.window}}, bad names and labels, two SLI types, plugin SLI, no alert name, duplicate SLO', () => {
    expect(problems('sloth-missing-window.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC sloth-missing-window.yaml:2:10: service: service "my service" must start and end with a letter or digit and contain only letters, digits, ".", "_" and "-" (Sloth's name rule)",
        "INVALID_SPEC sloth-missing-window.yaml:4:3: labels.__name__: labels key "__name__" starts with "__", which Prometheus reserves for internal use",
        "INVALID_SPEC sloth-missing-window.yaml:10:22: slos[0].sli.events.error_query: error_query must contain {{.window}} where the range goes, e.g. sum(rate(http_requests_total[{{.window}}]))",
        "INVALID_SPEC sloth-missing-window.yaml:14:5: slos[1]: alerting.name is required: Sloth names both alerts with it (disable page_alert and ticket_alert to have no alerts)",
        "INVALID_SPEC sloth-missing-window.yaml:17:7: slos[1].sli: sli must have exactly one of raw, events, plugin, got raw and events",
        "INVALID_SPEC sloth-missing-window.yaml:25:7: slos[2].sli.plugin: sli.plugin is not supported: Nines cannot run Sloth SLI plugins (Go code); write the query the plugin generates as sli.events or sli.raw",
        "INVALID_SPEC sloth-missing-window.yaml:30:7: slos[2].alerting: alerting.name is required: Sloth names both alerts with it (disable page_alert and ticket_alert to have no alerts)",
        "DUPLICATE_ID sloth-missing-window.yaml:32:11: slos[3].name: SLO name "no-window" is used twice in this service; the first is at sloth-missing-window.yaml:6:11",
      ]
    `);
  });

  it('unsupported: thresholdMetric, rolling 1M, op lte, Datadog source, openslo/v1alpha, calendar 12h', () => {
    expect(problems('unsupported.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC unsupported.yaml:11:7: spec.indicator.spec.thresholdMetric: thresholdMetric is not supported: Nines evaluates ratio SLIs. Express the threshold as a ratio (requests within the threshold / all requests) with ratioMetric, or use the nines metric source with sli: http-latency",
        "INVALID_WINDOW unsupported.yaml:17:17: spec.timeWindow[0].duration: a rolling window cannot be 1M: months, quarters and years have no fixed length; make the window calendar-aligned (isRolling: false with calendar: {timeZone}), or write a fixed length such as 30d",
        "INVALID_SPEC unsupported.yaml:34:9: spec.condition.op: condition.op lte would alert while the burn rate stays below the threshold, which a burn-rate alert cannot mean; use gte (the OpenSLO README example writes lte although its text says "exceeds")",
        "INVALID_SPEC unsupported.yaml:47:15: spec.ratioMetric.good.metricSource.type: metric source type "Datadog" is not supported; Nines reads "prometheus" (spec.query with {{.window}}) and "nines" (the SLIs its middleware records)",
        "INVALID_SPEC unsupported.yaml:56:13: apiVersion: apiVersion "openslo/v1alpha" is not supported; Nines reads openslo/v1",
        "INVALID_WINDOW unsupported.yaml:69:17: spec.timeWindow[0].duration: calendar timeWindow: A calendar window of 12h has no calendar alignment: use d, w, M, Q or Y, or make the window rolling",
      ]
    `);
  });

  it('documents that are not a spec Nines reads', () => {
    expect(problems('not-a-spec.yaml')).toMatchInlineSnapshot(`
      [
        "INVALID_SPEC not-a-spec.yaml:2:1: not a spec Nines reads: expected apiVersion: openslo/v1 (OpenSLO), version: "prometheus/v1" (Sloth) or apiVersion: sloth.slok.dev/v1 (Sloth PrometheusServiceLevel)",
        "INVALID_SPEC not-a-spec.yaml:7:1: a spec document must be a map (or a list of OpenSLO objects), got a string ("just a string")",
        "INVALID_SPEC not-a-spec.yaml:9:10: version: version "prometheus/v2" is not supported; Nines reads Sloth "prometheus/v1"",
        "INVALID_SPEC not-a-spec.yaml:13:7: kind: kind "AlertWindows" of sloth.slok.dev/v1 is not supported; Nines reads PrometheusServiceLevel",
      ]
    `);
  });
});

/** An OpenSLO SLO with a nines SLI; `objective` is the first objectives entry (indented 4). */
function slo(objective: string, { method = 'Occurrences', spec = '', sli = '' } = {}): string {
  const indicator =
    sli === ''
      ? `  indicator:
    metadata:
      name: s
    spec:
      ratioMetric:
        rawType: success
        raw:
          metricSource:
            type: nines
            spec:
              sli: http-availability
`
      : sli;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: s
spec:
  service: web
${indicator}  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: ${method}
  objectives:
    - ${objective}
${spec}`;
}

const promSli = (ratio: string): string => `  indicator:
    metadata:
      name: s
    spec:
      ratioMetric:
${ratio}`;

const CASES: Record<string, string> = {
  'unresolved YAML tag': 'apiVersion: openslo/v1\nkind: !custom Service\nmetadata:\n  name: web\n',
  'compositeWeight without a composite': slo('target: 0.99\n      compositeWeight: 2'),
  'value with a ratio SLI': slo('target: 0.99\n      value: 3'),
  'op with RatioTimeslices': slo('target: 0.99\n      op: gt\n      timeSliceWindow: 1m', {
    method: 'RatioTimeslices',
  }),
  'timeSliceWindow with Occurrences': slo('target: 0.99\n      timeSliceWindow: 1m'),
  'timeSliceWindow of 0 minutes': slo('target: 0.99\n      timeSliceWindow: 0', {
    method: 'RatioTimeslices',
  }),
  'indicator and indicatorRef': slo('target: 0.99', { spec: '  indicatorRef: other\n' }),
  'composite: an SLO-level indicator too, a dangling ref, a component without indicator': slo(
    'target: 0.99\n      indicatorRef: s\n    - target: 0.9',
  ),
  'nines source under good/total': slo('target: 0.99', {
    sli: promSli(`        good:
          metricSource:
            type: nines
            spec:
              sli: http-availability
        total:
          metricSource:
            type: nines
            spec:
              sli: http-availability
`),
  }),
  'query without {{.window}}, and query with promql': slo('target: 0.99', {
    sli: promSli(`        bad:
          metricSource:
            type: prometheus
            spec:
              query: sum(rate(errors[5m]))
        total:
          metricSource:
            type: prometheus
            spec:
              query: sum(rate(requests[{{.window}}]))
              promql: sum(rate(requests[{{.window}}]))
`),
  }),
  'rawType without raw, good without total': slo('target: 0.99', {
    sli: promSli(`        rawType: success
        good:
          metricSource:
            type: prometheus
            spec:
              query: a[{{.window}}]
`),
  }),
  'nines source: bad sli, threshold without latency, missing threshold, bad matcher': slo(
    'target: 0.99',
    {
      sli: promSli(`        rawType: success
        raw:
          metricSource:
            type: nines
            spec:
              sli: http-latency
              matchers:
                - attribute: http.route
                  op: '~'
                  value: /x
                - attribute: http.route
                  op: =~
                  value: '(unclosed'
`),
    },
  ),
  'inline kind mismatch': slo('target: 0.99', {
    spec: `  alertPolicies:
    - kind: AlertCondition
      metadata:
        name: p
      spec:
        conditions: []
`,
  }),
  'two conditions, negative threshold, 30s alertAfter, AlertCondition with an SLO annotation': slo(
    'target: 0.99',
    {
      spec: `  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: p
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: c1
              annotations:
                nines.dev/tier: page
                nines.dev/id: x
            spec:
              severity: page
              condition:
                op: gte
                threshold: -1
                lookbackWindow: 1h
                alertAfter: 30s
          - conditionRef: c2
`,
    },
  ),
  'Sloth k8s: one-letter name (Sloth needs two), snake_case key, bad for': `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: x
spec:
  service: svc
  slos:
    - name: a
      objective: 99
      sli:
        events:
          error_query: e[{{.window}}]
          totalQuery: t[{{.window}}]
      alerting:
        name: A
        pageAlert:
          for: soon
`,
};

describe('edge cases: small inputs', () => {
  it('reports each case precisely', () => {
    const found = Object.fromEntries(
      Object.entries(CASES).map(([name, text]) => {
        const result = safeParse(text, { file: 'case.yaml' });
        return [
          name,
          result.success ? [] : result.issues.map((i) => `${i.code} ${formatIssue(i)}`),
        ];
      }),
    );
    expect(found).toMatchInlineSnapshot(`
      {
        "Sloth k8s: one-letter name (Sloth needs two), snake_case key, bad for": [
          "INVALID_SPEC case.yaml:8:13: spec.slos[0].name: SLO name "a" must start and end with a letter or digit and contain only letters, digits, ".", "_" and "-" (Sloth's name rule)",
          "INVALID_SPEC case.yaml:12:11: spec.slos[0].sli.events.error_query: unknown field "error_query" in sli.events; accepted fields: errorQuery, totalQuery",
          "INVALID_SPEC case.yaml:12:11: spec.slos[0].sli.events.errorQuery: errorQuery is missing in sli.events; a PromQL query with {{.window}}",
          "INVALID_DURATION case.yaml:17:16: spec.slos[0].alerting.pageAlert.for: alerting.pageAlert.for: Invalid duration "soon": expected a number at "soon"; expected a Prometheus duration: one or more <integer><unit> from the largest unit to the smallest, each unit at most once, with units y (365d), w, d, h, m (minute), s, ms, e.g. "30d", "1h30m", "500ms"",
        ],
        "composite: an SLO-level indicator too, a dangling ref, a component without indicator": [
          "INVALID_SPEC case.yaml:7:3: spec.indicator: a composite SLO (objectives with their own indicator) cannot also have an SLO-level indicator",
          "INVALID_SPEC case.yaml:24:21: spec.objectives[0].indicatorRef: indicatorRef "s" does not name any SLI in the files read (no SLI is defined in the files read)",
          "INVALID_SPEC case.yaml:25:7: spec.objectives[1]: every objective of a composite SLO needs its own indicator or indicatorRef",
        ],
        "compositeWeight without a composite": [
          "INVALID_SPEC case.yaml:24:24: spec.objectives[0].compositeWeight: compositeWeight is only used in composite SLOs (objectives with their own indicator)",
        ],
        "indicator and indicatorRef": [
          "INVALID_SPEC case.yaml:24:17: spec.indicatorRef: give indicator or indicatorRef, not both",
        ],
        "inline kind mismatch": [
          "INVALID_SPEC case.yaml:25:13: spec.alertPolicies[0].kind: kind "AlertCondition" is not allowed here; expected AlertPolicy",
        ],
        "nines source under good/total": [
          "INVALID_SPEC case.yaml:14:19: spec.indicator.spec.ratioMetric.good.metricSource.type: the nines metric source describes a whole SLI: write it once under ratioMetric.raw with rawType: success",
        ],
        "nines source: bad sli, threshold without latency, missing threshold, bad matcher": [
          "INVALID_SPEC case.yaml:17:15: spec.indicator.spec.ratioMetric.raw.metricSource.spec.threshold: threshold is missing in nines metric source spec; the latency threshold in seconds, e.g. 0.3",
          "INVALID_SPEC case.yaml:20:23: spec.indicator.spec.ratioMetric.raw.metricSource.spec.matchers[0].op: matcher op "~" must be one of = != =~ !~",
          "INVALID_SPEC case.yaml:24:26: spec.indicator.spec.ratioMetric.raw.metricSource.spec.matchers[1].value: matcher value "(unclosed" is not a valid regular expression",
        ],
        "op with RatioTimeslices": [
          "INVALID_SPEC case.yaml:24:11: spec.objectives[0].op: op is only used with a thresholdMetric SLI, or with Timeslices to compare each slice with timeSliceTarget; this SLI is a ratioMetric",
        ],
        "query without {{.window}}, and query with promql": [
          "INVALID_SPEC case.yaml:16:22: spec.indicator.spec.ratioMetric.bad.metricSource.spec.query: ratioMetric.bad query must contain {{.window}} where the range goes, e.g. sum(rate(http_requests_total[{{.window}}])), so that rules can be generated for every window",
          "INVALID_SPEC case.yaml:22:23: spec.indicator.spec.ratioMetric.total.metricSource.spec.promql: give spec.query or spec.promql, not both",
        ],
        "rawType without raw, good without total": [
          "INVALID_SPEC case.yaml:12:9: spec.indicator.spec.ratioMetric: ratioMetric needs good and total, bad and total, or raw with rawType",
          "INVALID_SPEC case.yaml:12:18: spec.indicator.spec.ratioMetric.rawType: rawType is only used with ratioMetric.raw",
        ],
        "timeSliceWindow of 0 minutes": [
          "INVALID_SPEC case.yaml:24:24: spec.objectives[0].timeSliceWindow: timeSliceWindow 0 must be a positive number of minutes (a whole number of milliseconds), or shorthand such as "1m"",
        ],
        "timeSliceWindow with Occurrences": [
          "INVALID_SPEC case.yaml:24:24: spec.objectives[0].timeSliceWindow: timeSliceWindow is only used with Timeslices and RatioTimeslices, not Occurrences",
        ],
        "two conditions, negative threshold, 30s alertAfter, AlertCondition with an SLO annotation": [
          "INVALID_SPEC case.yaml:30:11: spec.alertPolicies[0].spec.conditions: conditions must hold exactly one condition (OpenSLO v1 allows one per policy), got 2",
          "INVALID_SPEC case.yaml:35:17: spec.alertPolicies[0].spec.conditions[0].metadata.annotations.nines.dev/id: unknown Nines annotation "nines.dev/id" on AlertCondition; accepted here: nines.dev/tier, nines.dev/short-window, nines.dev/budget-percent, nines.dev/for",
          "INVALID_SPEC case.yaml:40:28: spec.alertPolicies[0].spec.conditions[0].spec.condition.threshold: condition.threshold is a burn-rate factor and must be above 0 (e.g. 14.4), got -1",
          "INVALID_DURATION case.yaml:42:29: spec.alertPolicies[0].spec.conditions[0].spec.condition.alertAfter: condition.alertAfter: Invalid OpenSLO duration "30s": expected OpenSLO duration shorthand: a positive integer followed by one case-sensitive unit, m (minute), h, d, w, M (month), Q (quarter) or Y (year), e.g. "30d", "1M"",
        ],
        "unresolved YAML tag": [
          "INVALID_SPEC case.yaml:2:7: YAML problem (TAG_RESOLVE_FAILED): Unresolved tag: !custom",
        ],
        "value with a ratio SLI": [
          "INVALID_SPEC case.yaml:24:14: spec.objectives[0].value: value is only used with a thresholdMetric SLI; this SLI is a ratioMetric",
        ],
      }
    `);
  });
});

describe('edge cases', () => {
  it('keeps __proto__, constructor and prototype keys as plain data, polluting nothing', () => {
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: proto-source
spec:
  type: prometheus
  connectionDetails:
    __proto__:
      polluted: true
    constructor:
      prototype:
        polluted: true
---
version: prometheus/v1
service: proto
labels:
  constructor: fine
  prototype: also-fine
slos:
  - name: proto
    objective: 99
    sli:
      raw:
        error_ratio_query: x[{{.window}}]
    alerting:
      name: Proto
      annotations:
        constructor: fine
`;
    const result = parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const details = result.dataSources[0]?.connectionDetails as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.getPrototypeOf(details)).toBeNull();
    expect(Object.hasOwn(details, '__proto__')).toBe(true);
    expect(details.__proto__?.polluted).toBe(true);
    expect(JSON.parse(JSON.stringify(details.constructor))).toEqual({
      prototype: { polluted: true },
    });
    const [objective] = result.objectives;
    expect(Object.hasOwn(objective?.labels ?? {}, 'constructor')).toBe(true);
    expect(objective?.labels).toEqual({ constructor: 'fine', prototype: 'also-fine' });
    expect(result.details.get('proto-proto')?.sloth?.annotations.constructor).toBe('fine');
  });

  it('stops alias expansion ("billion laughs") in free-form values', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: laughs
spec:
  type: prometheus
  connectionDetails:
    ${levels.join('\n    ')}
`;
    const result = safeParse(text, { file: 'laughs.yaml' });
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([
      'laughs.yaml:8:5: spec.connectionDetails: connectionDetails is too large or too deeply nested (more than 10000 values or 64 levels, counting aliases)',
    ]);
  });

  it('reports a reference into a document with YAML errors only once (no dangling-ref noise)', () => {
    const result = safeParse([
      {
        file: 'slo.yaml',
        text: 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: web\n  indicatorRef: sli\n  timeWindow:\n    - duration: 30d\n      isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n',
      },
      {
        file: 'sli.yaml',
        text: 'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: sli\n spec: {}\n',
      },
    ]);
    expect(
      result.success ? [] : result.issues.map((i) => `${i.file ?? ''}:${i.line ?? 0}`),
    ).toEqual(['sli.yaml:5']);
  });
});
