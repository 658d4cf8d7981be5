import { MeterProvider, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { diag } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDiag } from '../../test/diag.js';
import { TestReader } from '../../test/testReader.js';
import type { SeriesListener, SliHandle } from '../slis/listener.js';
import { createHttpMetrics } from './recorder.js';

afterEach(() => {
  diag.disable();
});

function counter(): SliHandle & { good_: number; bad_: number } {
  return {
    good_: 0,
    bad_: 0,
    good() {
      this.good_++;
    },
    bad() {
      this.bad_++;
    },
  };
}

describe('HttpMetrics.feed: the SLI-only path', () => {
  it('feeds the listeners exactly as record would, and exports nothing on either path', async () => {
    const availability = counter();
    const latency = counter();
    const listener: SeriesListener = {
      bindSeries: () => [
        { kind: 'availability', handle: availability },
        { kind: 'latency', threshold: 0.1, handle: latency },
      ],
    };
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    const api = createHttpMetrics({ meterProvider: provider, listeners: [listener] });
    const producer = createHttpMetrics({ export: 'producer', listeners: [listener] });
    for (const metrics of [api, producer]) {
      metrics.feed('/r', 'GET', 200, undefined, 'http', '1.1', 0.1);
      metrics.feed('/r', 'GET', 503, undefined, 'http', '1.1', 0.01);
      metrics.feed('/r', 'GET', 200, 'aborted', 'http', '1.1', 0.01);
      metrics.feed('/r', 'GET', 200, undefined, 'http', '1.1', 0.2);
    }
    expect([availability.good_, availability.bad_]).toEqual([4, 4]);
    expect([latency.good_, latency.bad_]).toEqual([2, 6]);
    expect(await reader.points('http.server.request.duration')).toEqual([]);
    const collected = await producer.metricProducer.collect();
    expect(collected.resourceMetrics.scopeMetrics).toEqual([]);
    expect(api.tableSizes().series).toBe(3);
  });

  it('a series fed first and recorded later exports only the recorded values', async () => {
    const reader = new TestReader();
    const metrics = createHttpMetrics({ meterProvider: new MeterProvider({ readers: [reader] }) });
    metrics.feed('/r', 'GET', 200, undefined, 'http', '1.1', 0.3);
    metrics.record('/r', 'GET', 200, undefined, 'http', '1.1', 0.01);
    const points = (await reader.points(
      'http.server.request.duration',
    )) as unknown as DataPoint<Histogram>[];
    expect(points.map((p) => p.value.count)).toEqual([1]);
  });

  it('edge cases: drops invalid durations with one diagnostic, never throws', () => {
    const lines = captureDiag();
    const handle = counter();
    const metrics = createHttpMetrics({
      export: 'none',
      listeners: [{ bindSeries: () => [{ kind: 'availability', handle }] }],
    });
    metrics.feed('/r', 'GET', 200, undefined, 'http', '1.1', -1);
    metrics.feed('/r', 'GET', 200, undefined, 'http', '1.1', Number.NaN);
    expect(handle.good_ + handle.bad_).toBe(0);
    expect(lines.filter((line) => line.includes('dropped a request duration'))).toHaveLength(1);
  });
});

describe('HttpMetrics.activeSlot', () => {
  it('gives the slot activeRequestStarted gave for the same arguments, without counting', async () => {
    const reader = new TestReader();
    const metrics = createHttpMetrics({
      meterProvider: new MeterProvider({ readers: [reader] }),
      activeRequests: true,
      serverAttributes: true,
    });
    const slot = metrics.activeRequestStarted('PURGE', 'https', 'example.com', 443);
    expect(metrics.activeSlot('PURGE', 'https', 'example.com', 443)).toBe(slot);
    expect(metrics.activeSlot('M-SEARCH', 'https', 'example.com', 443)).toBe(slot); // both _OTHER
    expect(metrics.activeSlot('GET', 'https', 'example.com', 443)).not.toBe(slot);
    metrics.activeRequestEnded(metrics.activeSlot('PURGE', 'https', 'example.com', 443));
    expect((await reader.points('http.server.active_requests')).map((p) => p.value)).toEqual([0]);
  });

  it('is -1 when active requests are off', () => {
    expect(createHttpMetrics({ export: 'none' }).activeSlot('GET', 'http')).toBe(-1);
  });

  it('exposes which opt-ins are on', () => {
    const metrics = createHttpMetrics({ export: 'none', bodySizes: true, activeRequests: true });
    expect([metrics.bodySizes, metrics.serverAttributes, metrics.activeRequests]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
