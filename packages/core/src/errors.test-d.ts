import { describe, expectTypeOf, it } from 'vitest';
import * as core from './index.js';
import { formatIssue, formatPath, NinesError } from './errors.js';
import type { NinesErrorCode, NinesIssue, NinesPath } from './errors.js';

describe('errors types', () => {
  it('exposes a typed code, a path and the issues', () => {
    const error = new NinesError('INVALID_TARGET', 'target must be below 1, got 1');
    expectTypeOf(error).toExtend<Error>();
    expectTypeOf(error.name).toBeString();
    expectTypeOf(error.code).toEqualTypeOf<NinesErrorCode>();
    expectTypeOf(error.path).toEqualTypeOf<NinesPath>();
    expectTypeOf(error.issues).toEqualTypeOf<readonly NinesIssue[]>();
    expectTypeOf(NinesError.fromIssues.bind(NinesError)).returns.toEqualTypeOf<NinesError>();
    // @ts-expect-error: codes are a closed union
    new NinesError('SOMETHING_ELSE', 'x');
  });

  it('formats issues and paths as text', () => {
    expectTypeOf(formatIssue).toEqualTypeOf<(issue: NinesIssue) => string>();
    expectTypeOf(formatPath).toEqualTypeOf<(path: NinesPath) => string>();
    expectTypeOf<NinesPath>().toEqualTypeOf<readonly (string | number)[]>();
  });

  it('keeps the internal helpers out of the package index', () => {
    expectTypeOf(core).not.toHaveProperty('describeValue');
    expectTypeOf(core).not.toHaveProperty('checkCounts');
    expectTypeOf(core).not.toHaveProperty('readDecimal');
    expectTypeOf(core).not.toHaveProperty('assertWindow');
    expectTypeOf(core).not.toHaveProperty('checkTier');
    expectTypeOf(core).toHaveProperty('NinesError');
  });
});
