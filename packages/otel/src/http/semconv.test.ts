import { readFileSync } from 'node:fs';
import { HTTP_SERVER_DURATION_BOUNDARIES } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { SCOPE_NAME, SCOPE_VERSION } from '../version.js';
import * as semconv from './semconv.js';

describe('semconv constants (copied strings)', () => {
  // [constant, value, source]
  const rows: [keyof typeof semconv, string, string][] = [
    ['METRIC_HTTP_SERVER_REQUEST_DURATION', 'http.server.request.duration', 'REFERENCE.md §5.2'],
    ['METRIC_HTTP_SERVER_ACTIVE_REQUESTS', 'http.server.active_requests', 'REFERENCE.md §5.2'],
    ['METRIC_HTTP_SERVER_REQUEST_BODY_SIZE', 'http.server.request.body.size', 'REFERENCE.md §5.2'],
    [
      'METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE',
      'http.server.response.body.size',
      'REFERENCE.md §5.2',
    ],
    ['UNIT_SECONDS', 's', 'REFERENCE.md §5.2'],
    ['UNIT_BYTES', 'By', 'REFERENCE.md §5.2'],
    ['UNIT_REQUESTS', '{request}', 'REFERENCE.md §5.2'],
    ['ATTR_HTTP_REQUEST_METHOD', 'http.request.method', 'REFERENCE.md §5.3'],
    ['ATTR_URL_SCHEME', 'url.scheme', 'REFERENCE.md §5.3'],
    ['ATTR_HTTP_ROUTE', 'http.route', 'REFERENCE.md §5.3'],
    ['ATTR_HTTP_RESPONSE_STATUS_CODE', 'http.response.status_code', 'REFERENCE.md §5.3'],
    ['ATTR_ERROR_TYPE', 'error.type', 'REFERENCE.md §5.3'],
    ['ATTR_NETWORK_PROTOCOL_VERSION', 'network.protocol.version', 'REFERENCE.md §5.3'],
    ['ATTR_SERVER_ADDRESS', 'server.address', 'REFERENCE.md §5.3'],
    ['ATTR_SERVER_PORT', 'server.port', 'REFERENCE.md §5.3'],
    ['ATTR_OTEL_METRIC_OVERFLOW', 'otel.metric.overflow', 'REFERENCE.md §5.5'],
    ['VALUE_OTHER', '_OTHER', 'REFERENCE.md §5.1 HTTP_REQUEST_METHOD_VALUE_OTHER'],
    [
      'DESCRIPTION_HTTP_SERVER_REQUEST_DURATION',
      'Duration of HTTP server requests.',
      'instrumentation-http 0.223.0 src/http.ts',
    ],
  ];
  it.each(rows)('%s = %j (%s)', (name, value) => {
    expect(semconv[name]).toBe(value);
  });

  it('uses the semconv-advised duration boundaries from @nines/core (REFERENCE.md §5.2)', () => {
    expect(HTTP_SERVER_DURATION_BOUNDARIES).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
  });

  it('knows the SDK default boundaries used for body sizes (REFERENCE.md §5.2)', () => {
    expect(semconv.SDK_DEFAULT_HISTOGRAM_BOUNDARIES).toEqual([
      0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
    ]);
  });
});

describe('instrumentation scope', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { name: string; version: string };
    expect(SCOPE_NAME).toBe(pkg.name);
    expect(SCOPE_VERSION).toBe(pkg.version);
  });
});
