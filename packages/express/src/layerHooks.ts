import { diag } from '@opentelemetry/api';
import { reportFault } from './reportFault.js';
import { STATE, type ExpressRequestFields, type Stash } from './requestState.js';
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
 * Makes sure the Layer prototype of the Express behind `app` is hooked, so each request's route
 * template is built from the layers it passes through. Called by the middleware on every request;
 * after the first one per app it is one property read.
 *
 * Why hook the prototype rather than the user's layers: routers are created and filled before
 * and after the middleware is registered (and Express 4 layers do not keep their path), while
 * every layer, in every router and every mounted app of that copy of Express, is entered through
 * `Layer.prototype.handle_request` (Express 4) or `handleRequest` (router 2.x, Express 5), and
 * every error pass through `handle_error` / `handleError`. The hooks cost one property read for
 * requests Nines does not measure, and change nothing about what the layer does.
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
    const state = (req as Stash)[STATE];
    if (state != null) {
      try {
        state.enter(this, (req as ExpressRequestFields).next);
      } catch (error) {
        reportFault(
          state.nines ?? state,
          'route-template',
          'route template tracking failed; the request goes on.',
          error,
        );
      }
    }
    return original.call(this, req, res, next);
  };
}

function hookError(original: HandleError): HandleError {
  return function handleError(this: ExpressLayer, error, req, res, next) {
    const state = (req as Stash)[STATE];
    if (state != null) state.error = error;
    return original.call(this, error, req, res, next);
  };
}
