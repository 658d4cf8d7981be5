/**
 * The demo: what a 99.9% / 30-day availability objective allows, how its burn-rate alerts
 * behave, and a simulated incident evaluated in-process, all from @nines/core.
 */
import {
  allowedBadEvents,
  allowedDowntime,
  createEvaluator,
  defineObjective,
  describeTier,
  formatDecimal,
  formatDuration,
  formatHumanDuration,
  formatTarget,
  nominalWindowLength,
  ninesTable,
} from '@nines/core';

const objective = defineObjective({
  id: 'checkout-availability',
  service: 'checkout',
  targetPercent: 99.9,
  window: '30d',
  sli: {
    kind: 'http-availability',
    matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
  },
});
const period = nominalWindowLength(objective.window);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

console.log(
  `Objective ${objective.id}: ${formatTarget(objective.target)} over ${formatDuration(period)}`,
);
console.log(
  `  error budget: ${formatDecimal(objective.target.errorBudget * 100)}% = ` +
    `${formatHumanDuration(allowedDowntime(objective.target, period))} of downtime, or ` +
    `${formatDecimal(allowedBadEvents(objective.target, 1_000_000))} bad requests per million\n`,
);

const windows = [7, 28, 30, 90, 365].map((d) => d * 86_400_000);
console.log('Allowed downtime (the nines table):');
console.log(
  table(
    ['target', ...windows.map((w) => formatDuration(w))],
    ninesTable({ windows }).map((row) => [
      formatTarget(row.target),
      ...row.allowed.map((cell) => formatHumanDuration(cell.downtimeMs)),
    ]),
  ),
);

console.log('\nBurn-rate alert tiers (SRE Workbook, derived for 30d):');
console.log(
  table(
    [
      'tier',
      'severity',
      'windows',
      'factor',
      'threshold',
      'detect (outage)',
      'reset',
      'budget at fire',
    ],
    (objective.alerting?.tiers ?? []).map((tier) => {
      const d = describeTier(tier, objective.target, period);
      return [
        d.name,
        d.severity,
        `${formatDuration(d.longWindow)}/${formatDuration(d.shortWindow)}`,
        formatDecimal(d.factor),
        `${formatDecimal(d.threshold * 100)}%`,
        formatHumanDuration(d.detectionTimeOnOutage),
        formatHumanDuration(d.resetTime),
        `${formatDecimal(d.budgetSpentAtFire * 100)}%`,
      ];
    }),
  ),
);

// A simulated day: 10 requests a second, a 12-minute total outage at 10:00.
let now = Date.UTC(2026, 10, 26);
const start = now;
const evaluator = createEvaluator({ objectives: [objective], clock: () => now });
const handle = evaluator.handle(objective.id);
const events: string[] = [];
evaluator.onAlert((e) => {
  const at = new Date(e.at).toISOString().slice(11, 19);
  events.push(
    `  ${at}  ${e.tier.padEnd(11)} ${e.state.padEnd(8)} burn ${formatDecimal(e.longBurnRate ?? 0, 1)}x over ${formatDuration(e.longWindow)}`,
  );
});
for (let minute = 0; minute < 24 * 60; minute++) {
  const down = minute >= 600 && minute < 612;
  for (let second = 0; second < 60; second += 10) {
    now = start + minute * 60_000 + second * 1000;
    if (down) handle.bad(100);
    else handle.good(100);
    evaluator.tick(now);
  }
  evaluator.evaluate(start + (minute + 1) * 60_000);
}
const status = evaluator.status(objective.id);
console.log('\nA simulated day with a 12-minute outage at 10:00 (in-process evaluator):');
console.log(events.join('\n'));
if (status?.budget) {
  console.log(
    `  after 24 h: SLI ${formatDecimal((status.sli ?? 0) * 100, 4)}% against ${formatTarget(objective.target)}: ` +
      `${formatDecimal(status.budget.consumed * 100, 1)}% of the error budget consumed (status ${status.status}: ` +
      `${formatDecimal(status.coverage * 100, 1)}% of the 30-day period seen so far)`,
  );
}
