import { describe, expect, it } from 'vitest';
import { toDuration } from '../durations/index.js';
import { NinesError } from '../errors.js';
import type { BudgetingInput } from '../objectives/types.js';
import { DEFAULT_SLICE_MS, toBudgeting } from './toBudgeting.js';
import type { Budgeting } from './types.js';

function thrown(run: () => unknown): NinesError {
  try {
    run();
  } catch (error) {
    if (error instanceof NinesError) return error;
    throw error;
  }
  throw new Error('expected a NinesError');
}

describe('toBudgeting', () => {
  // [input, expected, source]
  const cases: [BudgetingInput | undefined, Budgeting, string][] = [
    [undefined, { method: 'occurrences' }, 'DESIGN.md model: default occurrences'],
    ['occurrences', { method: 'occurrences' }, 'OpenSLO budgetingMethod Occurrences'],
    [{ method: 'occurrences' }, { method: 'occurrences' }, 'object form'],
    [
      'ratio-timeslices',
      { method: 'ratio-timeslices', slice: 60_000, emptySlice: 'skip' },
      'bare string: one-minute slices (REFERENCE.md §10 #40 uses 1-min slices)',
    ],
    [
      { method: 'timeslices', slice: '1m', sliceTarget: 0.95 },
      { method: 'timeslices', slice: 60_000, sliceTarget: 0.95, op: 'gte', emptySlice: 'skip' },
      'REFERENCE.md §10 #40 (OpenSLO 2w example, 1-min slices, 95%); defaults gte/skip',
    ],
    [
      { method: 'timeslices', slice: 300_000, sliceTarget: 0.95, op: 'gt', emptySlice: 'good' },
      { method: 'timeslices', slice: 300_000, sliceTarget: 0.95, op: 'gt', emptySlice: 'good' },
      'REFERENCE.md §10 #43 (Nobl9 gist strict >), Datadog empty slice = uptime (§1.2)',
    ],
    [
      { method: 'timeslices', slice: '5m', sliceTarget: 1, op: 'lte' },
      { method: 'timeslices', slice: 300_000, sliceTarget: 1, op: 'lte', emptySlice: 'skip' },
      'sliceTarget 1 is allowed: OpenSLO timeSliceTarget (0.0, 1.0]',
    ],
    [
      { method: 'ratio-timeslices', slice: '1h', emptySlice: 'bad' },
      { method: 'ratio-timeslices', slice: 3_600_000, emptySlice: 'bad' },
      'OpenSLO RatioTimeslices',
    ],
  ];
  it.each(cases)('normalises %j (%#)', (input, expected) => {
    expect(toBudgeting(input)).toEqual(expected);
  });

  it('exports the one-minute default slice', () => {
    expect(DEFAULT_SLICE_MS).toBe(60_000);
  });

  it('gives 20,160 one-minute slices in the OpenSLO two-week window (REFERENCE.md §10 #40)', () => {
    const budgeting = toBudgeting({ method: 'timeslices', slice: '1m', sliceTarget: 0.95 });
    if (budgeting.method !== 'timeslices') throw new Error('unreachable');
    expect(toDuration('2w') / budgeting.slice).toBe(20_160);
  });

  describe('edge cases', () => {
    it('refuses the bare string "timeslices": there is no default slice target', () => {
      const error = thrown(() => toBudgeting('timeslices', ['budgeting']));
      expect(error.code).toBe('INVALID_BUDGETING');
      expect(error.path).toEqual(['budgeting']);
      expect(error.message).toContain('sliceTarget');
    });

    it('reports every problem at once, with paths under the given prefix', () => {
      const error = thrown(() =>
        toBudgeting(
          {
            method: 'timeslices',
            slice: '0s',
            sliceTarget: 1.5,
            op: 'ge',
            emptySlice: 'ignore',
          } as unknown as BudgetingInput,
          ['objectives', 0, 'budgeting'],
        ),
      );
      expect(error.code).toBe('INVALID_BUDGETING');
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['objectives', 0, 'budgeting', 'slice'],
        ['objectives', 0, 'budgeting', 'emptySlice'],
        ['objectives', 0, 'budgeting', 'sliceTarget'],
        ['objectives', 0, 'budgeting', 'op'],
      ]);
      expect(error.issues.every((issue) => issue.code === 'INVALID_BUDGETING')).toBe(true);
      expect(error.message).toContain('1.5');
      expect(error.message).toContain('"ge"');
      expect(error.message).toContain('"ignore"');
      expect(error.message).toContain('objectives[0].budgeting.sliceTarget');
    });

    // [input, path of the first issue, text in the message]
    const bad: [unknown, readonly (string | number)[], string][] = [
      [{ method: 'timeslices', sliceTarget: 0.9 }, ['slice'], 'slice length'],
      [{ method: 'timeslices', slice: '1m' }, ['sliceTarget'], 'sliceTarget'],
      [{ method: 'timeslices', slice: '1m', sliceTarget: 0 }, ['sliceTarget'], 'got 0'],
      [{ method: 'timeslices', slice: '1m', sliceTarget: Number.NaN }, ['sliceTarget'], 'NaN'],
      [{ method: 'timeslices', slice: '1m', sliceTarget: '0.9' }, ['sliceTarget'], '"0.9"'],
      [{ method: 'timeslices', slice: -60_000, sliceTarget: 0.9 }, ['slice'], '-60000'],
      [{ method: 'timeslices', slice: 1.5, sliceTarget: 0.9 }, ['slice'], '1.5'],
      [{ method: 'ratio-timeslices' }, ['slice'], 'slice length'],
      [{ method: 'ratio-timeslices', slice: 'soon' }, ['slice'], 'soon'],
      [{ method: 'ratio-timeslices', slice: true }, ['slice'], 'true'],
      [{ method: 'Occurrences' }, ['method'], '"Occurrences"'],
      [{}, ['method'], 'undefined'],
      [null, [], 'null'],
      [42, [], '42'],
      [['occurrences'], [], 'an array'],
      ['burn', [], '"burn"'],
    ];
    it.each(bad)('rejects %j', (input, path, text) => {
      const error = thrown(() => toBudgeting(input as BudgetingInput));
      expect(error.code).toBe('INVALID_BUDGETING');
      expect(error.path).toEqual(path);
      expect(error.message).toContain(text);
    });
  });
});
