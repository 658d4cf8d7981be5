import { subscribe } from 'node:diagnostics_channel';

/**
 * How a framework adapter learns that an HTTP/1 response ended without adding a listener to it.
 * A listener per request costs microseconds on frameworks that reshape their request and
 * response objects (Express), and a framework's own end-of-response hook costs about as much
 * (Fastify's `onResponse`). Instead:
 * - a response that finished is published by Node on the `http.server.response.finish`
 *   diagnostics channel, with its socket (one subscriber for the process);
 * - a response whose connection closes first (client gone, timeout, `destroy()`) is ended by one
 *   `close` listener per connection, added with its first watched response: on HTTP/1 a
 *   response cannot end any other way.
 * The watched responses of a connection form a chain on its socket (usually one; more when
 * pipelined), through fields of the adapter's own per-request object, so watching allocates
 * nothing per request.
 */
export interface WatchedResponse {
  /** The raw `node:http` response being watched. */
  readonly [kWatchedResponse]: unknown;
  /** The next watched response on the same connection (managed here; start with `null`). */
  [kNextWatched]: WatchedResponse | null;
  /**
   * Called once, when the response finished (`true`) or its connection closed before it did
   * (`false`); it is no longer watched then.
   */
  [kResponseEnded](finished: boolean): void;
}

/*
 * The members of a {@link WatchedResponse}, as registered symbols: an adapter can put them on
 * a framework's own request object (Fastify's `decorateRequest`) without taking names from the
 * application, and two copies of this package in one process agree on them.
 */
/** {@link WatchedResponse}: the response. */
export const kWatchedResponse: unique symbol = Symbol.for('@nines/otel.watchedResponse');
/** {@link WatchedResponse}: the next on the connection. */
export const kNextWatched: unique symbol = Symbol.for('@nines/otel.nextWatched');
/** {@link WatchedResponse}: the end callback. */
export const kResponseEnded: unique symbol = Symbol.for('@nines/otel.responseEnded');

const FINISH_CHANNEL = 'http.server.response.finish';
/**
 * The chain of a connection's watched responses, on its socket: absent until the first watch
 * (which adds the connection's `close` listener), `null` when empty after that.
 */
const CHAIN: unique symbol = Symbol.for('@nines/otel watched responses');

interface ChainedSocket {
  [CHAIN]?: WatchedResponse | null;
}

let subscribed = false;

/**
 * Whether the end of this request's response can be watched without a listener: it is being
 * served by a `node:http` server, which publishes every finished response, on a connection that
 * server parses (it sets `socket.parser` for as long as it serves the connection). Not for
 * HTTP/2 (one session socket for many streams; check the request's version first) nor for
 * injected requests (a fake socket, as in `fastify.inject()`): those use a listener or a
 * framework hook.
 *
 * @param socket - `req.socket` of an HTTP/1 request
 * @returns whether {@link watchResponse} applies
 * @example
 * ```ts
 * if (canWatchResponse(req.socket)) watchResponse(req.socket, state);
 * ```
 */
export function canWatchResponse(socket: unknown): socket is WatchableSocket {
  return (
    typeof socket === 'object' &&
    socket !== null &&
    (socket as { parser?: unknown }).parser != null &&
    typeof (socket as { once?: unknown }).once === 'function'
  );
}

/** A connection a `node:http` server is serving: what {@link watchResponse} needs of it. */
export interface WatchableSocket {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Watches a response: `watched[kResponseEnded]` is called once when it finishes or its
 * connection closes first.
 *
 * @param socket - the request's socket ({@link canWatchResponse} said yes)
 * @param watched - the adapter's per-request object, not watched already
 * @example
 * ```ts
 * watchResponse(req.socket, state); // state[kWatchedResponse] === res
 * ```
 */
export function watchResponse(socket: WatchableSocket, watched: WatchedResponse): void {
  if (!subscribed) {
    subscribed = true;
    subscribe(FINISH_CHANNEL, onFinish);
  }
  const chained = socket as WatchableSocket & ChainedSocket;
  const head = chained[CHAIN];
  if (head === undefined) socket.once('close', onConnectionClose);
  watched[kNextWatched] = head ?? null;
  chained[CHAIN] = watched;
}

/**
 * Stops watching a response (it ended another way, or the adapter is done with it).
 *
 * @param socket - the socket it was watched on
 * @param watched - the watched object
 * @example
 * ```ts
 * unwatchResponse(socket, state);
 * ```
 */
export function unwatchResponse(socket: object, watched: WatchedResponse): void {
  const chained = socket as ChainedSocket;
  let node = chained[CHAIN];
  if (node === watched) {
    chained[CHAIN] = watched[kNextWatched];
  } else {
    while (node != null && node[kNextWatched] !== watched) node = node[kNextWatched];
    if (node != null) node[kNextWatched] = watched[kNextWatched];
  }
  watched[kNextWatched] = null;
}

/**
 * The responses watched on a connection now, newest first.
 *
 * @param socket - a socket
 * @returns the first watched response; follow `[kNextWatched]` for the others
 * @example
 * ```ts
 * for (let w = firstWatched(socket); w !== null; w = w[kNextWatched]) { ... }
 * ```
 */
export function firstWatched(socket: object): WatchedResponse | null {
  return (socket as ChainedSocket)[CHAIN] ?? null;
}

function end(socket: object, watched: WatchedResponse, finished: boolean): void {
  unwatchResponse(socket, watched);
  watched[kResponseEnded](finished);
}

function onFinish(message: unknown): void {
  const { response, socket } = message as { response?: unknown; socket?: unknown };
  if (typeof socket !== 'object' || socket === null) return;
  for (let node = firstWatched(socket); node !== null; node = node[kNextWatched]) {
    if (node[kWatchedResponse] === response) {
      end(socket, node, true);
      return;
    }
  }
}

function onConnectionClose(this: WatchableSocket): void {
  for (let node = firstWatched(this); node !== null; node = firstWatched(this)) {
    end(this, node, false);
  }
}
