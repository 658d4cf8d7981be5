import { once } from 'node:events';
import { METHODS } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_ROUTE,
  DEFAULT_KNOWN_METHODS,
  createNines,
  type Nines,
  type RequestEnd,
} from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  eventually,
  listen,
  meterHarness,
  type Listening,
} from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * REFERENCE.md §11.1 #2 (scanner floods of random 404 paths) and #16: 100,000 requests with
 * random paths and methods, over real sockets: 50,000 through each Express major (Express's own
 * per-request work dominates the run: 3,000-8,000 requests/s on two shared cores, so 100,000
 * per major took about a minute). To stay fast on two shared cores the client is
 * not fetch: 8 keep-alive connections each pipeline batches of 20 raw requests and count the
 * status lines coming back, so the server (Express + the middleware) does nearly all the work;
 * handlers answer with bare `res.end()` and a catch-all 404 (as most apps have) replaces
 * Express's HTML final handler.
 */

/** Requests per Express major (twice this in all). */
const TOTAL = 50_000;
const CONNECTIONS = 8;
/** Pipelined per round trip: deep pipelines make Express's on-finished listeners pile up. */
const BATCH = 20;
/** Every method Node's parser lets through, but CONNECT (a tunnel, not a request). */
const WIRE_METHODS = METHODS.filter((method) => method !== 'CONNECT');

/** mulberry32: seeded, so every run sends the same "random" traffic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function token(random: () => number): string {
  return Math.floor(random() * 2 ** 40).toString(36);
}

/** One raw request: a random method, and a random path that sometimes hits a real route. */
function randomRequest(random: () => number): string {
  const method = WIRE_METHODS[Math.floor(random() * WIRE_METHODS.length)] ?? 'GET';
  const roll = random();
  const path =
    roll < 0.3
      ? `/users/${token(random)}`
      : roll < 0.4
        ? `/orgs/${token(random)}/items/${token(random)}`
        : `/${token(random)}/${token(random)}?q=${token(random)}`;
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
}

/** Sends `count` pipelined requests over one socket, batch by batch; resolves when all answered. */
async function pipeline(socket: Socket, count: number, random: () => number): Promise<void> {
  let answered = 0;
  let carry = '';
  let waiting: (() => void) | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    const text = carry + chunk;
    let at = text.indexOf('HTTP/1.1 ');
    while (at !== -1) {
      answered++;
      at = text.indexOf('HTTP/1.1 ', at + 9);
    }
    carry = text.slice(-8);
    waiting?.();
  });
  for (let sent = 0; sent < count;) {
    const size = Math.min(BATCH, count - sent);
    let batch = '';
    for (let i = 0; i < size; i++) batch += randomRequest(random);
    sent += size;
    socket.write(batch);
    while (answered < sent) {
      await new Promise<void>((resolve) => {
        waiting = resolve;
      });
    }
  }
}

/** Counts what the adapter passes, keeping none of it (the heap is measured). */
function counting(nines: Nines): Nines & { readonly count: () => number; routes: Set<string> } {
  let count = 0;
  const routes = new Set<string>();
  return {
    ...nines,
    count: () => count,
    routes,
    requestEnded(start: number, end: RequestEnd) {
      count++;
      if (end.route !== undefined) routes.add(end.route);
      nines.requestEnded(start, end);
    },
  };
}

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe.each(EXPRESS_VERSIONS)('adversarial traffic on $name', ({ express }) => {
  it(`${TOTAL} random paths and methods leave the series bounded and the heap flat (#2, #16)`, async () => {
    const gc = exposeGc();
    const meter = meterHarness();
    const nines = counting(createNines({ meterProvider: meter.provider }));
    const app = express();
    app.use(ninesExpress(nines));
    app.get('/users/:id', (req, res) => {
      res.send(req.params.id);
    });
    const items = express.Router({ mergeParams: true });
    items.all('/items/:itemId', (_req, res) => {
      res.status(204).end();
    });
    app.use('/orgs/:orgId', items);
    const server = await listen(app);
    running.push(server);
    const random = prng(20260101);

    const send = async (count: number): Promise<void> => {
      const sockets = await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          const socket = connect(server.port, '127.0.0.1');
          await once(socket, 'connect');
          return socket;
        }),
      );
      await Promise.all(sockets.map((socket) => pipeline(socket, count / CONNECTIONS, random)));
      for (const socket of sockets) socket.destroy();
    };

    const warmUp = TOTAL / 5;
    await send(warmUp);
    await eventually(() => {
      expect(nines.count()).toBe(warmUp);
    });
    gc();
    const seriesAfterWarmUp = (await meter.points()).length;
    const heapAfterWarmUp = process.memoryUsage().heapUsed;

    await send(TOTAL - warmUp);
    await eventually(() => {
      expect(nines.count()).toBe(TOTAL);
    });
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapAfterWarmUp;
    const points = await meter.points();

    // Every request recorded once, under a registered template or none: never a raw path.
    expect(points.reduce((sum, point) => sum + point.count, 0)).toBe(TOTAL);
    expect([...nines.routes].sort()).toEqual(['/orgs/:orgId/items/:itemId', '/users/:id']);
    const routes = new Set(points.map((point) => point.attributes[ATTR_HTTP_ROUTE]));
    expect([...routes].sort()).toEqual(['/orgs/:orgId/items/:itemId', '/users/:id', undefined]);
    const methods = new Set(points.map((point) => point.attributes[ATTR_HTTP_REQUEST_METHOD]));
    expect(
      [...methods].every((m) => m === '_OTHER' || DEFAULT_KNOWN_METHODS.includes(m as string)),
    ).toBe(true);
    // Bounded: (known methods + _OTHER) × (2 routes + none) × the few statuses Express sends,
    // and essentially all of them already seen in the first fifth of the traffic.
    expect(points.length).toBeLessThanOrEqual((DEFAULT_KNOWN_METHODS.length + 1) * 3 * 4);
    expect(points.length - seriesAfterWarmUp).toBeLessThanOrEqual(3);
    expect(nines.metrics.tableSizes().routes).toBe(2);
    // Flat: 80,000 more requests may not leave more than a few MB behind.
    expect(heapGrowth).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);
});
