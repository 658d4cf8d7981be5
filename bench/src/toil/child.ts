/**
 * One measured run for bench/src/toil/main.ts, in its own process; prints JSON on the last line.
 * It imports the built @nines/toil (dist), as a service would, so report workers start from
 * plain JavaScript.
 */
import { createReadStream } from 'node:fs';
import { buildToilReport, createJsonLinesStore } from '@nines/toil';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'floor' && mode !== 'report-1' && mode !== 'report') || file === undefined) {
  throw new Error('usage: child.ts floor|report-1|report FILE');
}
const t0 = performance.now();
let entries = 0;
if (mode === 'floor') {
  // The least any reader does: stream the file, cut lines, JSON.parse each, in one thread.
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) {
        JSON.parse(text.slice(start, end));
        entries++;
      }
      start = end + 1;
    }
    rest = text.slice(start);
  }
} else {
  const report = await buildToilReport(createJsonLinesStore(file).read(), {
    now: Date.UTC(2026, 10, 1),
    onProblem: () => undefined,
    ...(mode === 'report-1' ? { threads: 1 } : {}),
  });
  entries = report.teams.reduce((n, t) => n + t.periods.reduce((m, p) => m + p.entries, 0), 0);
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    entries,
  }),
);
