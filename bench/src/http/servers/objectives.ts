/**
 * The objectives the Nines configurations evaluate in-process (issue #4: targets hold "with
 * the in-process evaluator on"): availability and latency of the benchmarked route.
 */
import { defineObjective, type Objective } from '@nines/core';
import { ROUTE } from './common.js';

/** @returns availability 99.9% and latency (≤ 100 ms) 99% of `GET /api/users/:id`, 30 days */
export function benchObjectives(): Objective[] {
  const matchers = [{ attribute: 'http.route', op: '=', value: ROUTE }] as const;
  return [
    defineObjective({
      id: 'users-availability',
      target: 0.999,
      window: '30d',
      sli: { kind: 'http-availability', matchers: [...matchers] },
    }),
    defineObjective({
      id: 'users-latency',
      target: 0.99,
      window: '30d',
      sli: { kind: 'http-latency', threshold: 0.1, matchers: [...matchers] },
    }),
  ];
}
