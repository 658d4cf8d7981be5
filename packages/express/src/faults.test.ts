import { diag, DiagLogLevel, type Meter, type MeterProvider } from '@opentelemetry/api';
import {
  AggregationTemporality,
  MeterProvider as SdkMeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNines } from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  eventually,
  listen,
  watch,
  type ExpressFactory,
  type Listening,
} from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * DESIGN.md "Errors": telemetry never breaks the request path. Each test serves the same
 * requests from a bare app and from an app whose telemetry is broken, and compares responses.
 */

const running: Listening[] = [];
const reported: string[] = [];

beforeEach(() => {
  diag.setLogger(
    {
      error: (message) => reported.push(message),
      warn: (message) => reported.push(message),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
});

afterEach(async () => {
  diag.disable();
  reported.length = 0;
  await Promise.all(running.splice(0).map((one) => one.close()));
});

type App = ReturnType<ExpressFactory>;

function routes(express: ExpressFactory, app: App): void {
  const api = express.Router();
  api.get('/users/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  api.get('/fail', (_req, res) => {
    res.status(503).send('down');
  });
  app.use('/api', api);
}

const PATHS = ['/api/users/1', '/api/fail', '/nope'];

async function responses(
  app: App,
): Promise<{ status: number; type: string | null; body: string }[]> {
  const server = await listen(app);
  running.push(server);
  const out = [];
  for (const path of PATHS) {
    const response = await fetch(server.url + path);
    out.push({
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    });
  }
  return out;
}

/** A meter whose every instrument throws on use. */
function throwingMeterProvider(): MeterProvider {
  const boom = (): never => {
    throw new Error('meter exploded');
  };
  const instrument = new Proxy({}, { get: () => boom });
  const meter = new Proxy({}, { get: () => () => instrument }) as Meter;
  return { getMeter: () => meter };
}

describe.each(EXPRESS_VERSIONS)('faults on $name', ({ express }) => {
  async function bare(): Promise<Awaited<ReturnType<typeof responses>>> {
    const app = express();
    routes(express, app);
    return responses(app);
  }

  it('a meter that throws never changes a response', async () => {
    const expected = await bare();
    const nines = watch(
      createNines({ meterProvider: throwingMeterProvider(), activeRequests: true }),
    );
    const app = express();
    app.use(ninesExpress(nines));
    routes(express, app);
    expect(await responses(app)).toEqual(expected);
    await nines.recorded(PATHS.length);
    expect(reported.some((message) => message.includes('@nines/otel'))).toBe(true);
  });

  it('a Nines whose requestEnded throws changes no response, and each state then serves one request at a time', async () => {
    const expected = await bare();
    const watched = watch(createNines());
    let failing = true;
    const nines = {
      ...watched,
      requestEnded(start: number, end: Parameters<typeof watched.requestEnded>[1]): void {
        if (failing) throw new Error('recorder exploded');
        watched.requestEnded(start, end);
      },
    };
    const app = express();
    app.use(ninesExpress(nines));
    app.get('/slow/:id', (req, res) => {
      setTimeout(() => res.send(req.params.id), 20);
    });
    routes(express, app);
    expect(await responses(app)).toEqual(expected);
    expect(reported.some((message) => message.includes('recording a request failed'))).toBe(true);
    // A state released twice would be handed to two of these at once.
    failing = false;
    const server = await listen(app);
    running.push(server);
    const ids = Array.from({ length: 8 }, (_, i) => String(i));
    const bodies = await Promise.all(
      ids.map(async (id) => (await fetch(`${server.url}/slow/${id}`)).text()),
    );
    expect(bodies).toEqual(ids);
    await watched.recorded(8);
    expect(watched.ends.map((end) => end.route)).toEqual(ids.map(() => '/slow/:id'));
  });

  it('an exporter that throws never changes a response', async () => {
    const expected = await bare();
    let exports = 0;
    const exporter: PushMetricExporter = {
      export() {
        exports++;
        throw new Error('exporter exploded');
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
      selectAggregationTemporality: () => AggregationTemporality.CUMULATIVE,
    };
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 100 });
    const provider = new SdkMeterProvider({ readers: [reader] });
    const app = express();
    app.use(ninesExpress({ meterProvider: provider }));
    routes(express, app);
    expect(await responses(app)).toEqual(expected);
    await eventually(() => {
      expect(exports).toBeGreaterThan(0);
    });
    expect(await responses(app)).toEqual(expected);
    await provider.shutdown().catch(() => undefined);
  });

  it('a route-template fault leaves the request alone and records it without a route', async () => {
    const expected = await bare();
    const nines = watch(createNines({}));
    const app = express();
    app.use(ninesExpress(nines));
    routes(express, app);
    // Sabotage every layer's template: reading a route's path throws.
    const router =
      (app as unknown as { _router?: unknown; router?: unknown })._router ?? app.router;
    const api = (router as { stack: { route?: unknown; handle: { stack?: unknown[] } }[] }).stack
      .map((layer) => layer.handle.stack)
      .find((stack) => Array.isArray(stack));
    for (const layer of (api ?? []) as { route?: object }[]) {
      if (layer.route !== undefined) {
        Object.defineProperty(layer.route, 'path', {
          get() {
            throw new Error('path exploded');
          },
        });
      }
    }
    expect(await responses(app)).toEqual(expected);
    await nines.recorded(PATHS.length);
    expect(nines.ends.map((end) => end.route)).toEqual([undefined, undefined, undefined]);
    expect(reported.some((message) => message.includes('route template tracking failed'))).toBe(
      true,
    );
  });

  it('a request the middleware cannot read is served unmeasured', async () => {
    const expected = await bare();
    const nines = watch(createNines({}));
    const app = express();
    // The compiled `trust proxy` function is consulted for url.scheme (once per connection).
    app.set('trust proxy fn', () => {
      throw new Error('trust exploded');
    });
    app.use(ninesExpress(nines));
    routes(express, app);
    expect(await responses(app)).toEqual(expected);
    expect(nines.ends).toEqual([]);
    expect(reported.some((message) => message.includes('measuring a request failed'))).toBe(true);
  });
});
