import { readFileSync, readdirSync } from 'node:fs';
import { NinesError, formatIssue, targetFromPercent } from '@nines/core';
import type { Objective } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { parse, safeParse } from './index.js';
import type { SpecFile } from './index.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const fixture = (path: string): SpecFile => ({
  file: path,
  text: readFileSync(new URL(path, FIXTURES), 'utf8'),
});
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function byId(objectives: readonly Objective[], id: string): Objective {
  const found = objectives.find((objective) => objective.id === id);
  if (found === undefined) throw new Error(`no objective ${id}`);
  return found;
}

/** A minimal valid OpenSLO SLO whose objective entry is `objective` (YAML, indented 4). */
function slo(objective: string, extra = ''): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: t
spec:
  service: web
  indicator:
    metadata:
      name: t
    spec:
      ratioMetric:
        rawType: success
        raw:
          metricSource:
            type: nines
            spec:
              sli: http-availability
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - ${objective}
${extra}`;
}

describe('parse: OpenSLO v1', () => {
  it('reads an SLO with inline SLI, referenced and inline alert policies (fixture checkout.yaml)', () => {
    const result = parse([fixture('openslo/checkout.yaml')]);
    expect(result.objectives).toHaveLength(1);
    const objective = byId(result.objectives, 'checkout-availability');
    expect(objective).toEqual({
      id: 'checkout-availability',
      service: 'checkout',
      name: 'Checkout availability',
      description: 'Requests to /checkout that do not fail with a 5xx.',
      // REFERENCE.md §10 #41: targetPercent 99.95 stays exactly 99.95 / 0.9995.
      target: { fraction: 0.9995, percent: 99.95, errorBudget: 0.0005 },
      window: { kind: 'rolling', duration: 28 * DAY },
      budgeting: { method: 'occurrences' },
      sli: {
        kind: 'promql',
        errorQuery:
          'sum(rate(http_server_request_duration_seconds_count{http_route="/checkout",http_response_status_code=~"5.."}[{{.window}}]))',
        totalQuery:
          'sum(rate(http_server_request_duration_seconds_count{http_route="/checkout"}[{{.window}}]))',
      },
      alerting: {
        name: 'openslo',
        period: 28 * DAY,
        tiers: [
          // factor = threshold, long = lookbackWindow, short = long/12, for = alertAfter.
          {
            name: 'burn-14x-1h',
            severity: 'page',
            longWindow: HOUR,
            shortWindow: 5 * MIN,
            factor: 14.4,
            budgetPercent: 2.142857142857143, // 14.4 × 1 h / 672 h × 100 (computed)
            for: 2 * MIN,
          },
          {
            name: 'burn-1x-3d',
            severity: 'ticket',
            longWindow: 3 * DAY,
            shortWindow: 6 * HOUR,
            factor: 1,
            budgetPercent: 10.714285714285714, // 1 × 72 h / 672 h × 100 (computed)
          },
        ],
      },
      // string[] label values are joined with ",".
      labels: { team: 'payments', tier: '1', regions: 'eu,us' },
    });
    const details = result.details.get('checkout-availability');
    expect(details?.format).toBe('openslo/v1');
    expect(details?.location).toEqual({ file: 'openslo/checkout.yaml', line: 48, column: 7 });
    expect(details?.indicator).toBe('checkout-errors');
    expect({ ...details?.annotations }).toEqual({
      'example.com/dashboard': 'https://grafana.example.com/d/checkout',
    });
    expect(
      details?.alertPolicies?.map((p) => [p.name, p.alertWhenNoData, p.notificationTargets]),
    ).toEqual([
      ['fast-burn', true, ['on-call-pager']],
      ['slow-burn', false, ['team-channel']],
    ]);
    expect(result.services.map((s) => [s.name, s.displayName, s.description])).toEqual([
      ['checkout', 'Checkout', 'Takes payments and places orders.'],
    ]);
    expect(result.alertPolicies.map((p) => [p.name, p.conditions])).toEqual([
      ['fast-burn', ['burn-14x-1h']],
      ['slow-burn', ['burn-1x-3d']],
    ]);
    expect(result.notificationTargets.map((t) => [t.name, t.target]).sort()).toEqual([
      ['on-call-pager', 'pagerduty'],
      ['team-channel', 'slack'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads calendar windows and Timeslices with op as the slice comparison (timeslices-calendar.yaml)', () => {
    const { objectives } = parse([fixture('openslo/timeslices-calendar.yaml')]);
    expect(objectives.map((o) => o.id)).toEqual([
      'web-uptime-internal-objective',
      'web-uptime-sla',
      'web-monthly',
    ]);
    const internal = byId(objectives, 'web-uptime-internal-objective');
    // REFERENCE.md §4.1: examples/treat-low-traffic-as-equally-important (1w calendar, 0.9995,
    // timeSliceTarget 0.95, 1m slices).
    expect(internal.window).toEqual({
      kind: 'calendar',
      unit: 'week',
      count: 1,
      timeZone: 'America/New_York',
      startTime: '2026-01-05 00:00:00',
    });
    expect(internal.target.percent).toBe(99.95);
    expect(internal.budgeting).toEqual({
      method: 'timeslices',
      slice: MIN,
      sliceTarget: 0.95,
      op: 'gt',
      emptySlice: 'skip',
    });
    expect(internal.name).toBe('Internal objective');
    expect(internal.alerting).toBeUndefined();
    expect(byId(objectives, 'web-uptime-sla').budgeting).toMatchObject({
      slice: 5 * MIN,
      op: 'gte',
    });
    const monthly = byId(objectives, 'web-monthly');
    // `1M` is a calendar month, never 30 days (REFERENCE.md §1.3, OpenSLO/OpenSLO#267).
    expect(monthly.window).toEqual({
      kind: 'calendar',
      unit: 'month',
      count: 1,
      timeZone: 'Europe/Paris',
      startTime: '2026-01-01 00:00:00',
    });
    expect(monthly.sli).toEqual({
      kind: 'promql',
      errorRatioQuery: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))',
    });
  });

  it('reads the Nines metric source and RatioTimeslices; a bare timeSliceWindow is minutes', () => {
    const { objectives } = parse([fixture('openslo/ratio-timeslices.yaml')]);
    const [objective] = objectives;
    expect(objective?.sli).toEqual({
      kind: 'http-latency',
      threshold: 0.3,
      matchers: [
        { attribute: 'http.route', op: '=', value: '/search' },
        { attribute: 'http.request.method', op: '=', value: 'GET' },
      ],
    });
    expect(objective?.budgeting).toEqual({
      method: 'ratio-timeslices',
      slice: MIN,
      emptySlice: 'good',
    });
    // REFERENCE.md §10 #40: a 2w window of 1-minute slices holds 20,160 slices.
    const window = objective?.window;
    expect(window?.kind === 'rolling' ? window.duration / MIN : undefined).toBe(20_160);
  });

  it('keeps composite SLOs: components are objectives, weights default to 1 (composite.yaml)', () => {
    const result = parse([fixture('openslo/composite.yaml')]);
    expect(result.objectives.map((o) => [o.id, o.target.fraction, o.sli])).toEqual([
      [
        'purchase-journey-browse',
        0.99,
        {
          kind: 'http-availability',
          matchers: [{ attribute: 'http.route', op: '=', value: '/products' }],
        },
      ],
      [
        'purchase-journey-pay',
        0.999,
        {
          kind: 'http-availability',
          matchers: [{ attribute: 'http.route', op: '=', value: '/pay' }],
        },
      ],
    ]);
    expect(result.composites).toEqual([
      {
        id: 'purchase-journey',
        service: 'shop',
        name: 'Purchase journey',
        window: { kind: 'rolling', duration: 30 * DAY },
        budgeting: { method: 'ratio-timeslices', slice: MIN, emptySlice: 'skip' },
        components: [
          { objective: 'purchase-journey-browse', weight: 1 },
          { objective: 'purchase-journey-pay', weight: 2 },
        ],
        location: { file: 'openslo/composite.yaml', line: 5, column: 9 },
      },
    ]);
    expect(result.details.get('purchase-journey-pay')?.composite).toBe('purchase-journey');
    expect(result.details.get('purchase-journey-browse')?.indicator).toBe('browse-availability');
  });

  it('reads the top-level list form (OpenSLO/go-sdk) and resolves refs inside it', () => {
    const { objectives } = parse([fixture('openslo/list.yaml')]);
    expect(objectives.map((o) => [o.id, o.sli, o.window])).toEqual([
      ['queue-freshness', { kind: 'events' }, { kind: 'rolling', duration: 7 * DAY }],
    ]);
  });

  it('resolves indicatorRef, alertPolicyRef, conditionRef, targetRef and metricSourceRef across files', () => {
    const dir = 'openslo/multi-file/';
    const files = readdirSync(new URL(dir, FIXTURES))
      .sort()
      .map((name) => fixture(dir + name));
    const result = parse(files);
    expect(result.objectives.map((o) => o.id)).toEqual(['api-availability', 'api-latency']);
    const availability = byId(result.objectives, 'api-availability');
    expect(availability.sli).toMatchObject({
      kind: 'promql',
      errorQuery: expect.stringContaining('code=~"5.."') as unknown,
    });
    expect(availability.alerting?.tiers).toEqual([
      // nines.dev/short-window: 5m is read; alertAfter 0m (OpenSLO's default) is for: 0.
      {
        name: 'fast-burn',
        severity: 'page',
        longWindow: HOUR,
        shortWindow: 5 * MIN,
        factor: 14.4,
        budgetPercent: 2,
      },
      {
        name: 'slow-burn',
        severity: 'ticket',
        longWindow: 3 * DAY,
        shortWindow: 6 * HOUR,
        factor: 1,
        budgetPercent: 10,
        for: 0,
      },
    ]);
    expect(byId(result.objectives, 'api-latency').sli).toMatchObject({
      goodQuery: expect.stringContaining('le="0.25"') as unknown,
    });
    expect(result.dataSources).toHaveLength(1);
    expect(result.dataSources[0]?.type).toBe('Prometheus');
    expect(JSON.parse(JSON.stringify(result.dataSources[0]?.connectionDetails))).toEqual({
      url: 'http://prometheus.monitoring:9090',
      headers: { 'X-Scope-OrgID': 'tenant-1' },
    });
    // The same files in any order give the same objectives.
    expect(
      parse([...files].reverse())
        .objectives.map((o) => o.id)
        .sort(),
    ).toEqual(['api-availability', 'api-latency']);
  });

  it('names objectives <slo>-<displayName slug>, or <slo>-<index> when the slug is missing or repeated', () => {
    const text = slo(
      'displayName: Fast path\n      target: 0.99\n    - target: 0.9\n    - displayName: Fast-Path\n      target: 0.95\n    - displayName: Slow\n      target: 0.8',
    );
    expect(parse(text).objectives.map((o) => [o.id, o.name])).toEqual([
      ['t-0', 'Fast path'],
      ['t-1', 't [1]'],
      ['t-2', 'Fast-Path'],
      ['t-slow', 'Slow'],
    ]);
  });

  it('takes nines.dev/id as the objective id when it is set', () => {
    const text = slo('target: 0.99').replace(
      '  name: t\nspec',
      '  name: t\n  annotations:\n    nines.dev/id: Checkout_API\nspec',
    );
    expect(parse(text).objectives[0]?.id).toBe('Checkout_API');
  });
});

describe('parse: targets (REFERENCE.md §10 #41, OpenSLO README, go-sdk slo.go)', () => {
  const rows: [string, string, number | undefined][] = [
    // [source, objective entry, expected percent or undefined for invalid]
    ['README: target 0.9995 ≡ targetPercent 99.95', 'target: 0.9995', 99.95],
    ['README: targetPercent 99.95', 'targetPercent: 99.95', 99.95],
    ['99.9 never becomes 0.9990000000000001', 'targetPercent: 99.9', 99.9],
    ['go-sdk: target 1.0 is invalid', 'target: 1.0', undefined],
    ['go-sdk: targetPercent 100 is invalid', 'targetPercent: 100', undefined],
    ['target 0 leaves no objective', 'target: 0', undefined],
  ];
  it.each(rows)('%s', (_source, entry, percent) => {
    const result = safeParse(slo(entry));
    if (percent === undefined) {
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues.map((i) => i.code)).toEqual(['INVALID_TARGET']);
      return;
    }
    expect(result.success).toBe(true);
    if (result.success)
      expect(result.value.objectives[0]?.target).toEqual(targetFromPercent(percent));
  });

  it('gives the same Target for target: 0.9995 and targetPercent: 99.95', () => {
    const a = parse(slo('target: 0.9995')).objectives[0]?.target;
    const b = parse(slo('targetPercent: 99.95')).objectives[0]?.target;
    expect(a).toEqual(b);
    expect(a).toEqual({ fraction: 0.9995, percent: 99.95, errorBudget: 0.0005 });
  });
});

describe('parse: alerting', () => {
  it("disables alerting without alertPolicies, or derives the workbook tiers with defaultAlerting: 'workbook'", () => {
    expect(parse(slo('target: 0.999')).objectives[0]?.alerting).toBeUndefined();
    const workbook = parse(slo('target: 0.999'), { defaultAlerting: 'workbook' }).objectives[0]
      ?.alerting;
    // SRE Workbook Table 5-8 for 30 d (REFERENCE.md §2.1): 14.4 @ 1h, 6 @ 6h, 1 @ 3d.
    expect(workbook?.tiers.map((t) => [t.factor, t.longWindow])).toEqual(
      expect.arrayContaining([
        [14.4, HOUR],
        [6, 6 * HOUR],
        [1, 3 * DAY],
      ]),
    );
  });

  it('gives no tier for a policy with alertWhenBreaching: false, but keeps its flags', () => {
    const text = slo(
      'target: 0.99',
      `  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: no-data
      spec:
        alertWhenBreaching: false
        alertWhenNoData: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: c
            spec:
              severity: page
              condition:
                op: gte
                threshold: 2
                lookbackWindow: 1h
`,
    );
    const result = parse(text);
    expect(result.objectives[0]?.alerting).toBeUndefined();
    expect(result.details.get('t')?.alertPolicies?.[0]).toMatchObject({
      name: 'no-data',
      alertWhenBreaching: false,
      alertWhenNoData: true,
    });
  });

  it('warns (without failing) about a tier that can never fire for the target', () => {
    const text = slo(
      'target: 0.9',
      `  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: p
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: too-fast
            spec:
              severity: page
              condition:
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
`,
    );
    const { warnings } = parse(text, { file: 'w.yaml' });
    expect(warnings.map((w) => [w.code, w.file, w.line, w.column])).toEqual([
      ['UNREACHABLE_TIER', 'w.yaml', 23, 7],
    ]);
  });
});

describe('parse: Sloth', () => {
  it('reads prometheus/v1 like Sloth: id <service>-<name>, labels merged, catalog tiers (getting-started.yaml)', () => {
    const result = parse([fixture('sloth/getting-started.yaml')]);
    const availability = byId(result.objectives, 'myservice-requests-availability');
    expect(availability.target).toEqual({ fraction: 0.999, percent: 99.9, errorBudget: 0.001 });
    expect(availability.window).toEqual({ kind: 'rolling', duration: 30 * DAY });
    // Root labels, then SLO labels override (tier "1" wins over the root's tier: 2).
    expect(availability.labels).toEqual({
      owner: 'myteam',
      repo: 'myorg/myservice',
      tier: '1',
      category: 'availability',
    });
    expect(availability.sli).toEqual({
      kind: 'promql',
      errorQuery:
        'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
      totalQuery: 'sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
    });
    // REFERENCE.md §10 #20: Sloth 30d catalog, page (5m, 1h)@14.4 OR (30m, 6h)@6; ticket (2h, 1d)@3 OR (6h, 3d)@1.
    expect(
      availability.alerting?.tiers.map((t) => [
        t.name,
        t.shortWindow,
        t.longWindow,
        t.factor,
        t.for,
      ]),
    ).toEqual([
      ['page-fast', 5 * MIN, HOUR, 14.4, 5 * MIN],
      ['page-slow', 30 * MIN, 6 * HOUR, 6, 5 * MIN],
      ['ticket-fast', 2 * HOUR, DAY, 3, undefined],
      ['ticket-slow', 6 * HOUR, 3 * DAY, 1, undefined],
    ]);
    const details = result.details.get('myservice-requests-availability');
    expect(details?.format).toBe('sloth/prometheus/v1');
    expect(details?.sloth).toEqual({
      name: 'MyServiceHighErrorRate',
      labels: { category: 'availability' },
      annotations: { summary: "High error rate on 'myservice' requests responses" },
      page: {
        disabled: false,
        labels: { severity: 'pageteam', routing_key: 'myteam' },
        annotations: {},
        for: 5 * MIN,
      },
      ticket: {
        disabled: false,
        labels: { severity: 'slack', slack_channel: '#alerts-myteam' },
        annotations: {},
      },
    });
    expect(details?.slothPlugins).toEqual({
      service: {
        overridePrevious: false,
        chain: [{ id: 'sloth.dev/contrib/alert_for/v1', priority: 0 }],
      },
    });
    const latency = byId(result.objectives, 'myservice-requests-latency');
    expect(latency.sli).toMatchObject({
      kind: 'promql',
      errorRatioQuery: expect.stringContaining('{{ .window }}') as unknown,
    });
    // ticket_alert disabled: only the page tiers remain.
    expect(latency.alerting?.tiers.map((t) => t.name)).toEqual(['page-fast', 'page-slow']);
    expect(
      JSON.parse(JSON.stringify(result.details.get('myservice-requests-latency')?.slothPlugins)),
    ).toEqual({
      service: {
        overridePrevious: false,
        chain: [{ id: 'sloth.dev/contrib/alert_for/v1', priority: 0 }],
      },
      slo: {
        overridePrevious: false,
        chain: [{ id: 'sloth.dev/core/debug/v1', priority: 10, config: { msg: 'hello' } }],
      },
    });
  });

  it('reads the Kubernetes PrometheusServiceLevel (camelCase; objective may be quoted, as json.Number)', () => {
    const result = parse([fixture('sloth/k8s.yaml')]);
    const [objective] = result.objectives;
    expect(objective?.id).toBe('myservice-requests-availability');
    expect(objective?.target.percent).toBe(99.5);
    expect(objective?.sli).toMatchObject({
      kind: 'promql',
      totalQuery: expect.stringContaining('{{.window}}') as unknown,
    });
    expect(result.details.get('myservice-requests-availability')?.format).toBe(
      'sloth/kubernetes/v1',
    );
    expect(result.details.get('myservice-requests-availability')?.sloth?.page.labels).toEqual({
      severity: 'pageteam',
    });
  });

  it('turns both alerts disabled into no alerting, without alerting.name (no-alerts.yaml)', () => {
    const result = parse([fixture('sloth/no-alerts.yaml')]);
    expect(result.objectives[0]?.alerting).toBeUndefined();
    expect(result.details.get('myapp-http-availability')?.sloth).toMatchObject({
      page: { disabled: true },
      ticket: { disabled: true },
    });
  });

  it.each([
    // REFERENCE.md §2.2 catalogs: 28d factors 13.44, 5.6, 2.8, 0.9333…; 7d 13.44, 3.5, 1.4, 0.98.
    ['28d', 28 * DAY, [13.44, 5.6, 2.8, 0.9333333333333333]],
    ['7d', 7 * DAY, [13.44, 3.5, 1.4, 0.98]],
  ] as const)(
    'uses the %s catalog with slothPeriod, with exact factors',
    (period, length, factors) => {
      const { objectives } = parse([fixture('sloth/k8s.yaml')], { slothPeriod: period });
      expect(objectives[0]?.window).toEqual({ kind: 'rolling', duration: length });
      expect(objectives[0]?.alerting?.tiers.map((t) => t.factor)).toEqual(factors);
    },
  );
});

describe('parse: inputs and errors', () => {
  it('reads several documents, formats mixed, from one string', () => {
    const text = `${readFileSync(new URL('sloth/no-alerts.yaml', FIXTURES), 'utf8')}---\n${slo('target: 0.99')}`;
    expect(parse(text).objectives.map((o) => o.id)).toEqual(['myapp-http-availability', 't']);
  });

  it('reports the same objective id from two files as DUPLICATE_ID', () => {
    const result = safeParse([
      { file: 'a.yaml', text: slo('target: 0.99') },
      { file: 'b.yaml', text: slo('target: 0.9') },
    ]);
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([
      'b.yaml:4:9: metadata.name: SLO "t" is defined twice; the first is at a.yaml:4:9. Names must be unique per kind',
    ]);
  });

  it('throws NinesError INVALID_SPEC holding every issue; safeParse returns them', () => {
    const text = 'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\nspec: {}\n';
    let caught: unknown;
    try {
      parse(text, { file: 'x.yaml' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    const error = caught as NinesError;
    expect(error.code).toBe('INVALID_SPEC');
    expect(error.issues).toHaveLength(5);
    expect(error.message.split('\n')[0]).toBe('5 problems:');
    const safe = safeParse(text, { file: 'x.yaml' });
    expect(safe.success ? [] : safe.issues).toEqual(error.issues);
  });

  it('accepts empty input and comment-only files as no objectives', () => {
    expect(parse('').objectives).toEqual([]);
    expect(parse('# nothing yet\n---\n').objectives).toEqual([]);
  });

  it.each([
    ['not text', 42, undefined, 'parse takes YAML text or an array of { file, text }'],
    [
      'bad file entry',
      [{ file: 'a.yaml' }] as unknown,
      undefined,
      'each document must be { file: string, text: string }',
    ],
    [
      'bad slothPeriod',
      '',
      { slothPeriod: '42d' },
      'options.slothPeriod must be one of 30d, 28d, 7d (the periods Sloth ships window catalogs for), got "42d"',
    ],
    [
      'bad defaultAlerting',
      '',
      { defaultAlerting: 'yes' },
      'options.defaultAlerting must be "none" or "workbook", got "yes"',
    ],
  ])(
    'reports bad arguments (%s) as INVALID_ARGUMENT issues',
    (_name, documents, options, message) => {
      const result = safeParse(documents as string, options as never);
      expect(result.success ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
        ['INVALID_ARGUMENT', message],
      ]);
    },
  );
});
