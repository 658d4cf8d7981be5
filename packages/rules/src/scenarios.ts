import { NinesError, createEvaluator, type Objective } from '@nines/core';

const MINUTE = 60_000;

/** A stretch of constant traffic in a scenario. */
export interface TrafficPhase {
  /** Length in whole minutes. */
  readonly minutes: number;
  /** Share of requests that are bad, in [0, 1]. */
  readonly errorRatio: number;
}

/** Traffic replayed through both evaluators: phases back to back from time 0. */
export interface AlertScenario {
  /** Shown as the promtool test name. */
  readonly name: string;
  /** Stretches of constant traffic, back to back. */
  readonly phases: readonly TrafficPhase[];
  /**
   * Requests per minute. Default 100,000: the ratio, not the volume, drives burn-rate alerts,
   * and a high volume keeps whole bad counts close to the intended ratio (at 600 a minute, a
   * 0.098% ratio would round to 1 bad request, 0.167%).
   */
  readonly requestsPerMinute?: number;
}

/** The tiers firing at one minute of a replay. */
export interface TimelinePoint {
  /** Minutes since the scenario start. */
  readonly minute: number;
  /** Names of the tiers firing, in policy order. */
  readonly firing: readonly string[];
}

/** Counts of one minute of a scenario. */
export interface MinuteCounts {
  /** Good events in the minute. */
  readonly good: number;
  /** All valid events in the minute. */
  readonly total: number;
}

/**
 * The per-minute counts of a scenario (whole requests; the bad count is rounded).
 *
 * @param scenario - the scenario
 * @returns one entry per minute
 */
export function scenarioMinutes(scenario: AlertScenario): MinuteCounts[] {
  const rpm = scenario.requestsPerMinute ?? 100_000;
  const out: MinuteCounts[] = [];
  for (const phase of scenario.phases) {
    const bad = Math.round(rpm * phase.errorRatio);
    for (let i = 0; i < phase.minutes; i++) out.push({ good: rpm - bad, total: rpm });
  }
  return out;
}

/**
 * Replay a scenario through the in-process evaluator of @nines/core, one flush and evaluation a
 * minute (the events of minute `m - 1` are flushed at minute `m`, as a scrape at `m` sees
 * them), and return which tiers fire at each minute. This is the oracle the generated promtool
 * tests hold Prometheus to.
 *
 * @param objective - an objective with an alert policy
 * @param scenario - the traffic
 * @returns one point per minute, from minute 1 to the end of the scenario
 * @throws NinesError `INVALID_POLICY` when the objective has no alert policy
 */
export function replayScenario(objective: Objective, scenario: AlertScenario): TimelinePoint[] {
  if (objective.alerting === undefined) {
    throw new NinesError(
      'INVALID_POLICY',
      `objective ${objective.id} has no alert policy to replay`,
    );
  }
  const tierNames = objective.alerting.tiers.map((t) => t.name);
  let now = 0;
  const evaluator = createEvaluator({ objectives: [objective], clock: () => now });
  const handle = evaluator.handle(objective.id);
  evaluator.evaluate(0);
  const timeline: TimelinePoint[] = [];
  scenarioMinutes(scenario).forEach((counts, index) => {
    handle.add(counts.good, counts.total);
    now = (index + 1) * MINUTE;
    const report = evaluator.evaluate(now);
    const status = report.objectives[0];
    const firing = new Set(status?.tiers.filter((t) => t.state === 'firing').map((t) => t.name));
    timeline.push({ minute: index + 1, firing: tierNames.filter((n) => firing.has(n)) });
  });
  return timeline;
}

/** Which tiers are the most severe ones (the first tier's severity, e.g. `page`). */
function pageTiers(objective: Objective): {
  page: Set<string>;
  pageFactor: number;
  ticketFactor: number;
  minFactor: number;
} {
  const tiers = objective.alerting?.tiers ?? [];
  const severity = tiers[0]?.severity;
  const page = new Set(tiers.filter((t) => t.severity === severity).map((t) => t.name));
  const pageFactors = tiers.filter((t) => page.has(t.name)).map((t) => t.factor);
  const ticketFactors = tiers.filter((t) => !page.has(t.name)).map((t) => t.factor);
  return {
    page,
    pageFactor: Math.min(...pageFactors),
    ticketFactor: ticketFactors.length > 0 ? Math.max(...ticketFactors) : 0,
    minFactor: Math.min(...tiers.map((t) => t.factor)),
  };
}

function longestShortWindow(objective: Objective): number {
  return Math.max(...(objective.alerting?.tiers ?? []).map((t) => t.shortWindow + (t.for ?? 0)));
}

/**
 * The three standard scenarios for an objective's policy (issue #3): a total outage (the page
 * tiers fire, then everything resolves after recovery), a slow burn between the ticket and page
 * factors (only the ticket tiers fire), and a burn just below the smallest factor (nothing
 * fires). Each starts with an hour of clean traffic and ends with enough clean traffic for the
 * slowest tier to resolve.
 *
 * @param objective - an objective with an alert policy
 * @returns the scenarios
 */
export function standardScenarios(objective: Objective): AlertScenario[] {
  const budget = objective.target.errorBudget;
  const { pageFactor, ticketFactor, minFactor } = pageTiers(objective);
  const recovery = Math.ceil(longestShortWindow(objective) / MINUTE) + 15;
  const scenarios: AlertScenario[] = [
    {
      name: 'total outage',
      phases: [
        { minutes: 60, errorRatio: 0 },
        { minutes: 20, errorRatio: 1 },
        { minutes: recovery, errorRatio: 0 },
      ],
    },
  ];
  if (ticketFactor > 0) {
    const burn = (ticketFactor + pageFactor) / 2;
    scenarios.push({
      name: `slow burn at ${burn}x`,
      phases: [
        { minutes: 60, errorRatio: 0 },
        { minutes: 6 * 60, errorRatio: Math.min(1, burn * budget) },
        { minutes: recovery, errorRatio: 0 },
      ],
    });
  }
  scenarios.push({
    name: `burn just below ${minFactor}x`,
    phases: [
      { minutes: 60, errorRatio: 0 },
      { minutes: 12 * 60, errorRatio: Math.min(1, 0.98 * minFactor * budget) },
    ],
  });
  return scenarios;
}

/**
 * The minutes at which to compare the two evaluators. For every transition the in-process
 * evaluator saw at minute `t`, Prometheus must show the old state at `t - 2` and the new state
 * at `t + 1`: so Prometheus changed at `t - 1`, `t` or `t + 1`, within one evaluation interval.
 * A check minute within one minute of any other transition is left out (there, the state is
 * open by that same tolerance). The last minute is always checked.
 *
 * @param timeline - from {@link replayScenario}
 * @returns ascending minutes
 */
export function checkMinutes(timeline: readonly TimelinePoint[]): number[] {
  const changes: number[] = [];
  for (let i = 1; i < timeline.length; i++) {
    if (timeline[i - 1]?.firing.join(',') !== timeline[i]?.firing.join(',')) {
      changes.push(timeline[i]?.minute ?? 0);
    }
  }
  const last = timeline[timeline.length - 1]?.minute ?? 0;
  const checks = new Set<number>();
  const clearOfOthers = (minute: number, own: number): boolean =>
    changes.every((c) => c === own || Math.abs(c - minute) > 1);
  for (const t of changes) {
    for (const minute of [t - 2, t + 1]) {
      if (minute >= 1 && minute <= last && clearOfOthers(minute, t)) checks.add(minute);
    }
  }
  if (changes.every((c) => Math.abs(c - last) > 1)) checks.add(last);
  return [...checks].sort((a, b) => a - b);
}
