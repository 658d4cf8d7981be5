import { once } from 'node:events';
import { connect } from 'node:net';
import type { Attributes } from '@opentelemetry/api';
import { metrics as metricsApi, diag, DiagLogLevel } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Request, Response } from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NinesError } from '@nines/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_OTEL_METRIC_OVERFLOW,
  ATTR_URL_SCHEME,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  createNines,
  type Nines,
  type NinesOptions,
} from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  errorHandler,
  bySeries,
  get,
  listen,
  meterHarness,
  watch,
  type ExpressFactory,
  type Listening,
  type MeterHarness,
  type SeriesCount,
  type WatchedNines,
} from '../test/harness.js';
import { instrumentExpress } from './instrumentExpress.js';
import { ninesExpress } from './ninesExpress.js';

type App = ReturnType<ExpressFactory>;

/** The exact attribute set of one duration series (semconv keys, REFERENCE.md §5.3). */
function series(shape: {
  route?: string;
  status?: number;
  error?: string;
  method?: string;
  scheme?: string;
  version?: string;
}): Attributes {
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: shape.method ?? 'GET',
    [ATTR_URL_SCHEME]: shape.scheme ?? 'http',
  };
  if (shape.route !== undefined) attributes[ATTR_HTTP_ROUTE] = shape.route;
  if (shape.status !== undefined) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = shape.status;
  if (shape.error !== undefined) attributes[ATTR_ERROR_TYPE] = shape.error;
  attributes[ATTR_NETWORK_PROTOCOL_VERSION] = shape.version ?? '1.1';
  return attributes;
}

interface Running {
  readonly url: string;
  readonly nines: WatchedNines;
  readonly meter: MeterHarness;
  readonly server: Listening;
}

const running: Listening[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

/** How the app is instrumented in the suite running now: every behaviour holds for both. */
let mode: 'middleware' | 'app' = 'middleware';

/** Both majors, each with the middleware and with `instrumentExpress`. */
const VARIANTS = EXPRESS_VERSIONS.flatMap((version) =>
  (['middleware', 'app'] as const).map((how) => ({
    ...version,
    how,
    name: `${version.name}, ${how === 'app' ? 'instrumentExpress(app)' : 'app.use(ninesExpress())'}`,
  })),
);

/** Instruments `app` the suite's way: the middleware first, or `instrumentExpress`. */
function instrument(app: App, nines: Nines): void {
  if (mode === 'app') instrumentExpress(app, nines);
  else app.use(ninesExpress(nines));
}

/**
 * An app instrumented the suite's way (the middleware first, or `instrumentExpress`), the
 * routes `build` adds, on a real socket.
 */
async function start(
  express: ExpressFactory,
  build: (app: App) => void,
  options: Omit<NinesOptions, 'meterProvider'> = {},
): Promise<Running> {
  const meter = meterHarness();
  const nines = watch(createNines({ meterProvider: meter.provider, ...options }));
  const app = express();
  instrument(app, nines);
  build(app);
  const server = await listen(app);
  running.push(server);
  return { url: server.url, nines, meter, server };
}

/** Compares the collected duration series with `expected`, exactly and in any order. */
async function expectSeries(meter: MeterHarness, expected: readonly SeriesCount[]): Promise<void> {
  expect(bySeries(await meter.points())).toEqual(bySeries(expected));
}

/** Sends `count` requests one after the other and waits until all were recorded. */
async function hit(run: Running, paths: readonly string[], init: RequestInit = {}): Promise<void> {
  const before = run.nines.ends.length;
  for (const path of paths) await get(run.url + path, init);
  await run.nines.recorded(before + paths.length);
}

/** Raw HTTP/1.x over a socket (for what fetch cannot send). */
async function raw(port: number, request: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(request);
  let text = '';
  socket.setEncoding('utf8');
  for await (const chunk of socket) text += chunk as string;
  return text;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(VARIANTS)('$name', ({ express, major, how }) => {
  beforeAll(() => {
    mode = how;
  });

  describe('route templates', () => {
    it('records no http.route for an unmatched path (REFERENCE.md §11.1 #1)', async () => {
      const run = await start(express, (app) => {
        app.get('/known', (_req, res) => {
          res.send('ok');
        });
      });
      await hit(run, ['/unknown/path', '/known/but/longer']);
      await expectSeries(run.meter, [{ attributes: series({ status: 404 }), count: 2 }]);
      expect(run.nines.ends.map((end) => end.route)).toEqual([undefined, undefined]);
    });

    it('joins nested routers and mounted apps into the full template (#4)', async () => {
      const run = await start(express, (app) => {
        const users = express.Router();
        users.get('/:id', (_req, res) => {
          res.send('user');
        });
        users.get('/', (_req, res) => {
          res.send('users');
        });
        const api = express.Router();
        api.use('/users', users);
        app.use('/api', api);
        const admin = express();
        admin.get('/stats', (_req, res) => {
          res.send('stats');
        });
        app.use('/admin', admin);
      });
      await hit(run, ['/api/users/7', '/api/users/8', '/api/users', '/api/users/', '/admin/stats']);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/admin/stats', status: 200 }), count: 1 },
        { attributes: series({ route: '/api/users', status: 200 }), count: 2 },
        { attributes: series({ route: '/api/users/:id', status: 200 }), count: 2 },
      ]);
    });

    it('keeps the template of a parameterised mount, never its values (#5)', async () => {
      const run = await start(express, (app) => {
        const items = express.Router({ mergeParams: true });
        items.get('/items/:itemId', (req, res) => {
          res.json(req.params);
        });
        app.use('/orgs/:orgId', items);
      });
      const body = await get(`${run.url}/orgs/7/items/9`);
      expect(JSON.parse(body.body)).toEqual({ orgId: '7', itemId: '9' });
      await hit(run, ['/orgs/8/items/10']);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/orgs/:orgId/items/:itemId', status: 200 }), count: 2 },
      ]);
    });

    it('drops the prefix of a router the request fell through (instrumentation-express #2678)', async () => {
      const run = await start(express, (app) => {
        const first = express.Router();
        first.get('/other', (_req, res) => {
          res.send('first');
        });
        first.use((_req, _res, next) => {
          next();
        });
        const second = express.Router();
        second.get('/x', (_req, res) => {
          res.send('second');
        });
        app.use('/api', first);
        app.use('/api/v2', second);
        app.get('/api/legacy', (_req, res) => {
          res.send('legacy');
        });
      });
      await hit(run, ['/api/v2/x', '/api/legacy', '/api/other']);
      expect(run.nines.ends.map((end) => end.route)).toEqual([
        '/api/v2/x',
        '/api/legacy',
        '/api/other',
      ]);
    });

    it('names array and RegExp routes deterministically (#14)', async () => {
      const run = await start(express, (app) => {
        app.get(['/a', '/b'], (_req, res) => {
          res.send('ab');
        });
        app.get(/^\/re\/(\d+)$/, (_req, res) => {
          res.send('re');
        });
        const versioned = express.Router();
        versioned.get('/ping', (_req, res) => {
          res.send('pong');
        });
        app.use(['/v1', '/v2'], versioned);
      });
      await hit(run, ['/a', '/b', '/re/12', '/re/13', '/v1/ping', '/v2/ping']);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/^\\/re\\/(\\d+)$/', status: 200 }), count: 2 },
        { attributes: series({ route: '/a,/b', status: 200 }), count: 2 },
        { attributes: series({ route: '/v1,/v2/ping', status: 200 }), count: 2 },
      ]);
    });

    it('keeps wildcard routes as registered (#15)', async () => {
      const run = await start(express, (app) => {
        if (major === 5) {
          app.get('/files/*splat', (_req, res) => {
            res.send('file');
          });
          app.get('/{*splat}', (_req, res) => {
            res.status(404).send('catch-all');
          });
        } else {
          app.get('/files/*', (_req, res) => {
            res.send('file');
          });
          app.get('*', (_req, res) => {
            res.status(404).send('catch-all');
          });
        }
      });
      await hit(run, ['/files/a/b.txt', '/files/c', '/anything/else']);
      const [files, all] = major === 5 ? ['/files/*splat', '/{*splat}'] : ['/files/*', '*'];
      await expectSeries(run.meter, [
        { attributes: series({ route: files, status: 200 }), count: 2 },
        { attributes: series({ route: all, status: 404 }), count: 1 },
      ]);
    });

    it('reads Express 4 mount paths back from their compiled regexp', async () => {
      const run = await start(express, (app) => {
        const files = express.Router({ mergeParams: true });
        files.get('/', (_req, res) => {
          res.send('file');
        });
        app.use(major === 5 ? '/u/:userId/f/:name.:ext' : '/u/:userId(\\d+)/f/:name.:ext', files);
        const optional = express.Router({ mergeParams: true });
        optional.get('/docs', (_req, res) => {
          res.send('docs');
        });
        app.use(major === 5 ? '/{:lang}' : '/:lang?', optional);
      });
      await hit(run, ['/u/1/f/report.pdf', '/en/docs', '/fr/docs']);
      const lang = major === 5 ? '/{:lang}/docs' : '/:lang?/docs';
      expect(run.nines.ends.map((end) => end.route)).toEqual([
        major === 5 ? '/u/:userId/f/:name.:ext' : '/u/:userId(\\d+)/f/:name.:ext',
        lang,
        lang,
      ]);
    });
  });

  describe('errors and status', () => {
    it('keeps the prefix through next(err) to an app-level handler and names the exception (#6)', async () => {
      class PaymentDeclined extends Error {}
      const run = await start(express, (app) => {
        const api = express.Router();
        api.get('/boom', (_req, _res, next) => {
          next(new PaymentDeclined('card'));
        });
        app.use('/api', api);
        app.use(
          errorHandler((_error, _req, res) => {
            res.status(500).send('handled');
          }),
        );
      });
      await hit(run, ['/api/boom']);
      await expectSeries(run.meter, [
        {
          attributes: series({ route: '/api/boom', status: 500, error: 'PaymentDeclined' }),
          count: 1,
        },
      ]);
    });

    it('records a 500 from Express’s own final handler (#6, no error middleware)', async () => {
      const run = await start(express, (app) => {
        const api = express.Router();
        api.get('/boom', (_req, _res, next) => {
          next(new RangeError('x'));
        });
        app.use('/api', api);
        app.set('env', 'test');
      });
      const response = await get(`${run.url}/api/boom`);
      expect(response.status).toBe(500);
      await run.nines.recorded(1);
      // router 2.3 (Express 5.3) remembers the error under a registered symbol; Express 4 shows
      // it to nothing once no middleware follows, so the status text stands in (semconv allows it).
      const error = major === 5 ? 'RangeError' : '500';
      await expectSeries(run.meter, [
        { attributes: series({ route: '/api/boom', status: 500, error }), count: 1 },
      ]);
    });

    if (major === 5) {
      it('names the class of an async throw in Express 5 (#7)', async () => {
        const run = await start(express, (app) => {
          app.get('/async', async () => {
            await Promise.resolve();
            throw new TypeError('async');
          });
          app.use(
            errorHandler((_error, _req, res) => {
              res.status(500).send('handled');
            }),
          );
        });
        await hit(run, ['/async']);
        await expectSeries(run.meter, [
          { attributes: series({ route: '/async', status: 500, error: 'TypeError' }), count: 1 },
        ]);
      });
    } else {
      it('documents that an Express 4 async throw hangs and ends as an abort (#7)', async () => {
        const vitestListeners = process.listeners('unhandledRejection');
        process.removeAllListeners('unhandledRejection');
        const unhandled = new Promise<unknown>((resolve) => {
          process.once('unhandledRejection', resolve);
        });
        try {
          const run = await start(express, (app) => {
            app.get('/async', async () => {
              await Promise.resolve();
              throw new TypeError('nines test: Express 4 leaves this rejection unhandled');
            });
          });
          const controller = new AbortController();
          const request = fetch(`${run.url}/async`, { signal: controller.signal });
          expect(await unhandled).toBeInstanceOf(TypeError);
          controller.abort();
          await expect(request).rejects.toThrow();
          await run.nines.recorded(1);
          await expectSeries(run.meter, [
            { attributes: series({ route: '/async', error: 'aborted' }), count: 1 },
          ]);
        } finally {
          for (const listener of vitestListeners) process.on('unhandledRejection', listener);
        }
      });
    }

    it('sets error.type for 5xx only, and lets the exception name win (#12)', async () => {
      class ValidationError extends Error {}
      const run = await start(express, (app) => {
        app.get('/bad-request', (_req, res) => {
          res.status(400).send('no');
        });
        app.get('/missing/:id', (_req, res) => {
          res.status(404).send('no such thing');
        });
        app.get('/unavailable', (_req, res) => {
          res.status(503).send('later');
        });
        app.get('/invalid', () => {
          throw new ValidationError('field');
        });
        app.get('/crash', () => {
          throw new SyntaxError('bug');
        });
        app.get('/recovered', (_req, _res, next) => {
          next(new RangeError('retry'));
        });
        app.use(
          errorHandler((error, req, res, next) => {
            if (error instanceof ValidationError) res.status(422).send('invalid');
            else if (req.path === '/recovered') res.status(200).send('recovered');
            else next(error);
          }),
        );
        app.use(
          errorHandler((_error, _req, res) => {
            res.status(500).send('crashed');
          }),
        );
      });
      await hit(run, [
        '/bad-request',
        '/missing/1',
        '/unavailable',
        '/invalid',
        '/crash',
        '/recovered',
      ]);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/bad-request', status: 400 }), count: 1 },
        { attributes: series({ route: '/missing/:id', status: 404 }), count: 1 },
        { attributes: series({ route: '/unavailable', status: 503, error: '503' }), count: 1 },
        { attributes: series({ route: '/invalid', status: 422 }), count: 1 },
        {
          attributes: series({ route: '/crash', status: 500, error: 'SyntaxError' }),
          count: 1,
        },
        { attributes: series({ route: '/recovered', status: 200 }), count: 1 },
      ]);
    });
  });

  describe('aborts and streams', () => {
    it('records a client abort before headers once, with no status (#8)', async () => {
      const entered = deferred();
      let late: Response | undefined;
      const run = await start(express, (app) => {
        app.get('/slow/:id', (_req, res) => {
          late = res;
          entered.resolve();
        });
      });
      const controller = new AbortController();
      const request = fetch(`${run.url}/slow/1`, { signal: controller.signal });
      await entered.promise;
      controller.abort();
      await expect(request).rejects.toThrow();
      await run.nines.recorded(1);
      // The handler answers after the client left: still one record, never a 200.
      late?.status(200).send('too late');
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(run.nines.ends).toHaveLength(1);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/slow/:id', error: 'aborted' }), count: 1 },
      ]);
    });

    it('records a client abort mid-body with the status sent (#9)', async () => {
      const run = await start(express, (app) => {
        app.get('/download', (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first chunk');
        });
      });
      const controller = new AbortController();
      const response = await fetch(`${run.url}/download`, { signal: controller.signal });
      const reader = response.body?.getReader();
      await reader?.read();
      controller.abort();
      await run.nines.recorded(1);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/download', status: 200, error: 'aborted' }), count: 1 },
      ]);
    });

    it('times a streamed response to its end (#10)', async () => {
      const run = await start(express, (app) => {
        app.get('/events', (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          let sent = 0;
          const timer = setInterval(() => {
            res.write(`data: ${sent}\n\n`);
            if (++sent === 3) {
              clearInterval(timer);
              res.end();
            }
          }, 60);
        });
      });
      const started = performance.now();
      const response = await get(`${run.url}/events`);
      const elapsed = (performance.now() - started) / 1000;
      expect(response.body).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n');
      await run.nines.recorded(1);
      const [point] = await run.meter.points();
      expect(point?.attributes).toEqual(series({ route: '/events', status: 200 }));
      expect(point?.sum).toBeGreaterThanOrEqual(0.17);
      expect(point?.sum).toBeLessThanOrEqual(elapsed);
    });

    it('marks a request timed out by connect-timeout as timeout', async () => {
      const run = await start(express, (app) => {
        app.get('/timed', (req, res) => {
          // what connect-timeout does: flag the request, then pass a 503 error on
          (req as Request & { timedout?: boolean }).timedout = true;
          res.status(503).send('Response timeout');
        });
      });
      await hit(run, ['/timed']);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/timed', status: 503, error: 'timeout' }), count: 1 },
      ]);
    });
  });

  describe('methods, scheme and protocol', () => {
    it('records unknown methods as _OTHER, honours knownMethods, never sees malformed ones (#3)', async () => {
      const routes = (app: App): void => {
        app.purge('/cache/:key', (_req, res) => {
          res.send('purged');
        });
      };
      const run = await start(express, routes);
      await hit(run, ['/cache/a'], { method: 'PURGE' });
      await hit(run, ['/nothing'], { method: 'PROPFIND' });
      const reply = await raw(run.server.port, 'get / HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(reply.startsWith('HTTP/1.1 400')).toBe(true);
      await expectSeries(run.meter, [
        { attributes: series({ method: '_OTHER', route: '/cache/:key', status: 200 }), count: 1 },
        { attributes: series({ method: '_OTHER', status: 404 }), count: 1 },
      ]);
      const custom = await start(express, routes, { knownMethods: ['GET', 'PURGE'] });
      await hit(custom, ['/cache/b'], { method: 'PURGE' });
      await expectSeries(custom.meter, [
        { attributes: series({ method: 'PURGE', route: '/cache/:key', status: 200 }), count: 1 },
      ]);
    });

    it('takes url.scheme from req.protocol: X-Forwarded-Proto only with trust proxy (#20)', async () => {
      const headers = { 'x-forwarded-proto': 'https' };
      const direct = await start(express, (app) => {
        app.get('/s', (_req, res) => {
          res.send('s');
        });
      });
      await hit(direct, ['/s'], { headers });
      const proxied = await start(express, (app) => {
        app.set('trust proxy', 'loopback');
        app.get('/s', (_req, res) => {
          res.send('s');
        });
      });
      await hit(proxied, ['/s'], { headers });
      await expectSeries(direct.meter, [
        { attributes: series({ route: '/s', status: 200, scheme: 'http' }), count: 1 },
      ]);
      await expectSeries(proxied.meter, [
        { attributes: series({ route: '/s', status: 200, scheme: 'https' }), count: 1 },
      ]);
    });

    it('passes req.httpVersion on: HTTP/1.0 is "1.0" (#19)', async () => {
      const run = await start(express, (app) => {
        app.get('/old', (_req, res) => {
          res.send('old');
        });
      });
      const reply = await raw(run.server.port, 'GET /old HTTP/1.0\r\n\r\n');
      expect(reply.startsWith('HTTP/1.0 200') || reply.startsWith('HTTP/1.1 200')).toBe(true);
      await run.nines.recorded(1);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/old', status: 200, version: '1.0' }), count: 1 },
      ]);
    });
  });

  describe('bounded cardinality (#16)', () => {
    it('records routes past maxRoutes as _OTHER', async () => {
      const run = await start(
        express,
        (app) => {
          for (const name of ['a', 'b', 'c', 'd']) {
            app.get(`/${name}/:id`, (_req, res) => {
              res.send(name);
            });
          }
        },
        { maxRoutes: 2 },
      );
      await hit(run, ['/a/1', '/b/1', '/c/1', '/d/1', '/a/2']);
      await expectSeries(run.meter, [
        { attributes: series({ route: '/a/:id', status: 200 }), count: 2 },
        { attributes: series({ route: '/b/:id', status: 200 }), count: 1 },
        { attributes: series({ route: '_OTHER', status: 200 }), count: 2 },
      ]);
    });

    it('sends series past maxSeries to the otel.metric.overflow point', async () => {
      const run = await start(
        express,
        (app) => {
          app.get('/status/:code', (req, res) => {
            res.status(Number(req.params.code)).send('');
          });
        },
        { maxSeries: 2 },
      );
      await hit(run, ['/status/200', '/status/201', '/status/202', '/status/203']);
      await expectSeries(run.meter, [
        { attributes: { [ATTR_OTEL_METRIC_OVERFLOW]: true }, count: 2 },
        { attributes: series({ route: '/status/:code', status: 200 }), count: 1 },
        { attributes: series({ route: '/status/:code', status: 201 }), count: 1 },
      ]);
    });
  });

  describe('objectives and exclusions', () => {
    const availability = {
      id: 'api-availability',
      targetPercent: 99,
      window: '1h',
      sli: { kind: 'http-availability' as const, matchers: [] },
    };

    it('feeds the objectives, except excluded routes; excludeFromMetrics drops them too (#21)', async () => {
      let now = Date.UTC(2026, 0, 1);
      const routes = (app: App): void => {
        app.get('/health', (_req, res) => {
          res.status(503).send('starting');
        });
        app.get('/work', (_req, res) => {
          res.send('done');
        });
      };
      const options = {
        objectives: [availability],
        excludeRoutes: ['/health'],
        manualTimers: true,
        clock: () => now,
      };
      const run = await start(express, routes, options);
      await hit(run, ['/health', '/health', '/work']);
      now += 1000;
      run.nines.evaluator?.tick();
      const [status] = run.nines.status().objectives;
      expect({ good: status?.good, total: status?.total }).toEqual({ good: 1, total: 1 });
      await expectSeries(run.meter, [
        { attributes: series({ route: '/health', status: 503, error: '503' }), count: 2 },
        { attributes: series({ route: '/work', status: 200 }), count: 1 },
      ]);
      const quiet = await start(express, routes, { ...options, excludeFromMetrics: true });
      await hit(quiet, ['/health', '/work']);
      await expectSeries(quiet.meter, [
        { attributes: series({ route: '/work', status: 200 }), count: 1 },
      ]);
    });

    it('works with no MeterProvider registered: nothing exported, objectives still fed (#23)', async () => {
      expect(metricsApi.getMeterProvider()).not.toBeInstanceOf(MeterProvider);
      let now = Date.UTC(2026, 0, 1);
      const nines = watch(
        createNines({ objectives: [availability], manualTimers: true, clock: () => now }),
      );
      const app = express();
      instrument(app, nines);
      app.get('/ok', (_req, res) => {
        res.send('ok');
      });
      app.get('/fail', (_req, res) => {
        res.status(500).send('fail');
      });
      const server = await listen(app);
      running.push(server);
      const responses = [await get(`${server.url}/ok`), await get(`${server.url}/fail`)];
      expect(responses).toEqual([
        { status: 200, body: 'ok' },
        { status: 500, body: 'fail' },
      ]);
      await nines.recorded(2);
      now += 1000;
      nines.evaluator?.tick();
      const [status] = nines.status().objectives;
      expect({ good: status?.good, total: status?.total }).toEqual({ good: 1, total: 2 });
    });
  });

  // The middleware's own case; instrumentExpress.test.ts covers registering both forms.
  if (how === 'middleware')
    describe('registered twice (#24)', () => {
      it('counts a request once through repeated middleware and reuses one Nines', async () => {
        const warnings: string[] = [];
        diag.setLogger(
          {
            error: (message) => warnings.push(message),
            warn: (message) => warnings.push(message),
            info: () => undefined,
            debug: () => undefined,
            verbose: () => undefined,
          },
          DiagLogLevel.WARN,
        );
        try {
          const meter = meterHarness();
          const options = { meterProvider: meter.provider };
          const first = ninesExpress(options);
          const second = ninesExpress(options);
          expect(second.nines).toBe(first.nines);
          // A second Nines on the same provider, as a second library copy would make.
          const other = ninesExpress(createNines({ meterProvider: meter.provider }));
          const app = express();
          app.use(first);
          app.use(second);
          app.use(other);
          const api = express.Router();
          api.use(first);
          api.get('/twice', (_req, res) => {
            res.send('once');
          });
          app.use('/api', api);
          const server = await listen(app);
          running.push(server);
          await get(`${server.url}/api/twice`);
          await get(`${server.url}/api/twice`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          await expectSeries(meter, [
            { attributes: series({ route: '/api/twice', status: 200 }), count: 2 },
          ]);
          expect(
            (await meter.metricNames()).filter(
              (name) => name === METRIC_HTTP_SERVER_REQUEST_DURATION,
            ),
          ).toHaveLength(1);
          expect(warnings).toEqual([]);
          expect(ninesExpress().nines).toBe(ninesExpress().nines);
        } finally {
          diag.disable();
        }
      });
    });
});

describe('edge cases', () => {
  it('rejects a statusPath that is not a path', () => {
    for (const statusPath of ['slo', '/slo?x=1', '']) {
      expect(() => ninesExpress({ statusPath })).toThrow(NinesError);
    }
    expect(() => ninesExpress({ statusPath: 'slo' })).toThrow(/statusPath "slo" is not a path/);
  });

  it('passes createNines errors through, all at once', () => {
    expect(() => ninesExpress({ maxRoutes: 0, maxSeries: -1 })).toThrow(NinesError);
    try {
      ninesExpress({ maxRoutes: 0, maxSeries: -1 });
    } catch (error) {
      expect((error as NinesError).issues.map((issue) => issue.path)).toEqual([
        ['maxRoutes'],
        ['maxSeries'],
      ]);
    }
  });

  it('measures a plain Node server too, without a route', async () => {
    const meter = meterHarness();
    const nines = watch(createNines({ meterProvider: meter.provider }));
    const middleware = ninesExpress(nines);
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      middleware(req, res, () => {
        res.end('plain');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    expect(await get(`http://127.0.0.1:${port}/x`)).toEqual({ status: 200, body: 'plain' });
    await nines.recorded(1);
    server.closeAllConnections();
    server.close();
    await expectSeries(meter, [{ attributes: series({ status: 200 }), count: 1 }]);
  });
});
