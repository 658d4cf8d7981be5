import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { diag } from '@opentelemetry/api';
import { NinesError } from '@nines/core';
import { createNines, type Nines, type NinesOptions, type RequestEnd } from '@nines/otel';
import { ensureLayerHooks } from './layerHooks.js';
import {
  acquireState,
  releaseState,
  STATE,
  type ExpressRequestFields,
  type RequestState,
  type Stash,
} from './requestState.js';
import { reportFault } from './reportFault.js';
import { readServerAddress, type ServerAddress } from './serverAddress.js';

/** What the adapter adds to a Nines it is given. */
export interface ExpressAdapterOptions {
  /**
   * Serve the status JSON (`nines.statusHandler`: `GET`/`HEAD`, others 405) at exactly this path,
   * e.g. `'/slo'`, ahead of the app's routes and not measured. Query strings are allowed
   * (`/slo?pretty`). To mount it as a measured route instead, use {@link ninesStatus}.
   */
  readonly statusPath?: string;
}

/** Options of {@link ninesExpress}: those of `createNines` plus the adapter's own. */
export interface ExpressNinesOptions extends NinesOptions, ExpressAdapterOptions {}

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

type Request = IncomingMessage & Stash & ExpressRequestFields;
type Response = ServerResponse & Stash;

/** Nines created from an options object, so registering twice with it reuses one. */
const created = new WeakMap<object, Nines>();
/** Key of the Nines made for `ninesExpress()` without arguments. */
const NO_OPTIONS = {};

/** The one `RequestEnd` the close listener fills: `requestEnded` is synchronous. */
const end: RequestEnd = {
  route: undefined,
  method: '',
  status: undefined,
  error: undefined,
  failure: undefined,
  scheme: '',
  httpVersion: '',
};
const server: ServerAddress = { address: undefined, port: undefined };

let mountWarned = false;

/**
 * Express 4 and 5 middleware recording every request into a Nines: the semconv
 * `http.server.request.duration` histogram and the in-process objectives fed from it. Register
 * it on the app, before the routes: `app.use(ninesExpress(options))`.
 *
 * Per request it takes a start mark, stashes a pooled state on `req`/`res` and adds one shared
 * `close` listener (`close` fires after `finish` and also when the client goes away, REFERENCE.md
 * §5.8), so a request is recorded exactly once whatever happens to it. The route template is
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
  let nines: Nines;
  let statusPath: string | undefined;
  let optIn: { bodySizes: boolean; serverAttributes: boolean };
  if (isNines(options)) {
    nines = options;
    statusPath = adapterOptions?.statusPath;
    optIn = optInsOf(nines, undefined);
  } else {
    const given = options ?? NO_OPTIONS;
    statusPath = adapterOptions?.statusPath ?? options?.statusPath;
    let found = created.get(given);
    if (found === undefined) {
      // createNines ignores keys it does not know, such as statusPath.
      found = createNines(options);
      created.set(given, found);
    }
    nines = found;
    optIn = optInsOf(nines, options);
  }
  checkStatusPath(statusPath);
  const { bodySizes, serverAttributes } = optIn;
  const statusAt = statusPath;

  const middleware = function ninesMiddleware(
    req: Request,
    res: Response,
    next: (error?: unknown) => void,
  ) {
    if (req[STATE] !== undefined) {
      // Measured by an earlier registration (or already recorded): count it once.
      next();
      return;
    }
    if (statusAt !== undefined && isPath(req.url, statusAt)) {
      nines.statusHandler(req, res);
      return;
    }
    try {
      begin(nines, req, res, bodySizes, serverAttributes);
    } catch (error) {
      reportFault(nines, 'begin', 'measuring a request failed; the request goes on.', error);
    }
    next();
  };
  Object.defineProperty(middleware, 'nines', { value: nines, enumerable: true });
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

function begin(
  nines: Nines,
  req: Request,
  res: Response,
  bodySizes: boolean,
  serverAttributes: boolean,
): void {
  if ((res as { closed?: unknown }).closed === true) return; // gone before we ran: nothing to time
  ensureLayerHooks(req.app);
  if (!mountWarned && typeof req.baseUrl === 'string' && req.baseUrl !== '') {
    mountWarned = true;
    diag.warn(
      '@nines/express: the middleware runs under a mount path; register it on the app (app.use(ninesExpress())) so http.route includes every prefix.',
    );
  }
  const method = req.method ?? 'GET';
  const protocol = req.protocol;
  const scheme =
    typeof protocol === 'string'
      ? protocol
      : (req.socket as TLSSocket | undefined)?.encrypted === true
        ? 'https'
        : 'http';
  const state = acquireState();
  if (serverAttributes) {
    readServerAddress(hostOf(req), scheme, server);
    state.start = nines.requestStarted(method, scheme, server.address, server.port);
  } else {
    state.start = nines.requestStarted(method, scheme);
  }
  state.method = method;
  state.scheme = scheme;
  state.httpVersion = req.httpVersion;
  state.bodySizes = bodySizes;
  state.serverAttributes = serverAttributes;
  state.begin(nines, req, res, req.next);
  res.prependListener('close', onClose);
}

/** Shared by every request: `this` is the response; the state hangs on it. */
function onClose(this: Response): void {
  const state = this[STATE];
  if (state == null) return;
  const nines = state.nines;
  try {
    record(state, this);
  } catch (error) {
    reportFault(nines ?? state, 'end', 'recording a request failed.', error);
    releaseState(state);
  }
}

function record(state: RequestState, res: Response): void {
  const nines = state.nines;
  const req = state.req;
  if (nines === undefined || req === undefined) {
    releaseState(state);
    return;
  }
  const status = res.headersSent ? res.statusCode : undefined;
  const timedOut = (req as ExpressRequestFields).timedout === true; // connect-timeout
  const failure = timedOut ? 'timeout' : res.writableFinished ? undefined : 'aborted';
  end.route = state.route;
  end.method = state.method;
  end.status = status;
  // An exception counts when it ended the request; one an error handler turned into a 2xx-4xx
  // answer was handled (REFERENCE.md §5.3: handled errors are not recorded).
  end.error =
    !timedOut && (status === undefined || status >= 500 || failure !== undefined)
      ? (state.error ?? routerError(req))
      : undefined;
  end.failure = failure;
  end.scheme = state.scheme;
  end.httpVersion = state.httpVersion;
  if (state.bodySizes) {
    end.requestBodySize = contentLength(req.headers['content-length']);
    end.responseBodySize = contentLength(res.getHeader('content-length'));
  }
  if (state.serverAttributes) {
    readServerAddress(hostOf(req), state.scheme, server);
    end.serverAddress = server.address;
    end.serverPort = server.port;
  }
  const start = state.start;
  releaseState(state);
  nines.requestEnded(start, end);
  if (end.requestBodySize !== undefined || end.serverAddress !== undefined) {
    end.requestBodySize = undefined;
    end.responseBodySize = undefined;
    end.serverAddress = undefined;
    end.serverPort = undefined;
  }
}

/**
 * router 2.3+ (Express 5.3) remembers every error passed to a router's `next` under this
 * registered symbol, also when no error-handling middleware exists to show it to our hooks (the
 * app's final handler answers 500 on its own). Read only when no error pass was seen.
 */
const ROUTER_ERRORS = Symbol.for('router.tracing.publishedErrors');

function routerError(req: IncomingMessage): unknown {
  const seen = (req as unknown as Record<symbol, unknown>)[ROUTER_ERRORS];
  if (!(seen instanceof Set) || seen.size === 0) return undefined;
  let last: unknown;
  for (const error of seen) last = error;
  return last;
}

function contentLength(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function hostOf(req: IncomingMessage): string | undefined {
  const host = req.headers.host ?? req.headers[':authority'];
  return typeof host === 'string' ? host : undefined;
}

function isPath(url: string | undefined, path: string): boolean {
  if (url === undefined || !url.startsWith(path)) return false;
  return url.length === path.length || url.charCodeAt(path.length) === 0x3f; /* ? */
}

function checkStatusPath(path: unknown): void {
  if (path === undefined) return;
  if (typeof path !== 'string' || !path.startsWith('/') || path.includes('?')) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `statusPath ${JSON.stringify(path)} is not a path: give one that starts with "/" and has no query, e.g. "/slo".`,
      { path: ['statusPath'] },
    );
  }
}

function isNines(value: unknown): value is Nines {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Nines>).requestStarted === 'function' &&
    typeof (value as Partial<Nines>).requestEnded === 'function'
  );
}

/**
 * Which opt-in attributes the adapter must supply: from the options it created the Nines with,
 * else from the recorder when it tells (`metrics.bodySizes` / `metrics.serverAttributes`).
 */
function optInsOf(
  nines: Nines,
  options: NinesOptions | undefined,
): { bodySizes: boolean; serverAttributes: boolean } {
  const metrics = nines.metrics as unknown as { bodySizes?: unknown; serverAttributes?: unknown };
  return {
    bodySizes: options?.bodySizes ?? metrics.bodySizes === true,
    serverAttributes: options?.serverAttributes ?? metrics.serverAttributes === true,
  };
}
