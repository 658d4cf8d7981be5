import type { IncomingMessage, ServerResponse } from 'node:http';
import { NinesError } from '@nines/core';
import type { Nines } from '@nines/otel';
import { ensureLayerHooks, enterApp, leaveApp } from './layerHooks.js';
import { beginRequest } from './lifecycle.js';
import { findState, measuring, type RequestState } from './requestState.js';
import { reportFault } from './reportFault.js';
import {
  resolveSetup,
  serveStatus,
  type ExpressAdapterOptions,
  type ExpressNinesOptions,
} from './setup.js';

/** The slice of an Express 4 or 5 application this uses: its request entry point. */
interface InstrumentableApp {
  handle: (req: IncomingMessage, res: ServerResponse, callback?: unknown) => unknown;
}

/** Marks an app already instrumented, with the Nines it records into. */
const INSTRUMENTED: unique symbol = Symbol('@nines/express instrumented');

/**
 * Instruments an Express 4 or 5 app without adding a middleware: measuring starts at the app's
 * entry (`app.handle`), before Express's own set-up, and no layer is added to the router. It
 * records exactly what {@link ninesExpress} records (the same route templates, errors, aborts and
 * objectives); it is the cheaper of the two, because every middleware costs a pass through the
 * router, and because the request is read before Express gives it its app's prototype (see
 * docs/benchmarks.md for both, side by side). Call it once, before `listen`; routes may be added
 * before or after.
 *
 * Calling it again on the same app returns the Nines it already records into. A
 * `ninesExpress()` middleware in the same app then counts each request once.
 *
 * @param app - the Express application (`express()`): anything with a `handle(req, res, next)`
 * @param options - `createNines` options plus `statusPath`, or an existing Nines to record into
 * @param adapterOptions - `statusPath` when `options` is a Nines
 * @returns the Nines the app records into (status, shutdown, custom SLIs)
 * @throws NinesError `INVALID_ARGUMENT` when `app` has no `handle` function (not an Express
 *   app), for a `statusPath` that is not a path, and whatever `createNines` throws
 * @example
 * ```ts
 * import express from 'express';
 * import { instrumentExpress } from '@nines/express';
 *
 * const app = express();
 * const nines = instrumentExpress(app, { objectives, statusPath: '/slo' });
 * app.get('/users/:id', (req, res) => { res.json({ id: req.params.id }); });
 * process.on('SIGTERM', () => void nines.shutdown());
 * ```
 */
export function instrumentExpress(
  app: object,
  options?: ExpressNinesOptions | Nines,
  adapterOptions?: ExpressAdapterOptions,
): Nines {
  const given: unknown = app;
  if ((typeof given !== 'function' && typeof given !== 'object') || given === null) {
    throw notAnApp(given);
  }
  const target = app as InstrumentableApp & { [INSTRUMENTED]?: Nines };
  const already = target[INSTRUMENTED];
  if (already !== undefined) return already;
  const original = target.handle;
  if (typeof original !== 'function') throw notAnApp(app);
  const setup = resolveSetup(options, adapterOptions);
  let hooked = ensureLayerHooks(app);
  target.handle = function handle(
    this: unknown,
    req: IncomingMessage,
    res: ServerResponse,
    callback?: unknown,
  ): unknown {
    // A mounted app's entry sees requests its parent measures already.
    if (measuring() && findState(req) !== undefined) return original.call(this, req, res, callback);
    if (serveStatus(setup, req, res)) return undefined;
    let state: RequestState | undefined;
    try {
      // Routers are built lazily: until the hooks are in, look again (one flag after that).
      if (!hooked) hooked = ensureLayerHooks(app);
      state = beginRequest(setup, req, res, undefined, app, true);
    } catch (error) {
      reportFault(setup.nines, 'begin', 'measuring a request failed; the request goes on.', error);
    }
    enterApp(req, state);
    try {
      return original.call(this, req, res, callback);
    } finally {
      leaveApp();
    }
  };
  Object.defineProperty(target, INSTRUMENTED, { value: setup.nines });
  return setup.nines;
}

function notAnApp(app: unknown): NinesError {
  return new NinesError(
    'INVALID_ARGUMENT',
    `instrumentExpress expects an Express application (express()), got ${app === null ? 'null' : typeof app}.`,
    { path: ['app'] },
  );
}
