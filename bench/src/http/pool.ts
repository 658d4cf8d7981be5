/**
 * Pools the rounds of several HTTP benchmark runs (their `--json` files): per configuration, the
 * per-round ratio to the same round's bare server and the per-round CPU difference, over every
 * round of every run; median with a distribution-free interval (stats.ts, coverage ≥ 95%).
 * Noise on a shared machine moves whole runs, so more rounds from several runs narrow what one
 * run cannot.
 *
 * Run: pnpm --filter @nines/bench run bench:http:pool -- run1.json run2.json ...
 */
import { readFileSync } from 'node:fs';
import { fmt, markdownTable, median } from '../harness.js';
import { CONFIGURATIONS } from './configs.js';
import { medianInterval } from './stats.js';

interface Sample {
  readonly round: number;
  readonly id: string;
  readonly load: { readonly requestsPerSecond: number };
  readonly cpuUsPerRequest: number;
}

const argv = process.argv.slice(2).filter((arg) => arg !== '--');
if (argv.length === 0) {
  throw new RangeError('give the --json files of one or more bench:http runs');
}
const runs = argv.map((file) => {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { samples?: Sample[] };
  if (!Array.isArray(parsed.samples)) throw new Error(`${file}: no samples (not a --json file?)`);
  return parsed.samples;
});

const pct = (x: number): string => `${fmt(x * 100, 1)}%`;
const rows: string[][] = [];
for (const config of CONFIGURATIONS) {
  if (config.kind === 'bare') continue;
  const bareId = `${config.framework}-bare`;
  const ratios: number[] = [];
  const cpu: number[] = [];
  for (const samples of runs) {
    for (const mine of samples.filter((s) => s.id === config.id)) {
      const bare = samples.find((s) => s.id === bareId && s.round === mine.round);
      if (bare === undefined) continue;
      ratios.push(mine.load.requestsPerSecond / bare.load.requestsPerSecond);
      cpu.push(mine.cpuUsPerRequest - bare.cpuUsPerRequest);
    }
  }
  if (ratios.length === 0) continue;
  const interval = medianInterval(ratios, 0.95);
  rows.push([
    config.id,
    String(ratios.length),
    pct(median(ratios)),
    `${pct(interval.low)} – ${pct(interval.high)} (${pct(interval.coverage)})`,
    fmt(median(cpu), 1),
  ]);
}
console.log(
  markdownTable(
    [
      'Configuration',
      'rounds',
      '% of bare (median of per-round ratios)',
      'interval of the median (coverage)',
      'CPU µs/req over bare (median of per-round differences)',
    ],
    rows,
  ),
);
