import { diag } from '@opentelemetry/api';
import { reportFault } from './reportFault.js';
import type { IncomingMessage } from 'node:http';
import { findState, measuring, tagNext, taggedState, type RequestState } from './requestState.js';
import type { ExpressLayer } from './routeTemplate.js';

type Handle = (this: ExpressLayer, req: unknown, res: unknown, next: unknown) => unknown;
type HandleError = (
  this: ExpressLayer,
  error: unknown,
  req: unknown,
  res: unknown,
  next: unknown,
) => unknown;

/** Marks a Layer prototype as hooked (once per copy of Express in the process). */
const HOOKED: unique symbol = Symbol('@nines/express hooked');
/** Marks an app whose Layer prototype was looked up. */
const SEEN: unique symbol = Symbol('@nines/express seen');

interface HookableLayerPrototype {
  [HOOKED]?: true;
  handle_request?: unknown;
  handle_error?: unknown;
  handleRequest?: unknown;
  handleError?: unknown;
}

let missingReported = false;

/**
 * The request whose layer a hook is calling right now. A middleware called by a hooked layer
 * finds its own request here, which proves the hooks are in place without reading `req.app`.
 */
let entering: unknown = undefined;
/** The state of `entering`, if measured: a router it enters finds it here. */
let enteringState: RequestState | undefined = undefined;

/**
 * Whether the layer that called the middleware for `req` went through the hooks.
 *
 * @param req - the request the middleware was called with
 * @returns `true` when the hooks are in place for this request's Express
 * @example
 * ```ts
 * if (!enteredThroughHooks(req)) ensureLayerHooks(req.app);
 * ```
 */
export function enteredThroughHooks(req: unknown): boolean {
  return entering === req;
}

/**
 * Hands a request's state to the app router that starts dispatching it synchronously next
 * (from the app's entry), so its first layer finds the state without a lookup. Undo with
 * {@link leaveApp} when the app's `handle` returns.
 *
 * @param req - the request
 * @param state - its state
 * @example
 * ```ts
 * enterApp(req, state);
 * try { original.call(app, req, res, done); } finally { leaveApp(); }
 * ```
 */
export function enterApp(req: unknown, state: RequestState | undefined): void {
  entering = req;
  enteringState = state;
}

/** Ends what {@link enterApp} began. */
export function leaveApp(): void {
  entering = undefined;
  enteringState = undefined;
}

/**
 * Makes sure the Layer prototype of the Express behind `app` is hooked, so each request's route
 * template is built from the layers it passes through. Called by the middleware when
 * the layer that called it was not hooked (the first request through each app); after the
 * first one per app it is one property read.
 *
 * Why hook the prototype rather than the user's layers: routers are created and filled before
 * and after the middleware is registered (and Express 4 layers do not keep their path), while
 * every layer, in every router and every mounted app of that copy of Express, is entered through
 * `Layer.prototype.handle_request` (Express 4) or `handleRequest` (router 2.x, Express 5), and
 * every error pass through `handle_error` / `handleError`. While no request is being measured
 * the hooks cost one check; otherwise a layer outside a route looks its request's state up
 * (a tag on the router's `next`, else the request's socket). They change nothing about what
 * the layer does.
 *
 * @param app - `req.app`
 * @returns whether the hooks are in place for this app
 * @example
 * ```ts
 * const app = express();
 * app.get('/x', handler);
 * ensureLayerHooks(app); // true: this copy of Express now reports layers to measured requests
 * ```
 */
export function ensureLayerHooks(app: unknown): boolean {
  if (typeof app !== 'function' && (typeof app !== 'object' || app === null)) return false;
  const seen = app as { [SEEN]?: true };
  if (seen[SEEN] === true) return true;
  // Only success is remembered: an app whose router is not built yet is looked at again.
  if (hookApp(app as Record<string, unknown>)) {
    seen[SEEN] = true;
    return true;
  }
  if (!missingReported) {
    missingReported = true;
    diag.warn(
      '@nines/express: could not find the Express router of this app; requests are measured without http.route.',
    );
  }
  return false;
}

function hookApp(app: Record<string, unknown>): boolean {
  // Express 4 keeps the router in `_router` (its `router` getter throws); Express 5 in `router`.
  let router: unknown = app._router;
  if (router === undefined) {
    try {
      router = app.router;
    } catch {
      return false;
    }
  }
  const stack = (router as { stack?: unknown } | undefined)?.stack;
  if (!Array.isArray(stack) || stack.length === 0) return false;
  const proto: unknown = Object.getPrototypeOf(stack[0]);
  if (typeof proto !== 'object' || proto === null) return false;
  return hookLayerPrototype(proto);
}

/**
 * Wraps the request and error entry points of one Layer prototype. Exported for tests.
 *
 * @param proto - `Layer.prototype` of Express 4 or of router 2.x
 * @returns whether the prototype is (now) hooked
 * @example
 * ```ts
 * hookLayerPrototype(Object.getPrototypeOf(app.router.stack[0])); // true, idempotent
 * ```
 */
export function hookLayerPrototype(proto: HookableLayerPrototype): boolean {
  if (proto[HOOKED] === true) return true;
  const requestName =
    typeof proto.handleRequest === 'function' ? 'handleRequest' : 'handle_request';
  const errorName = typeof proto.handleError === 'function' ? 'handleError' : 'handle_error';
  const handle = proto[requestName];
  const handleError = proto[errorName];
  if (typeof handle !== 'function' || typeof handleError !== 'function') return false;
  proto[requestName] = hookRequest(handle as Handle);
  proto[errorName] = hookError(handleError as HandleError);
  proto[HOOKED] = true;
  return true;
}

function hookRequest(original: Handle): Handle {
  return function handleRequest(this: ExpressLayer, req, res, next) {
    // Handlers inside a route (own `method`, also for `.all()`) change nothing: skip them first.
    // Elsewhere `next` is the dispatching router invocation's `next` (the same as `req.next`).
    let state: RequestState | undefined = undefined;
    if (!('method' in this) && measuring()) {
      state = taggedState(next, req);
      if (state === undefined) {
        // A router invocation not seen yet: the one a parent layer is entering (routers start
        // dispatching synchronously), else (a router called later) look the request up.
        state =
          enteringState !== undefined && entering === req
            ? enteringState
            : findState(req as IncomingMessage);
        if (state !== undefined) tagNext(next, state);
      }
      if (state !== undefined) {
        try {
          state.enter(this, next);
        } catch (error) {
          reportFault(
            state.nines ?? state,
            'route-template',
            'route template tracking failed; the request goes on.',
            error,
          );
        }
      }
    }
    const outer = entering;
    const outerState = enteringState;
    entering = req;
    enteringState = state;
    const result = original.call(this, req, res, next);
    entering = outer;
    enteringState = outerState;
    return result;
  };
}

function hookError(original: HandleError): HandleError {
  return function handleError(this: ExpressLayer, error, req, res, next) {
    const state = findState(req as IncomingMessage);
    if (state !== undefined) state.error = error;
    return original.call(this, error, req, res, next);
  };
}
