import { diag } from '@opentelemetry/api';

/**
 * Reports each kind of fault once through OpenTelemetry's `diag`, so a fault that repeats on
 * every request (a throwing meter, a flood past the route cap) logs one line, not millions.
 * Internal: the request path calls it, so it never throws.
 */
export class DiagOnce {
  readonly #reported = new Set<string>();

  /**
   * @param kind - a fixed identifier of the fault (not built from request data)
   * @param message - what happened and what to change
   */
  warn(kind: string, message: string): void {
    if (this.#first(kind)) {
      try {
        diag.warn(`@nines/otel: ${message}`);
      } catch {
        // a throwing logger must not reach the request
      }
    }
  }

  /**
   * @param kind - a fixed identifier of the fault (not built from request data)
   * @param message - what happened
   * @param error - the caught value
   */
  error(kind: string, message: string, error: unknown): void {
    if (this.#first(kind)) {
      try {
        diag.error(`@nines/otel: ${message}`, error);
      } catch {
        // a throwing logger must not reach the request
      }
    }
  }

  /**
   * @param kind - a fault identifier
   * @returns whether that kind was reported
   */
  has(kind: string): boolean {
    return this.#reported.has(kind);
  }

  #first(kind: string): boolean {
    if (this.#reported.has(kind)) return false;
    this.#reported.add(kind);
    return true;
  }
}
