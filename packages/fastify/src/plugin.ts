import { diag } from '@opentelemetry/api';
import { createNines, type Nines } from '@nines/otel';
import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import {
  createHooks,
  kStart,
  requestDecorations,
  requestMethods,
  type HookFeatures,
} from './hooks.js';
import { ninesOptionsOf, resolveFastifyOptions, type FastifyNinesOptions } from './options.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The app's `Nines` (from `@nines/fastify`): custom SLIs (`events`, `track`), `status()`,
     * `evaluate()`.
     */
    nines: Nines;
  }
}

/** The name Fastify knows the plugin by (for `dependencies` of other plugins). */
export const PLUGIN_NAME = '@nines/fastify';

const plugin: FastifyPluginCallback<FastifyNinesOptions> = (fastify, options, done) => {
  // Registered already in this context or an ancestor: a second set of hooks would count every
  // request twice (REFERENCE.md §11.1 #24). Keep the first, say so once.
  if (fastify.hasRequestDecorator(kStart)) {
    diag.warn(
      `${PLUGIN_NAME}: registered more than once in the same context; the later registration is ignored (its options included).`,
    );
    done();
    return;
  }
  let owned: boolean;
  let nines: Nines;
  let resolved;
  try {
    resolved = resolveFastifyOptions(options);
    const statusRoute =
      resolved.statusPath === undefined
        ? undefined
        : joinPrefix(fastify.prefix, resolved.statusPath);
    owned = options.nines === undefined;
    nines = options.nines ?? createNines(ninesOptionsOf(options, statusRoute));
  } catch (error) {
    done(error as Error);
    return;
  }
  // A Nines passed in tells its opt-ins through its recorder (as the Express adapter reads them).
  const given = nines.metrics as unknown as { bodySizes?: unknown; serverAttributes?: unknown };
  const bodySizes = owned ? options.bodySizes === true : given.bodySizes === true;
  const features: HookFeatures = {
    aborts: resolved.aborts,
    serverAttributes: owned ? options.serverAttributes === true : given.serverAttributes === true,
    bodySizes,
    // Ends from the response watch (no onResponse/onRequestAbort hooks) on HTTP/1.
    watchEnds: !bodySizes && !isHttp2(fastify),
  };
  for (const [key, initial] of requestDecorations(features)) {
    fastify.decorateRequest(key, initial as never);
  }
  for (const [key, method] of requestMethods(features)) {
    fastify.decorateRequest(key, method as never);
  }
  fastify.decorate('nines', nines);

  const timeouts = resolved.timeouts ?? connectionTimeoutOf(fastify) > 0;
  const hooks = createHooks(nines, features);
  fastify.addHook('onRequest', hooks.onRequest);
  fastify.addHook('onError', hooks.onError);
  if (!features.watchEnds) {
    fastify.addHook('onResponse', hooks.onResponse);
    if (resolved.aborts) fastify.addHook('onRequestAbort', hooks.onRequestAbort);
  }
  if (timeouts) fastify.addHook('onTimeout', hooks.onTimeout);

  if (resolved.shutdownOnClose ?? owned) {
    fastify.addHook('onClose', (_instance, closed) => {
      nines.shutdown().then(
        () => {
          closed();
        },
        (error: unknown) => {
          closed(error as Error);
        },
      );
    });
  }

  if (resolved.statusPath !== undefined) {
    // The shared handler (GET and the automatic HEAD), so every adapter serves the same bytes:
    // JSON, `cache-control: no-store`, a 500 and one diag line if the status cannot be built.
    // A hijacked reply still ends (onResponse, or the response watch), so the route is recorded
    // like any other.
    fastify.get(resolved.statusPath, (request, reply) => {
      reply.hijack();
      // Under HTTP/2 these are Node's compat objects, which have what the handler uses.
      nines.statusHandler(request.raw, reply.raw);
    });
  }
  done();
};

/**
 * The Fastify plugin: OpenTelemetry HTTP server metrics for every route of the app, and the
 * app's objectives evaluated in-process from the same data.
 *
 * Wrapped with `fastify-plugin`, so its hooks apply to the context it is registered in and
 * every context below it (also those registered before it: Fastify hands a parent's hooks to
 * existing children); register it on the root for the whole app. The instance is decorated
 * with `nines` (custom SLIs, status); registering it twice is a no-op with a `diag` warning.
 *
 * @param fastify - the Fastify instance (Fastify 4.28+ or 5)
 * @param options - {@link FastifyNinesOptions}
 * @throws NinesError `INVALID_ARGUMENT` (from `register`/`ready`) for invalid options
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { fastifyNines } from '@nines/fastify';
 *
 * const app = Fastify();
 * await app.register(fastifyNines, {
 *   statusPath: '/slo',
 *   objectives: [
 *     {
 *       id: 'api-availability',
 *       target: 0.999,
 *       window: '30d',
 *       sli: { kind: 'http-availability', matchers: [] },
 *     },
 *   ],
 *   onAlert: (event) => console.log(event.objectiveId, event.tier, event.state),
 * });
 * app.get('/users/:id', async (request) => ({ id: (request.params as { id: string }).id }));
 * await app.listen({ port: 3000 });
 * ```
 */
export const fastifyNines: FastifyPluginCallback<FastifyNinesOptions> = fp(plugin, {
  // Fastify checks this range against its own version (fastify-plugin itself checks nothing).
  fastify: '4.x || 5.x',
  name: PLUGIN_NAME,
});

/** Joins a context prefix and a path the way Fastify does for `prefix + url`. */
function joinPrefix(prefix: string, path: string): string {
  return prefix === '' || prefix === '/' ? path : prefix + path;
}

function isHttp2(fastify: FastifyInstance): boolean {
  return (fastify.initialConfig as { http2?: unknown }).http2 === true;
}

function connectionTimeoutOf(fastify: FastifyInstance): number {
  const value = (fastify.initialConfig as { connectionTimeout?: unknown }).connectionTimeout;
  return typeof value === 'number' ? value : 0;
}
