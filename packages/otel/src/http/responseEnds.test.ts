import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canWatchResponse,
  firstWatched,
  kNextWatched,
  kResponseEnded,
  kWatchedResponse,
  unwatchResponse,
  watchResponse,
  type WatchedResponse,
} from './responseEnds.js';

class Watched implements WatchedResponse {
  [kNextWatched]: WatchedResponse | null = null;
  readonly ends: boolean[] = [];
  readonly [kWatchedResponse]: ServerResponse;
  constructor(
    res: ServerResponse,
    /** The server side of the connection. */
    readonly socket: IncomingMessage['socket'],
  ) {
    this[kWatchedResponse] = res;
  }
  [kResponseEnded](finished: boolean): void {
    this.ends.push(finished);
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A node:http server that watches every response and answers per `handle`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const watched: Watched[] = [];
  const server = createServer((req, res) => {
    expect(canWatchResponse(req.socket)).toBe(true);
    const entry = new Watched(res, req.socket);
    watched.push(entry);
    watchResponse(req.socket, entry);
    handle(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  );
  return { port, watched };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('response watch', () => {
  it('ends a finished response once, with finished = true, and unchains it', async () => {
    const { port, watched } = await serve((_req, res) => res.end('ok'));
    const response = await fetch(`http://127.0.0.1:${String(port)}/`);
    expect(await response.text()).toBe('ok');
    await until(() => watched[0]?.ends.length === 1);
    const entry = watched[0] as Watched;
    expect(entry.ends).toEqual([true]);
    expect(firstWatched(entry.socket)).toBeNull();
    // Closing the connection now must not end it a second time (it was unchained).
    const closed = once(entry.socket, 'close');
    entry.socket.destroy();
    await closed;
    expect(entry.ends).toEqual([true]);
  });

  it('ends a response whose client went away first with finished = false', async () => {
    const { port, watched } = await serve(() => undefined); // never answers
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => watched.length === 1);
    socket.destroy();
    await until(() => watched[0]?.ends.length === 1);
    expect(watched[0]?.ends).toEqual([false]);
  });

  it('tells pipelined responses on one connection apart, and empties the chain', async () => {
    let serverSocket: object | undefined;
    const { port, watched } = await serve((req, res) => {
      serverSocket = req.socket;
      if (req.url === '/a') res.end('a');
      else setTimeout(() => res.end('b'), 100);
    });
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => watched.length === 2 && watched[0]?.ends.length === 1);
    expect(watched[1]?.ends).toEqual([]); // /b is still in flight: only /a's watch ended
    await until(() => watched[1]?.ends.length === 1);
    expect(watched.map((w) => w.ends)).toEqual([[true], [true]]);
    expect(serverSocket === undefined ? 'no socket' : firstWatched(serverSocket)).toBeNull();
    socket.destroy();
  });

  it('adds one close listener per connection, however many responses it watches there', async () => {
    const counts: number[] = [];
    const sockets = new Set<unknown>();
    const { port } = await serve((req, res) => {
      counts.push(req.socket.listenerCount('close'));
      sockets.add(req.socket);
      res.end('ok');
    });
    // Three pipelined requests on one connection, served one after the other.
    const client = connect(port, '127.0.0.1');
    await once(client, 'connect');
    client.write('GET /1 HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(3));
    await until(() => counts.length === 3);
    client.destroy();
    expect(sockets.size).toBe(1);
    expect(counts).toHaveLength(3);
    expect(new Set(counts).size).toBe(1);
  });

  it('does not end a response it stopped watching; says no to sockets no server parses', async () => {
    let held: Watched | undefined;
    const { port } = await serve((req, res) => {
      held = new Watched(res, req.socket);
      watchResponse(req.socket, held);
      unwatchResponse(req.socket, held);
      res.end('ok');
    });
    await (await fetch(`http://127.0.0.1:${String(port)}/`)).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(held?.ends).toEqual([]);
    expect(canWatchResponse(connect(1, '127.0.0.1').on('error', () => undefined))).toBe(false);
    expect(canWatchResponse(undefined)).toBe(false);
    expect(canWatchResponse({ parser: {} })).toBe(false); // no `once`
  });
});
