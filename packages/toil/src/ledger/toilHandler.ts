import type { ToilLedger, TrackOptions } from './createLedger.js';
import { trackedInput, trackedMinutes } from './trackEntry.js';

/** Options for {@link toilHandler}: entry fields (else the ledger's defaults) and hands-on time. */
export type ToilHandlerOptions = TrackOptions;

interface PendingResponse {
  readonly writableEnded: boolean;
  once(event: string, listener: () => void): unknown;
}

/** A Node `ServerResponse` (Express `res`) that has not finished yet. */
function isPendingResponse(value: unknown): value is PendingResponse {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PendingResponse>;
  return candidate.writableEnded === false && typeof candidate.once === 'function';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Mark a route handler (an admin endpoint, a manual operation behind a button) as toil with one
 * call, without importing any framework. Works for Express `(req, res, next)` handlers, sync or
 * async, and for Fastify `async (request, reply)` handlers; `this`, arguments, return value,
 * thrown errors and the function's arity (Express tells error handlers by it) are kept.
 *
 * The time recorded is the handler's: until its promise settles, or, for a callback-style
 * Express handler, until the response finishes. That is elapsed machine time; give
 * `options.handsOn` (minutes per call) when a person's hands-on time is what it stands for.
 * Recording happens after the response, and a failing store never breaks the request: its
 * error goes to the ledger's `onError`.
 *
 * @param ledger - the ledger to record into
 * @param task - the task name, the same on every call so calls aggregate
 * @param handler - the route handler
 * @param options - entry fields (else the ledger's defaults) and hands-on minutes
 * @returns a handler of the same type
 * @example
 * ```ts
 * // Express
 * app.post('/admin/purge-cache', toilHandler(ledger, 'purge CDN cache', (req, res) => {
 *   purge().then(() => res.sendStatus(204), next);
 * }, { category: 'production-interrupt', automatable: 'yes', handsOn: 5 }));
 * // Fastify
 * app.post('/admin/reindex', toilHandler(ledger, 'reindex search', async (request, reply) => {
 *   await reindex();
 *   return { ok: true };
 * }));
 * ```
 */
export function toilHandler<H extends (...args: never[]) => unknown>(
  ledger: ToilLedger,
  task: string,
  handler: H,
  options: ToilHandlerOptions = {},
): H {
  const finish = (start: number): void => {
    try {
      const minutes = trackedMinutes(ledger.clock() - start, options, undefined);
      if (minutes === 0) return;
      ledger
        .record(trackedInput(task, start, minutes, options, ledger.defaults))
        .catch(ledger.onError);
    } catch (error) {
      ledger.onError(error);
    }
  };

  const wrapped = function (this: ThisParameterType<H>, ...args: Parameters<H>): unknown {
    const start = ledger.clock();
    let result: unknown;
    try {
      result = handler.apply(this, args);
    } catch (error) {
      finish(start);
      throw error;
    }
    if (isThenable(result)) {
      return result.then(
        (value) => {
          finish(start);
          return value;
        },
        (error: unknown) => {
          finish(start);
          throw error;
        },
      );
    }
    const response = (args as unknown[]).find(isPendingResponse);
    if (response === undefined) {
      finish(start);
    } else {
      let done = false;
      const once = (): void => {
        if (done) return;
        done = true;
        finish(start);
      };
      response.once('finish', once);
      response.once('close', once);
    }
    return result;
  };
  Object.defineProperty(wrapped, 'length', { value: handler.length });
  Object.defineProperty(wrapped, 'name', { value: handler.name || 'toilHandler' });
  return wrapped as unknown as H;
}
