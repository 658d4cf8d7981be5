import { describeValue, isRecord } from './internal/validate.js';

/**
 * Machine-readable codes for every error Nines raises at definition time.
 *
 * A code names the kind of problem; the message names the value and the accepted range.
 */
export type NinesErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_TARGET'
  | 'INVALID_DURATION'
  | 'INVALID_WINDOW'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_OBJECTIVE'
  | 'INVALID_SLI'
  | 'INVALID_BUDGETING'
  | 'INVALID_POLICY'
  | 'UNREACHABLE_TIER'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_OBJECTIVE'
  | 'INVALID_SNAPSHOT'
  | 'INVALID_SPEC'
  | 'INVALID_LEDGER'
  | 'INVALID_CLI_ARGUMENT';

/** A path into the input that caused a problem, e.g. `['objectives', 2, 'target']`. */
export type NinesPath = readonly (string | number)[];

/** One problem found in an input; several may be reported together by one {@link NinesError}. */
export interface NinesIssue {
  /** What kind of problem this is. */
  readonly code: NinesErrorCode;
  /** A sentence naming the offending value and what would be accepted. */
  readonly message: string;
  /** Where in the input the problem is. Empty for a top-level value. */
  readonly path: NinesPath;
  /** The file the input came from, when it came from one. */
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
  /** 1-based column in `file`. */
  readonly column?: number;
}

/** Options for {@link NinesError}. */
export interface NinesErrorOptions {
  /** Where in the input the (first) problem is. */
  readonly path?: NinesPath;
  /** Every problem found, when more than one was collected. */
  readonly issues?: readonly NinesIssue[];
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The typed error every Nines package throws for bad configuration or input.
 *
 * @example
 * ```ts
 * try {
 *   defineObjective({ id: 'x', target: 1, window: '30d', sli: { kind: 'events' } });
 * } catch (error) {
 *   if (error instanceof NinesError) console.error(error.code, error.path.join('.'));
 * }
 * ```
 */
export class NinesError extends Error {
  /** Always `'NinesError'`, so the kind survives serialisation. */
  override readonly name = 'NinesError';
  /** What kind of problem this is. */
  readonly code: NinesErrorCode;
  /** Where in the input the (first) problem is. */
  readonly path: NinesPath;
  /** Every problem found (at least one). */
  readonly issues: readonly NinesIssue[];

  /**
   * Create an error with one problem (or several, through `options.issues`).
   *
   * @param code - the kind of problem
   * @param message - a sentence naming the offending value and the accepted range
   * @param options - path, further issues and cause
   * @example
   * ```ts
   * throw new NinesError('INVALID_TARGET', 'target must be below 1, got 1', { path: ['target'] });
   * ```
   */
  constructor(code: NinesErrorCode, message: string, options: NinesErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
    this.issues =
      options.issues && options.issues.length > 0
        ? options.issues
        : [{ code, message, path: this.path }];
  }

  /**
   * Build one error from several collected issues; its message lists them all, one a line.
   *
   * An empty list is itself a programming error: it gives an `INVALID_ARGUMENT` error saying so
   * (returned, not thrown, so the caller's `throw` still happens).
   *
   * @param issues - the problems found (at least one)
   * @returns an error whose `code` and `path` are those of the first issue
   * @example
   * ```ts
   * const error = NinesError.fromIssues([
   *   { code: 'INVALID_TARGET', message: 'target must be below 1, got 1', path: ['target'] },
   *   { code: 'INVALID_WINDOW', message: 'window is required', path: ['window'] },
   * ]);
   * error.message; // "2 problems:\ntarget: target must be below 1, got 1\nwindow: window is required"
   * ```
   */
  static fromIssues(issues: readonly NinesIssue[]): NinesError {
    const first = issues[0];
    if (first === undefined) {
      return new NinesError('INVALID_ARGUMENT', 'fromIssues() needs at least one issue');
    }
    const lines = issues.map(formatIssue);
    const message =
      issues.length === 1
        ? (lines[0] ?? first.message)
        : `${issues.length} problems:\n${lines.join('\n')}`;
    return new NinesError(first.code, message, { path: first.path, issues });
  }
}

/**
 * Render one issue as a single readable line: `file:line:column: path: message`.
 *
 * @param issue - the issue to render
 * @returns the line, without a trailing newline
 * @throws NinesError `INVALID_ARGUMENT` when `issue` is not an object with a string `message`
 *   and an array `path`
 * @example
 * ```ts
 * formatIssue({ code: 'INVALID_TARGET', message: 'target must be below 1, got 1', path: ['objectives', 2, 'target'], file: 'slo.yaml', line: 7, column: 13 });
 * // "slo.yaml:7:13: objectives[2].target: target must be below 1, got 1"
 * ```
 */
export function formatIssue(issue: NinesIssue): string {
  const given: unknown = issue;
  if (!isRecord(given) || typeof given.message !== 'string' || !Array.isArray(given.path)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `formatIssue needs an issue { code, message, path }, got ${describeValue(given)}`,
    );
  }
  let where = '';
  if (issue.file !== undefined) {
    where = issue.file;
    if (issue.line !== undefined) where += `:${issue.line}`;
    if (issue.line !== undefined && issue.column !== undefined) where += `:${issue.column}`;
    where += ': ';
  }
  const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  return `${where}${path}${issue.message}`;
}

/**
 * Render a path the way a user would write it: `objectives[2].target`.
 *
 * @param path - the path into the input
 * @returns the dotted path
 * @throws NinesError `INVALID_ARGUMENT` when `path` is not an array
 * @example
 * ```ts
 * formatPath(['objectives', 2, 'target']); // "objectives[2].target"
 * ```
 */
export function formatPath(path: NinesPath): string {
  const given: unknown = path;
  if (!Array.isArray(given)) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `formatPath needs an array of keys and indexes, got ${describeValue(given)}`,
    );
  }
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
