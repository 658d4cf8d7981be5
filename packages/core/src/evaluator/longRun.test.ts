import { expect, test } from 'vitest';
import { defineObjective } from '../objectives/index.js';
import { createEvaluator } from './createEvaluator.js';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);

test('30 simulated days, a flush every 10 s and an evaluation every hour, run in well under a second', () => {
  const api = defineObjective({
    id: 'api',
    targetPercent: 99.9,
    window: '30d',
    sli: { kind: 'events' },
  });
  const evaluator = createEvaluator({ objectives: [api], clock: () => T0 });
  const handle = evaluator.handle('api');
  const started = performance.now();
  let warmingUp = 0;
  for (let t = T0 + 10 * SECOND; t <= T0 + 30 * DAY; t += 10 * SECOND) {
    handle.add(9_995, 10_000);
    if (t % HOUR === 0) {
      if (evaluator.evaluate(t).objectives[0]?.status === 'warming-up') warmingUp += 1;
    } else {
      evaluator.tick(t);
    }
  }
  const elapsed = performance.now() - started;
  console.log(`30 simulated days (259,200 flushes, 720 evaluations): ${elapsed.toFixed(0)} ms`);
  // Loose bound only: the real figure belongs in the benchmark, not in a timed test.
  expect(elapsed).toBeLessThan(5_000);

  const status = evaluator.status('api')!;
  expect(warmingUp).toBe(719); // every hourly evaluation before the 30th day completes
  expect(status).toMatchObject({
    status: 'healthy',
    sli: 0.9995,
    budget: { consumed: 0.5, remaining: 0.5, unit: 'events' },
    coverage: 1,
    total: 30 * 8_640 * 10_000 - 719 * 10_000, // the 30d window reads 30 d − 2 h + 10 s of flushes
  });
  expect(status.tiers.every((t) => t.state === 'inactive')).toBe(true);
  expect(status.windows.every((w) => w.burnRate === 0.5 && w.coverage === 1)).toBe(true);
});
