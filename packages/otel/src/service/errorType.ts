import { types } from 'node:util';
import { VALUE_OTHER } from '../http/semconv.js';

/** `error.type` for a 5xx without an exception: the status code as a string, precomputed. */
const STATUS_TEXT: readonly string[] = Array.from({ length: 100 }, (_, i) => String(500 + i));

/**
 * The class name of a thrown value, as semconv's `error.type` wants it ("the exception type"):
 * `error.constructor.name`, so `class PaymentDeclined extends Error {}` reads `PaymentDeclined`
 * even when its `name` was left at `Error`. Errors from another realm (a `vm` context) count as
 * errors too. A value that is not an error (a thrown string or plain object), or one whose class
 * has no name, reads `_OTHER`: semconv's one well-known value, and never text chosen at run time.
 *
 * @param error - the thrown value (not `undefined` or `null`)
 * @returns the class name, or `_OTHER`
 * @example
 * ```ts
 * exceptionType(new TypeError('x')); // "TypeError"
 * exceptionType('boom'); // "_OTHER"
 * ```
 */
export function exceptionType(error: unknown): string {
  if (!(error instanceof Error) && !types.isNativeError(error)) return VALUE_OTHER;
  const constructor = (error as { constructor?: unknown }).constructor;
  if (typeof constructor === 'function' && constructor.name !== '') return constructor.name;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : VALUE_OTHER;
}

/**
 * The `error.type` of a finished request: every rule in one place, so both adapters classify
 * alike (REFERENCE.md §5.3, §11.1 #1, #8, #9, #11, #12).
 *
 * 1. A 4xx status is never an error, whatever else happened: the framework answered a client
 *    error on purpose (a Fastify error with `statusCode: 400`, Express `next(err)` with
 *    `err.status = 404`).
 * 2. An exception: its class name ({@link exceptionType}); it wins over the status text, as in
 *    instrumentation-http (`??=`).
 * 3. A failure: `aborted` (the client went away, also after headers) or `timeout`.
 * 4. A 5xx status: the status as a string (`"503"`).
 * 5. Otherwise none: success.
 *
 * Allocates nothing: the class name and the status texts are existing strings.
 *
 * @param status - the status sent, or `undefined` when none was
 * @param error - the exception, or `undefined`/`null` when there was none
 * @param failure - `aborted`, `timeout`, or `undefined`
 * @returns the `error.type` value, or `undefined` when the request succeeded
 * @example
 * ```ts
 * requestErrorType(503, undefined, undefined); // "503"
 * requestErrorType(500, new RangeError('x'), undefined); // "RangeError"
 * requestErrorType(undefined, undefined, 'aborted'); // "aborted"
 * requestErrorType(400, new Error('bad input'), undefined); // undefined
 * ```
 */
export function requestErrorType(
  status: number | undefined,
  error: unknown,
  failure: 'aborted' | 'timeout' | undefined,
): string | undefined {
  if (typeof status === 'number' && status >= 400 && status < 500) return undefined;
  if (error != null) return exceptionType(error);
  if (failure === 'aborted' || failure === 'timeout') return failure;
  if (typeof status === 'number' && status >= 500 && status < 600 && Number.isInteger(status)) {
    return STATUS_TEXT[status - 500];
  }
  return undefined;
}
