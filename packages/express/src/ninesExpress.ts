import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Nines } from '@nines/otel';
import { enteredThroughHooks } from './layerHooks.js';
import { beginRequest } from './lifecycle.js';
import { findState, taggedState } from './requestState.js';
import { reportFault } from './reportFault.js';
import {
  isNines,
  resolveSetup,
  serveStatus,
  type ExpressAdapterOptions,
  type ExpressNinesOptions,
} from './setup.js';

/** A plain Node `(req, res, next)` handler: assignable to Express 4 and 5 `RequestHandler`s. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The middleware {@link ninesExpress} returns, carrying the Nines it records into. */
export type NinesMiddleware = NodeMiddleware & {
  /** The Nines this middleware records into (status, shutdown, custom SLIs). */
  readonly nines: Nines;
};

/**
 * Express 4 and 5 middleware recording every request into a Nines: the semconv
 * `http.server.request.duration` histogram and the in-process objectives fed from it. Register
 * it on the app, before the routes: `app.use(ninesExpress(options))`.
 *
 * Per request it takes a start mark and links a pooled state to the request's socket (nothing is
 * added to `req` or `res`: see requestState.ts). The end comes from `@nines/otel`'s response
 * watch on HTTP/1 (the response-finish diagnostics channel, and one `close` listener per
 * connection for a client that goes away), or from one shared `close` listener on the response
 * under HTTP/2 and without a socket (REFERENCE.md §5.8), so a request is recorded exactly once
 * whatever happens to it. The route template is
 * built from the layers the request passes through, with each router's registered mount path
 * (never `req.baseUrl`, which holds values), and survives `next(err)` to an app-level error
 * handler. Registering it twice (or once on the app and once on a router) measures each request
 * once; the same options object, or none, reuses one Nines, so instruments are not duplicated.
 *
 * @param options - `createNines` options plus `statusPath`, or an existing Nines to record into
 * @param adapterOptions - `statusPath` when `options` is a Nines
 * @returns the middleware, with `.nines`
 * @throws NinesError `INVALID_ARGUMENT` for a `statusPath` that is not a path, and whatever
 *   `createNines` throws for invalid options (all issues at once)
 * @example
 * ```ts
 * import express from 'express';
 * import { ninesExpress } from '@nines/express';
 *
 * const app = express();
 * const slo = ninesExpress({
 *   objectives: [{ id: 'api', targetPercent: 99.9, window: '30d', sli: { kind: 'http-availability', matchers: [] } }],
 *   statusPath: '/slo',
 * });
 * app.use(slo);
 * app.get('/users/:id', (req, res) => { res.json({ id: req.params.id }); });
 * process.on('SIGTERM', () => void slo.nines.shutdown());
 * ```
 */
export function ninesExpress(
  options?: ExpressNinesOptions | Nines,
  adapterOptions?: ExpressAdapterOptions,
): NinesMiddleware {
  const setup = resolveSetup(options, adapterOptions);
  const middleware = function ninesMiddleware(
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) {
    // Measured already (an earlier registration, or instrumentExpress): count it once. Through
    // the hooks the router's `next` is tagged with the state; without them, look it up.
    const hooked = enteredThroughHooks(req);
    if (taggedState(next, req) !== undefined || (!hooked && findState(req) !== undefined)) {
      next();
      return;
    }
    if (serveStatus(setup, req, res)) return;
    try {
      beginRequest(setup, req, res, next, undefined, hooked);
    } catch (error) {
      reportFault(setup.nines, 'begin', 'measuring a request failed; the request goes on.', error);
    }
    next();
  };
  Object.defineProperty(middleware, 'nines', { value: setup.nines, enumerable: true });
  return middleware as NinesMiddleware;
}

/**
 * A handler serving the status JSON of a Nines, to mount where you like (`app.get('/slo',
 * ninesStatus(nines))`). Mounted as a route it is measured like any route; list it in
 * `excludeRoutes` to keep it out of the objectives, or use `statusPath` to serve it unmeasured.
 *
 * @param source - the Nines, or the middleware {@link ninesExpress} returned
 * @returns a `(req, res)` handler answering `GET`/`HEAD` with JSON and anything else with 405
 * @example
 * ```ts
 * const slo = ninesExpress({ objectives });
 * app.use(slo);
 * app.get('/internal/slo', ninesStatus(slo));
 * ```
 */
export function ninesStatus(
  source: Nines | NinesMiddleware,
): (req: IncomingMessage, res: ServerResponse) => void {
  const nines = isNines(source) ? source : source.nines;
  return function ninesStatusHandler(req, res) {
    nines.statusHandler(req, res);
  };
}
