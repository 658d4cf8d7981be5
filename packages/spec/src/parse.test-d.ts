import type { NinesIssue, Objective } from '@nines/core';
import { describe, expectTypeOf, it } from 'vitest';
import { parse, safeParse, toOpenSlo } from './index.js';
import type { ObjectiveDetails, SlothAlerting, SpecFile, SpecResult } from './index.js';

describe('types', () => {
  it('parse takes text or files and returns a SpecResult', () => {
    expectTypeOf(parse).parameter(0).toEqualTypeOf<string | readonly SpecFile[]>();
    expectTypeOf(parse('')).toEqualTypeOf<SpecResult>();
    expectTypeOf(parse('').objectives).toEqualTypeOf<readonly Objective[]>();
    expectTypeOf(parse('').details.get('x')).toEqualTypeOf<ObjectiveDetails | undefined>();
    expectTypeOf<ObjectiveDetails['sloth']>().toEqualTypeOf<SlothAlerting | undefined>();
  });

  it('safeParse narrows on success', () => {
    const result = safeParse('');
    if (result.success) expectTypeOf(result.value).toEqualTypeOf<SpecResult>();
    else expectTypeOf(result.issues).toEqualTypeOf<readonly NinesIssue[]>();
  });

  it('toOpenSlo takes objectives and returns text', () => {
    expectTypeOf(toOpenSlo).parameter(0).toEqualTypeOf<readonly Objective[]>();
    expectTypeOf(toOpenSlo([])).toEqualTypeOf<string>();
    // @ts-expect-error targetFormat is one of fraction, percent, auto
    toOpenSlo([], { targetFormat: 'decimal' });
  });
});
