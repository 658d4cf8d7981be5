import { describe, expect, it } from 'vitest';
import { NinesError } from '../errors.js';
import type { NinesIssue } from '../errors.js';
import { validatePolicy, workbookPolicy } from '../policies/index.js';
import type { BurnRatePolicy } from '../policies/types.js';
import { defineObjective, defineObjectives, OBJECTIVE_ID_PATTERN } from './defineObjective.js';
import type { ObjectiveInput } from './types.js';

const DAY = 86_400_000;

const base: ObjectiveInput = {
  id: 'checkout-availability',
  target: 0.999,
  window: '30d',
  sli: { kind: 'http-availability', matchers: [] },
};

const noTarget: ObjectiveInput = { id: base.id, window: base.window, sli: base.sli };

/** Run `fn`, expect a NinesError, and return its issues as `[code, path]` pairs. */
function issuesOf(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NinesError);
    return (error as NinesError).issues.map((issue: NinesIssue) => [
      issue.code,
      issue.path.map(String).join('.'),
    ]);
  }
  throw new Error('expected a NinesError, nothing was thrown');
}

/** Unsafe cast for inputs a plain-JavaScript or YAML caller could pass. */
function loose(input: Record<string, unknown>): ObjectiveInput {
  return input as unknown as ObjectiveInput;
}

describe('defineObjective', () => {
  it('fills in the defaults', () => {
    expect(defineObjective(base)).toEqual({
      id: 'checkout-availability',
      service: 'default',
      name: 'checkout-availability',
      target: { fraction: 0.999, percent: 99.9, errorBudget: 0.001 },
      window: { kind: 'rolling', duration: 30 * DAY },
      budgeting: { method: 'occurrences' },
      sli: { kind: 'http-availability', matchers: [] },
      alerting: workbookPolicy(30 * DAY),
      labels: {},
    });
  });

  it('keeps every given field', () => {
    const objective = defineObjective({
      ...base,
      service: 'shop',
      name: 'Checkout availability',
      description: 'Checkout answers without 5xx',
      labels: { team: 'payments', tier: '1' },
    });
    expect(objective.service).toBe('shop');
    expect(objective.name).toBe('Checkout availability');
    expect(objective.description).toBe('Checkout answers without 5xx');
    expect(objective.labels).toEqual({ team: 'payments', tier: '1' });
  });

  it('has no description key when none is given', () => {
    expect(Object.keys(defineObjective(base))).not.toContain('description');
  });

  describe('target', () => {
    // [input, fraction, percent, error budget, source]
    const rows: [Partial<ObjectiveInput>, number, number, number, string][] = [
      [{ target: 0.9995 }, 0.9995, 99.95, 0.0005, 'REFERENCE.md §10 #41 (OpenSLO target: 0.9995)'],
      [
        { targetPercent: 99.95 },
        0.9995,
        99.95,
        0.0005,
        'REFERENCE.md §10 #41 (≡ targetPercent: 99.95)',
      ],
      [
        { targetPercent: 99.9 },
        0.999,
        99.9,
        0.001,
        'REFERENCE.md §10 #18 (99.9/100 is F 0.9990000000000001)',
      ],
      [
        { target: 0.99 },
        0.99,
        99,
        0.01,
        'REFERENCE.md §10 #19 (1 − 0.99 is F 0.010000000000000009)',
      ],
    ];
    it.each(rows)('%o gives %d / %d%% / budget %d (%s)', (given, fraction, percent, budget) => {
      const objective = defineObjective({ ...noTarget, ...given });
      expect(objective.target).toEqual({ fraction, percent, errorBudget: budget });
    });

    // [input, code, path, source]
    const invalid: [Record<string, unknown>, string, string, string][] = [
      [{ target: 1.0 }, 'INVALID_TARGET', 'target', 'REFERENCE.md §10 #41 (target: 1.0 invalid)'],
      [
        { targetPercent: 100 },
        'INVALID_TARGET',
        'targetPercent',
        'REFERENCE.md §10 #41 (targetPercent: 100 invalid)',
      ],
      [{ target: 0 }, 'INVALID_TARGET', 'target', 'T in (0, 1) (REFERENCE.md §0)'],
      [{ target: Number.NaN }, 'INVALID_TARGET', 'target', 'never NaN'],
      [{ target: 99.9 }, 'INVALID_TARGET', 'target', 'a percent given as a fraction'],
      [{ target: '0.999' }, 'INVALID_TARGET', 'target', 'a string is not a number'],
      [{}, 'INVALID_TARGET', 'target', 'one of target and targetPercent is required'],
    ];
    it.each(invalid)('rejects %o with %s at %s (%s)', (given, code, path) => {
      expect(issuesOf(() => defineObjective(loose({ ...noTarget, ...given })))).toEqual([
        [code, path],
      ]);
    });

    it('rejects both target and targetPercent, and checks each', () => {
      expect(
        issuesOf(() => defineObjective({ ...base, target: 0.999, targetPercent: 99.9 })),
      ).toEqual([['INVALID_TARGET', 'targetPercent']]);
      expect(issuesOf(() => defineObjective({ ...base, target: 1, targetPercent: 100 }))).toEqual([
        ['INVALID_TARGET', 'targetPercent'],
        ['INVALID_TARGET', 'target'],
        ['INVALID_TARGET', 'targetPercent'],
      ]);
    });
  });

  describe('window', () => {
    it.each([
      ['28d', { kind: 'rolling', duration: 28 * DAY }],
      [7 * DAY, { kind: 'rolling', duration: 7 * DAY }],
      [
        { kind: 'rolling', duration: 90 * DAY },
        { kind: 'rolling', duration: 90 * DAY },
      ],
    ] as const)('reads %o as a rolling window', (window, expected) => {
      expect(defineObjective({ ...base, window }).window).toEqual(expected);
    });

    it('accepts a calendar window and derives alerting from its nominal length (30 d for a month)', () => {
      const objective = defineObjective({
        ...base,
        window: { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Europe/Paris' },
      });
      expect(objective.window).toMatchObject({
        kind: 'calendar',
        unit: 'month',
        timeZone: 'Europe/Paris',
      });
      expect(objective.alerting).toEqual(workbookPolicy(30 * DAY));
    });

    it.each([
      ['1M', 'INVALID_DURATION', 'window'],
      ['0s', 'INVALID_DURATION', 'window'],
      [-1, 'INVALID_DURATION', 'window'],
      [true, 'INVALID_WINDOW', 'window'],
      [undefined, 'INVALID_WINDOW', 'window'],
    ])('rejects window %o with %s at %s', (window, code, path) => {
      expect(issuesOf(() => defineObjective(loose({ ...base, window })))).toEqual([[code, path]]);
    });

    it('passes on the window helper’s paths (REFERENCE.md §1.3: IANA zones)', () => {
      const window = { kind: 'calendar', unit: 'month', count: 1, timeZone: 'Mars/Olympus' };
      expect(issuesOf(() => defineObjective(loose({ ...base, window })))).toEqual([
        ['INVALID_TIME_ZONE', 'window.timeZone'],
      ]);
    });
  });

  describe('alerting', () => {
    it('defaults to the Workbook tiers for the window (REFERENCE.md §10 #6: 14.4, 6, 3, 1 at 30 d)', () => {
      expect(defineObjective(base).alerting?.tiers.map((tier) => tier.factor)).toEqual([
        14.4, 6, 3, 1,
      ]);
    });

    it('derives them for 28 d (REFERENCE.md §10 #7: 13.44, 5.6, 2.8, 0.9333333333333333)', () => {
      const objective = defineObjective({ ...base, window: '28d' });
      expect(objective.alerting?.period).toBe(28 * DAY);
      expect(objective.alerting?.tiers.map((tier) => tier.factor)).toEqual([
        13.44, 5.6, 2.8, 0.9333333333333333,
      ]);
    });

    it('is undefined with alerting: false', () => {
      expect(defineObjective({ ...base, alerting: false }).alerting).toBeUndefined();
    });

    it('keeps a given policy', () => {
      const policy = workbookPolicy('7d');
      expect(defineObjective({ ...base, alerting: policy }).alerting).toBe(policy);
    });

    it('accepts a tier that cannot fire for the target; validatePolicy reports it (REFERENCE.md §10 #38, §11.2 #7)', () => {
      const objective = defineObjective({ ...base, target: 0.9 });
      expect(objective.alerting).toBeDefined();
      const { errors, warnings } = validatePolicy(objective.alerting!, objective.target);
      expect(errors).toEqual([]);
      expect(warnings.map((w) => [w.code, w.path])).toEqual([
        ['UNREACHABLE_TIER', ['tiers', 0, 'factor']],
      ]);
    });

    it('reports an invalid policy under alerting', () => {
      const broken: BurnRatePolicy = {
        name: 'custom',
        period: 30 * DAY,
        tiers: [
          {
            name: 'fast',
            severity: 'page',
            longWindow: 3_600_000,
            shortWindow: 300_000,
            factor: -1,
            budgetPercent: 2,
          },
        ],
      };
      const found = issuesOf(() => defineObjective({ ...base, alerting: broken }));
      expect(found.length).toBeGreaterThan(0);
      for (const [code, path] of found) {
        expect(code).toBe('INVALID_POLICY');
        expect(path.startsWith('alerting.tiers.0')).toBe(true);
      }
      expect(found).toContainEqual(['INVALID_POLICY', 'alerting.tiers.0.factor']);
    });

    it('says when no default policy fits a short window', () => {
      let caught: unknown;
      try {
        defineObjective({ ...base, window: '30m' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      expect((caught as NinesError).code).toBe('INVALID_POLICY');
      expect((caught as NinesError).path).toEqual(['alerting', 'period']);
      expect((caught as NinesError).message).toMatch(/set alerting: false or pass a policy/);
      expect(defineObjective({ ...base, window: '30m', alerting: false }).window).toEqual({
        kind: 'rolling',
        duration: 1_800_000,
      });
    });

    it.each([true, 'workbook', null, []])('rejects alerting %o', (alerting) => {
      expect(issuesOf(() => defineObjective(loose({ ...base, alerting })))).toEqual([
        ['INVALID_POLICY', 'alerting'],
      ]);
    });
  });

  describe('budgeting', () => {
    it('passes budgeting through toBudgeting (REFERENCE.md §1.2)', () => {
      expect(defineObjective({ ...base, budgeting: 'ratio-timeslices' }).budgeting).toEqual({
        method: 'ratio-timeslices',
        slice: 60_000,
        emptySlice: 'skip',
      });
      expect(
        defineObjective({
          ...base,
          budgeting: { method: 'timeslices', slice: '5m', sliceTarget: 0.95, op: 'gt' },
        }).budgeting,
      ).toEqual({
        method: 'timeslices',
        slice: 300_000,
        sliceTarget: 0.95,
        op: 'gt',
        emptySlice: 'skip',
      });
    });

    it('reports budgeting problems with their paths', () => {
      const budgeting = { method: 'timeslices', slice: '1M', sliceTarget: 1.5 };
      expect(issuesOf(() => defineObjective(loose({ ...base, budgeting })))).toEqual([
        ['INVALID_BUDGETING', 'budgeting.slice'],
        ['INVALID_BUDGETING', 'budgeting.sliceTarget'],
      ]);
    });
  });

  describe('sli', () => {
    it.each([
      { kind: 'events' },
      {
        kind: 'http-availability',
        matchers: [{ attribute: 'http.route', op: '=', value: '/checkout' }],
      },
      {
        kind: 'http-latency',
        threshold: 0.3,
        matchers: [{ attribute: 'http.route', op: '=~', value: '/api/.*' }],
      },
      {
        kind: 'promql',
        errorRatioQuery: 'sum(rate(errors[{{.window}}]))/sum(rate(total[{{.window}}]))',
      },
      {
        kind: 'promql',
        errorQuery: 'sum(rate(errors[{{.window}}]))',
        totalQuery: 'sum(rate(total[{{.window}}]))',
      },
      {
        kind: 'promql',
        goodQuery: 'sum(rate(good[{{.window}}]))',
        totalQuery: 'sum(rate(total[{{.window}}]))',
      },
    ] as const)('accepts %o', (sli) => {
      expect(defineObjective({ ...base, sli }).sli).toEqual(sli);
    });

    // [sli, expected issues]
    const invalid: [unknown, [string, string][]][] = [
      [undefined, [['INVALID_SLI', 'sli']]],
      [{ kind: 'grpc' }, [['INVALID_SLI', 'sli.kind']]],
      [{ kind: 'http-latency', threshold: 0, matchers: [] }, [['INVALID_SLI', 'sli.threshold']]],
      [{ kind: 'http-latency', threshold: -0.3, matchers: [] }, [['INVALID_SLI', 'sli.threshold']]],
      [
        { kind: 'http-latency', threshold: Infinity, matchers: [] },
        [['INVALID_SLI', 'sli.threshold']],
      ],
      [
        { kind: 'http-latency', threshold: Number.NaN, matchers: [] },
        [['INVALID_SLI', 'sli.threshold']],
      ],
      [{ kind: 'http-latency', matchers: [] }, [['INVALID_SLI', 'sli.threshold']]],
      [{ kind: 'http-availability' }, [['INVALID_SLI', 'sli.matchers']]],
      [
        { kind: 'http-availability', matchers: [{ attribute: ' ', op: '==', value: 1 }] },
        [
          ['INVALID_SLI', 'sli.matchers.0.attribute'],
          ['INVALID_SLI', 'sli.matchers.0.op'],
          ['INVALID_SLI', 'sli.matchers.0.value'],
        ],
      ],
      [
        {
          kind: 'http-availability',
          matchers: [
            { attribute: 'http.route', op: '=~', value: '/api/(' },
            { attribute: 'http.route', op: '!~', value: '[' },
            { attribute: 'http.route', op: '=', value: '(' },
            'http.route',
          ],
        },
        [
          ['INVALID_SLI', 'sli.matchers.0.value'],
          ['INVALID_SLI', 'sli.matchers.1.value'],
          ['INVALID_SLI', 'sli.matchers.3'],
        ],
      ],
      [{ kind: 'promql' }, [['INVALID_SLI', 'sli']]],
      [{ kind: 'promql', errorRatioQuery: '' }, [['INVALID_SLI', 'sli.errorRatioQuery']]],
      [{ kind: 'promql', errorQuery: 'e' }, [['INVALID_SLI', 'sli.totalQuery']]],
      [{ kind: 'promql', totalQuery: 't' }, [['INVALID_SLI', 'sli.errorQuery']]],
      [
        { kind: 'promql', errorQuery: 'e', goodQuery: 'g', totalQuery: 't' },
        [['INVALID_SLI', 'sli.goodQuery']],
      ],
      [
        { kind: 'promql', errorRatioQuery: 'r', totalQuery: 't' },
        [['INVALID_SLI', 'sli.totalQuery']],
      ],
    ];
    it.each(invalid)('rejects %o', (sli, expected) => {
      expect(issuesOf(() => defineObjective(loose({ ...base, sli })))).toEqual(expected);
    });

    it('names the regex problem', () => {
      const sli = {
        kind: 'http-availability',
        matchers: [{ attribute: 'http.route', op: '=~', value: '(' }],
      };
      expect(() => defineObjective(loose({ ...base, sli }))).toThrow(
        /sli\.matchers\[0\]\.value: value "\(" is not a valid regular expression for =~/,
      );
    });
  });

  describe('id', () => {
    it.each(['a', 'checkout-availability', 'api_v2.latency', '9lives', 'A-1_b.c'])(
      'accepts %s',
      (id) => {
        expect(defineObjective({ ...base, id }).id).toBe(id);
      },
    );

    it.each(['', ' ', '-leading', '.hidden', 'has space', 'a/b', 'a:b', 'ünïcode', 'quote"'])(
      'rejects %o',
      (id) => {
        expect(OBJECTIVE_ID_PATTERN.test(id)).toBe(false);
        expect(issuesOf(() => defineObjective({ ...base, id }))).toEqual([
          ['INVALID_OBJECTIVE', 'id'],
        ]);
      },
    );

    it('rejects a missing or non-string id', () => {
      expect(issuesOf(() => defineObjective(loose({ ...base, id: undefined })))).toEqual([
        ['INVALID_OBJECTIVE', 'id'],
      ]);
      expect(issuesOf(() => defineObjective(loose({ ...base, id: 7 })))).toEqual([
        ['INVALID_OBJECTIVE', 'id'],
      ]);
    });
  });

  describe('labels and text fields', () => {
    it('copies and freezes labels, SLI and objective', () => {
      const labels: Record<string, string> = { team: 'payments' };
      const matchers = [{ attribute: 'http.route', op: '=' as const, value: '/a' }];
      const objective = defineObjective({
        ...base,
        labels,
        sli: { kind: 'http-availability', matchers },
      });
      labels.team = 'search';
      matchers[0]!.value = '/b';
      expect(objective.labels).toEqual({ team: 'payments' });
      expect(objective.sli).toEqual({
        kind: 'http-availability',
        matchers: [{ attribute: 'http.route', op: '=', value: '/a' }],
      });
      expect(Object.isFrozen(objective)).toBe(true);
      expect(Object.isFrozen(objective.labels)).toBe(true);
      expect(Object.isFrozen(objective.sli)).toBe(true);
    });

    it.each([
      [{ labels: { team: 3 } }, [['INVALID_OBJECTIVE', 'labels.team']]],
      [{ labels: { '': 'x' } }, [['INVALID_OBJECTIVE', 'labels.']]],
      [{ labels: ['team'] }, [['INVALID_OBJECTIVE', 'labels']]],
      [{ labels: 'team=payments' }, [['INVALID_OBJECTIVE', 'labels']]],
      [{ service: '' }, [['INVALID_OBJECTIVE', 'service']]],
      [{ name: 42 }, [['INVALID_OBJECTIVE', 'name']]],
      [{ description: false }, [['INVALID_OBJECTIVE', 'description']]],
      [{ targetPrecent: 99.9 }, [['INVALID_OBJECTIVE', 'targetPrecent']]],
    ] as [Record<string, unknown>, [string, string][]][])('rejects %o', (given, expected) => {
      expect(issuesOf(() => defineObjective(loose({ ...base, ...given })))).toEqual(expected);
    });

    it('allows an empty description', () => {
      expect(defineObjective({ ...base, description: '' }).description).toBe('');
    });
  });

  describe('edge cases', () => {
    it('reports every problem at once, in input order', () => {
      const input = loose({
        id: 'my slo',
        target: 1,
        window: '1M',
        budgeting: 'timeslices',
        sli: {
          kind: 'http-latency',
          threshold: 0,
          matchers: [{ attribute: 'http.route', op: '=~', value: '(' }],
        },
        labels: { team: 3 },
        extra: true,
      });
      let caught: unknown;
      try {
        defineObjective(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NinesError);
      const error = caught as NinesError;
      expect(error.issues.map((issue) => [issue.code, issue.path.map(String).join('.')])).toEqual([
        ['INVALID_OBJECTIVE', 'extra'],
        ['INVALID_OBJECTIVE', 'id'],
        ['INVALID_TARGET', 'target'],
        ['INVALID_DURATION', 'window'],
        ['INVALID_BUDGETING', 'budgeting'],
        ['INVALID_SLI', 'sli.threshold'],
        ['INVALID_SLI', 'sli.matchers.0.value'],
        ['INVALID_OBJECTIVE', 'labels.team'],
      ]);
      expect(error.code).toBe('INVALID_OBJECTIVE');
      expect(error.message).toMatch(/^8 problems:\n/);
      expect(error.message).toContain(
        'sli.threshold: threshold must be a finite number of seconds > 0 (e.g. 0.3), got 0',
      );
    });

    it.each([null, 42, 'slo', []])('rejects %o as an objective', (input) => {
      expect(issuesOf(() => defineObjective(input as unknown as ObjectiveInput))).toEqual([
        ['INVALID_OBJECTIVE', ''],
      ]);
    });
  });
});

describe('defineObjectives', () => {
  it('defines each objective in order', () => {
    const objectives = defineObjectives([
      base,
      {
        ...base,
        id: 'checkout-latency',
        sli: { kind: 'http-latency', threshold: 0.3, matchers: [] },
      },
    ]);
    expect(objectives.map((o) => o.id)).toEqual(['checkout-availability', 'checkout-latency']);
    expect(defineObjectives([])).toEqual([]);
  });

  it('rejects duplicate ids with DUPLICATE_ID at the later index (state is keyed by id)', () => {
    let caught: unknown;
    try {
      defineObjectives([base, { ...base, target: 0.99 }, { ...base, id: 'other' }, { ...base }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NinesError);
    const error = caught as NinesError;
    expect(error.code).toBe('DUPLICATE_ID');
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['DUPLICATE_ID', [1, 'id']],
      ['DUPLICATE_ID', [3, 'id']],
    ]);
    expect(error.message).toContain(
      '[1].id: duplicate id "checkout-availability": already used by objective [0]',
    );
  });

  it('collects the problems of every objective with index paths', () => {
    expect(
      issuesOf(() =>
        defineObjectives([
          { ...base, target: 2 },
          base,
          loose({ ...base, id: 'b', window: 'forever' }),
          { ...base, id: 'checkout-availability' },
        ]),
      ),
    ).toEqual([
      ['INVALID_TARGET', '0.target'],
      ['DUPLICATE_ID', '1.id'],
      ['INVALID_DURATION', '2.window'],
      ['DUPLICATE_ID', '3.id'],
    ]);
  });

  it('rejects a non-array', () => {
    expect(() => defineObjectives(base as unknown as ObjectiveInput[])).toThrow(NinesError);
  });
});
