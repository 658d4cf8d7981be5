/**
 * A tiny benchmark harness: timed rounds, alternating between the contenders so machine noise
 * hits all of them alike, medians reported. Timings on shared machines are noisy: compare
 * figures from one run only.
 */

/** One contender: `run(n)` does n operations. */
export interface Contender {
  readonly name: string;
  readonly run: (n: number) => void;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Result of {@link compare}: per contender, median nanoseconds per operation and ops/s. */
export interface ComparisonRow {
  readonly name: string;
  readonly nsPerOp: number;
  readonly opsPerSecond: number;
  readonly rounds: readonly number[];
}

/**
 * Time each contender for `rounds` rounds of `n` operations, alternating contenders within
 * each round, after one warm-up round.
 */
export function compare(contenders: readonly Contender[], n: number, rounds = 7): ComparisonRow[] {
  for (const c of contenders) c.run(n);
  const samples = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      c.run(n);
      const ns = Number(process.hrtime.bigint() - t0);
      samples[i]?.push(ns / n);
    });
  }
  return contenders.map((c, i) => {
    const ns = median(samples[i] ?? []);
    return { name: c.name, nsPerOp: ns, opsPerSecond: 1e9 / ns, rounds: samples[i] ?? [] };
  });
}

/** Format a number with thousands separators and `digits` decimals. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Print a Markdown table. */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
