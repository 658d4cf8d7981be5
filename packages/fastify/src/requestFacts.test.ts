import { describe, expect, it } from 'vitest';
import { authorityHost, authorityPort, contentLength } from './requestFacts.js';

describe('authorityHost / authorityPort', () => {
  it.each([
    // [authority, host, port] RFC 3986 §3.2.2-3.2.3 (IPv6 literals in brackets)
    ['api.example.com', 'api.example.com', undefined],
    ['api.example.com:8443', 'api.example.com', 8443],
    ['127.0.0.1:3000', '127.0.0.1', 3000],
    ['[::1]', '[::1]', undefined],
    ['[::1]:3000', '[::1]', 3000],
    ['[2001:db8::7]:65535', '[2001:db8::7]', 65535],
  ] as const)('%s -> %s, %s', (authority, host, port) => {
    expect(authorityHost(authority)).toBe(host);
    expect(authorityPort(authority)).toBe(port);
  });

  describe('edge cases', () => {
    it.each([
      // [authority, host, port]
      [undefined, undefined, undefined],
      ['', undefined, undefined],
      [':80', undefined, 80], // no host
      ['host:', 'host', undefined], // empty port
      ['host:0', 'host', undefined], // port 0 is not a port
      ['host:65536', 'host', undefined], // out of range
      ['host:123456', 'host', undefined], // too many digits
      ['host:8o', 'host', undefined], // not digits
      ['[::1', undefined, undefined], // unclosed literal
    ] as const)('%j -> %j, %j', (authority, host, port) => {
      expect(authorityHost(authority)).toBe(host);
      expect(authorityPort(authority)).toBe(port);
    });
  });
});

describe('contentLength', () => {
  it.each([
    // [header value, bytes] RFC 9110 §8.6: 1*DIGIT
    ['0', 0],
    ['512', 512],
    [512, 512], // res.getHeader after res.setHeader('content-length', 512)
    ['999999999999999', 999999999999999],
  ] as const)('%j -> %j', (value, bytes) => {
    expect(contentLength(value)).toBe(bytes);
  });

  describe('edge cases', () => {
    it.each([
      undefined,
      '',
      '-1',
      '1.5',
      ' 12',
      '12, 12', // repeated header joined by Node
      '1e3',
      '1234567890123456', // beyond 15 digits: not exact as a double in general
      -1,
      1.5,
      Number.NaN,
      ['12'],
    ])('%j -> undefined', (value) => {
      expect(contentLength(value)).toBeUndefined();
    });
  });
});
