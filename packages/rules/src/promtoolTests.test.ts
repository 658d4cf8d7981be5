import { defineObjective, describeTier, type Objective } from '@nines/core';
import { describe, expect, it } from 'vitest';
import { promtool } from '../test/promtool.js';
import { generateRules } from './generate.js';
import { generatePromtoolTests } from './promtoolTests.js';
import { renderRuleFile } from './render.js';
import { replayScenario, standardScenarios } from './scenarios.js';

const MINUTE = 60_000;

function objective(window: string): Objective {
  return defineObjective({
    id: `api-${window}`,
    service: 'api',
    targetPercent: 99.9,
    window,
    sli: {
      kind: 'http-availability',
      matchers: [{ attribute: 'http.route', op: '=', value: '/pay' }],
    },
  });
}

const periods = ['30d', '28d', '7d'] as const;

describe.each(periods)('a 99.9%% / %s objective (issue #3 scenarios)', (window) => {
  const o = objective(window);
  const [outage, slowBurn, justBelow] = standardScenarios(o);
  const tiers = o.alerting?.tiers ?? [];
  const pageFast = tiers[0]!;

  it('total outage: the fast page tier fires within its detection time, everything resolves after recovery', () => {
    const timeline = replayScenario(o, outage!);
    const outageStart = 60;
    const firstFire = timeline.find((p) => p.firing.includes(pageFast.name))?.minute;
    const detection = describeTier(pageFast, o.target, o.alerting!.period).detectionTimeOnOutage;
    expect(firstFire).toBeDefined();
    // Fires at the first whole-minute evaluation after the detection time (WB-5 approach 6).
    expect(firstFire! - outageStart).toBe(Math.max(1, Math.ceil(detection / MINUTE)));
    // page-fast resolves once its short window holds no errors: short window after recovery.
    const recoveryStart = 80;
    const resolved = timeline.find(
      (p) => p.minute > recoveryStart && !p.firing.includes(pageFast.name),
    )?.minute;
    expect(resolved! - recoveryStart).toBe(pageFast.shortWindow / MINUTE);
    expect(timeline[timeline.length - 1]?.firing).toEqual([]);
  });

  it('slow burn between the ticket and page factors fires only ticket tiers', () => {
    const timeline = replayScenario(o, slowBurn!);
    const fired = new Set(timeline.flatMap((p) => p.firing));
    const pages = tiers.filter((t) => t.severity === 'page').map((t) => t.name);
    expect(pages.some((p) => fired.has(p))).toBe(false);
    expect(fired.size).toBeGreaterThan(0);
    expect(timeline[timeline.length - 1]?.firing).toEqual([]);
  });

  it('a burn just below the smallest factor fires nothing', () => {
    expect(replayScenario(o, justBelow!).every((p) => p.firing.length === 0)).toBe(true);
  });

  it('promtool agrees with the in-process evaluator within one evaluation interval', async () => {
    const rules = renderRuleFile(generateRules([o], { metricNaming: 'exporter' }));
    const { text, skipped } = generatePromtoolTests([o], {
      metricNaming: 'exporter',
      ruleFile: 'rules.yaml',
    });
    expect(skipped).toEqual([]);
    const result = await promtool(['test', 'rules', 'tests.yaml'], {
      'rules.yaml': rules,
      'tests.yaml': text,
    });
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  }, 120_000);
});
