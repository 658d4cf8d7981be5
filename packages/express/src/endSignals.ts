import { subscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import { stateOfResponse, statesOnSocket, type RequestState } from './requestState.js';

/**
 * How an HTTP/1 request's end reaches the adapter without a listener per request: adding one
 * to an Express response costs microseconds (see requestState.ts on shapes), so instead
 * - a response that finished is published by Node on the `http.server.response.finish`
 *   diagnostics channel (one subscriber for the process), with its socket, where its state is;
 * - a request whose connection closes before its response finished (client gone, timeout,
 *   `res.destroy()`) is ended by one `close` listener per connection, added with its first
 *   measured request: on HTTP/1 a response cannot close any other way.
 * HTTP/2 and socketless requests use a `close` listener on the response instead.
 */
export type EndHandler = (state: RequestState, res: ServerResponse, finished: boolean) => void;

const FINISH_CHANNEL = 'http.server.response.finish';
/** Marks a connection whose `close` listener is in place. */
const WATCHED: unique symbol = Symbol('@nines/express connection watched');

let handler: EndHandler | undefined;

/**
 * Routes the end of measured HTTP/1 requests to `onEnd` (subscribes once per process).
 *
 * @param onEnd - ends a request: its state, its response and whether it finished
 * @example
 * ```ts
 * useEndSignals((state, res, finished) => record(state, res, finished));
 * ```
 */
export function useEndSignals(onEnd: EndHandler): void {
  if (handler !== undefined) return;
  handler = onEnd;
  subscribe(FINISH_CHANNEL, onFinish);
}

/**
 * Makes sure a connection's close ends its requests in flight (one listener per connection).
 *
 * @param socket - the connection of a measured HTTP/1 request
 * @example
 * ```ts
 * watchConnection(req.socket);
 * ```
 */
export function watchConnection(socket: object): void {
  const watched = socket as { [WATCHED]?: true; once?: unknown };
  if (watched[WATCHED] === true || typeof watched.once !== 'function') return;
  watched[WATCHED] = true;
  (socket as { once(event: 'close', listener: () => void): unknown }).once('close', function () {
    for (const state of statesOnSocket(socket)) {
      const res = state.res;
      if (res !== undefined) handler?.(state, res, false);
    }
  });
}

function onFinish(message: unknown): void {
  const { response, socket } = message as { response?: unknown; socket?: unknown };
  const state = stateOfResponse(socket, response);
  if (state !== undefined) handler?.(state, response as ServerResponse, true);
}
