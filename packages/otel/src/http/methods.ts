import { NinesError } from '@nines/core';
import { VALUE_OTHER } from './semconv.js';

/**
 * The methods semconv knows by default: RFC 9110 plus PATCH (RFC 5789) and QUERY (added in
 * semantic-conventions v1.38.0). Everything else becomes `_OTHER` (REFERENCE.md §5.3).
 */
export const DEFAULT_KNOWN_METHODS: readonly string[] = Object.freeze([
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
  'QUERY',
]);

/**
 * The environment variable semconv names for overriding the known methods: a comma-separated,
 * case-sensitive list that replaces the defaults (semantic-conventions http-metrics L97-110).
 */
export const KNOWN_METHODS_ENV = 'OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS';

/** Upper bound on the known methods list, so the method dimension stays small and bounded. */
export const MAX_KNOWN_METHODS = 64;

/** RFC 9110 §5.6.2 `token`: the characters a method may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Picks the known methods list: the explicit option wins, then `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS`
 * (an empty variable counts as unset; empty entries are skipped), then {@link DEFAULT_KNOWN_METHODS}. Duplicates are dropped.
 *
 * Reading the variable here keeps the semconv promise that operators can fix `_OTHER` without a
 * code change; passing `env` lets tests and non-Node runtimes decide.
 *
 * @param knownMethods - explicit list from options, or `undefined`
 * @param env - environment to read; defaults to `process.env` when there is one
 * @returns the methods, in the order given, frozen
 * @throws NinesError `INVALID_ARGUMENT` when a method is not an RFC 9110 token, is `_OTHER`, or
 *   there are more than {@link MAX_KNOWN_METHODS}
 * @example
 * ```ts
 * resolveKnownMethods(undefined, { OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS: 'GET,POST,PURGE' });
 * // ['GET', 'POST', 'PURGE']
 * ```
 */
export function resolveKnownMethods(
  knownMethods?: readonly string[],
  env: Readonly<Record<string, string | undefined>> = defaultEnv(),
): readonly string[] {
  let list: readonly string[];
  let path: (string | number)[];
  if (knownMethods !== undefined) {
    list = knownMethods;
    path = ['knownMethods'];
  } else {
    const raw = env[KNOWN_METHODS_ENV];
    if (raw === undefined || raw.trim() === '') return DEFAULT_KNOWN_METHODS;
    list = raw
      .split(',')
      .map((method) => method.trim())
      .filter((method) => method !== '');
    path = [KNOWN_METHODS_ENV];
  }
  const seen = new Set<string>();
  for (const [i, method] of list.entries()) {
    if (typeof method !== 'string' || !TOKEN.test(method) || method === VALUE_OTHER) {
      throw new NinesError(
        'INVALID_ARGUMENT',
        `Known HTTP method ${JSON.stringify(method)} is not accepted: use an RFC 9110 token (letters, digits, !#$%&'*+-.^_\`|~) other than "${VALUE_OTHER}".`,
        { path: [...path, i] },
      );
    }
    seen.add(method);
  }
  if (seen.size > MAX_KNOWN_METHODS) {
    throw new NinesError(
      'INVALID_ARGUMENT',
      `${seen.size} known HTTP methods given; at most ${MAX_KNOWN_METHODS} are accepted.`,
      { path },
    );
  }
  return Object.freeze([...seen]);
}

function defaultEnv(): Readonly<Record<string, string | undefined>> {
  return typeof process === 'object' ? process.env : {};
}

/**
 * A bounded, case-sensitive method normaliser: each known method has a small index, everything
 * else maps to the `_OTHER` index. Lookups are one `Map.get` and never allocate.
 *
 * @example
 * ```ts
 * const methods = new MethodTable(DEFAULT_KNOWN_METHODS);
 * methods.normalize('GET'); // 'GET'
 * methods.normalize('get'); // '_OTHER' (case-sensitive, as semconv requires)
 * methods.normalize('PURGE'); // '_OTHER'
 * ```
 */
export class MethodTable {
  /** Attribute value by index; the last one is `_OTHER`. */
  readonly values: readonly string[];
  /** Index of `_OTHER`, also the number of known methods. */
  readonly otherIndex: number;
  readonly #index: Map<string, number>;

  /**
   * @param knownMethods - already validated known methods (see {@link resolveKnownMethods})
   */
  constructor(knownMethods: readonly string[]) {
    this.#index = new Map(knownMethods.map((method, i) => [method, i]));
    this.otherIndex = knownMethods.length;
    this.values = Object.freeze([...knownMethods, VALUE_OTHER]);
  }

  /** Number of distinct values (known methods plus `_OTHER`). */
  get size(): number {
    return this.values.length;
  }

  /**
   * @param method - the request method as received
   * @returns its index, or {@link MethodTable.otherIndex} when it is not known
   */
  indexOf(method: string): number {
    return this.#index.get(method) ?? this.otherIndex;
  }

  /**
   * @param method - the request method as received
   * @returns the `http.request.method` attribute value
   */
  normalize(method: string): string {
    return this.values[this.indexOf(method)] ?? VALUE_OTHER;
  }
}
