import type { AlertEvent } from '@nines/core';
import { definePolicy } from '@nines/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createNines } from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  errorHandler,
  listen,
  meterHarness,
  watch,
  type Listening,
} from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * The end-to-end scenario of issue 4: errors injected into a live Express app make the page
 * alert fire through onAlert, and recovery resolves it. The objective's window is one day and
 * the page tier watches 1 h / 5 min at burn rate 14.4 (SRE Workbook table 5-8 factors, REFERENCE.md
 * §2.1), so its error-ratio threshold is 14.4 × (1 − 0.99) = 0.144. Requests are real; time is
 * a fake clock the test moves one minute per step, flushing and evaluating by hand
 * (manualTimers), so an hour of traffic takes a second.
 */

const MINUTE = 60_000;
const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe.each(EXPRESS_VERSIONS)('page alert scenario on $name', ({ express }) => {
  it('fires on injected errors and resolves after recovery', async () => {
    const start = Date.UTC(2026, 0, 1, 9);
    let now = start;
    const alerts: AlertEvent[] = [];
    const meter = meterHarness();
    const nines = watch(
      createNines({
        meterProvider: meter.provider,
        manualTimers: true,
        clock: () => now,
        onAlert: (event) => alerts.push(event),
        objectives: [
          {
            id: 'checkout-availability',
            service: 'shop',
            targetPercent: 99,
            window: '1d',
            sli: {
              kind: 'http-availability',
              matchers: [{ attribute: 'http.route', op: '=', value: '/api/checkout/:cartId' }],
            },
            alerting: definePolicy({
              period: '1d',
              tiers: [
                {
                  name: 'page-fast',
                  severity: 'page',
                  longWindow: '1h',
                  shortWindow: '5m',
                  factor: 14.4,
                },
              ],
            }),
          },
        ],
      }),
    );

    let failing = false;
    const app = express();
    app.use(ninesExpress(nines));
    const api = express.Router();
    api.post('/checkout/:cartId', (_req, res, next) => {
      if (failing) next(new Error('payment provider down'));
      else res.json({ ok: true });
    });
    app.use('/api', api);
    app.use(
      errorHandler((_error, _req, res) => {
        res.status(502).json({ ok: false });
      }),
    );
    const server = await listen(app);
    running.push(server);

    let sent = 0;
    /** One minute of traffic: 10 checkouts, `bad` of them while the provider is down. */
    const minute = async (bad: number): Promise<void> => {
      for (let i = 0; i < 10; i++) {
        failing = i < bad;
        const response = await fetch(`${server.url}/api/checkout/${i}`, { method: 'POST' });
        expect(response.status).toBe(failing ? 502 : 200);
        await response.text();
      }
      failing = false;
      sent += 10;
      await nines.recorded(sent);
      now += MINUTE;
      nines.evaluator?.tick();
      nines.evaluate();
    };

    for (let i = 0; i < 10; i++) await minute(0);
    expect(alerts).toEqual([]);

    // The provider goes down: half the checkouts fail.
    const outageStart = now;
    for (let i = 0; i < 10; i++) await minute(5);
    const fired = alerts.find((event) => event.state === 'firing');
    expect(fired).toMatchObject({
      objectiveId: 'checkout-availability',
      tier: 'page-fast',
      severity: 'page',
      state: 'firing',
      longWindow: 60 * MINUTE,
      shortWindow: 5 * MINUTE,
      factor: 14.4,
    });
    expect(fired?.at).toBeGreaterThan(outageStart);
    expect(fired?.at).toBeLessThanOrEqual(outageStart + 10 * MINUTE);
    expect(fired?.shortBurnRate).toBeGreaterThanOrEqual(14.4);
    expect(fired?.longBurnRate).toBeGreaterThanOrEqual(14.4);
    const [status] = nines.status().objectives;
    expect(status?.tiers.map((tier) => [tier.name, tier.state])).toEqual([['page-fast', 'firing']]);

    // Recovery: the short window clears within five minutes and the page resolves.
    const recovery = now;
    for (let i = 0; i < 10; i++) await minute(0);
    expect(alerts.map((event) => event.state)).toEqual(['firing', 'resolved']);
    const resolved = alerts[1];
    expect(resolved?.at).toBeGreaterThan(recovery);
    expect(resolved?.at).toBeLessThanOrEqual(recovery + 6 * MINUTE);

    // Every request reached the SLI through the route template, 100 of 300 bad.
    const [after] = nines.status().objectives;
    expect({ good: after?.good, total: after?.total }).toEqual({ good: 250, total: 300 });
  });
});
