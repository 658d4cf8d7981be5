/**
 * Applying a checked snapshot entry to an objective's fresh state.
 *
 * @internal Not re-exported from the barrel.
 */
import { base64ToBytes, bytesToUint32 } from './base64.js';
import { Runs, type Run } from './runs.js';
import type { ObjectiveSeries } from './series.js';
import type { ObjectiveSnapshot } from './snapshot.js';

/**
 * Why a snapshot entry cannot be applied to an objective's storage, or `null` when it can.
 *
 * @param series - fresh state of the configured objective
 * @param entry - a checked snapshot entry with the same id
 * @returns a reason for the restore summary, or `null`
 */
export function shapeMismatch(series: ObjectiveSeries, entry: ObjectiveSnapshot): string | null {
  const want = series.rings.map((r) => `${String(r.resolution)}x${String(r.size)}`).join(',');
  const got = entry.rings.map((r) => `${String(r.resolution)}x${String(r.good.length)}`).join(',');
  if (want !== got) return `rings changed from [${got}] to [${want}] (resolution x buckets)`;
  const slices = series.slices;
  const saved = entry.slices;
  if (slices === null || saved === null) {
    return slices === saved ? null : 'budgeting method changed';
  }
  const method = slices.rule === null ? 'ratio-timeslices' : 'timeslices';
  if (saved.method !== method) return `budgeting method changed from ${saved.method} to ${method}`;
  if (saved.length !== slices.length)
    return `slice length changed from ${String(saved.length)} to ${String(slices.length)} ms`;
  const bytes = base64ToBytes(saved.data)?.length ?? 0;
  if (bytes !== slices.size * (slices.rule === null ? 4 : 1)) return 'slice ring size changed';
  if (
    slices.rule !== null &&
    (saved.sliceTarget !== slices.rule.sliceTarget || saved.op !== slices.rule.op)
  ) {
    return 'slice target or operator changed';
  }
  return null;
}

/**
 * Load a checked, shape-compatible snapshot entry into fresh series state. The time between
 * the snapshot and `now` is a gap in the runs: no data, and not counted as observed.
 *
 * @param series - fresh state of the configured objective, overwritten
 * @param entry - a checked entry for which {@link shapeMismatch} returned `null`
 * @param now - the restore time
 */
export function restoreSeries(
  series: ObjectiveSeries,
  entry: ObjectiveSnapshot,
  now: number,
): void {
  entry.rings.forEach((saved, i) => {
    const ring = series.rings[i];
    if (ring === undefined) return;
    ring.load(saved.head, saved.good, saved.total);
  });
  const slices = series.slices;
  const saved = entry.slices;
  if (slices !== null && saved !== null) {
    const bytes = base64ToBytes(saved.data) ?? new Uint8Array(0);
    slices.data.set(slices.data instanceof Uint32Array ? bytesToUint32(bytes) : bytes);
    slices.current = saved.current;
    slices.accGood = saved.good;
    slices.accTotal = saved.total;
    slices.recount(saved.current - slices.size);
  }
  series.runs = new Runs(
    now,
    entry.runs.map(([start, end]): Run => [start, end]),
  );
  series.startedAt = entry.startedAt;
  series.pending.good += entry.pending.good;
  series.pending.total += entry.pending.total;
  series.pending.dropped += entry.dropped;
  for (const runtime of series.tiers) {
    const tier = Object.prototype.hasOwnProperty.call(entry.alerts, runtime.tier.name)
      ? entry.alerts[runtime.tier.name]
      : undefined;
    if (tier === undefined) continue;
    runtime.machine.state = tier.state;
    runtime.machine.since = tier.since;
  }
}
