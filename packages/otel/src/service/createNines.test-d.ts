import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MetricProducer } from '@opentelemetry/sdk-metrics';
import type {
  AlertEvent,
  EvaluationReport,
  Evaluator,
  EventsHandle,
  Objective,
  ObjectiveStatus,
} from '@nines/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { HttpMetrics } from '../http/recorder.js';
import { createNines } from './createNines.js';
import type {
  InstrumentationHttpMode,
  Nines,
  NinesOptions,
  ObjectiveStatusEntry,
  RequestEnd,
  StatusPayload,
} from './types.js';

describe('createNines types', () => {
  it('returns a Nines; options are optional', () => {
    expectTypeOf(createNines).returns.toEqualTypeOf<Nines>();
    expectTypeOf(createNines).parameter(0).toEqualTypeOf<NinesOptions | undefined>();
  });

  it('has the members the adapters use', () => {
    expectTypeOf<Nines['metrics']>().toEqualTypeOf<HttpMetrics>();
    expectTypeOf<Nines['evaluator']>().toEqualTypeOf<Evaluator | undefined>();
    expectTypeOf<Nines['objectives']>().toEqualTypeOf<readonly Objective[]>();
    expectTypeOf<Nines['metricProducer']>().toEqualTypeOf<MetricProducer | undefined>();
    expectTypeOf<Nines['requestStarted']>().toEqualTypeOf<
      (method: string, scheme: string, serverAddress?: string, serverPort?: number) => number
    >();
    expectTypeOf<Nines['requestEnded']>().toEqualTypeOf<(start: number, end: RequestEnd) => void>();
    expectTypeOf<Nines['events']>().toEqualTypeOf<(objectiveId: string) => EventsHandle>();
    expectTypeOf<Nines['evaluate']>().returns.toEqualTypeOf<EvaluationReport | undefined>();
    expectTypeOf<Nines['status']>().returns.toEqualTypeOf<StatusPayload>();
    expectTypeOf<Nines['statusHandler']>().toEqualTypeOf<
      (req: IncomingMessage, res: ServerResponse) => void
    >();
    expectTypeOf<Nines['save']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<Nines['shutdown']>().returns.toEqualTypeOf<Promise<void>>();
  });

  it('track keeps the result type of sync and async functions', () => {
    const nines = createNines();
    expectTypeOf(nines.track('jobs', () => 42)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(nines.track('jobs', () => Promise.resolve('x'))).toEqualTypeOf<Promise<string>>();
  });

  it('a RequestEnd can be reused: every member is writable, the optional ones resettable', () => {
    const end: RequestEnd = {
      route: undefined,
      method: 'GET',
      status: undefined,
      error: undefined,
      failure: undefined,
      scheme: 'http',
      httpVersion: '1.1',
    };
    end.route = '/users/:id';
    end.status = 200;
    end.failure = 'aborted';
    end.requestBodySize = 10;
    end.requestBodySize = undefined;
    end.serverAddress = undefined;
    expectTypeOf<RequestEnd['failure']>().toEqualTypeOf<'aborted' | 'timeout' | undefined>();
  });

  it('status entries are ObjectiveStatus plus name, service and target', () => {
    expectTypeOf<ObjectiveStatusEntry>().toExtend<ObjectiveStatus>();
    expectTypeOf<StatusPayload['objectives'][number]['budget']>().toEqualTypeOf<
      ObjectiveStatus['budget']
    >();
  });

  it('options: objectives as inputs or defined, the recorder options, and the service ones', () => {
    expectTypeOf<NinesOptions['instrumentationHttp']>().toEqualTypeOf<
      InstrumentationHttpMode | undefined
    >();
    expectTypeOf<NinesOptions['onAlert']>().toEqualTypeOf<
      ((event: AlertEvent) => void) | undefined
    >();
    expectTypeOf<NinesOptions>().toHaveProperty('maxRoutes');
    expectTypeOf<NinesOptions>().toHaveProperty('export');
    // @ts-expect-error listeners are the service layer's own business
    createNines({ listeners: [] });
    // @ts-expect-error no such mode
    createNines({ instrumentationHttp: 'both' });
  });
});
