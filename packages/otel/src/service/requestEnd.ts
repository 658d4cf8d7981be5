import type { RequestEnd } from './types.js';

/**
 * A blank {@link RequestEnd} with every field present, for an adapter to keep one and refill it
 * per request (`requestEnded` is synchronous and keeps nothing), so recording allocates no
 * object and the object keeps one shape.
 *
 * @returns a new, empty request end
 * @example
 * ```ts
 * const end = blankRequestEnd();
 * end.route = '/users/:id'; end.method = 'GET'; end.status = 200; end.scheme = 'http'; end.httpVersion = '1.1';
 * nines.requestEnded(start, end);
 * ```
 */
export function blankRequestEnd(): RequestEnd {
  return {
    route: undefined,
    method: '',
    status: undefined,
    error: undefined,
    failure: undefined,
    scheme: '',
    httpVersion: '',
    requestBodySize: undefined,
    responseBodySize: undefined,
    serverAddress: undefined,
    serverPort: undefined,
  };
}
