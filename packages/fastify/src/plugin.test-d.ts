import type { Nines, NinesOptions } from '@nines/otel';
import Fastify, { type FastifyPluginCallback, type FastifyRequest } from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import { fastifyNines, routeTemplate, type FastifyNinesOptions } from './index.js';

describe('types', () => {
  it('is a Fastify plugin taking FastifyNinesOptions', () => {
    expectTypeOf(fastifyNines).toEqualTypeOf<FastifyPluginCallback<FastifyNinesOptions>>();
    expectTypeOf<FastifyNinesOptions>().toExtend<NinesOptions>();
    expectTypeOf<FastifyNinesOptions['statusPath']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FastifyNinesOptions['nines']>().toEqualTypeOf<Nines | undefined>();
  });

  it('decorates FastifyInstance with nines', () => {
    const app = Fastify();
    expectTypeOf(app.nines).toEqualTypeOf<Nines>();
    expectTypeOf(app.nines).toHaveProperty('track');
  });

  it('registers with options, and rejects wrong ones', () => {
    const app = Fastify();
    void app.register(fastifyNines, { statusPath: '/slo', aborts: false, maxRoutes: 50 });
    // @ts-expect-error statusPath is a string
    void app.register(fastifyNines, { statusPath: 1 });
    // @ts-expect-error aborts is a boolean
    void app.register(fastifyNines, { aborts: 'yes' });
  });

  it('routeTemplate reads a request', () => {
    expectTypeOf(routeTemplate).parameter(0).toEqualTypeOf<FastifyRequest>();
    expectTypeOf(routeTemplate).returns.toEqualTypeOf<string | undefined>();
  });
});
