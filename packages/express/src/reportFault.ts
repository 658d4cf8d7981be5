import { diag } from '@opentelemetry/api';

/** Kinds already reported, per Nines (or other owner): a fault repeating on every request logs once. */
const reported = new WeakMap<object, Set<string>>();

/**
 * Reports a fault of the request path through OpenTelemetry's `diag`, once per owner and kind,
 * and never throws (a throwing logger is swallowed): telemetry must not reach the request.
 *
 * @param owner - what the fault belongs to (the Nines recording the request)
 * @param kind - a fixed identifier of the fault, never built from request data
 * @param message - what happened and that the request goes on
 * @param error - the caught value
 * @example
 * ```ts
 * try { track(); } catch (error) { reportFault(nines, 'track', 'tracking failed; the request goes on.', error); }
 * ```
 */
export function reportFault(owner: object, kind: string, message: string, error: unknown): void {
  let kinds = reported.get(owner);
  if (kinds === undefined) {
    kinds = new Set();
    reported.set(owner, kinds);
  }
  if (kinds.has(kind)) return;
  kinds.add(kind);
  try {
    diag.error(`@nines/express: ${message}`, error);
  } catch {
    // a throwing logger must not reach the request
  }
}
