/**
 * The opt-in attributes and instruments (REFERENCE.md §5.2, §5.3): active requests, body sizes,
 * `server.address`/`server.port`, as the plugin feeds them from Fastify.
 */
import http from 'node:http';
import type { Attributes } from '@opentelemetry/api';
import type { DataPoint, Histogram, MetricReader } from '@opentelemetry/sdk-metrics';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FASTIFY_VERSIONS,
  collectMetrics,
  durationCounts,
  listen,
  meterSetup,
  until,
  type FastifyVersion,
} from '../test/harness.js';
import type { FastifyNinesOptions } from './options.js';
import { fastifyNines } from './plugin.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function build(
  v: FastifyVersion,
  options: Partial<FastifyNinesOptions>,
  serverOptions: Parameters<FastifyVersion['create']>[0] = {},
) {
  const { provider, reader } = meterSetup();
  const app = v.create({ logger: false, ...serverOptions });
  apps.push(app);
  await app.register(fastifyNines, { meterProvider: provider, manualTimers: true, ...options });
  app.get('/users/:id', () => ({ id: 1 }));
  app.post('/echo', (request) => request.body);
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'late';
  });
  app.get('/hang', () => new Promise(() => {}));
  app.get('/fail', () => Promise.reject(new Error('x')));
  const base = await listen(app);
  return { app, reader, base };
}

async function points(reader: MetricReader, name: string) {
  const metric = (await collectMetrics(reader)).find((one) => one.descriptor.name === name);
  return (metric?.dataPoints ?? []) as DataPoint<unknown>[];
}

async function activeTotal(reader: MetricReader): Promise<number> {
  const found = await points(reader, 'http.server.active_requests');
  return found.reduce((sum, point) => sum + (point.value as number), 0);
}

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  it('activeRequests: counts in flight, and every way a request ends brings it back to 0', async () => {
    const { reader, base } = await build(v, { activeRequests: true }, { connectionTimeout: 500 });
    // In flight: one slow request.
    const slow = fetch(`${base}/slow`);
    await until(async () => (await activeTotal(reader)) === 1);
    expect(await points(reader, 'http.server.active_requests')).toMatchObject([
      { attributes: { 'http.request.method': 'GET', 'url.scheme': 'http' }, value: 1 },
    ]);
    await (await slow).text();
    // Success, error, 404, client abort, socket timeout.
    await (await fetch(`${base}/users/1`)).text();
    await (await fetch(`${base}/fail`)).text();
    await (await fetch(`${base}/nope`)).text();
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/slow`);
      request.on('error', () => {});
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/hang`);
      request.on('error', () => {
        resolve();
      });
    });
    // slow 200, users 200, fail 500, 404, slow aborted, hang timeout
    await until(async () => (await durationCounts(reader)).length === 6);
    expect(await activeTotal(reader)).toBe(0);
  });

  it('bodySizes: request and response content-length, 0 for HEAD', async () => {
    const { reader, base } = await build(v, { bodySizes: true });
    const body = JSON.stringify({ hello: 'world' }); // 17 bytes
    await (
      await fetch(`${base}/echo`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      })
    ).text();
    await (await fetch(`${base}/users/1`, { method: 'HEAD' })).text();
    await until(async () => (await durationCounts(reader)).length === 2);
    const sizes = async (name: string) =>
      (await points(reader, name))
        .map((point) => [
          point.attributes['http.request.method'],
          (point.value as Histogram).count,
          (point.value as Histogram).sum,
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await sizes('http.server.request.body.size')).toEqual([['POST', 1, 17]]);
    expect(await sizes('http.server.response.body.size')).toEqual([
      ['HEAD', 1, 0],
      ['POST', 1, 17],
    ]);
  });

  it.each([
    // [trustProxy, headers, server.address, server.port] REFERENCE.md §5.3 (opt-in, header-derived)
    [false, {}, '127.0.0.1', 'port'],
    [false, { 'x-forwarded-host': 'shop.example.com:8443' }, '127.0.0.1', 'port'],
    [true, { 'x-forwarded-host': 'shop.example.com:8443' }, 'shop.example.com', 8443],
  ] as const)(
    'serverAttributes with trustProxy=%s, headers %j: %s:%s',
    async (trustProxy, headers, address, port) => {
      const { reader, base } = await build(v, { serverAttributes: true }, { trustProxy });
      await (await fetch(`${base}/users/1`, { headers })).text();
      await until(async () => (await durationCounts(reader)).length === 1);
      const [row] = await durationCounts(reader);
      const expected: Attributes = {
        'server.address': address,
        'server.port': port === 'port' ? Number(new URL(base).port) : port,
      };
      expect(row?.attributes).toMatchObject(expected);
    },
  );
});
