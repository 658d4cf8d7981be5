/**
 * The fleet path end to end (issues #3 and #4): a real Prometheus on 127.0.0.1 scrapes the
 * example service (an Express app measured by the @nines/express middleware), loads the rules @nines/rules generates for it, and the page alert fires through the
 * Prometheus API once errors are injected; the release gate reads the budget back and turns red.
 */
import { defineObjective, definePolicy, releaseDecision } from '@nines/core';
import { generateRules, renderRuleFile } from '@nines/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleetService, type FleetService } from '../examples/fleet/src/service.js';
import { gateCommand } from '../packages/cli/src/commands/slo/gate.js';
import { memoryIo } from '../packages/cli/src/io.js';
import { readBudget } from '../packages/cli/src/commands/slo/readBudget.js';
import { startPrometheus, waitFor, type PrometheusServer } from './support/prometheus.js';

// A short period and windows so the test takes seconds, with the same rule shapes as 30d.
const objective = defineObjective({
  id: 'pay-availability',
  service: 'fleet',
  targetPercent: 99,
  window: '1h',
  sli: {
    kind: 'http-availability',
    matchers: [{ attribute: 'http.route', op: '=', value: '/pay' }],
  },
  alerting: definePolicy({
    period: '1h',
    tiers: [
      { name: 'page-fast', severity: 'page', longWindow: '20s', shortWindow: '5s', factor: 10 },
    ],
  }),
});

let service: FleetService | undefined;
let prometheus: PrometheusServer | undefined;
let traffic: NodeJS.Timeout | undefined;
let sent = 0;

function running(): { service: FleetService; prometheus: PrometheusServer } {
  if (service === undefined || prometheus === undefined) throw new Error('set-up failed');
  return { service, prometheus };
}

beforeAll(async () => {
  service = await startFleetService();
  const api = service.url;
  prometheus = await startPrometheus({
    targets: [service.metricsTarget],
    rules: {
      'slo.yaml': renderRuleFile(
        generateRules([objective], { metricNaming: 'exporter', interval: '1s' }),
      ),
    },
  });
  // Bounded load: 20 requests a second to loopback, stopped in afterAll (at most ~3,600).
  traffic = setInterval(() => {
    if (sent >= 3_600) return;
    sent++;
    void fetch(`${api}/pay`)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
  }, 50);
});

afterAll(async () => {
  if (traffic !== undefined) clearInterval(traffic);
  await prometheus?.stop();
  await service?.stop();
});

describe('fleet path on a real Prometheus', () => {
  it('records a zero error ratio and a full budget while healthy', async () => {
    const { prometheus } = running();
    const ratio = await waitFor('the 5s error ratio record', async () => {
      const r = await prometheus.query(
        'nines:slo_error_ratio:rate5s{nines_slo="pay-availability"}',
      );
      return r[0]?.value[1];
    });
    expect(Number(ratio)).toBe(0);
    const reading = await waitFor('budget remaining', async () => {
      const r = await readBudget({ kind: 'prometheus', url: prometheus.url }, objective.id);
      return r.remaining === null ? undefined : r;
    });
    expect(reading.remaining).toBe(1);
    expect(releaseDecision(reading.remaining).decision).toBe('go');
    expect((await prometheus.alerts()).filter((a) => a.state === 'firing')).toEqual([]);
  });

  it('fires the page alert after errors are injected, and the gate turns red', async () => {
    const { service, prometheus } = running();
    service.failPayments(true);
    const alert = await waitFor('the page alert to fire', async () =>
      (await prometheus.alerts()).find(
        (a) => a.state === 'firing' && a.labels.alertname === 'ErrorBudgetBurn',
      ),
    );
    expect(alert.labels).toMatchObject({
      nines_slo: 'pay-availability',
      nines_tier: 'page-fast',
      severity: 'page',
      long_window: '20s',
      short_window: '5s',
    });
    // `nines gate` reads the period budget back; it follows one rule evaluation behind.
    const gate = await waitFor('nines gate to say stop', async () => {
      const io = memoryIo();
      const code = await gateCommand.run(
        ['--prometheus', prometheus.url, '--slo', objective.id],
        io,
      );
      return code === 1 ? io.out() : undefined;
    });
    expect(gate).toMatch(/^STOP pay-availability: error budget exhausted: /);
    const reading = await readBudget({ kind: 'prometheus', url: prometheus.url }, objective.id);
    expect(reading.remaining).not.toBeNull();
    expect(reading.remaining!).toBeLessThan(0);
  });

  it('resolves the alert after recovery, as the 5s short window predicts', async () => {
    const { service, prometheus } = running();
    service.failPayments(false);
    const recovered = Date.now();
    await waitFor('the page alert to resolve', async () =>
      (await prometheus.alerts()).some((a) => a.state === 'firing') ? undefined : true,
    );
    // Short window 5 s + one scrape + one rule evaluation + one alert evaluation, with slack.
    expect(Date.now() - recovered).toBeLessThan(20_000);
  });
});
