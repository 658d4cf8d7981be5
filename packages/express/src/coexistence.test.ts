import { createRequire } from 'node:module';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { context } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR_HTTP_ROUTE, createNines, type NinesOptions } from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  listen,
  meterHarness,
  watch,
  type DurationPoint,
  type Listening,
} from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

/*
 * REFERENCE.md §11.1 #17 and §5.7: with @opentelemetry/instrumentation-http active, both would
 * export `http.server.request.duration` and Prometheus sums would double-count (§5.6). By
 * default (`instrumentationHttp: 'enrich'`) Nines exports no point of its own, gives
 * instrumentation-http our route template through its RPC metadata, and still feeds the SLOs.
 *
 * instrumentation-http reads the route in its own response `close` listener, registered before
 * Express runs; the adapter's listener is prepended so the template is there in time.
 *
 * A context manager (@opentelemetry/context-async-hooks) is registered: without one no context,
 * and no RPC metadata, reaches the handlers.
 */

const instrumentationHttp = { HttpInstrumentation };
const contextAsyncHooks = { AsyncLocalStorageContextManager };

const INSTRUMENTATION_SCOPE = '@opentelemetry/instrumentation-http';

describe('with @opentelemetry/instrumentation-http (#17)', () => {
  const meter = meterHarness();
  let instrumentation: HttpInstrumentation | undefined;

  beforeAll(() => {
    context.setGlobalContextManager(
      new contextAsyncHooks.AsyncLocalStorageContextManager().enable(),
    );
    instrumentation = new instrumentationHttp.HttpInstrumentation();
    instrumentation.setMeterProvider(meter.provider);
    instrumentation.enable();
    // The patch is applied when `http` is required after enable(); Server.prototype is shared
    // with the ESM import Express uses.
    createRequire(import.meta.url)('node:http');
  });

  afterAll(() => {
    instrumentation?.disable();
    context.disable();
  });

  describe.each(EXPRESS_VERSIONS)('$name', ({ express }) => {
    async function serve(options: Omit<NinesOptions, 'meterProvider'>): Promise<{
      server: Listening;
      nines: ReturnType<typeof watch>;
    }> {
      const nines = watch(createNines({ meterProvider: meter.provider, ...options }));
      const app = express();
      app.use(ninesExpress(nines));
      const users = express.Router();
      users.get('/:id', (_req, res) => {
        res.send('user');
      });
      app.use('/api/users', users);
      return { server: await listen(app), nines };
    }

    async function collect(): Promise<{ ours: DurationPoint[]; theirs: DurationPoint[] }> {
      const points = await meter.points();
      return {
        ours: points.filter((point) => point.scope === '@nines/otel'),
        theirs: points.filter((point) => point.scope === INSTRUMENTATION_SCOPE),
      };
    }

    it('enrich (default): one duration series, carrying our route; SLOs still fed', async () => {
      const before = await collect();
      const counted = (points: DurationPoint[], route: string): number =>
        points
          .filter((point) => point.attributes[ATTR_HTTP_ROUTE] === route)
          .reduce((sum, point) => sum + point.count, 0);
      const { server, nines } = await serve({
        manualTimers: true,
        objectives: [
          {
            id: 'users',
            targetPercent: 99,
            window: '1h',
            sli: { kind: 'http-availability', matchers: [] },
          },
        ],
      });
      for (let i = 0; i < 3; i++) await fetch(`${server.url}/api/users/${i}`).then((r) => r.text());
      await nines.recorded(3);
      await server.close();
      const after = await collect();
      expect(
        counted(after.theirs, '/api/users/:id') - counted(before.theirs, '/api/users/:id'),
      ).toBe(3);
      expect(counted(after.ours, '/api/users/:id') - counted(before.ours, '/api/users/:id')).toBe(
        0,
      );
      nines.evaluator?.tick();
      expect(nines.status().objectives[0]?.total).toBe(3);
    });

    it('record: both export (the documented double count, for those who want it)', async () => {
      const before = await collect();
      const total = (points: DurationPoint[]): number =>
        points.reduce((sum, point) => sum + point.count, 0);
      const { server, nines } = await serve({ instrumentationHttp: 'record' });
      await fetch(`${server.url}/api/users/1`).then((r) => r.text());
      await nines.recorded(1);
      await server.close();
      const after = await collect();
      expect(total(after.ours) - total(before.ours)).toBe(1);
      expect(total(after.theirs) - total(before.theirs)).toBe(1);
    });
  });
});
