/** One measured run for bench/src/toil/main.ts, in its own process; prints JSON on the last line. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildToilReport, createJsonLinesStore } from '@nines/toil';

const [mode, file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: child.ts floor|report FILE');
const t0 = performance.now();
let entries = 0;
if (mode === 'floor') {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line !== '') {
      JSON.parse(line);
      entries++;
    }
  }
} else {
  const report = await buildToilReport(createJsonLinesStore(file).read(), {
    now: Date.UTC(2026, 10, 1),
    onProblem: () => undefined,
  });
  entries = report.teams.reduce((n, t) => n + t.periods.reduce((m, p) => m + p.entries, 0), 0);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, entries }));
