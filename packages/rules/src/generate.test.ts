import { defineObjective, type ObjectiveInput } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../test/promtool.js';
import { generateRules, type AlertingRule, type RecordingRule } from './generate.js';
import { renderPrometheusRule, renderRuleFile, toPrometheusRule } from './render.js';

const availability: ObjectiveInput = {
  id: 'checkout-availability',
  service: 'checkout',
  targetPercent: 99.9,
  window: '30d',
  sli: {
    kind: 'http-availability',
    matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
  },
  labels: { team: 'payments' },
};

const latency: ObjectiveInput = {
  id: 'checkout-latency',
  service: 'checkout',
  target: 0.99,
  window: '28d',
  sli: { kind: 'http-latency', threshold: 1, matchers: [] },
};

function records(objective: ObjectiveInput, naming: 'nines' | 'sloth' = 'nines'): RecordingRule[] {
  return generateRules([defineObjective(objective)], { naming })
    .groups.flatMap((g) => g.rules)
    .filter((r): r is RecordingRule => 'record' in r);
}

function alerts(objective: ObjectiveInput): AlertingRule[] {
  return generateRules([defineObjective(objective)])
    .groups.flatMap((g) => g.rules)
    .filter((r): r is AlertingRule => 'alert' in r);
}

describe('generateRules', () => {
  it('records the error ratio for every distinct window, ascending (REFERENCE.md §10 #20)', () => {
    expect(
      records(availability)
        .filter((r) => r.record.startsWith('nines:slo_error_ratio'))
        .map((r) => r.record),
    ).toEqual([
      'nines:slo_error_ratio:rate5m',
      'nines:slo_error_ratio:rate30m',
      'nines:slo_error_ratio:rate1h',
      'nines:slo_error_ratio:rate2h',
      'nines:slo_error_ratio:rate6h',
      'nines:slo_error_ratio:rate1d',
      'nines:slo_error_ratio:rate3d',
      'nines:slo_error_ratio:rate30d',
    ]);
  });

  it('computes the period from counts, guards zero traffic, and counts a window without errors as 0', () => {
    const period = records(availability).find((r) => r.record === 'nines:slo_error_ratio:rate30d');
    expect(period?.expr).toMatchInlineSnapshot(`
      "(sum((rate(http_server_request_duration_count{http_route="/checkout",error_type!=""}[30d]) or rate(http_server_request_duration_seconds_count{http_route="/checkout",error_type!=""}[30d]))) or sum((rate(http_server_request_duration_count{http_route="/checkout"}[30d]) or rate(http_server_request_duration_seconds_count{http_route="/checkout"}[30d]))) * 0)
      /
      (sum((rate(http_server_request_duration_count{http_route="/checkout"}[30d]) or rate(http_server_request_duration_seconds_count{http_route="/checkout"}[30d]))) > 0)"
    `);
  });

  it('prints targets and thresholds exactly (REFERENCE.md §10 #16-#18: no 0.9990000000000001)', () => {
    const all = records(availability);
    expect(all.find((r) => r.record === 'nines:slo_objective:ratio')?.expr).toBe('vector(0.999)');
    expect(all.find((r) => r.record === 'nines:slo_error_budget:ratio')?.expr).toBe(
      'vector(0.001)',
    );
    const text = renderRuleFile(generateRules([defineObjective(availability)]));
    expect(text).not.toMatch(/0\.99900000|0\.000999999|0\.0144000/);
  });

  it('writes one alert per tier with a stable tier label and the window pair (WB-5 Table 5-8)', () => {
    const rules = alerts(availability);
    expect(
      rules.map((r) => [
        r.labels.nines_tier,
        r.labels.severity,
        r.labels.long_window,
        r.labels.short_window,
      ]),
    ).toEqual([
      ['page-fast', 'page', '1h', '5m'],
      ['page-slow', 'page', '6h', '30m'],
      ['ticket-fast', 'ticket', '1d', '2h'],
      ['ticket-slow', 'ticket', '3d', '6h'],
    ]);
    expect(rules[0]?.expr).toBe(
      'nines:slo_error_ratio:rate1h{nines_slo="checkout-availability",nines_service="checkout"} >= 0.0144\n' +
        'and\n' +
        'nines:slo_error_ratio:rate5m{nines_slo="checkout-availability",nines_service="checkout"} >= 0.0144',
    );
  });

  it('matches integral le bounds in Prometheus 2 and 3 (REFERENCE.md §1.7, pyrra#1502)', () => {
    const rule = records(latency).find((r) => r.record === 'nines:slo_error_ratio:rate5m');
    expect(rule?.expr).toContain('le=~"1(\\\\.0)?"');
  });

  it('reproduces Sloth record names and labels in sloth mode (REFERENCE.md §3.1)', () => {
    const all = records(
      { ...availability, id: 'svc01-slo1', service: 'svc01', name: 'slo1' },
      'sloth',
    );
    const names = new Set(all.map((r) => r.record));
    for (const name of [
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30d',
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:time_period:days',
      'slo:current_burn_rate:ratio',
      'slo:period_burn_rate:ratio',
      'slo:period_error_budget_remaining:ratio',
      'sloth_slo_info',
    ]) {
      expect(names).toContain(name);
    }
    const sli = all.find((r) => r.record === 'slo:sli_error:ratio_rate5m');
    expect(sli?.labels).toEqual({
      team: 'payments',
      sloth_id: 'svc01-slo1',
      sloth_service: 'svc01',
      sloth_slo: 'slo1',
      sloth_window: '5m',
    });
    expect(all.find((r) => r.record === 'slo:time_period:days')?.expr).toBe('vector(30)');
    expect(all.find((r) => r.record === 'sloth_slo_info')?.labels?.sloth_objective).toBe('99.9');
  });

  it('passes promtool check rules for every naming and SLI kind', async () => {
    const objectives = [
      availability,
      latency,
      { ...availability, id: 'events', sli: { kind: 'events' } } as const,
    ].map((o) => defineObjective(o));
    for (const naming of ['nines', 'sloth'] as const) {
      for (const metricNaming of ['exporter', 'otlp', 'both'] as const) {
        const file = generateRules(objectives, {
          naming,
          metricNaming,
          groupBy: ['http.route'],
          noDataAlert: { for: '10m' },
          runbookUrl: 'https://runbooks.example/{{id}}',
          interval: '30s',
        });
        const result = await checkRules(renderRuleFile(file));
        expect(result.output).toContain('SUCCESS');
        expect(result.ok).toBe(true);
      }
    }
  });

  it('wraps rules in a PrometheusRule resource', () => {
    const resource = toPrometheusRule(generateRules([defineObjective(availability)]), {
      name: 'checkout-slos',
      namespace: 'shop',
      labels: { release: 'prometheus' },
    });
    const text = renderPrometheusRule(resource);
    expect(
      text.startsWith(
        'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: checkout-slos\n  namespace: shop\n',
      ),
    ).toBe(true);
  });
});
