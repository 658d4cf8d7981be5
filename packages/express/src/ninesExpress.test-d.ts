import type { RequestHandler } from 'express';
import express from 'express';
import { describe, expectTypeOf, it } from 'vitest';
import type { Nines, NinesOptions } from '@nines/otel';
import {
  ninesExpress,
  ninesStatus,
  type ExpressAdapterOptions,
  type ExpressNinesOptions,
  type NinesMiddleware,
} from './index.js';

describe('ninesExpress types', () => {
  it('returns a middleware Express accepts, carrying its Nines', () => {
    const middleware = ninesExpress();
    expectTypeOf(middleware).toEqualTypeOf<NinesMiddleware>();
    expectTypeOf(middleware).toExtend<RequestHandler>();
    expectTypeOf(middleware.nines).toEqualTypeOf<Nines>();
    express().use(middleware);
  });

  it('takes createNines options plus statusPath, or a Nines plus adapter options', () => {
    expectTypeOf<ExpressNinesOptions>().toExtend<NinesOptions>();
    expectTypeOf<ExpressNinesOptions>().toExtend<ExpressAdapterOptions>();
    expectTypeOf(ninesExpress)
      .parameter(0)
      .toEqualTypeOf<ExpressNinesOptions | Nines | undefined>();
    expectTypeOf(ninesExpress).parameter(1).toEqualTypeOf<ExpressAdapterOptions | undefined>();
    // @ts-expect-error: statusPath is a string
    ninesExpress({ statusPath: 42 });
  });

  it('serves the status from a Nines or a middleware, as a route handler', () => {
    const middleware = ninesExpress();
    expectTypeOf(ninesStatus(middleware)).toExtend<RequestHandler>();
    expectTypeOf(ninesStatus(middleware.nines)).toExtend<RequestHandler>();
    express().get('/slo', ninesStatus(middleware));
  });
});
