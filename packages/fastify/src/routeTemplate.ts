import type { FastifyRequest } from 'fastify';

/**
 * The route template of a request, for `http.route`: the path the route was registered with,
 * prefixes included (`/api/users/:id`, `/api/files/*`), the same for the automatic `HEAD`
 * route, and `undefined` when nothing matched (404, or a method the route lacks), so the raw
 * path never becomes an attribute (REFERENCE.md §5.3, §5.8).
 *
 * `routeOptions` exists since Fastify 4.10 and is the only public way in 5 (`routerPath` was
 * removed), so the supported range (`^4.28 || ^5`) needs no fallback. The plugin's hooks use
 * {@link createRouteReader}, which reads the same value without Fastify's per-access object.
 *
 * @param request - the Fastify request, in any hook after routing
 * @returns the template, or `undefined` when no route matched
 * @example
 * ```ts
 * app.addHook('onResponse', (request, reply, done) => {
 *   console.log(routeTemplate(request)); // '/api/users/:id' for GET /api/users/7
 *   done();
 * });
 * ```
 */
export function routeTemplate(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

/** What Fastify keeps under its route-context symbol; only `config.url` is read. */
interface RouteContext {
  readonly config?: { readonly url?: unknown } | null;
}

/**
 * A reader of {@link routeTemplate} for the hot path. Fastify's `request.routeOptions` getter
 * builds a new object on every access: about 55 ns in Fastify 5.12 and 2.4-2.9 µs in 4.29,
 * which also freezes it (measured, packages/fastify/test/overhead.ts). Both getters return
 * `this[kRouteContext].config?.url`, where `kRouteContext` is `Symbol('fastify.context')`, set
 * on every request by Fastify 4 and 5. The reader finds that symbol on the first request,
 * checks on it that `context.config.url` equals `routeOptions.url`, and from then on reads it
 * directly, checking on each request that the context is there.
 *
 * If the symbol is missing or the check fails (a future Fastify), the reader uses
 * `routeOptions.url` for good: never a wrong template, at worst the slower read. One reader per
 * Fastify instance: two Fastify copies in one process have different symbols.
 *
 * @returns a function from a request to its template
 * @example
 * ```ts
 * const routeOf = createRouteReader();
 * routeOf(request); // '/api/users/:id'
 * ```
 */
export function createRouteReader(): (request: FastifyRequest) => string | undefined {
  // undefined: not probed yet; null: use the public getter.
  let key: symbol | null | undefined;
  return (request) => {
    if (key === undefined) key = probe(request);
    if (key !== null) {
      const context = (request as unknown as Record<symbol, RouteContext | null | undefined>)[key];
      if (typeof context === 'object' && context !== null) {
        const url = context.config?.url;
        if (url === undefined || typeof url === 'string') return url;
      }
    }
    return request.routeOptions.url;
  };
}

function probe(request: FastifyRequest): symbol | null {
  const key = Object.getOwnPropertySymbols(request).find(
    (symbol) => symbol.description === 'fastify.context',
  );
  if (key === undefined) return null;
  const context = (request as unknown as Record<symbol, unknown>)[key];
  if (typeof context !== 'object' || context === null) return null;
  const config = (context as { config?: unknown }).config;
  if (config !== undefined && (typeof config !== 'object' || config === null)) return null;
  const url = (config as { url?: unknown } | undefined)?.url;
  return url === request.routeOptions.url ? key : null;
}
