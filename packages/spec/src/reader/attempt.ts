/**
 * Run a core constructor (defineObjective, definePolicy, calendarWindow, ...) and turn what it
 * throws into located issues instead of a crash, so that all problems are reported together.
 *
 * @internal
 */
import { NinesError, formatPath } from '@nines/core';
import type { NinesPath } from '@nines/core';
import type { Field } from './field.js';

function endsWith(path: NinesPath, tail: NinesPath): boolean {
  if (tail.length > path.length) return false;
  return tail.every((part, index) => path[path.length - tail.length + index] === part);
}

/**
 * Call `run`; report its NinesError issues (or a RangeError) at `field`.
 *
 * @param field - where the problem is reported
 * @param run - the core call
 * @param context - prefix naming what was being built, e.g. `"alert policy"`
 * @returns the value, or `undefined` after reporting
 * @throws whatever `run` throws that is neither a NinesError nor a RangeError (a bug)
 */
export function attempt<T>(field: Field, run: () => T, context?: string): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof NinesError) {
      for (const issue of error.issues) {
        const inner =
          issue.path.length > 0 && !endsWith(field.path, issue.path)
            ? ` (${formatPath(issue.path)})`
            : '';
        const prefix = context === undefined ? '' : `${context}${inner}: `;
        field.report(`${prefix}${issue.message}`, issue.code);
      }
      return undefined;
    }
    if (error instanceof RangeError) {
      field.report(`${context === undefined ? '' : `${context}: `}${error.message}`);
      return undefined;
    }
    throw error;
  }
}
