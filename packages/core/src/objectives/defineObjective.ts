import type { Budgeting } from '../budgeting/types.js';
import { toBudgeting } from '../budgeting/index.js';
import { formatPath, NinesError } from '../errors.js';
import type { NinesIssue, NinesPath } from '../errors.js';
import { describeValue } from '../internal/validate.js';
import { assertPolicy, workbookPolicy } from '../policies/index.js';
import type { BurnRatePolicy } from '../policies/types.js';
import { nominalWindowLength, toWindow } from '../windows/index.js';
import type { SloWindow } from '../windows/types.js';
import type { Sli } from './sli.js';
import { copySli, sliIssues } from './sliIssues.js';
import { targetFromFraction, targetFromPercent } from './target.js';
import type { Target } from './target.js';
import type { Objective, ObjectiveInput } from './types.js';

/**
 * What an objective id may look like: a letter or digit, then letters, digits, `-`, `_`, `.`.
 *
 * Ids key the evaluator's state and alert deduplication, and end up in Prometheus label values,
 * rule group and record names, OpenSLO `metadata.name` and generated file names. Leaving out
 * spaces, `/`, `:` and quotes keeps them safe in every one of those places without escaping.
 *
 * @example
 * ```ts
 * OBJECTIVE_ID_PATTERN.test('checkout-availability'); // true
 * OBJECTIVE_ID_PATTERN.test('checkout availability'); // false
 * ```
 */
export const OBJECTIVE_ID_PATTERN = /^[A-Za-z0-9][-A-Za-z0-9_.]*$/;

const KNOWN_KEYS: readonly string[] = [
  'id',
  'service',
  'name',
  'description',
  'target',
  'targetPercent',
  'window',
  'budgeting',
  'sli',
  'alerting',
  'labels',
];

/** Run a throwing helper; on NinesError, keep its issues (under `prefix`) and return undefined. */
function attempt<T>(issues: NinesIssue[], run: () => T, prefix: NinesPath = []): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof NinesError)) throw error;
    for (const found of error.issues) {
      issues.push({ ...found, path: [...prefix, ...found.path] });
    }
    return undefined;
  }
}

function textIssue(
  issues: NinesIssue[],
  key: 'service' | 'name' | 'description',
  value: unknown,
  allowEmpty: boolean,
): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    issues.push({
      code: 'INVALID_OBJECTIVE',
      message: `${key} must be a ${allowEmpty ? '' : 'non-empty '}string, got ${describeValue(value)}`,
      path: [key],
    });
  }
}

function checkId(issues: NinesIssue[], id: unknown): void {
  if (typeof id === 'string' && OBJECTIVE_ID_PATTERN.test(id)) return;
  issues.push({
    code: 'INVALID_OBJECTIVE',
    message:
      typeof id === 'string' && id !== ''
        ? `id must start with a letter or digit and contain only letters, digits, "-", "_" and "." (${String(OBJECTIVE_ID_PATTERN)}), got ${JSON.stringify(id)}`
        : `id must be a non-empty string such as "checkout-availability", got ${describeValue(id)}`,
    path: ['id'],
  });
}

function readTarget(issues: NinesIssue[], input: ObjectiveInput): Target | undefined {
  const { target, targetPercent } = input;
  if (target !== undefined && targetPercent !== undefined) {
    issues.push({
      code: 'INVALID_TARGET',
      message: `give exactly one of target (a fraction, e.g. 0.999) and targetPercent (e.g. 99.9), got both: target ${describeValue(target)} and targetPercent ${describeValue(targetPercent)}`,
      path: ['targetPercent'],
    });
    // Still check each value, so a second run does not reveal a new problem.
    attempt(issues, () => targetFromFraction(target));
    attempt(issues, () => targetFromPercent(targetPercent));
    return undefined;
  }
  if (target !== undefined) return attempt(issues, () => targetFromFraction(target));
  if (targetPercent !== undefined) return attempt(issues, () => targetFromPercent(targetPercent));
  issues.push({
    code: 'INVALID_TARGET',
    message:
      'target is required: give target (a fraction, e.g. 0.999) or targetPercent (e.g. 99.9)',
    path: ['target'],
  });
  return undefined;
}

function readLabels(issues: NinesIssue[], labels: unknown): Readonly<Record<string, string>> {
  if (labels === undefined) return Object.freeze({});
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    issues.push({
      code: 'INVALID_OBJECTIVE',
      message: `labels must be an object of string values, e.g. { team: "payments" }, got ${describeValue(labels)}`,
      path: ['labels'],
    });
    return Object.freeze({});
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    if (key === '') {
      issues.push({
        code: 'INVALID_OBJECTIVE',
        message: 'label names must be non-empty',
        path: ['labels', key],
      });
    } else if (typeof value !== 'string') {
      issues.push({
        code: 'INVALID_OBJECTIVE',
        message: `label ${JSON.stringify(key)} must have a string value, got ${describeValue(value)}`,
        path: ['labels', key],
      });
    } else {
      out[key] = value;
    }
  }
  return Object.freeze(out);
}

function readAlerting(
  issues: NinesIssue[],
  alerting: unknown,
  window: SloWindow | undefined,
  target: Target | undefined,
): BurnRatePolicy | undefined {
  if (alerting === false) return undefined;
  if (alerting === undefined) {
    if (window === undefined) return undefined;
    const length = nominalWindowLength(window);
    const found: NinesIssue[] = [];
    const policy = attempt(found, () => workbookPolicy(length), ['alerting']);
    for (const issue of found) {
      issues.push({
        ...issue,
        message: `no default SRE Workbook policy fits this window (${issue.message}); set alerting: false or pass a policy`,
      });
    }
    return policy;
  }
  if (typeof alerting !== 'object' || alerting === null || Array.isArray(alerting)) {
    issues.push({
      code: 'INVALID_POLICY',
      message: `alerting must be a burn-rate policy (e.g. workbookPolicy('28d')) or false, got ${describeValue(alerting)}`,
      path: ['alerting'],
    });
    return undefined;
  }
  const policy = alerting as BurnRatePolicy;
  // The policy's own checks need a valid target; without one, the target issue already stands.
  if (target !== undefined) {
    const check = (): void => {
      assertPolicy(policy, target);
    };
    attempt(issues, check, ['alerting']);
  }
  return policy;
}

/** Validate one input, collecting every issue; the objective is returned only when there were none. */
function collect(input: ObjectiveInput, issues: NinesIssue[]): Objective | undefined {
  const raw: unknown = input;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({
      code: 'INVALID_OBJECTIVE',
      message: `an objective must be an object with id, target, window and sli, got ${describeValue(raw)}`,
      path: [],
    });
    return undefined;
  }
  const start = issues.length;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      issues.push({
        code: 'INVALID_OBJECTIVE',
        message: `unknown key ${JSON.stringify(key)}; an objective takes ${KNOWN_KEYS.join(', ')}`,
        path: [key],
      });
    }
  }
  checkId(issues, input.id);
  textIssue(issues, 'service', input.service, false);
  textIssue(issues, 'name', input.name, false);
  textIssue(issues, 'description', input.description, true);
  const target = readTarget(issues, input);
  let window: SloWindow | undefined;
  if ((raw as { window?: unknown }).window === undefined) {
    issues.push({
      code: 'INVALID_WINDOW',
      message: 'window is required, e.g. "30d" (rolling) or a calendar window',
      path: ['window'],
    });
  } else {
    const windowInput = input.window;
    window = attempt(issues, () => toWindow(windowInput, ['window']));
  }
  const budgeting: Budgeting | undefined = attempt(issues, () =>
    toBudgeting(input.budgeting, ['budgeting']),
  );
  issues.push(...sliIssues(input.sli, ['sli']));
  const labels = readLabels(issues, input.labels);
  const alerting = readAlerting(issues, input.alerting, window, target);

  if (
    issues.length > start ||
    target === undefined ||
    window === undefined ||
    budgeting === undefined
  ) {
    return undefined;
  }
  const sli: Sli = copySli(input.sli);
  return Object.freeze({
    id: input.id,
    service: input.service ?? 'default',
    name: input.name ?? input.id,
    ...(input.description === undefined ? {} : { description: input.description }),
    target,
    window,
    budgeting,
    sli,
    alerting,
    labels,
  });
}

/**
 * Validate an objective and fill in its defaults, reporting every problem at once.
 *
 * Defaults: `service` `'default'`, `name` = `id`, budgeting `occurrences`, and alerting the SRE
 * Workbook burn-rate tiers for the window's nominal length (`workbookPolicy`); pass
 * `alerting: false` to turn alerting off. The target keeps the decimals it was written with
 * (`targetPercent: 99.9` gives fraction 0.999, never 0.9990000000000001). The id must match
 * {@link OBJECTIVE_ID_PATTERN}. A policy that passes `assertPolicy` but has a tier that can never
 * fire for this target is accepted; `validatePolicy(objective.alerting, objective.target)` lists
 * such tiers.
 *
 * @param input - the objective as written: `id`, exactly one of `target` and `targetPercent`,
 *   `window`, `sli`, and optional `service`, `name`, `description`, `budgeting`, `alerting`,
 *   `labels`
 * @returns the validated, frozen objective
 * @throws NinesError listing every problem with its path (`id`, `target`, `window`,
 *   `sli.threshold`, `sli.matchers[0].value`, `budgeting.slice`, `alerting.tiers[1].factor`,
 *   `labels.team`…); its `code` is the first problem's (`INVALID_OBJECTIVE`, `INVALID_TARGET`,
 *   `INVALID_WINDOW`, `INVALID_DURATION`, `INVALID_TIME_ZONE`, `INVALID_BUDGETING`, `INVALID_SLI`,
 *   `INVALID_POLICY`)
 * @example
 * ```ts
 * const checkout = defineObjective({
 *   id: 'checkout-availability',
 *   service: 'shop',
 *   targetPercent: 99.9,
 *   window: '30d',
 *   sli: { kind: 'http-availability', matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }] },
 * });
 * checkout.target.fraction; // 0.999
 * checkout.alerting?.tiers.map((tier) => tier.factor); // [14.4, 6, 3, 1]
 * ```
 */
export function defineObjective(input: ObjectiveInput): Objective {
  const issues: NinesIssue[] = [];
  const objective = collect(input, issues);
  if (objective === undefined) throw NinesError.fromIssues(issues);
  return objective;
}

/**
 * Validate several objectives at once: every problem of every objective is reported together,
 * with paths starting at the objective's index (`[2].target`), and ids must be unique.
 *
 * @param inputs - the objectives as written
 * @returns the validated objectives, in order
 * @throws NinesError with all issues; `DUPLICATE_ID` at `[i].id` for an id already used by an
 *   earlier objective (state and alerts are keyed by id), plus every issue
 *   {@link defineObjective} would raise
 * @example
 * ```ts
 * const [availability, latency] = defineObjectives([
 *   { id: 'api-availability', target: 0.999, window: '28d', sli: { kind: 'http-availability', matchers: [] } },
 *   { id: 'api-latency', target: 0.99, window: '28d', sli: { kind: 'http-latency', threshold: 0.3, matchers: [] } },
 * ]);
 * ```
 */
export function defineObjectives(inputs: readonly ObjectiveInput[]): Objective[] {
  const raw: unknown = inputs;
  if (!Array.isArray(raw)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `defineObjectives takes an array of objectives, got ${describeValue(raw)}`,
    );
  }
  const issues: NinesIssue[] = [];
  const objectives: Objective[] = [];
  const firstIndex = new Map<string, number>();
  inputs.forEach((input, index) => {
    const found: NinesIssue[] = [];
    const objective = collect(input, found);
    for (const issue of found) issues.push({ ...issue, path: [index, ...issue.path] });
    if (objective !== undefined) objectives.push(objective);
    const id: unknown = (input as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === '') return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
    } else {
      issues.push({
        code: 'DUPLICATE_ID',
        message: `duplicate id ${JSON.stringify(id)}: already used by objective ${formatPath([first])}; ids must be unique because state and alerts are keyed by them`,
        path: [index, 'id'],
      });
    }
  });
  if (issues.length > 0) throw NinesError.fromIssues(issues);
  return objectives;
}
