import { EventEmitter } from 'node:events';
import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Fast reads of a response's state. Express gives each response a prototype of its own app, so
 * `res` has a shape never seen before on every request: V8 cannot cache any property lookup on
 * it, and a getter on `OutgoingMessage.prototype` (`closed`, `headersSent`, `writableFinished`)
 * or a method on `EventEmitter.prototype` is found by walking five prototypes each time. The
 * fields those getters read are own properties of every response, found at the first step, so
 * this reads them directly when this Node has them (checked once on a real response), and
 * calls `prependListener` from `EventEmitter.prototype` instead of looking it up on `res`.
 */
interface ResponseFields {
  _closed?: unknown;
  _header?: unknown;
  finished?: unknown;
  outputSize?: unknown;
  socket?: { writableLength?: unknown } | null;
  statusCode: number;
}

/** Whether this Node's responses carry the fields the public getters read. */
const FIELDS: boolean = (() => {
  try {
    const probe = new ServerResponse(new IncomingMessage(null as never));
    return ['_closed', '_header', 'finished', 'outputSize'].every((field) =>
      Object.hasOwn(probe, field),
    );
  } catch {
    return false;
  }
})();

/** `EventEmitter.prototype.prependListener`, called with the response as `this`. */
const prepend = Reflect.get(EventEmitter.prototype, 'prependListener') as (
  this: ServerResponse,
  event: string,
  listener: (this: ServerResponse) => void,
) => unknown;

/**
 * Whether `res` is a `node:http` response of a Node with those fields (an HTTP/2 compatibility
 * response is not: it goes through the public getters). `instanceof` walks the prototype chain
 * by identity, which costs no lookup.
 */
function plain(res: ServerResponse): boolean {
  return FIELDS && res instanceof ServerResponse;
}

/**
 * `res.closed`: the response was closed (finished and closed, or its connection went away).
 *
 * @param res - a response
 * @returns whether `close` was emitted already
 * @example
 * ```ts
 * if (isClosed(res)) return; // nothing to time
 * ```
 */
export function isClosed(res: ServerResponse): boolean {
  return plain(res) ? (res as unknown as ResponseFields)._closed === true : res.closed;
}

/**
 * The status code sent, `undefined` when no headers were sent (`res.headersSent`).
 *
 * @param res - a response
 * @returns the status code on the wire, or `undefined`
 * @example
 * ```ts
 * sentStatus(res); // 200
 * ```
 */
export function sentStatus(res: ServerResponse): number | undefined {
  const fields = res as unknown as ResponseFields;
  const sent = plain(res)
    ? typeof fields._header === 'string' && fields._header !== ''
    : res.headersSent;
  return sent ? fields.statusCode : undefined;
}

/**
 * `res.writableFinished`: the whole response was handed to the operating system.
 *
 * @param res - a response
 * @returns whether it finished
 * @example
 * ```ts
 * const aborted = !isFinished(res);
 * ```
 */
export function isFinished(res: ServerResponse): boolean {
  if (!plain(res)) return res.writableFinished;
  const fields = res as unknown as ResponseFields;
  if (fields.finished !== true || fields.outputSize !== 0) return false;
  const socket = fields.socket;
  return socket == null || socket.writableLength === 0;
}

/**
 * `res.prependListener('close', listener)`, without looking the method up on `res`.
 *
 * @param res - a response
 * @param listener - the listener, called with `this` = `res`
 * @example
 * ```ts
 * listenForClose(res, state.listener);
 * ```
 */
export function listenForClose(
  res: ServerResponse,
  listener: (this: ServerResponse) => void,
): void {
  prepend.call(res, 'close', listener);
}
