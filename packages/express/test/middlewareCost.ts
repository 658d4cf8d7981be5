/**
 * Per-request CPU cost of the middleware itself, in-process (no sockets), in ns/request.
 *
 *   npx tsx --conditions=@nines/source packages/express/test/middlewareCost.ts
 *
 * Each round runs the same loop twice, alternating: a baseline doing what Express does around
 * the middleware (dispatching a real route layer, emitting `close` on a real ServerResponse)
 * and the same with the middleware, and reports the difference of CPU time per request; the
 * median of the rounds is printed. Three configurations:
 * - `adapter`: a Nines whose requestStarted/requestEnded do nothing: the adapter alone (entry,
 *   state, close listener, one layer hook, the end of request);
 * - `+ otel producer`: the real createNines, `export: 'producer'` (typed-array recording);
 * - `+ otel api`: the real createNines, `export: 'api'` (histogram.record on an SDK meter).
 * The req/res objects are reused (their state reset), so object creation is not counted.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import express5 from 'express';
import express4 from 'express4';
import { createNines, type Nines } from '@nines/otel';
import { ninesExpress } from '../src/ninesExpress.js';
import { STATE, type Stash } from '../src/requestState.js';

const ITERATIONS = 200_000;
const ROUNDS = 11;

type Layer = { handleRequest?: Handle; handle_request?: Handle };
type Handle = (req: unknown, res: unknown, next: () => void) => void;

function noopNines(): Nines {
  const real = createNines({ export: 'none' });
  return { ...real, requestStarted: () => 0, requestEnded: () => undefined };
}

function setup(express: typeof express5, major: 4 | 5, nines: Nines | undefined) {
  const app = express();
  const middleware = nines === undefined ? undefined : ninesExpress(nines);
  app.get('/users/:id', () => undefined);
  const router =
    (app as unknown as { _router?: { stack: Layer[] }; router: { stack: Layer[] } })._router ??
    (app as unknown as { router: { stack: Layer[] } }).router;
  const routeLayer = router.stack.at(-1) as Layer;
  const handle = (major === 5 ? routeLayer.handleRequest : routeLayer.handle_request) as Handle;
  const socket = new Socket();
  const req = new IncomingMessage(socket) as IncomingMessage & Stash & Record<string, unknown>;
  Object.setPrototypeOf(req, app.request);
  req.app = app;
  req.method = 'GET';
  req.url = '/users/1';
  req.httpVersion = '1.1';
  const res = new ServerResponse(req) as unknown as ServerResponse &
    Stash &
    Record<string, unknown>;
  Object.setPrototypeOf(res, app.response);
  res._header = 'HTTP/1.1 200 OK\r\n\r\n';
  Reflect.set(res, 'finished', true); // with no socket, writableFinished reads it
  res.statusCode = 200;
  const routerNext = (): void => undefined;
  req.next = routerNext;
  const next = (): void => {
    handle.call(routeLayer, req, res, routerNext);
  };
  if (middleware !== undefined) middleware(req, res, next); // installs the hooks
  // A fresh response has no listeners; put that back after each request (both loops alike;
  // removeAllListeners would `delete` and leave the emitter in dictionary mode).
  const reset = (): void => {
    req[STATE] = undefined;
    res._events = Object.create(null) as object;
    res._eventsCount = 0;
  };
  reset();
  return () => {
    if (middleware === undefined) next();
    else middleware(req, res, next);
    res.emit('close');
    reset();
  };
}

/** CPU time (user + system) per iteration: on shared cores, wall time counts other processes. */
function time(run: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) run();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / ITERATIONS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

for (const [name, express, major] of [
  ['express 4.22', express4, 4],
  ['express 5.3', express5, 5],
] as const) {
  const configs: [string, () => Nines][] = [
    ['adapter', noopNines],
    ['+ otel producer', () => createNines({ export: 'producer' })],
    ['+ otel api', () => createNines({ meterProvider: new MeterProvider() })],
  ];
  for (const [label, make] of configs) {
    const baseline = setup(express, major, undefined);
    const measured = setup(express, major, make());
    for (let i = 0; i < 2; i++) {
      time(baseline);
      time(measured);
    }
    const differences: number[] = [];
    const baselines: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const base = time(baseline);
      differences.push(time(measured) - base);
      baselines.push(base);
    }
    console.log(
      `${name}  ${label.padEnd(16)} ${median(differences).toFixed(0).padStart(5)} ns/request over a baseline of ${median(baselines).toFixed(0)} ns (median of ${ROUNDS} rounds × ${ITERATIONS})`,
    );
  }
}
