import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  firstWatched,
  kNextWatched,
  kResponseEnded,
  kWatchedResponse,
  unwatchResponse,
  watchResponse,
  type Nines,
  type WatchableSocket,
  type WatchedResponse,
} from '@nines/otel';

import { templatesOf, type ExpressLayer } from './routeTemplate.js';

/** Tags a router invocation's `next` with the state of the request it dispatches. */
const SLOT: unique symbol = Symbol('@nines/express state');

/**
 * A router invocation's `next` function, tagged with the state of the request it dispatches.
 * Router `next` closures are made afresh per request from one site, so they all share one shape
 * and this tag is a fast property: the layer hooks find a request's state without touching the
 * request. The tag may outlive the request (a pooled state moves on): compare `state.req`.
 */
export interface TaggedNext {
  [SLOT]?: RequestState | undefined;
}

/**
 * The state a router invocation's `next` was tagged with, if it is `req`'s.
 *
 * @param next - a `next` function a layer was called with
 * @param req - the request
 * @returns the state, or `undefined`
 * @example
 * ```ts
 * const state = taggedState(next, req) ?? findState(req);
 * ```
 */
export function taggedState(next: unknown, req: unknown): RequestState | undefined {
  if (typeof next !== 'function') return undefined;
  const state = (next as TaggedNext)[SLOT];
  return state !== undefined && state.req === req ? state : undefined;
}

/**
 * Tags a router invocation's `next` with a request's state (see {@link TaggedNext}).
 *
 * @param next - a `next` function a layer was called with
 * @param state - the state of the request it dispatches
 * @example
 * ```ts
 * tagNext(next, state);
 * ```
 */
export function tagNext(next: unknown, state: RequestState): void {
  if (typeof next === 'function' && Object.isExtensible(next)) (next as TaggedNext)[SLOT] = state;
}

/** Requests being measured now: while none is, the hooks look nothing up. */
let inFlight = 0;

/** @returns whether any request is being measured now */
export function measuring(): boolean {
  return inFlight > 0;
}

/** HTTP/2 requests and requests without a socket are found through this map instead. */
const bySocketless = new WeakMap<object, RequestState>();

/** The Express request fields the adapter reads. */
export interface ExpressRequestFields {
  /** The Express application (set by Express's init). */
  app?: unknown;
  /** connect-timeout sets it when the request timed out. */
  timedout?: unknown;
  /** Where the adapter was mounted (it should be the app root). */
  baseUrl?: unknown;
}

/** States in the map now: while none is, lookups skip it. */
let inMap = 0;

/**
 * The state of a request being measured. Nothing is ever added to `req` or `res` (Express gives
 * every request a shape of its own, so each added property costs microseconds): an HTTP/1
 * request's state is watched on its socket, which lives for the keep-alive connection
 * (`@nines/otel`'s `watchResponse`), and others are kept in a map.
 *
 * @param req - the request
 * @returns its state, or `undefined` when it is not measured (or was recorded)
 * @example
 * ```ts
 * findState(req)?.enter(layer, next);
 * ```
 */
export function findState(req: IncomingMessage): RequestState | undefined {
  // One read of `req` (slow, see above): its socket.
  const socket = req.socket as unknown;
  if (typeof socket === 'object' && socket !== null) {
    for (let node = firstWatched(socket); node !== null; node = node[kNextWatched]) {
      if (node instanceof RequestState && node.req === req) return node;
    }
  }
  return inMap === 0 ? undefined : bySocketless.get(req);
}

/**
 * Everything the adapter keeps for one request, reused through a small pool: at steady state a
 * request allocates nothing here. Only the chain on its socket (or the map) leads to it, and it
 * leaves the chain when released, so a handler that runs late (after the response closed) finds
 * no state and changes nothing.
 *
 * Route templates are tracked per router invocation. Each layer is called with the `next` of
 * the router invocation dispatching it, so that `next` identifies where in the router tree a
 * layer runs: `routers[i]` is an invocation's `next` and
 * `prefixes[i]` its template prefix. An invocation not seen before is the one the last `use`
 * layer entered, one level below the router that layer belongs to.
 */
export class RequestState implements WatchedResponse {
  /**
   * This state's own `close` listener, made once per pooled state (no closure per request):
   * it ends the request when `this` is still the response it measures.
   */
  readonly listener: (this: ServerResponse) => void;

  /**
   * @param onEnd - what ends a request: called with this state, its response and whether it
   *   finished (`undefined`: read it from the response)
   */
  constructor(
    private readonly onEnd: (state: RequestState, res: ServerResponse, finished?: boolean) => void,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the listener's `this` is the response
    const state = this;
    this.listener = function closeListener(this: ServerResponse): void {
      if (this === state.res) onEnd(state, this);
    };
  }

  /** The response, as `@nines/otel` watches it. */
  get [kWatchedResponse](): unknown {
    return this.res;
  }

  /** The next state watched on the same connection (managed by `@nines/otel`). */
  [kNextWatched]: WatchedResponse | null = null;

  /**
   * The watched response finished, or its connection closed first (from `@nines/otel`).
   *
   * @param finished - whether it finished
   */
  [kResponseEnded](finished: boolean): void {
    this.socket = undefined; // the watch has already let go of it: detach() skips the chain
    const res = this.res;
    if (res !== undefined) this.onEnd(this, res, finished);
  }

  nines: Nines | undefined = undefined;
  req: IncomingMessage | undefined = undefined;
  res: ServerResponse | undefined = undefined;
  /** The socket this state is watched on, until the watch or `detach` lets go of it. */
  socket: WatchableSocket | undefined = undefined;
  /** Whether the state is in the map (HTTP/2, injected requests) instead. */
  mapped = false;
  start = 0;
  method = '';
  scheme = '';
  httpVersion = '';
  /** Whether to read body sizes and the Host header at the end (opt-in attributes). */
  bodySizes = false;
  serverAttributes = false;
  /** Template of the last route whose handlers ran (Express's `req.route`), with its prefix. */
  route: string | undefined = undefined;
  /** The last exception an error-handling pass carried. */
  error: unknown = undefined;

  readonly routers: unknown[] = [];
  readonly prefixes: string[] = [];
  depth = 0;
  /** Deepest slot used, so a release clears exactly what was set. */
  used = 0;
  /** Prefix for the next unseen router invocation, and the depth of the router that set it. */
  pending = '';
  pendingDepth = 0;

  /**
   * @param nines - the Nines recording this request
   * @param req - the request
   * @param res - its response
   * @param router - the `next` the middleware was called with: the app's router invocation
   *   (`undefined` when measured from the app's entry: the first router seen is the app's)
   * @param socket - the socket to watch the response on (`canWatchResponse`), or `undefined`
   *   (HTTP/2, injected requests): then the state is kept in a map, and the caller listens
   */
  begin(
    nines: Nines,
    req: IncomingMessage,
    res: ServerResponse,
    router: unknown,
    socket: WatchableSocket | undefined,
  ): void {
    this.nines = nines;
    this.req = req;
    this.res = res;
    this.routers[0] = router;
    this.prefixes[0] = '';
    this.depth = 0;
    this.used = 0;
    this.pending = '';
    this.pendingDepth = 0;
    inFlight++;
    tagNext(router, this);
    this.socket = socket;
    if (socket === undefined) {
      bySocketless.set(req, this);
      this.mapped = true;
      inMap++;
    } else {
      watchResponse(socket, this);
    }
  }

  /** Stops being found: leaves the socket's watch (or the map). */
  detach(): void {
    if (this.req !== undefined) inFlight--;
    const socket = this.socket;
    if (socket !== undefined) {
      unwatchResponse(socket, this);
      this.socket = undefined;
    } else if (this.mapped) {
      this.mapped = false;
      if (this.req !== undefined && bySocketless.delete(this.req)) inMap--;
    }
  }

  /**
   * A router's layer is about to handle the request (called from the patched `handle_request`
   * / `handleRequest`, which skips the handler layers inside routes). Never throws on
   * well-formed layers; the caller guards anyway.
   *
   * @param layer - the layer (not a route's handler layer)
   * @param current - the `next` the layer was called with: its router invocation
   */
  enter(layer: ExpressLayer, current: unknown): void {
    const routers = this.routers;
    let depth = this.depth;
    while (depth >= 0 && routers[depth] !== current) depth--;
    if (depth < 0 && routers[0] === undefined) {
      // Measured from the app's entry: the first router invocation seen is the app's.
      routers[0] = current;
      depth = 0;
    } else if (depth < 0) {
      depth = this.pendingDepth + 1;
      routers[depth] = current;
      this.prefixes[depth] = this.pending;
      if (depth > this.used) this.used = depth;
    }
    this.depth = depth;
    const prefix = this.prefixes[depth] ?? '';
    const templates = templatesOf(layer);
    if (templates.route) {
      this.route = templates.join(prefix);
      // A router called from inside a route handler sees the whole remaining path.
      this.pending = prefix;
    } else {
      this.pending = templates.join(prefix);
    }
    this.pendingDepth = depth;
  }

  /** Drops every reference, so a pooled state keeps no request alive. */
  clear(): void {
    const routers = this.routers;
    for (let i = 0; i <= this.used; i++) routers[i] = undefined;
    this.nines = undefined;
    this.req = undefined;
    this.res = undefined;
    this.route = undefined;
    this.error = undefined;
  }
}

/** States kept for reuse; past it, released states are left to the garbage collector. */
const POOL_SIZE = 256;
const pool: RequestState[] = [];

/**
 * Takes a state for a new request.
 *
 * @param onClose - what ends a request (used when a new state is made; the same for every call)
 * @returns a cleared state, from the pool when one is free
 * @example
 * ```ts
 * const state = acquireState(onClose);
 * state.begin(nines, req, res, next, req.socket); // a net.Socket: watched, no listener
 * // ... on close:
 * releaseState(state);
 * ```
 */
export function acquireState(
  onClose: (state: RequestState, res: ServerResponse, finished?: boolean) => void,
): RequestState {
  return pool.pop() ?? new RequestState(onClose);
}

/**
 * Detaches a state from its request and returns it to the pool.
 *
 * @param state - a state whose request was recorded
 * @example
 * ```ts
 * releaseState(state); // findState(req) is now undefined
 * ```
 */
export function releaseState(state: RequestState): void {
  state.detach();
  state.clear();
  if (pool.length < POOL_SIZE) pool.push(state);
}
