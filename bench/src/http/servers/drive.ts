/**
 * The in-process load generator (`--client inprocess`): drives a server's own `request`
 * handling through in-memory sockets, so no kernel networking, no second process and no
 * scheduler sit between the measured configurations. Node's real HTTP parser, `IncomingMessage`,
 * `ServerResponse`, keep-alive and `close` events all run as they do on a TCP socket; only the
 * bytes never leave the process.
 *
 * Each of `connections` sockets has one request in flight (like wrk without pipelining); when
 * a response's bytes are written, that socket sends its next request on the next turn of the
 * event loop (as an epoll wake-up would). The load is the same fixed request bytes every time.
 */
import { Duplex } from 'node:stream';

/** The slice of `http.Server` the driver needs: it accepts a socket as a connection. */
export interface ConnectionSink {
  emit(event: 'connection', socket: Duplex): boolean;
}

/** What one drive measured. */
export interface DriveResult {
  /** Responses completed. */
  readonly requests: number;
  /** Wall seconds the drive ran. */
  readonly seconds: number;
  /** Responses per wall second. */
  readonly requestsPerSecond: number;
  /** 99th percentile from sending a request to its response being written, ms. */
  readonly p99Ms: number;
  /** Responses whose status line was not 2xx. */
  readonly failures: number;
}

const STATUS_LINE = 'HTTP/1.1 ';

class MemoryConnection {
  readonly socket: Duplex;
  sentAt = 0;
  constructor(onResponse: (connection: MemoryConnection, ok: boolean) => void) {
    const seen = (chunk: unknown): void => {
      const text =
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('latin1');
      let at = text.indexOf(STATUS_LINE);
      while (at !== -1) {
        onResponse(this, text.charCodeAt(at + STATUS_LINE.length) === 0x32 /* 2 */);
        at = text.indexOf(STATUS_LINE, at + 1);
      }
    };
    this.socket = new Duplex({
      read() {
        // Requests are pushed by the driver.
      },
      write(chunk, _encoding, callback) {
        seen(chunk);
        callback();
      },
      writev(chunks, callback) {
        for (const { chunk } of chunks) seen(chunk);
        callback();
      },
    });
    // What Node's HTTP server and frameworks read off a TCP socket.
    Object.assign(this.socket, { remoteAddress: '127.0.0.1', remotePort: 40000, encrypted: false });
  }
}

/**
 * Drive `server` for `seconds` with `GET path` on `connections` keep-alive connections.
 *
 * @param server - the configuration's HTTP server (listening or not)
 * @param path - the request path, e.g. `/api/users/1`
 * @param seconds - how long to drive
 * @param connections - concurrent connections, one request in flight each
 * @returns responses completed, wall time, p99 latency and non-2xx count
 */
export function drive(
  server: ConnectionSink,
  path: string,
  seconds: number,
  connections: number,
): Promise<DriveResult> {
  const request = Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`,
    'latin1',
  );
  const latencies: number[] = [];
  let requests = 0;
  let failures = 0;
  const ready: MemoryConnection[] = [];
  let scheduled = false;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  let stopping = false;
  let finish: (() => void) | undefined;
  const all: MemoryConnection[] = [];

  const send = (): void => {
    scheduled = false;
    const now = performance.now();
    if (now >= stopAt) stopping = true;
    for (const connection of ready.splice(0)) {
      if (stopping) continue;
      connection.sentAt = now;
      connection.socket.push(request);
    }
    if (stopping && finish !== undefined && all.every((c) => c.sentAt === 0)) finish();
  };
  const onResponse = (connection: MemoryConnection, ok: boolean): void => {
    requests++;
    if (!ok) failures++;
    latencies.push(performance.now() - connection.sentAt);
    connection.sentAt = 0;
    ready.push(connection);
    if (!scheduled) {
      scheduled = true;
      setImmediate(send);
    }
  };
  for (let i = 0; i < connections; i++) {
    const connection = new MemoryConnection(onResponse);
    all.push(connection);
    server.emit('connection', connection.socket);
    ready.push(connection);
  }
  return new Promise((resolve) => {
    finish = () => {
      finish = undefined;
      const elapsed = (performance.now() - started) / 1000;
      for (const connection of all) connection.socket.destroy();
      latencies.sort((a, b) => a - b);
      resolve({
        requests,
        seconds: elapsed,
        requestsPerSecond: requests / elapsed,
        p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
        failures,
      });
    };
    scheduled = true;
    setImmediate(send);
  });
}
