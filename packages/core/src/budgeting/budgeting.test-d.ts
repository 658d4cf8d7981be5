import { describe, expectTypeOf, it } from 'vitest';
import type { BudgetingInput } from '../objectives/types.js';
import { computeSli, sliceIsGood, timeslicesSli, toBudgeting } from './index.js';
import type {
  Budgeting,
  BudgetingResult,
  SliceCounts,
  SliceOperator,
  TimeslicesBudgeting,
} from './index.js';

describe('budgeting types', () => {
  it('normalises input into the Budgeting union', () => {
    expectTypeOf(toBudgeting).parameter(0).toEqualTypeOf<BudgetingInput | undefined>();
    expectTypeOf(toBudgeting('occurrences')).toEqualTypeOf<Budgeting>();
    expectTypeOf(toBudgeting).toBeCallableWith(undefined, ['objectives', 0, 'budgeting']);
  });

  it('returns a nullable SLI with a unit', () => {
    const result = computeSli({ method: 'occurrences' }, []);
    expectTypeOf(result).toEqualTypeOf<BudgetingResult>();
    expectTypeOf(result.sli).toEqualTypeOf<number | null>();
    expectTypeOf(result.unit).toEqualTypeOf<'events' | 'slices'>();
  });

  it('accepts a normalised TimeslicesBudgeting as a slice rule', () => {
    const budgeting = {} as TimeslicesBudgeting;
    const slices: readonly SliceCounts[] = [];
    expectTypeOf(timeslicesSli).toBeCallableWith(slices, budgeting);
    // @ts-expect-error: the slice target is required
    timeslicesSli(slices, { op: 'gt' });
  });

  it('takes only the four OpenSLO operators', () => {
    expectTypeOf(sliceIsGood).parameter(2).toEqualTypeOf<SliceOperator>();
    // @ts-expect-error: 'ge' is not an operator
    sliceIsGood(0.5, 0.9, 'ge');
  });
});
