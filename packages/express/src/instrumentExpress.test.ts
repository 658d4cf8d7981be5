/**
 * What is particular to `instrumentExpress(app)`; the behaviour it shares with the middleware
 * (route templates, errors, aborts, attributes) runs in ninesExpress.test.ts for both forms.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { NinesError } from '@nines/core';
import { createNines } from '@nines/otel';
import { EXPRESS_VERSIONS, get, listen, watch, type Listening } from '../test/harness.js';
import { instrumentExpress } from './instrumentExpress.js';
import { ninesExpress } from './ninesExpress.js';

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe.each(EXPRESS_VERSIONS)('instrumentExpress on $name', ({ express }) => {
  it('adds no layer, and instrumenting twice returns the same Nines', () => {
    const app = express();
    app.get('/x', (_req, res) => {
      res.send('x');
    });
    const nines = createNines({});
    const router =
      (app as unknown as { _router?: { stack: unknown[] }; router: { stack: unknown[] } })
        ._router ?? (app as unknown as { router: { stack: unknown[] } }).router;
    const layers = router.stack.length;
    expect(instrumentExpress(app, nines)).toBe(nines);
    expect(instrumentExpress(app, createNines({}))).toBe(nines);
    expect(router.stack.length).toBe(layers);
  });

  it('counts a request once with the middleware also registered, or a sub-app also instrumented', async () => {
    const nines = watch(createNines({}));
    const app = express();
    instrumentExpress(app, nines);
    app.use(ninesExpress(nines));
    const admin = express();
    instrumentExpress(admin, nines);
    admin.get('/users/:id', (_req, res) => {
      res.send('admin user');
    });
    app.use('/admin', admin);
    app.get('/items/:id', (_req, res) => {
      res.send('item');
    });
    const server = await listen(app);
    running.push(server);
    await get(`${server.url}/items/1`);
    await get(`${server.url}/admin/users/7`);
    await nines.recorded(2);
    await sleep(20);
    expect(nines.ends.map((end) => [end.route, end.status])).toEqual([
      ['/items/:id', 200],
      ['/admin/users/:id', 200],
    ]);
  });

  it('routes added after instrumenting are templated, and statusPath is served unmeasured', async () => {
    const nines = watch(createNines({}));
    const app = express();
    instrumentExpress(app, nines, { statusPath: '/slo' });
    app.get('/late/:id', (_req, res) => {
      res.send('late');
    });
    const server = await listen(app);
    running.push(server);
    const status = await get(`${server.url}/slo`);
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toHaveProperty('objectives');
    await get(`${server.url}/late/3`);
    await nines.recorded(1);
    await sleep(20);
    expect(nines.ends.map((end) => end.route)).toEqual(['/late/:id']);
  });
});

describe('instrumentExpress bad input', () => {
  it('throws a NinesError naming the argument for what is not an Express app', () => {
    for (const app of [null, undefined, 42, {}, { handle: 'no' }]) {
      expect(() => instrumentExpress(app as never)).toThrow(NinesError);
    }
    try {
      instrumentExpress({});
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', path: ['app'] });
      expect((error as Error).message).toMatch(/expects an Express application/);
    }
  });

  it('rejects a statusPath that is not a path', () => {
    expect(() => instrumentExpress({ handle: () => undefined }, { statusPath: 'slo' })).toThrow(
      /statusPath "slo" is not a path/,
    );
  });
});
