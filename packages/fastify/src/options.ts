import { NinesError, type NinesIssue } from '@nines/core';
import type { Nines, NinesOptions } from '@nines/otel';

/**
 * Options of the {@link fastifyNines} plugin: either the {@link NinesOptions} to create a
 * `Nines` with, or an existing `Nines` in `nines` (shared with other servers or adapters), plus
 * the few settings only Fastify has.
 */
export interface FastifyNinesOptions extends NinesOptions {
  /**
   * Use this `Nines` instead of creating one, e.g. to share one set of objectives between a
   * Fastify app and a queue consumer. Then no other {@link NinesOptions} may be given (they
   * would be silently unused), and the plugin does not shut it down on close unless
   * `shutdownOnClose` is `true`: whoever created it owns it.
   */
  readonly nines?: Nines;
  /**
   * Register `GET <statusPath>` serving the status JSON (`nines.status()`), e.g. `'/slo'`. The
   * path gets the prefix of the context the plugin is registered in. When the plugin creates
   * the `Nines`, the route is also added to `excludeRoutes`, so polling it never counts towards
   * an objective (REFERENCE.md §11.1 #21). Default: no route.
   */
  readonly statusPath?: string;
  /**
   * Record requests the client aborted before the response finished (`error.type="aborted"`).
   * On HTTP/1 without `bodySizes` they come from the connection's `close` (one listener per
   * connection, `@nines/otel`'s response watch). Under HTTP/2 or with `bodySizes` they come from
   * Fastify's `onRequestAbort` hook, which its documentation calls not fully reliable (it fires
   * on the request's `close` when `req.aborted` is set) and for which Fastify adds one `close`
   * listener per request. Default `true`: without it an aborted request is never recorded.
   */
  readonly aborts?: boolean;
  /**
   * Record requests whose socket timed out (Fastify's `onTimeout` hook,
   * `error.type="timeout"`). That hook only fires with the server option `connectionTimeout`,
   * and Fastify allocates per request for it, so the default is `true` exactly when the
   * instance has a `connectionTimeout` above 0.
   */
  readonly timeouts?: boolean;
  /**
   * Call `nines.shutdown()` (final evaluation, state saved to `statePath`) in Fastify's
   * `onClose`. Default `true` when the plugin created the `Nines`, `false` when it was passed in.
   */
  readonly shutdownOnClose?: boolean;
}

/** Keys of {@link FastifyNinesOptions} that are not Nines options, plus Fastify's own register options. */
const ADAPTER_KEYS: ReadonlySet<string> = new Set([
  'nines',
  'statusPath',
  'aborts',
  'timeouts',
  'shutdownOnClose',
  // Fastify hands its register options to the plugin too.
  'prefix',
  'logLevel',
  'logSerializers',
]);

/** The Fastify-only options after validation. Internal. */
export interface ResolvedFastifyOptions {
  readonly statusPath: string | undefined;
  readonly aborts: boolean;
  readonly timeouts: boolean | undefined;
  readonly shutdownOnClose: boolean | undefined;
}

/**
 * Validates the Fastify-only options; the Nines options are validated by `createNines`.
 *
 * @param options - what was passed to `register`
 * @returns the Fastify-only options, checked
 * @throws NinesError `INVALID_ARGUMENT` listing every problem at once
 */
export function resolveFastifyOptions(options: FastifyNinesOptions): ResolvedFastifyOptions {
  const issues: NinesIssue[] = [];
  const given: unknown = options;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `@nines/fastify options must be an object, got ${String(given)}.`,
    );
  }
  const { statusPath, aborts, timeouts, shutdownOnClose, nines } = options;
  if (statusPath !== undefined && !isPath(statusPath)) {
    issues.push({
      code: 'INVALID_ARGUMENT',
      message: `statusPath ${JSON.stringify(statusPath)} is not a route path: it must start with "/", have at least one more character and no whitespace, "?" or "#".`,
      path: ['statusPath'],
    });
  }
  for (const [name, value] of [
    ['aborts', aborts],
    ['timeouts', timeouts],
    ['shutdownOnClose', shutdownOnClose],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean') {
      issues.push({
        code: 'INVALID_ARGUMENT',
        message: `${name} must be true or false, got ${JSON.stringify(value)}.`,
        path: [name],
      });
    }
  }
  if (nines !== undefined) {
    const candidate: unknown = nines;
    if (!looksLikeNines(candidate)) {
      issues.push({
        code: 'INVALID_ARGUMENT',
        message: 'nines must be the object createNines() returned.',
        path: ['nines'],
      });
    }
    const unused = Object.keys(options).filter(
      (key) => !ADAPTER_KEYS.has(key) && (options as Record<string, unknown>)[key] !== undefined,
    );
    if (unused.length > 0) {
      issues.push({
        code: 'INVALID_ARGUMENT',
        message: `nines was given, so ${unused.join(', ')} would be ignored: set ${unused.length === 1 ? 'it' : 'them'} in createNines() instead.`,
        path: [unused[0] ?? 'nines'],
      });
    }
  }
  if (issues.length > 0) throw NinesError.fromIssues(issues);
  return {
    statusPath,
    aborts: aborts ?? true,
    timeouts,
    shutdownOnClose,
  };
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && /^\/[^\s?#]+$/.test(value);
}

function looksLikeNines(value: unknown): value is Nines {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.requestStarted === 'function' &&
    typeof v.requestEnded === 'function' &&
    typeof v.status === 'function' &&
    typeof v.shutdown === 'function'
  );
}

/**
 * The Nines options without the adapter's own keys, to hand to `createNines`.
 *
 * @param options - what was passed to `register`
 * @param excludeStatus - a status route template to keep out of the objectives, if any
 * @returns the options for `createNines`
 */
export function ninesOptionsOf(
  options: FastifyNinesOptions,
  excludeStatus: string | undefined,
): NinesOptions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!ADAPTER_KEYS.has(key) && value !== undefined) out[key] = value;
  }
  if (excludeStatus !== undefined) {
    out.excludeRoutes = [...(options.excludeRoutes ?? []), excludeStatus];
  }
  // Every key copied is a NinesOptions key (all others are dropped above).
  const nines: NinesOptions = out;
  return nines;
}
