import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, createServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_SCHEME,
  createNines,
} from '@nines/otel';
import { bySeries, meterHarness, watch } from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * REFERENCE.md §11.1 #19. Express itself cannot serve Node's HTTP/2 compatibility API: it
 * replaces the request's prototype with its own (built on http.IncomingMessage), and the first
 * body read then throws inside Node (observed with Express 4.22 and 5.3 on Node 20). What is
 * testable is the adapter's side: on an HTTP/2 request it records version "2" and reads the
 * `:authority` pseudo-header, as there is no Host header.
 */
describe('HTTP/2 (#19)', () => {
  it('records network.protocol.version "2" and server.address from :authority', async () => {
    const meter = meterHarness();
    const nines = watch(createNines({ meterProvider: meter.provider, serverAttributes: true }));
    const middleware = ninesExpress(nines);
    const server = createServer((req, res) => {
      // The compat request and response quack like IncomingMessage and ServerResponse.
      middleware(req as unknown as IncomingMessage, res as unknown as ServerResponse, () => {
        res.end('h2');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const client = connect(`http://127.0.0.1:${port}`);
    const body = await new Promise<string>((resolve, reject) => {
      const stream = client.request({ ':path': '/h2' });
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      stream.on('end', () => {
        resolve(text);
      });
      stream.on('error', reject);
    });
    expect(body).toBe('h2');
    await nines.recorded(1);
    client.close();
    server.close();
    expect(nines.ends[0]?.httpVersion).toBe('2.0');
    expect(bySeries(await meter.points())).toEqual([
      {
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: 'GET',
          [ATTR_URL_SCHEME]: 'http',
          [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
          [ATTR_NETWORK_PROTOCOL_VERSION]: '2',
          [ATTR_SERVER_ADDRESS]: '127.0.0.1',
          [ATTR_SERVER_PORT]: port,
        },
        count: 1,
      },
    ]);
  });
});
