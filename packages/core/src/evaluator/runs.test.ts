import { describe, expect, test } from 'vitest';
import { MAX_RUNS, Runs, type Run } from './runs.js';

describe('Runs', () => {
  test('covered time counts the closed runs and the live run up to now', () => {
    const runs = new Runs(100, [
      [0, 20],
      [50, 60],
    ]);
    expect(runs.covered(0, 200, 200)).toBe(20 + 10 + 100);
    expect(runs.covered(10, 55, 200)).toBe(10 + 5);
    expect(runs.covered(150, 250, 200)).toBe(50);
    expect(runs.historyStart()).toBe(0);
  });

  test('overlaps: a gap between runs is not observed', () => {
    const runs = new Runs(100, [[0, 20]]);
    expect(runs.overlaps(20, 30, 200)).toBe(true); // the run's end instant
    expect(runs.overlaps(30, 90, 200)).toBe(false);
    expect(runs.overlaps(90, 101, 200)).toBe(true);
    expect(runs.overlaps(201, 300, 200)).toBe(false);
  });

  test('a restore at the instant of the snapshot continues the last run', () => {
    const runs = new Runs(100, [
      [0, 20],
      [40, 100],
    ]);
    expect(runs.closed).toEqual([[0, 20]]);
    expect(runs.liveStart).toBe(40);
    expect(runs.toArray(150)).toEqual([
      [0, 20],
      [40, 150],
    ]);
  });

  test('prune drops runs that ended before the oldest data held', () => {
    const runs = new Runs(100, [
      [0, 20],
      [40, 60],
    ]);
    runs.prune(30);
    expect(runs.closed).toEqual([[40, 60]]);
    expect(runs.historyStart()).toBe(40);
    runs.prune(1_000);
    expect(runs.historyStart()).toBe(100);
  });

  test(`more than ${String(MAX_RUNS)} runs: the two with the shortest gap merge`, () => {
    const closed: Run[] = [];
    for (let i = 0; i <= MAX_RUNS; i++) closed.push([i * 100, i * 100 + 50]);
    closed[10] = [1_000, 1_095]; // gap of 5 to the next run
    const runs = new Runs(100_000, closed);
    expect(runs.closed).toHaveLength(MAX_RUNS);
    expect(runs.closed[10]).toEqual([1_000, 1_150]);
    expect(runs.historyStart()).toBe(0);
  });
});
