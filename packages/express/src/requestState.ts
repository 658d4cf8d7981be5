import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Nines } from '@nines/otel';
import { templatesOf, type ExpressLayer } from './routeTemplate.js';

/** Where a request's state hangs on `req` and `res`: `null` once it was recorded. */
export const STATE: unique symbol = Symbol('@nines/express state');

/** A `req` or `res` carrying the state. */
export interface Stash {
  [STATE]?: RequestState | null | undefined;
}

/** The Express request fields the adapter reads. */
export interface ExpressRequestFields {
  /** The `next` of the router invocation currently dispatching (set and restored by Express). */
  next?: unknown;
  /** The Express application (set by Express's init). */
  app?: unknown;
  /** `http`/`https` after the app's trust-proxy rules (Express getter). */
  protocol?: unknown;
  /** connect-timeout sets it when the request timed out. */
  timedout?: unknown;
  /** Where the adapter was mounted (it should be the app root). */
  baseUrl?: unknown;
}

/**
 * Everything the adapter keeps for one request, reused through a small pool: at steady state a
 * request allocates nothing here. Only `req[STATE]` and `res[STATE]` lead to it, and both are set
 * to `null` when it is released, so a handler that runs late (after the response closed) finds
 * no state and changes nothing.
 *
 * Route templates are tracked per router invocation. Express sets `req.next` to the `next` of
 * the router that is dispatching and restores it when that router is left, so `req.next`
 * identifies where in the router tree a layer runs: `routers[i]` is an invocation's `next` and
 * `prefixes[i]` its template prefix. An invocation not seen before is the one the last `use`
 * layer entered, one level below the router that layer belongs to.
 */
export class RequestState {
  nines: Nines | undefined = undefined;
  req: (IncomingMessage & Stash) | undefined = undefined;
  res: (ServerResponse & Stash) | undefined = undefined;
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
   * @param router - `req.next` when the middleware runs: the app's router invocation
   */
  begin(
    nines: Nines,
    req: IncomingMessage & Stash,
    res: ServerResponse & Stash,
    router: unknown,
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
    req[STATE] = this;
    res[STATE] = this;
  }

  /**
   * A layer is about to handle the request (called from the patched `handle_request` /
   * `handleRequest`). Never throws on well-formed layers; the caller guards anyway.
   *
   * @param layer - the layer
   * @param current - `req.next` now: the router invocation the layer belongs to
   */
  enter(layer: ExpressLayer, current: unknown): void {
    const routers = this.routers;
    let depth = this.depth;
    while (depth >= 0 && routers[depth] !== current) depth--;
    if (depth < 0) {
      depth = this.pendingDepth + 1;
      routers[depth] = current;
      this.prefixes[depth] = this.pending;
      if (depth > this.used) this.used = depth;
    }
    this.depth = depth;
    // Handlers inside a route (own `method`, also for `.all()`) change nothing.
    if ('method' in layer) return;
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
 * @returns a cleared state, from the pool when one is free
 * @example
 * ```ts
 * const state = acquireState();
 * state.begin(nines, req, res, req.next);
 * // ... on close:
 * releaseState(state);
 * ```
 */
export function acquireState(): RequestState {
  return pool.pop() ?? new RequestState();
}

/**
 * Detaches a state from its request and returns it to the pool.
 *
 * @param state - a state whose request was recorded
 * @example
 * ```ts
 * releaseState(state); // req[STATE] and res[STATE] are now null
 * ```
 */
export function releaseState(state: RequestState): void {
  if (state.req !== undefined) state.req[STATE] = null;
  if (state.res !== undefined) state.res[STATE] = null;
  state.clear();
  if (pool.length < POOL_SIZE) pool.push(state);
}
