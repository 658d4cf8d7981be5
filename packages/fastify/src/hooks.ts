import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import { diag } from '@opentelemetry/api';
import {
  blankRequestEnd,
  canWatchResponse,
  kNextWatched,
  kResponseEnded,
  kWatchedResponse,
  unwatchResponse,
  watchResponse,
  type Nines,
  type RequestEnd,
  type WatchedResponse,
} from '@nines/otel';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { authorityHost, authorityPort, contentLength } from './requestFacts.js';
import { createRouteReader } from './routeTemplate.js';

/*
 * Request decorations. `Symbol.for` so that two copies of this package in one process (an ESM
 * and a CJS build) see each other's registration and never count a request twice.
 */
/** Start mark from `requestStarted`; `NaN` before the start and once recorded. */
export const kStart: unique symbol = Symbol.for('@nines/fastify.start');
/** `url.scheme` seen at the start, so the end (and the active-request count) use the same. */
export const kScheme: unique symbol = Symbol.for('@nines/fastify.scheme');
/** The error `onError` saw; whether it counts is only known when the response ends. */
export const kError: unique symbol = Symbol.for('@nines/fastify.error');
/** The raw response, for `onRequestAbort` (which gets no reply) to tell whether headers went. */
export const kResponse: unique symbol = Symbol.for('@nines/fastify.response');
/**
 * Which registration started the request: that registration's end function (one per
 * `createHooks`), or `null`. Fastify propagates a parent's hooks into children created earlier,
 * so a child with its own registration can run two sets of these hooks: the first to start a
 * request owns it, the others leave it alone. The watch's `[kResponseEnded]` calls it.
 */
export const kOwner: unique symbol = Symbol.for('@nines/fastify.owner');
/** The socket the response is watched on (`watchEnds`), or `null`. */
export const kSocket: unique symbol = Symbol.for('@nines/fastify.socket');
/** `server.address` and `server.port` seen at the start (opt-in `serverAttributes`). */
export const kServerAddress: unique symbol = Symbol.for('@nines/fastify.serverAddress');
export const kServerPort: unique symbol = Symbol.for('@nines/fastify.serverPort');

type RawResponse = ServerResponse | Http2ServerResponse;

/** The per-request state the plugin keeps on Fastify's request object. */
interface NinesRequestState {
  [kStart]: number;
  [kOwner]: ResponseEnder | null;
  [kScheme]: string;
  [kError]: unknown;
  [kResponse]: RawResponse | null;
  [kServerAddress]: string | null;
  [kServerPort]: number;
  [kSocket]: object | null | undefined;
  [kWatchedResponse]: RawResponse | null;
  [kNextWatched]: WatchedResponse | null;
  [kResponseEnded](finished: boolean): void;
}

type Request = FastifyRequest & NinesRequestState;

/** How a registration ends a request whose watched response ended. */
type ResponseEnder = (request: Request, finished: boolean) => void;

/**
 * `[kResponseEnded]` of every request, on Fastify's request prototype (`decorateRequest` with a
 * function): `@nines/otel` calls it when the watched response finished or its connection closed.
 */
function responseEnded(this: Request, finished: boolean): void {
  this[kOwner]?.(this, finished);
}

/** A raw response whose request is not watchable (injected): the request it belongs to. */
const kRequestOf: unique symbol = Symbol('@nines/fastify.requestOf');
type ListenedResponse = RawResponse & { [kRequestOf]?: Request | undefined };

function onRawFinish(this: ListenedResponse): void {
  const request = this[kRequestOf];
  if (request !== undefined) request[kResponseEnded](true);
}

function onRawClose(this: ListenedResponse): void {
  const request = this[kRequestOf];
  if (request !== undefined) request[kResponseEnded](false);
}

/**
 * The request decorations the hooks use with these features, with their initial values:
 * primitives or `null`, as Fastify requires, set by Fastify's request constructor so every
 * request has the same shape from the start. Only what is used is declared: each one is a
 * property write per request.
 *
 * @param features - what the hooks collect
 * @returns the `[symbol, initial value]` pairs to pass to `decorateRequest`
 */
export function requestDecorations(
  features: HookFeatures,
): (readonly [symbol, number | string | null])[] {
  const out: (readonly [symbol, number | string | null])[] = [
    [kStart, Number.NaN],
    [kOwner, null],
    [kScheme, ''],
    [kError, null],
  ];
  // onRequestAbort's response; with watchEnds the watch holds it (kWatchedResponse).
  if (features.aborts && !features.watchEnds) out.push([kResponse, null]);
  if (features.serverAttributes) out.push([kServerAddress, null], [kServerPort, 0]);
  if (features.watchEnds) out.push([kSocket, null], [kWatchedResponse, null], [kNextWatched, null]);
  return out;
}

/**
 * The request method the hooks use with `watchEnds`: `[kResponseEnded]`, for Fastify's
 * `decorateRequest` (a function goes on the request prototype).
 *
 * @param features - what the hooks collect
 * @returns the `[symbol, function]` pairs
 */
export function requestMethods(
  features: HookFeatures,
): (readonly [symbol, (this: Request, finished: boolean) => void])[] {
  return features.watchEnds ? [[kResponseEnded, responseEnded]] : [];
}

/** What the hooks collect beyond the always-on attributes. */
export interface HookFeatures {
  /** Record aborted requests (from the watch, or from `onRequestAbort` without it). */
  readonly aborts: boolean;
  /** Pass `server.address`/`server.port` (from the Host header, `trustProxy`-aware). */
  readonly serverAttributes: boolean;
  /** Pass request and response body sizes (from `content-length`). */
  readonly bodySizes: boolean;
  /**
   * End requests from `@nines/otel`'s response watch (the `http.server.response.finish`
   * channel and one `close` listener per connection) instead of Fastify's `onResponse` and
   * `onRequestAbort` hooks, which cost about a microsecond per request. Not under HTTP/2, and not
   * with `bodySizes` (the response's `content-length` is read from the reply in `onResponse`).
   * Injected requests (`fastify.inject()`, no real socket) get listeners on their response.
   */
  readonly watchEnds: boolean;
}

/** The hook functions the plugin adds, created once per registration (no closures per request). */
export interface NinesHooks {
  readonly onRequest: (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ) => void;
  readonly onError: (
    request: FastifyRequest,
    reply: FastifyReply,
    error: FastifyError,
    done: () => void,
  ) => void;
  readonly onResponse: (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ) => void;
  readonly onRequestAbort: (request: FastifyRequest, done: HookHandlerDoneFunction) => void;
  readonly onTimeout: (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ) => void;
}

/** Starts watching a request's response end (fast mode). */
function watch(request: Request, res: RawResponse): void {
  request[kWatchedResponse] = res;
  const socket: unknown = request.raw.socket;
  if (canWatchResponse(socket)) {
    request[kSocket] = socket;
    watchResponse(socket, request);
  } else {
    // No real connection (fastify.inject()): listen on the response itself.
    const listened = res as ListenedResponse;
    listened[kRequestOf] = request;
    listened.once('finish', onRawFinish);
    listened.once('close', onRawClose);
  }
}

/** Stops watching a request (it is being recorded). */
function forget(request: Request): void {
  const socket = request[kSocket];
  if (socket !== null && socket !== undefined) {
    unwatchResponse(socket, request);
    request[kSocket] = null;
  }
  const res = request[kWatchedResponse] as ListenedResponse | null | undefined;
  if (res !== null && res !== undefined) {
    if (res[kRequestOf] !== undefined) res[kRequestOf] = undefined;
    request[kWatchedResponse] = null;
  }
}

/**
 * Builds the Fastify hooks that time each request and hand its end to `nines`.
 *
 * What each hook does, and why (REFERENCE.md §5.8):
 * - `onRequest`: start mark and scheme (`request.protocol` honours `trustProxy`).
 * - `onError`: remember the error only; `reply.statusCode` is still 200 there, the final status
 *   is known in `onResponse`.
 * - `onResponse`: record the final status; the error counts only when the reply became a 5xx
 *   (an error with `statusCode` 400 is a client error; one an error handler turned into a 200
 *   was handled).
 * - `onRequestAbort` / `onTimeout`: record `aborted` / `timeout`, with the status only if
 *   headers were already sent. Each request is recorded once: the mark is cleared on record, so
 *   a timeout followed by Fastify's abort hook, or a late `onResponse`, records nothing more.
 * - With `watchEnds` (HTTP/1 without body sizes) `onResponse` and `onRequestAbort` are not
 *   used: `@nines/otel`'s response watch calls the registration's end function (the request's
 *   `[kOwner]`) when the response finished or its connection closed, with the same rules.
 *
 * Hooks never throw: a fault is reported once through OpenTelemetry's `diag` and the request
 * goes on. On a real connection nothing here allocates per request: one `RequestEnd` is reused
 * (recording is synchronous), the hooks are created once, and state lives in decorations
 * Fastify's request constructor already sets. Injected requests (`fastify.inject()`) get two
 * listeners on their response with `watchEnds`.
 *
 * @param nines - where requests are recorded
 * @param features - what to collect beyond the always-on attributes
 * @returns the hooks
 * @example
 * ```ts
 * const hooks = createHooks(createNines(), {
 *   aborts: true, serverAttributes: false, bodySizes: false, watchEnds: false,
 * });
 * app.addHook('onRequest', hooks.onRequest);
 * app.addHook('onResponse', hooks.onResponse);
 * ```
 */
export function createHooks(nines: Nines, features: HookFeatures): NinesHooks {
  const { aborts, serverAttributes, bodySizes, watchEnds } = features;
  // Owns the requests this registration starts, and ends them when their watched response ends.
  const owner: ResponseEnder = (request, finished) => {
    // The watch has already let go of it: nothing to unchain in forget().
    request[kSocket] = null;
    try {
      if (finished) {
        record(request, request[kWatchedResponse], undefined, null);
      } else if (aborts) {
        record(request, request[kWatchedResponse], 'aborted', null);
      } else {
        request[kStart] = Number.NaN; // aborts: false leaves it unrecorded
        forget(request);
      }
    } catch (error) {
      fault('response-end callback', error);
    }
  };
  const routeOf = createRouteReader();
  // One RequestEnd reused for every request: requestEnded is synchronous and keeps nothing.
  const end: RequestEnd = blankRequestEnd();
  let faulted = false;
  const fault = (where: string, error: unknown): void => {
    if (faulted) return;
    faulted = true;
    try {
      diag.error(
        `@nines/fastify: the ${where} failed; requests go on unrecorded where it fails`,
        error,
      );
    } catch {
      // a throwing logger must not reach the request
    }
  };

  const record = (
    request: Request,
    res: RawResponse | null | undefined,
    failure: 'aborted' | 'timeout' | undefined,
    reply: FastifyReply | null,
  ): void => {
    const start = request[kStart] as number | undefined;
    // Never started, already recorded, or started by another registration's hooks.
    if (start === undefined || Number.isNaN(start) || request[kOwner] !== owner) return;
    request[kStart] = Number.NaN;
    if (watchEnds) forget(request);
    const status = res?.headersSent === true ? res.statusCode : undefined;
    const method = request.method;
    end.route = routeOf(request);
    end.method = method;
    end.status = status;
    end.error = status === undefined || status >= 500 ? request[kError] : undefined;
    // onResponse also runs on a response `error` (socket gone): nothing was sent then.
    end.failure = failure ?? (status === undefined ? 'aborted' : undefined);
    end.scheme = request[kScheme];
    end.httpVersion = request.raw.httpVersion;
    if (serverAttributes) {
      end.serverAddress = request[kServerAddress] ?? undefined;
      const port = request[kServerPort] as number | undefined;
      end.serverPort = port !== undefined && port > 0 ? port : undefined;
    }
    if (bodySizes) {
      end.requestBodySize = contentLength(request.raw.headers['content-length']);
      end.responseBodySize =
        status === undefined || failure !== undefined
          ? undefined
          : method === 'HEAD' || status === 204 || status === 304
            ? 0
            : // Fastify keeps its headers on the reply and hands them to writeHead at once,
              // so the raw response's getHeader does not see them.
              contentLength(reply?.getHeader('content-length'));
    }
    try {
      nines.requestEnded(start, end);
    } finally {
      end.error = undefined; // don't keep the exception alive until the next request
      request[kError] = null;
    }
  };

  return {
    onRequest(request, reply, done) {
      try {
        const r = request as Request;
        // A number: another registration's hooks started this request and own it. Requests of
        // a context created before the plugin lack the decorations (undefined): start them.
        const current = r[kStart] as number | undefined;
        if (current !== undefined && !Number.isNaN(current)) {
          done();
          return;
        }
        r[kOwner] = owner;
        // `protocol` honours trustProxy; undefined only without a socket.
        const scheme = (request.protocol as string | undefined) ?? 'http';
        r[kScheme] = scheme;
        if (watchEnds) watch(r, reply.raw);
        else if (aborts) r[kResponse] = reply.raw;
        if (serverAttributes) {
          // Fastify 5: `host` is the authority (trustProxy-aware); Fastify 4: `hostname` is.
          const authority = (request as { host?: string }).host ?? request.hostname;
          const address = authorityHost(authority);
          const port = authorityPort(authority);
          r[kServerAddress] = address ?? null;
          r[kServerPort] = port ?? 0;
          r[kStart] = nines.requestStarted(request.method, scheme, address, port);
        } else {
          r[kStart] = nines.requestStarted(request.method, scheme);
        }
      } catch (error) {
        fault('onRequest hook', error);
      }
      done();
    },
    onError(request, _reply, error, done) {
      (request as Request)[kError] = error;
      done();
    },
    onResponse(request, reply, done) {
      try {
        record(request as Request, reply.raw, undefined, reply);
      } catch (error) {
        fault('onResponse hook', error);
      }
      done();
    },
    onRequestAbort(request, done) {
      try {
        const r = request as Request;
        // undefined when this context's requests lack the decoration (see onRequest)
        record(r, r[kResponse], 'aborted', null);
        r[kResponse] = null;
      } catch (error) {
        fault('onRequestAbort hook', error);
      }
      done();
    },
    onTimeout(request, reply, done) {
      try {
        record(request as Request, reply.raw, 'timeout', reply);
      } catch (error) {
        fault('onTimeout hook', error);
      }
      done();
    },
  };
}
