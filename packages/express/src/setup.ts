import type { IncomingMessage, ServerResponse } from 'node:http';
import { NinesError } from '@nines/core';
import { createNines, type Nines, type NinesOptions } from '@nines/otel';

/** What the adapter adds to a Nines it is given. */
export interface ExpressAdapterOptions {
  /**
   * Serve the status JSON (`nines.statusHandler`: `GET`/`HEAD`, others 405) at exactly this path,
   * e.g. `'/slo'`, ahead of the app's routes and not measured. Query strings are allowed
   * (`/slo?pretty`). To mount it as a measured route instead, use `ninesStatus`.
   */
  readonly statusPath?: string;
}

/** Options of `ninesExpress` and `instrumentExpress`: those of `createNines` plus the adapter's own. */
export interface ExpressNinesOptions extends NinesOptions, ExpressAdapterOptions {}

/** What one registration of the adapter records with, resolved from its options. */
export interface AdapterSetup {
  readonly nines: Nines;
  /** Where the status JSON is served, unmeasured. */
  readonly statusPath: string | undefined;
  /** Whether to read body sizes and the Host header (opt-in attributes). */
  readonly bodySizes: boolean;
  readonly serverAttributes: boolean;
}

/** Nines created from an options object, so registering twice with it reuses one. */
const created = new WeakMap<object, Nines>();
/** Key of the Nines made without options. */
const NO_OPTIONS = {};

/**
 * Resolves a registration's options: an existing Nines, or the Nines made (once per options
 * object) from `createNines` options.
 *
 * @param options - `createNines` options plus `statusPath`, or an existing Nines
 * @param adapterOptions - `statusPath` when `options` is a Nines
 * @returns the Nines and what the adapter reads per request
 * @throws NinesError `INVALID_ARGUMENT` for a `statusPath` that is not a path, and whatever
 *   `createNines` throws for invalid options
 * @example
 * ```ts
 * const { nines, statusPath } = resolveSetup({ objectives, statusPath: '/slo' });
 * ```
 */
export function resolveSetup(
  options: ExpressNinesOptions | Nines | undefined,
  adapterOptions: ExpressAdapterOptions | undefined,
): AdapterSetup {
  if (isNines(options)) {
    const statusPath = checkStatusPath(adapterOptions?.statusPath);
    return { nines: options, statusPath, ...optInsOf(options, undefined) };
  }
  const statusPath = checkStatusPath(adapterOptions?.statusPath ?? options?.statusPath);
  const given = options ?? NO_OPTIONS;
  let nines = created.get(given);
  if (nines === undefined) {
    // createNines ignores keys it does not know, such as statusPath.
    nines = createNines(options);
    created.set(given, nines);
  }
  return { nines, statusPath, ...optInsOf(nines, options) };
}

/**
 * Serves the status JSON when `req` asks for the setup's status path.
 *
 * @param setup - the registration
 * @param req - the request
 * @param res - its response
 * @returns whether it answered (the request goes no further)
 * @example
 * ```ts
 * if (serveStatus(setup, req, res)) return;
 * ```
 */
export function serveStatus(
  setup: AdapterSetup,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const path = setup.statusPath;
  if (path === undefined) return false;
  const url = req.url;
  if (url === undefined || !url.startsWith(path)) return false;
  if (url.length !== path.length && url.charCodeAt(path.length) !== 0x3f /* ? */) return false;
  setup.nines.statusHandler(req, res);
  return true;
}

/**
 * Whether a value is a Nines (rather than options).
 *
 * @param value - `options` as given
 * @returns `true` for an object with `requestStarted` and `requestEnded`
 * @example
 * ```ts
 * isNines(createNines()); // true
 * ```
 */
export function isNines(value: unknown): value is Nines {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Nines>).requestStarted === 'function' &&
    typeof (value as Partial<Nines>).requestEnded === 'function'
  );
}

function checkStatusPath(path: unknown): string | undefined {
  if (path === undefined) return undefined;
  if (typeof path !== 'string' || !path.startsWith('/') || path.includes('?')) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `statusPath ${JSON.stringify(path)} is not a path: give one that starts with "/" and has no query, e.g. "/slo".`,
      { path: ['statusPath'] },
    );
  }
  return path;
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
