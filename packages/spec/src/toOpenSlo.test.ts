import { readFileSync, readdirSync } from 'node:fs';
import {
  NinesError,
  defineObjective,
  defineObjectives,
  definePolicy,
  nominalWindowLength,
  workbookPolicy,
} from '@nines/core';
import type { BudgetingInput, BurnRatePolicy, ObjectiveInput, Sli, SloWindow } from '@nines/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, toOpenSlo } from './index.js';
import type { SpecFile } from './index.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const fixture = (path: string): SpecFile => ({
  file: path,
  text: readFileSync(new URL(path, FIXTURES), 'utf8'),
});
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('toOpenSlo', () => {
  it('writes a Service, then an SLO with its SLI inline and one AlertPolicy per tier', () => {
    const objective = defineObjective({
      id: 'checkout-availability',
      service: 'checkout',
      name: 'Checkout availability',
      targetPercent: 99.9,
      window: '28d',
      sli: {
        kind: 'http-availability',
        matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
      },
      alerting: definePolicy({
        period: '28d',
        tiers: [{ name: 'page-fast', severity: 'page', longWindow: '1h', factor: 14.4, for: '2m' }],
      }),
      labels: { team: 'payments' },
    });
    expect(toOpenSlo([objective])).toMatchInlineSnapshot(`
      "apiVersion: openslo/v1
      kind: Service
      metadata:
        name: checkout
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-availability
        labels:
          team: payments
        annotations:
          nines.dev/alerting-policy: custom
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-availability
          spec:
            ratioMetric:
              counter: true
              rawType: success
              raw:
                metricSource:
                  type: nines
                  spec:
                    sli: http-availability
                    matchers:
                      - attribute: http.route
                        op: =
                        value: /checkout
        timeWindow:
          - duration: 4w
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - displayName: Checkout availability
            target: 0.999
        alertPolicies:
          - kind: AlertPolicy
            metadata:
              name: page-fast
            spec:
              alertWhenBreaching: true
              conditions:
                - kind: AlertCondition
                  metadata:
                    name: page-fast
                    annotations:
                      nines.dev/short-window: 5m
                      nines.dev/budget-percent: "2.142857142857143"
                  spec:
                    severity: page
                    condition:
                      kind: burnrate
                      op: gte
                      threshold: 14.4
                      lookbackWindow: 1h
                      alertAfter: 2m
      "
    `);
  });

  it('writes 99.9 as target: 0.999 or targetPercent: 99.9, never 0.9990000000000001', () => {
    const objective = defineObjective({
      id: 'x',
      targetPercent: 99.9,
      window: '30d',
      sli: { kind: 'events' },
      alerting: false,
    });
    expect(toOpenSlo([objective], { services: false })).toContain('    - target: 0.999\n');
    expect(toOpenSlo([objective], { targetFormat: 'percent', services: false })).toContain(
      '    - targetPercent: 99.9\n',
    );
    expect(toOpenSlo([objective], { services: false })).not.toContain('0.9990000000000001');
  });

  it('round-trips every valid fixture: parse(toOpenSlo(parse(x).objectives)) has the same objectives', () => {
    const sets: string[][] = [
      ['openslo/checkout.yaml'],
      ['openslo/timeslices-calendar.yaml'],
      ['openslo/ratio-timeslices.yaml'],
      ['openslo/composite.yaml'],
      ['openslo/list.yaml'],
      readdirSync(new URL('openslo/multi-file/', FIXTURES)).map(
        (name) => `openslo/multi-file/${name}`,
      ),
      ['sloth/getting-started.yaml'],
      ['sloth/k8s.yaml'],
      ['sloth/no-alerts.yaml'],
    ];
    for (const set of sets) {
      const { objectives } = parse(set.map(fixture));
      expect(parse(toOpenSlo(objectives), { file: 'out.yaml' }).objectives).toEqual(objectives);
    }
  });

  it('keeps ids that are not RFC 1123 names, and sub-minute `for`, in nines.dev annotations', () => {
    const objective = defineObjective({
      id: 'Checkout_API.v2',
      window: '30d',
      target: 0.99,
      sli: { kind: 'events' },
      alerting: definePolicy({
        name: 'custom',
        period: '30d',
        tiers: [
          {
            name: 'Page Fast',
            severity: 'page',
            longWindow: '1h',
            shortWindow: '5m',
            factor: 14.4,
            for: '90s',
          },
        ],
        minEvents: 10,
      }),
    });
    const text = toOpenSlo([objective], { services: false });
    expect(text).toContain('nines.dev/id: Checkout_API.v2');
    expect(text).toContain('nines.dev/tier: Page Fast');
    expect(text).toContain('nines.dev/for: 1m30s');
    expect(text).toContain('nines.dev/min-events: "10"');
    expect(parse(text).objectives).toEqual([objective]);
  });

  it('throws NinesError INVALID_SPEC listing what OpenSLO cannot hold', () => {
    const objective = defineObjective({
      id: 'odd',
      window: 90_000, // 1m30s: OpenSLO shorthand has no seconds
      target: 0.99,
      sli: { kind: 'promql', errorRatioQuery: 'errors_ratio' },
      alerting: false,
      labels: { 'not a key': 'x' },
    });
    let caught: unknown;
    try {
      toOpenSlo([objective]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    expect((caught as NinesError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_SPEC', '0.labels.not a key'],
      ['INVALID_SPEC', '0.sli.errorRatioQuery'],
      ['INVALID_SPEC', '0.window.duration'],
    ]);
  });
});

// ---- Generated objectives: parse(toOpenSlo(objectives)) equals objectives (property) ----

const decimal = (maxDigits: number): fc.Arbitrary<number> =>
  fc
    .tuple(fc.integer({ min: 1, max: 10 ** maxDigits - 1 }), fc.integer({ min: 1, max: maxDigits }))
    .map(([units, scale]) => Number(`${units}e-${scale}`))
    .filter((value) => value > 0 && value < 1);

const target = fc.oneof(
  decimal(6).map((fraction) => ({ target: fraction })),
  fc
    .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 3 }))
    .map(([units, scale]) => Number(`${units}e-${scale}`))
    .filter((percent) => percent > 0 && percent < 100)
    .map((percent) => ({ targetPercent: percent })),
);

const window: fc.Arbitrary<SloWindow> = fc.oneof(
  fc
    .integer({ min: 60, max: 120 * 24 * 60 })
    .map((minutes): SloWindow => ({ kind: 'rolling', duration: minutes * MIN })),
  fc
    .constantFrom(7, 14, 28, 30, 90)
    .map((days): SloWindow => ({ kind: 'rolling', duration: days * DAY })),
  fc
    .record({
      unit: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
      count: fc.integer({ min: 1, max: 3 }),
      timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'),
      startTime: fc.option(fc.constantFrom('2026-01-01 00:00:00', '2025-12-29 08:30:00'), {
        nil: undefined,
      }),
    })
    .map(({ startTime, ...rest }): SloWindow => ({
      kind: 'calendar',
      ...rest,
      ...(startTime === undefined ? {} : { startTime }),
    })),
);

const budgeting: fc.Arbitrary<BudgetingInput> = fc.oneof(
  fc.constant('occurrences' as const),
  fc.record(
    {
      method: fc.constant('timeslices' as const),
      slice: fc.integer({ min: 1, max: 60 }).map((m) => m * MIN),
      sliceTarget: fc.oneof(fc.constant(1), decimal(3)),
      op: fc.constantFrom('gte' as const, 'gt' as const, 'lte' as const, 'lt' as const),
      emptySlice: fc.constantFrom('good' as const, 'bad' as const, 'skip' as const),
    },
    { requiredKeys: ['method', 'slice', 'sliceTarget'] },
  ),
  fc.record(
    {
      method: fc.constant('ratio-timeslices' as const),
      slice: fc.integer({ min: 1, max: 60 }).map((m) => m * MIN),
      emptySlice: fc.constantFrom('good' as const, 'bad' as const, 'skip' as const),
    },
    { requiredKeys: ['method', 'slice'] },
  ),
);

const matcher = fc.oneof(
  fc.record({
    attribute: fc.constantFrom('http.route', 'http.request.method', 'server.address'),
    op: fc.constantFrom('=' as const, '!=' as const),
    value: fc.string({ maxLength: 12 }),
  }),
  fc.record({
    attribute: fc.constantFrom('http.route', 'url.scheme'),
    op: fc.constantFrom('=~' as const, '!~' as const),
    value: fc.stringMatching(/^[a-z0-9/.]{0,10}$/),
  }),
);

const query = fc
  .tuple(
    fc.constantFrom('http_requests_total', 'errors', 'jobs_done'),
    fc.string({ maxLength: 10 }),
  )
  .map(([metric, value]) => `sum(rate(${metric}{label=${JSON.stringify(value)}}[{{.window}}]))`);

const sli: fc.Arbitrary<Sli> = fc.oneof(
  fc
    .array(matcher, { maxLength: 3 })
    .map((matchers): Sli => ({ kind: 'http-availability', matchers })),
  fc
    .tuple(fc.constantFrom(0.005, 0.1, 0.25, 0.3, 1, 2.5), fc.array(matcher, { maxLength: 2 }))
    .map(([threshold, matchers]): Sli => ({ kind: 'http-latency', threshold, matchers })),
  fc.constant<Sli>({ kind: 'events' }),
  query.map((q): Sli => ({ kind: 'promql', errorRatioQuery: q })),
  fc.tuple(query, query).map(([a, b]): Sli => ({ kind: 'promql', goodQuery: a, totalQuery: b })),
  fc.tuple(query, query).map(([a, b]): Sli => ({ kind: 'promql', errorQuery: a, totalQuery: b })),
);

function customPolicy(period: number): fc.Arbitrary<BurnRatePolicy> {
  const maxLongMinutes = Math.min(period / MIN, 7 * 24 * 60);
  const tier = fc
    .record({
      severity: fc.constantFrom('page', 'ticket', 'critical'),
      longMinutes: fc.integer({ min: 2, max: maxLongMinutes }),
      shortSeconds: fc.option(fc.integer({ min: 1, max: 119 }), { nil: undefined }),
      factorTenths: fc.integer({ min: 1, max: 200 }),
      useBudget: fc.boolean(),
      forSeconds: fc.option(fc.integer({ min: 0, max: 7200 }), { nil: undefined }),
    })
    .map(({ severity, longMinutes, shortSeconds, factorTenths, useBudget, forSeconds }) => ({
      severity,
      longWindow: longMinutes * MIN,
      ...(shortSeconds === undefined ? {} : { shortWindow: shortSeconds * 1000 }),
      ...(useBudget ? { budgetPercent: factorTenths / 10 } : { factor: factorTenths / 10 }),
      ...(forSeconds === undefined ? {} : { for: forSeconds * 1000 }),
    }));
  return fc
    .record({
      name: fc.constantFrom('custom', 'openslo', 'pyrra-30d'),
      tiers: fc.uniqueArray(
        fc.tuple(fc.constantFrom('page-fast', 'Page Slow', 'ticket_1', 'x'), tier),
        {
          minLength: 1,
          maxLength: 3,
          selector: ([name]) => name,
        },
      ),
      minEvents: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      periodFactor: fc.constantFrom(1, 2),
    })
    .map(({ name, tiers, minEvents, periodFactor }) =>
      definePolicy({
        name,
        // A policy may be derived for another period than the window's nominal length.
        period: period * periodFactor,
        tiers: tiers.map(([tierName, t]) => ({ name: tierName, ...t })),
        ...(minEvents === undefined ? {} : { minEvents }),
      }),
    );
}

const objectiveInput = fc
  .record({
    id: fc.oneof(
      fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
      fc.stringMatching(/^[A-Za-z0-9][-A-Za-z0-9_.]{0,70}$/),
    ),
    service: fc.constantFrom('checkout', 'api', 'default', 'My Service'),
    name: fc.option(
      fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
      { nil: undefined },
    ),
    description: fc.option(fc.string({ maxLength: 40, unit: 'grapheme' }), { nil: undefined }),
    target,
    window,
    budgeting,
    sli,
    labels: fc.dictionary(
      fc.stringMatching(/^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,8}[a-zA-Z0-9])?$/),
      fc.string({ maxLength: 10 }),
      {
        maxKeys: 3,
      },
    ),
  })
  .chain((input) => {
    const period = nominalWindowLength(input.window);
    const alerting = fc.oneof(
      fc.constant<false | undefined | BurnRatePolicy>(false),
      customPolicy(period),
      ...(period >= 3 * DAY ? [fc.constant(undefined), fc.constant(workbookPolicy(period))] : []),
    );
    return alerting.map((policy): ObjectiveInput => {
      const { target: t, name, description, ...rest } = input;
      return {
        ...rest,
        ...t,
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        ...(policy === undefined ? {} : { alerting: policy }),
      };
    });
  });

describe('toOpenSlo: round trip (property)', () => {
  it('parse(toOpenSlo(objectives)).objectives equals objectives, for generated objectives', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(objectiveInput, { minLength: 1, maxLength: 4, selector: (o) => o.id }),
        (inputs) => {
          const objectives = defineObjectives(inputs);
          const text = toOpenSlo(objectives);
          expect(parse(text, { file: 'generated.yaml' }).objectives).toEqual(objectives);
          expect(
            parse(toOpenSlo(objectives, { targetFormat: 'percent' })).objectives.map(
              (o) => o.target,
            ),
          ).toEqual(objectives.map((o) => o.target));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
