/**
 * @nines/rules benchmark (issue #3 target: rules for 1,000 objectives in under one second).
 * Measures generateRules + renderRuleFile for 1,000 objectives (HTTP availability per route,
 * workbook policy: 8 windows, 6 metadata records and 4 alerts each), median of 7 runs after a
 * warm-up, and the same through OpenSLO YAML parsing (@nines/spec) first.
 *
 * Run: pnpm --filter @nines/bench run bench:rules
 */
import { defineObjective } from '@nines/core';
import { generateRules, renderRuleFile } from '@nines/rules';
import { parse, toOpenSlo } from '@nines/spec';
import { fmt, markdownTable, median } from '../harness.js';

const objectives = Array.from({ length: 1000 }, (_, i) =>
  defineObjective({
    id: `route-${i}-availability`,
    service: `service-${i % 20}`,
    targetPercent: 99.9,
    window: '30d',
    sli: {
      kind: 'http-availability',
      matchers: [{ attribute: 'http.route', op: '=', value: `/api/r${i}` }],
    },
  }),
);
const yaml = toOpenSlo(objectives);

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

let size = 0;
let rules = 0;
const generate = (): void => {
  const file = generateRules(objectives);
  rules = file.groups.reduce((n, g) => n + g.rules.length, 0);
  size = renderRuleFile(file).length;
};
const fromYaml = (): void => {
  renderRuleFile(generateRules(parse([{ file: 'slos.yaml', text: yaml }]).objectives));
};
generate();
fromYaml();
const generateMs: number[] = [];
const yamlMs: number[] = [];
for (let i = 0; i < 7; i++) {
  generateMs.push(time(generate));
  yamlMs.push(time(fromYaml));
}
console.log(`Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(
  markdownTable(
    ['1,000 objectives', 'median', 'min', 'max'],
    [
      [
        'generateRules + renderRuleFile',
        `${fmt(median(generateMs))} ms`,
        `${fmt(Math.min(...generateMs))} ms`,
        `${fmt(Math.max(...generateMs))} ms`,
      ],
      [
        'parse OpenSLO YAML + generate + render',
        `${fmt(median(yamlMs))} ms`,
        `${fmt(Math.min(...yamlMs))} ms`,
        `${fmt(Math.max(...yamlMs))} ms`,
      ],
    ],
  ),
);
console.log(
  `\n${fmt(rules)} rules, ${fmt(size / 1024 / 1024, 1)} MiB of YAML; OpenSLO input ${fmt(yaml.length / 1024 / 1024, 1)} MiB`,
);
