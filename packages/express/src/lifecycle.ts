import type { IncomingMessage, ServerResponse } from 'node:http';
import { diag } from '@opentelemetry/api';
import { blankRequestEnd, canWatchResponse, type RequestEnd } from '@nines/otel';
import { ensureLayerHooks } from './layerHooks.js';
import {
  acquireState,
  releaseState,
  type ExpressRequestFields,
  type RequestState,
} from './requestState.js';
import { reportFault } from './reportFault.js';
import { isClosed, isFinished, listenForClose, sentStatus } from './responseFields.js';
import { readServerAddress, type ServerAddress } from './serverAddress.js';
import type { AdapterSetup } from './setup.js';

type Request = IncomingMessage & ExpressRequestFields;
type Response = ServerResponse;

/** The one `RequestEnd` every request's end fills: `requestEnded` is synchronous. */
const end: RequestEnd = blankRequestEnd();
const server: ServerAddress = { address: undefined, port: undefined };

/** Mount-path checks left: the first requests are enough to catch a middleware on a router. */
let mountChecks = 64;

/**
 * Starts measuring a request: a pooled state and a start mark, with the end seen through
 * `@nines/otel`'s response watch on the socket (HTTP/1) or one `close` listener, the state's
 * own (HTTP/2, requests without a parsing socket). Express gives each request a prototype of its own
 * app, which leaves every `req`/`res` with a shape never seen before, so each property read on
 * them is a slow lookup: this reads only what it needs (method, version, socket) and adds
 * nothing to them. Never called for a request already measured.
 *
 * Measuring starts either inside the app's router (the middleware: `router` is the router's
 * `next`, `app` is `undefined`) or at the app's entry (`instrumentExpress`: `app` is the app,
 * before Express has given the request its app's prototype; `router` is `undefined`).
 *
 * @param setup - the registration
 * @param req - the request
 * @param res - its response
 * @param router - the app router invocation's `next` (middleware), else `undefined`
 * @param app - the app (at its entry), else `undefined`
 * @param hooked - whether the layer hooks are known to be in place (always, at the app's entry)
 * @returns the request's state, or `undefined` when it closed before measuring could start
 * @example
 * ```ts
 * beginRequest(setup, req, res, next, undefined, true); // from the middleware
 * ```
 */
export function beginRequest(
  setup: AdapterSetup,
  req: Request,
  res: Response,
  router: unknown,
  app: unknown,
  hooked: boolean,
): RequestState | undefined {
  // Gone before we ran (or answered by an earlier middleware): nothing to time.
  if (isClosed(res)) return undefined;
  // At the app's entry the caller has hooked the app already; inside the router, look once.
  if (app === undefined) {
    if (!hooked) ensureLayerHooks(req.app);
    if (mountChecks > 0) checkMount(req);
  }
  const nines = setup.nines;
  const method = req.method ?? 'GET';
  const httpVersion = req.httpVersion;
  // HTTP/2's `req.socket` is a proxy shared by the session's streams: not watched.
  const rawSocket: unknown = httpVersion.charCodeAt(0) === 0x32 /* "2" */ ? undefined : req.socket;
  const socket = canWatchResponse(rawSocket) ? rawSocket : undefined;
  const scheme = schemeOf(req, socket, app);
  const state = acquireState(onClose);
  if (setup.serverAttributes) {
    readServerAddress(hostOf(req), scheme, server);
    state.start = nines.requestStarted(method, scheme, server.address, server.port);
  } else {
    state.start = nines.requestStarted(method, scheme);
  }
  state.method = method;
  state.scheme = scheme;
  state.httpVersion = httpVersion;
  state.bodySizes = setup.bodySizes;
  state.serverAttributes = setup.serverAttributes;
  state.begin(nines, req, res, router, socket);
  if (socket === undefined) listenForClose(res, state.listener);
  return state;
}

function checkMount(req: Request): void {
  mountChecks--;
  if (typeof req.baseUrl === 'string' && req.baseUrl !== '') {
    mountChecks = 0;
    diag.warn(
      '@nines/express: the middleware runs under a mount path; register it on the app (app.use(ninesExpress())) so http.route includes every prefix.',
    );
  }
}

/** A connection's `url.scheme`, kept on its socket when no proxy header can change it. */
const SCHEME: unique symbol = Symbol('@nines/express scheme');

type SchemeSocket = object & { [SCHEME]?: string; encrypted?: unknown; remoteAddress?: unknown };

/**
 * `url.scheme` as Express's `req.protocol` gives it: `https` on a TLS connection, else `http`;
 * when the app trusts the peer as a proxy (`trust proxy`), the first `X-Forwarded-Proto` value.
 * Without trust it depends on the connection alone, so it is computed once per connection and
 * kept on the socket.
 *
 * @param app - the app, or `undefined` to read `req.app` (inside the router)
 */
function schemeOf(req: Request, socket: SchemeSocket | undefined, app: unknown): string {
  const kept = socket?.[SCHEME];
  if (kept !== undefined) return kept;
  const own: unknown = req.socket;
  const peer: SchemeSocket | undefined =
    socket ?? (typeof own === 'object' && own !== null ? own : undefined);
  const direct = peer?.encrypted === true ? 'https' : 'http';
  const trusted = proxyTrusted(app === undefined ? req.app : app, peer?.remoteAddress);
  let scheme = direct;
  if (trusted) {
    const header = req.headers['x-forwarded-proto'];
    const value = (Array.isArray(header) ? header[0] : header) ?? '';
    const comma = value.indexOf(',');
    scheme = (comma === -1 ? value : value.slice(0, comma)).trim() || direct;
  } else if (socket !== undefined) {
    socket[SCHEME] = scheme;
  }
  return scheme;
}

/** Whether the app's `trust proxy` trusts this peer (Express's compiled `trust proxy fn`). */
function proxyTrusted(app: unknown, address: unknown): boolean {
  const get = (app as { get?: unknown } | null | undefined)?.get;
  if (typeof get !== 'function') return false;
  const trust: unknown = get.call(app, 'trust proxy fn');
  return (
    typeof trust === 'function' &&
    (trust as (a: unknown, i: number) => unknown)(address, 0) === true
  );
}

/**
 * Ends a request: from its state's own `close` listener (HTTP/2, injected), or from
 * `@nines/otel`'s response watch (HTTP/1: `finished` known).
 */
function onClose(state: RequestState, res: Response, finished?: boolean): void {
  const nines = state.nines;
  try {
    record(state, res, finished ?? isFinished(res));
  } catch (error) {
    reportFault(nines ?? state, 'end', 'recording a request failed.', error);
    // `record` releases the state before handing the request to Nines: release it only if the
    // fault came first, or it would enter the pool twice and serve two requests at once.
    if (state.req !== undefined) releaseState(state);
  }
}

function record(state: RequestState, res: Response, finished: boolean): void {
  const nines = state.nines;
  const req = state.req;
  if (nines === undefined || req === undefined) {
    releaseState(state);
    return;
  }
  const status = sentStatus(res);
  // connect-timeout's flag, read only when the request did not end well: a property a request
  // lacks is an expensive miss on Express's per-request prototype chain.
  const timedOut =
    (!finished || status === undefined || status >= 500) &&
    (req as ExpressRequestFields).timedout === true;
  const failure = timedOut ? 'timeout' : finished ? undefined : 'aborted';
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
