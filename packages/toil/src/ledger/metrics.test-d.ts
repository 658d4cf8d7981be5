import type { Meter } from '@opentelemetry/api';
import { describe, expectTypeOf, it } from 'vitest';
import type { LedgerOptions } from './createLedger.js';
import type { ToilMeter } from './metrics.js';

describe('ToilMeter', () => {
  it('accepts an OpenTelemetry Meter', () => {
    expectTypeOf<Meter>().toExtend<ToilMeter>();
    expectTypeOf<Meter>().toExtend<NonNullable<LedgerOptions['meter']>>();
  });
});
