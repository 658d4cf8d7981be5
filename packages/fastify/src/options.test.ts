import { NinesError } from '@nines/core';
import { createNines } from '@nines/otel';
import { describe, expect, it } from 'vitest';
import { FASTIFY_VERSIONS } from '../test/harness.js';
import { ninesOptionsOf, resolveFastifyOptions, type FastifyNinesOptions } from './options.js';
import { fastifyNines } from './plugin.js';

describe('resolveFastifyOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveFastifyOptions({})).toEqual({
      statusPath: undefined,
      aborts: true,
      timeouts: undefined,
      shutdownOnClose: undefined,
    });
  });

  it('keeps what was given', () => {
    expect(
      resolveFastifyOptions({
        statusPath: '/slo',
        aborts: false,
        timeouts: true,
        shutdownOnClose: false,
      }),
    ).toEqual({ statusPath: '/slo', aborts: false, timeouts: true, shutdownOnClose: false });
  });

  it('lets Fastify register options through next to nines', () => {
    const nines = createNines({ manualTimers: true });
    expect(() =>
      resolveFastifyOptions({ nines, prefix: '/x', logLevel: 'warn' } as FastifyNinesOptions),
    ).not.toThrow();
  });

  describe('edge cases', () => {
    it.each([
      // [statusPath, why it is rejected]
      ['slo', 'no leading slash'],
      ['/', 'the root alone'],
      ['', 'empty'],
      ['/s lo', 'whitespace'],
      ['/slo?x=1', 'a query'],
      ['/slo#top', 'a fragment'],
      [42, 'not a string'],
    ] as [unknown, string][])('rejects statusPath %j (%s)', (statusPath) => {
      const attempt = () => resolveFastifyOptions({ statusPath } as unknown as FastifyNinesOptions);
      expect(attempt).toThrow(NinesError);
      expect(attempt).toThrow(/statusPath .* is not a route path: it must start with "\/"/);
    });

    it('reports every bad option at once', () => {
      try {
        resolveFastifyOptions({
          statusPath: 'x',
          aborts: 'yes',
          timeouts: 1,
          shutdownOnClose: null,
        } as unknown as FastifyNinesOptions);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(NinesError);
        const issues = (error as NinesError).issues.map((i) => [i.code, i.path.join('.')]);
        expect(issues).toEqual([
          ['INVALID_ARGUMENT', 'statusPath'],
          ['INVALID_ARGUMENT', 'aborts'],
          ['INVALID_ARGUMENT', 'timeouts'],
          ['INVALID_ARGUMENT', 'shutdownOnClose'],
        ]);
      }
    });

    it('rejects Nines options next to an existing nines (they would be unused)', () => {
      const nines = createNines({ manualTimers: true });
      const attempt = () =>
        resolveFastifyOptions({ nines, maxRoutes: 10, excludeRoutes: ['/health'] });
      expect(attempt).toThrow(NinesError);
      expect(attempt).toThrow(
        'nines was given, so maxRoutes, excludeRoutes would be ignored: set them in createNines() instead.',
      );
    });

    it('rejects a nines that is not one', () => {
      expect(() =>
        resolveFastifyOptions({ nines: { requestStarted: 1 } } as unknown as FastifyNinesOptions),
      ).toThrow('nines must be the object createNines() returned.');
    });

    it.each([null, 'x', 3, []])('rejects options %j that are not an object', (options) => {
      expect(() => resolveFastifyOptions(options as unknown as FastifyNinesOptions)).toThrow(
        NinesError,
      );
    });
  });
});

describe('ninesOptionsOf', () => {
  it('drops the adapter keys and Fastify register options', () => {
    expect(
      ninesOptionsOf(
        {
          statusPath: '/slo',
          aborts: true,
          maxRoutes: 5,
          prefix: '/api',
        } as FastifyNinesOptions,
        undefined,
      ),
    ).toEqual({ maxRoutes: 5 });
  });

  it('appends the status route to excludeRoutes, keeping the user list first', () => {
    expect(ninesOptionsOf({ excludeRoutes: ['/health', /^\/internal/] }, '/admin/slo')).toEqual({
      excludeRoutes: ['/health', /^\/internal/, '/admin/slo'],
    });
  });
});

describe.each(FASTIFY_VERSIONS)('register with bad options ($name)', (v) => {
  it('fails register() with the NinesError, before any hook is added', async () => {
    const app = v.create({ logger: false });
    await expect(app.register(fastifyNines, { statusPath: 'slo' })).rejects.toThrow(NinesError);
  });

  it('fails with createNines errors as they are (invalid Nines options)', async () => {
    const app = v.create({ logger: false });
    await expect(app.register(fastifyNines, { maxRoutes: -1, manualTimers: true })).rejects.toThrow(
      /maxRoutes -1 is not an integer/,
    );
  });
});
