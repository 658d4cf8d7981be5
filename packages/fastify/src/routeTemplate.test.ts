import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FASTIFY_VERSIONS } from '../test/harness.js';
import { createRouteReader, routeTemplate } from './routeTemplate.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe.each(FASTIFY_VERSIONS)('$name', (v) => {
  // REFERENCE.md §5.8 (routeOptions.url) and §11.1 #1, #13
  it('the fast reader and routeOptions.url agree on every kind of request', async () => {
    const app = v.create({ logger: false });
    apps.push(app);
    const reader = createRouteReader();
    const seen: [string, string | undefined, string | undefined][] = [];
    app.addHook('onResponse', (request, _reply, done) => {
      seen.push([`${request.method} ${request.url}`, reader(request), routeTemplate(request)]);
      done();
    });
    await app.register(
      (api, _o, done) => {
        api.get('/users/:id', () => 'user');
        api.get('/files/*', () => 'file');
        api.get('/gone', (_request, reply) => {
          reply.callNotFound();
        });
        done();
      },
      { prefix: '/api' },
    );
    app.setNotFoundHandler((_request, reply) => {
      void reply.code(404).send('custom 404');
    });
    for (const [method, url] of [
      ['GET', '/nope'], // first request: the probe runs on a 404
      ['GET', '/api/users/1'],
      ['HEAD', '/api/users/1'],
      ['GET', '/api/files/a/b'],
      ['GET', '/api/gone'],
      ['DELETE', '/api/users/1'],
    ] as const) {
      await app.inject({ method, url });
    }
    expect(seen).toEqual([
      ['GET /nope', undefined, undefined],
      ['GET /api/users/1', '/api/users/:id', '/api/users/:id'],
      ['HEAD /api/users/1', '/api/users/:id', '/api/users/:id'],
      ['GET /api/files/a/b', '/api/files/*', '/api/files/*'],
      ['GET /api/gone', undefined, undefined], // callNotFound switches to the 404 context
      ['DELETE /api/users/1', undefined, undefined],
    ]);
  });
});

describe('createRouteReader edge cases', () => {
  const request = (own: Record<string | symbol, unknown>, url: string | undefined) =>
    Object.assign(
      Object.create({ routeOptions: { url } }) as object,
      own,
    ) as unknown as FastifyRequest;

  it('uses routeOptions.url when there is no route-context symbol', () => {
    const read = createRouteReader();
    expect(read(request({}, '/a'))).toBe('/a');
    expect(read(request({}, '/b'))).toBe('/b');
  });

  it('uses routeOptions.url for good when the symbol disagrees with it', () => {
    const key = Symbol('fastify.context');
    const read = createRouteReader();
    expect(read(request({ [key]: { config: { url: '/wrong' } } }, '/right'))).toBe('/right');
    expect(read(request({ [key]: { config: { url: '/other' } } }, '/right'))).toBe('/right');
  });

  it('falls back per request when the context is missing or odd', () => {
    const key = Symbol('fastify.context');
    const read = createRouteReader();
    expect(read(request({ [key]: { config: { url: '/x' } } }, '/x'))).toBe('/x'); // probe ok
    expect(read(request({}, '/y'))).toBe('/y');
    expect(read(request({ [key]: null }, '/z'))).toBe('/z');
    expect(read(request({ [key]: { config: { url: 42 } } }, '/w'))).toBe('/w');
  });

  it.each([null, 'x', { config: 'x' }, { config: null }])(
    'rejects a context of %j at the probe',
    (context) => {
      const key = Symbol('fastify.context');
      const read = createRouteReader();
      expect(read(request({ [key]: context }, '/p'))).toBe('/p');
    },
  );
});
