import { definePolicy, type AlertEvent } from '@nines/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FASTIFY_VERSIONS, listen, meterSetup } from '../test/harness.js';
import { fastifyNines } from './plugin.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/**
 * The scenario of issue 4: errors injected into a live Fastify app make the page alert fire
 * through `onAlert`, and recovery resolves it. A 1-hour objective with one page tier over
 * 5 min / 1 min at factor 10 (threshold 10 × 1% = 10% errors), a fake clock and manual timers,
 * so ten minutes of traffic take well under a second.
 */
describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it('page alert fires on injected errors and resolves on recovery', async () => {
    let now = T0;
    const alerts: AlertEvent[] = [];
    const { provider } = meterSetup();
    const app = v.create({ logger: false });
    apps.push(app);
    await app.register(fastifyNines, {
      meterProvider: provider,
      clock: () => now,
      manualTimers: true,
      onAlert: (event) => alerts.push(event),
      objectives: [
        {
          id: 'checkout-availability',
          target: 0.99,
          window: '1h',
          sli: {
            kind: 'http-availability',
            matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
          },
          alerting: definePolicy({
            period: '1h',
            tiers: [
              { name: 'page', severity: 'page', longWindow: '5m', shortWindow: '1m', factor: 10 },
            ],
          }),
        },
      ],
    });
    let failing = false;
    app.post('/checkout', async (_request, reply) => {
      if (failing) throw new Error('payment backend down');
      return reply.code(201).send({ ok: true });
    });
    const base = await listen(app);

    /** One minute of traffic: 20 checkouts, then the clock moves on and the evaluator runs. */
    const minute = async (): Promise<number> => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${base}/checkout`, { method: 'POST' });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      now += MINUTE;
      app.nines.evaluate();
      return statuses.filter((s) => s >= 500).length;
    };

    // 5 healthy minutes: no alert.
    for (let m = 0; m < 5; m++) expect(await minute()).toBe(0);
    expect(alerts).toEqual([]);

    // Errors injected: every checkout fails. The 1-minute window is at 100% errors at once;
    // the 5-minute window passes 10% within the first minute too (20 bad of 100).
    failing = true;
    expect(await minute()).toBe(20);
    expect(alerts.map((a) => [a.state, a.tier, a.severity])).toEqual([['firing', 'page', 'page']]);
    expect(alerts[0]).toMatchObject({
      objectiveId: 'checkout-availability',
      at: T0 + 6 * MINUTE,
      longWindow: 5 * MINUTE,
      shortWindow: MINUTE,
      factor: 10,
    });
    expect(alerts[0]!.shortBurnRate).toBe(100); // 100% errors / 1% budget
    await minute(); // still failing: no new transition
    expect(alerts).toHaveLength(1);

    // Recovery: one healthy minute empties the short window below the threshold.
    failing = false;
    expect(await minute()).toBe(0);
    expect(alerts.map((a) => [a.state, a.tier])).toEqual([
      ['firing', 'page'],
      ['resolved', 'page'],
    ]);
    expect(alerts[1]).toMatchObject({ at: T0 + 8 * MINUTE, shortBurnRate: 0 });

    const status = app.nines.status().objectives[0];
    expect([status?.good, status?.total]).toEqual([120, 160]);
  });
});
