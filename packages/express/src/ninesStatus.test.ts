import { afterEach, describe, expect, it } from 'vitest';
import { createNines } from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  bySeries,
  listen,
  meterHarness,
  watch,
  type Listening,
} from '../test/harness.js';
import { ninesExpress, ninesStatus } from './ninesExpress.js';

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

const objectives = [
  {
    id: 'checkout-availability',
    name: 'Checkout availability',
    service: 'shop',
    targetPercent: 99.9,
    window: '1h',
    sli: { kind: 'http-availability' as const, matchers: [] },
  },
];

describe.each(EXPRESS_VERSIONS)('status endpoint on $name', ({ express }) => {
  it('serves the status JSON at statusPath, unmeasured, GET and HEAD only', async () => {
    let now = Date.UTC(2026, 0, 1, 12);
    const meter = meterHarness();
    const nines = watch(
      createNines({
        objectives,
        meterProvider: meter.provider,
        manualTimers: true,
        clock: () => now,
      }),
    );
    const app = express();
    app.use(ninesExpress(nines, { statusPath: '/slo' }));
    app.get('/checkout', (_req, res) => {
      res.send('paid');
    });
    app.get('/fail', (_req, res) => {
      res.status(502).send('upstream');
    });
    const server = await listen(app);
    running.push(server);
    for (const path of ['/checkout', '/checkout', '/checkout', '/fail']) {
      await fetch(server.url + path).then((r) => r.text());
    }
    await nines.recorded(4);
    now += 1000;
    nines.evaluator?.tick();

    const response = await fetch(`${server.url}/slo?pretty`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const payload = (await response.json()) as {
      service: string;
      at: number;
      objectives: { id: string; name: string; target: number; good: number; total: number }[];
    };
    expect(payload.service).toBe('shop');
    expect(payload.at).toBe(now);
    expect(
      payload.objectives.map(({ id, name, target, good, total }) => ({
        id,
        name,
        target,
        good,
        total,
      })),
    ).toEqual([
      {
        id: 'checkout-availability',
        name: 'Checkout availability',
        target: 0.999,
        good: 3,
        total: 4,
      },
    ]);

    const head = await fetch(`${server.url}/slo`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${server.url}/slo`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.text();

    // Only the four app requests were measured; /slo/deeper is the app's, a 404.
    await fetch(`${server.url}/slo/deeper`).then((r) => r.text());
    await nines.recorded(5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(nines.ends.map((end) => end.route ?? `(none) ${String(end.status)}`)).toEqual([
      '/checkout',
      '/checkout',
      '/checkout',
      '/fail',
      '(none) 404',
    ]);
  });

  it('mounts as a measured route with ninesStatus', async () => {
    const meter = meterHarness();
    const middleware = ninesExpress({ meterProvider: meter.provider, objectives });
    const app = express();
    app.use(middleware);
    app.get('/internal/slo', ninesStatus(middleware));
    const server = await listen(app);
    running.push(server);
    const response = await fetch(`${server.url}/internal/slo`);
    const payload = (await response.json()) as { objectives: { id: string; total: number }[] };
    expect(payload.objectives.map(({ id, total }) => ({ id, total }))).toEqual([
      { id: 'checkout-availability', total: 0 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bySeries(await meter.points()).map((one) => one.attributes['http.route'])).toEqual([
      '/internal/slo',
    ]);
    await middleware.nines.shutdown();
  });
});
