import { describe, expect, it } from 'vitest';
import { readServerAddress, type ServerAddress } from './serverAddress.js';

describe('readServerAddress', () => {
  // semconv http-metrics L160-171 (server.address/server.port, header-derived, opt-in);
  // RFC 9110 §7.2 (Host = uri-host [":" port]); RFC 3986 §3.2.2 (IP-literal in brackets).
  const rows: [host: string | undefined, scheme: string, expected: ServerAddress][] = [
    ['api.example.com', 'http', { address: 'api.example.com', port: 80 }],
    ['api.example.com', 'https', { address: 'api.example.com', port: 443 }],
    ['api.example.com:8443', 'https', { address: 'api.example.com', port: 8443 }],
    ['127.0.0.1:3000', 'http', { address: '127.0.0.1', port: 3000 }],
    ['[::1]', 'http', { address: '::1', port: 80 }],
    ['[::1]:8080', 'http', { address: '::1', port: 8080 }],
    ['example.com', 'ws', { address: 'example.com', port: undefined }],
  ];
  it.each(rows)('%j over %s', (host, scheme, expected) => {
    const into: ServerAddress = { address: 'stale', port: 1 };
    readServerAddress(host, scheme, into);
    expect(into).toEqual(expected);
  });

  describe('edge cases', () => {
    const none: ServerAddress = { address: undefined, port: undefined };
    it.each([
      undefined,
      '',
      ':80',
      'host:',
      'host:http',
      'host:0',
      'host:65536',
      'host:123456',
      '[::1',
      '[::1]x',
      'a:b:c',
    ])('reads nothing from %j', (host) => {
      const into: ServerAddress = { address: 'stale', port: 1 };
      readServerAddress(host, 'http', into);
      expect(into).toEqual(none);
    });
  });
});
