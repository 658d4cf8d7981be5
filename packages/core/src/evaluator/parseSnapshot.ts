import { NinesError, type NinesIssue, type NinesPath } from '../errors.js';
import { base64ToBytes, bytesToUint32 } from './base64.js';
import { RATIO_EMPTY, RATIO_SCALE, RATIO_UNOBSERVED, VERDICT_BAD } from './sliceRing.js';
import type { EvaluatorSnapshot } from './snapshot.js';

/** A snapshot newer than the clock by more than this is refused (a clock or file mix-up). */
export const FUTURE_TOLERANCE = 5 * 60_000;

type Json = Record<string, unknown>;

class Checker {
  readonly issues: NinesIssue[] = [];

  fail(path: NinesPath, message: string): void {
    if (this.issues.length < 50) this.issues.push({ code: 'INVALID_SNAPSHOT', message, path });
  }

  object(value: unknown, path: NinesPath): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }

  number(
    value: unknown,
    path: NinesPath,
    rule: 'finite' | 'count' | 'integer' | 'positive',
  ): number {
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (rule === 'finite' ||
        (rule === 'count' && value >= 0) ||
        (rule === 'integer' && Number.isSafeInteger(value)) ||
        (rule === 'positive' && value > 0));
    if (ok) return value;
    const wanted = {
      finite: 'a finite number',
      count: 'a finite number >= 0',
      integer: 'a safe integer',
      positive: 'a finite number > 0',
    }[rule];
    this.fail(path, `expected ${wanted}, got ${describe(value)}`);
    return NaN;
  }

  array(value: unknown, path: NinesPath): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value as unknown[];
    this.fail(path, `expected an array, got ${describe(value)}`);
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function checkRing(c: Checker, value: unknown, path: NinesPath, flushedAt: number): void {
  const ring = c.object(value, path);
  if (ring === undefined) return;
  const resolution = c.number(ring['resolution'], [...path, 'resolution'], 'positive');
  const head = c.number(ring['head'], [...path, 'head'], 'integer');
  if (head * resolution > flushedAt) {
    c.fail(
      [...path, 'head'],
      `head bucket ${String(head)} starts after flushedAt ${String(flushedAt)}`,
    );
  }
  const good = c.array(ring['good'], [...path, 'good']);
  const total = c.array(ring['total'], [...path, 'total']);
  if (good === undefined || total === undefined) return;
  if (good.length === 0 || good.length !== total.length) {
    c.fail(
      [...path, 'good'],
      `good and total must be non-empty arrays of one length, got ${String(good.length)} and ${String(total.length)}`,
    );
    return;
  }
  for (let i = 0; i < good.length; i++) {
    const g = good[i];
    const t = total[i];
    if (typeof g !== 'number' || !Number.isFinite(g) || g < 0) {
      c.number(g, [...path, 'good', i], 'count');
      return;
    }
    if (typeof t !== 'number' || !Number.isFinite(t) || t < g) {
      c.fail(
        [...path, 'total', i],
        `expected a finite number >= good (${String(g)}), got ${describe(t)}`,
      );
      return;
    }
  }
}

function checkSlices(c: Checker, value: unknown, path: NinesPath): void {
  if (value === null) return;
  const slices = c.object(value, path);
  if (slices === undefined) return;
  const method = slices['method'];
  if (method !== 'timeslices' && method !== 'ratio-timeslices') {
    c.fail(
      [...path, 'method'],
      `expected 'timeslices' or 'ratio-timeslices', got ${describe(method)}`,
    );
    return;
  }
  c.number(slices['length'], [...path, 'length'], 'positive');
  c.number(slices['current'], [...path, 'current'], 'integer');
  const good = c.number(slices['good'], [...path, 'good'], 'count');
  const total = c.number(slices['total'], [...path, 'total'], 'count');
  if (good > total)
    c.fail([...path, 'good'], `good ${String(good)} exceeds total ${String(total)}`);
  if (method === 'timeslices') {
    c.number(slices['sliceTarget'], [...path, 'sliceTarget'], 'positive');
    const op = slices['op'];
    if (op !== 'gte' && op !== 'gt' && op !== 'lte' && op !== 'lt') {
      c.fail([...path, 'op'], `expected one of gte, gt, lte, lt, got ${describe(op)}`);
    }
  }
  const data = slices['data'];
  const bytes = typeof data === 'string' ? base64ToBytes(data) : null;
  if (bytes === null || bytes.length === 0) {
    c.fail([...path, 'data'], `expected non-empty base64 text, got ${describe(data)}`);
    return;
  }
  if (method === 'timeslices') {
    const bad = bytes.findIndex((code) => code > VERDICT_BAD);
    if (bad >= 0)
      c.fail(
        [...path, 'data'],
        `slot ${String(bad)} holds verdict code ${String(bytes[bad])}; codes are 0 to 3`,
      );
    return;
  }
  if (bytes.length % 4 !== 0) {
    c.fail(
      [...path, 'data'],
      `ratio data must be 4 bytes per slot, got ${String(bytes.length)} bytes`,
    );
    return;
  }
  const codes = bytesToUint32(bytes);
  const bad = codes.findIndex(
    (code) => code > RATIO_SCALE && code !== RATIO_EMPTY && code !== RATIO_UNOBSERVED,
  );
  if (bad >= 0)
    c.fail(
      [...path, 'data'],
      `slot ${String(bad)} holds ratio code ${String(codes[bad])}; codes are 0 to 1e9 or the empty/unobserved markers`,
    );
}

function checkObjective(
  c: Checker,
  value: unknown,
  path: NinesPath,
  at: number,
  flushedAt: number,
): void {
  const entry = c.object(value, path);
  if (entry === undefined) return;
  c.number(entry['startedAt'], [...path, 'startedAt'], 'finite');
  const runs = c.array(entry['runs'], [...path, 'runs']);
  let previousEnd = -Infinity;
  runs?.forEach((run, i) => {
    const pair = c.array(run, [...path, 'runs', i]);
    if (pair === undefined) return;
    const start = c.number(pair[0], [...path, 'runs', i, 0], 'finite');
    const end = c.number(pair[1], [...path, 'runs', i, 1], 'finite');
    if (pair.length !== 2 || !(start <= end) || start < previousEnd || end > at) {
      c.fail(
        [...path, 'runs', i],
        `expected [start, end] with start <= end <= at, after the previous run, got ${JSON.stringify(pair)}`,
      );
    }
    previousEnd = end;
  });
  if (runs?.length === 0) c.fail([...path, 'runs'], 'expected at least one run');
  const pending = c.object(entry['pending'], [...path, 'pending']);
  if (pending !== undefined) {
    const good = c.number(pending['good'], [...path, 'pending', 'good'], 'count');
    const total = c.number(pending['total'], [...path, 'pending', 'total'], 'count');
    if (good > total)
      c.fail([...path, 'pending', 'good'], `good ${String(good)} exceeds total ${String(total)}`);
  }
  const dropped = c.number(entry['dropped'], [...path, 'dropped'], 'integer');
  if (dropped < 0) c.fail([...path, 'dropped'], `expected an integer >= 0, got ${String(dropped)}`);
  c.array(entry['rings'], [...path, 'rings'])?.forEach((ring, i) => {
    checkRing(c, ring, [...path, 'rings', i], flushedAt);
  });
  checkSlices(c, entry['slices'], [...path, 'slices']);
  const alerts = c.object(entry['alerts'], [...path, 'alerts']);
  for (const [name, tier] of Object.entries(alerts ?? {})) {
    const t = c.object(tier, [...path, 'alerts', name]);
    if (t === undefined) continue;
    if (t['state'] !== 'pending' && t['state'] !== 'firing') {
      c.fail(
        [...path, 'alerts', name, 'state'],
        `expected 'pending' or 'firing', got ${describe(t['state'])}`,
      );
    }
    c.number(t['since'], [...path, 'alerts', name, 'since'], 'finite');
  }
}

/**
 * Check that a value (typically `JSON.parse` of a saved file) is a snapshot this version can
 * restore, reporting every problem with its path.
 *
 * @param value - the candidate snapshot
 * @param now - the current time; a snapshot taken more than 5 minutes after it is refused
 * @returns the value, typed
 * @throws NinesError `INVALID_SNAPSHOT` with the path of each problem (e.g.
 *   `objectives.api.rings[2].good[17]`)
 * @example
 * ```ts
 * const snapshot = parseSnapshot(JSON.parse(readFileSync('nines.json', 'utf8')), Date.now());
 * const evaluator = createEvaluator({ objectives, snapshot });
 * ```
 */
export function parseSnapshot(value: unknown, now: number): EvaluatorSnapshot {
  const c = new Checker();
  const root = c.object(value, []);
  if (root === undefined) throw NinesError.fromIssues(c.issues);
  if (root['version'] !== 1) {
    c.fail(['version'], `expected version 1, got ${describe(root['version'])}`);
    throw NinesError.fromIssues(c.issues);
  }
  const at = c.number(root['at'], ['at'], 'finite');
  const flushedAt = c.number(root['flushedAt'], ['flushedAt'], 'finite');
  if (flushedAt > at)
    c.fail(['flushedAt'], `flushedAt ${String(flushedAt)} is after at ${String(at)}`);
  if (at > now + FUTURE_TOLERANCE) {
    c.fail(
      ['at'],
      `snapshot taken at ${new Date(at).toISOString()}, after the clock's ${new Date(now).toISOString()} by more than 5 minutes`,
    );
  }
  const objectives = c.object(root['objectives'], ['objectives']);
  for (const [id, entry] of Object.entries(objectives ?? {})) {
    checkObjective(c, entry, ['objectives', id], at, flushedAt);
  }
  if (c.issues.length > 0) throw NinesError.fromIssues(c.issues);
  return value as EvaluatorSnapshot;
}
