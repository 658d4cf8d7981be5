/** A key of an Express 4 layer, as path-to-regexp 0.1.x records it. */
export interface Express4Key {
  readonly name: string | number;
}

/** What path-to-regexp 0.1.x appends to a non-ending (`app.use`) path: an optional slash, then a lookahead. */
const MOUNT_TAIL = '(?=\\/|$)';
const OPTIONAL_SLASH = '\\/?';
/**
 * The default captures path-to-regexp 0.1.x writes for `:name` (plain, and after a `.` format),
 * compared after {@link unescapeSlashes}: `RegExp#source` escapes `/` outside character classes
 * only, and engines have differed on that.
 */
const PLAIN_CAPTURE = '[^/]+?';
const FORMAT_CAPTURE = '[^/\\.]+?';
/** The capture written when a parameter follows literal text in its segment (`/:from-:to`). */
const BACKTRACK_START = '(?:(?!/|';
const BACKTRACK_END = ').)+?';
/** The extra group of `:name*`. */
const STAR_GROUP = '((?:[/].+?)?)';
const FORMAT_STAR_GROUP = '((?:[/\\.].+?)?)';
/** Characters that are regular-expression syntax when unescaped: text holding them is not a plain path. */
const SYNTAX = new Set(['(', ')', '[', ']', '{', '}', '|', '^', '$', '+', '?', '*', '.']);

/**
 * Recovers the path an Express 4 `app.use(path, ...)` / `router.use(path, ...)` layer was
 * registered with, from the regular expression path-to-regexp 0.1.x compiled it into: Express 4
 * layers keep only `regexp` and `keys` (REFERENCE.md §5.8), and the template must come from the
 * registration, never from the request's values (`req.baseUrl` is `/orgs/7`, not `/orgs/:orgId`).
 *
 * It reads exactly the shapes path-to-regexp 0.1.x writes for a non-ending path: literal text,
 * `:name`, `:name?`, `:name(re)`, `:name*`, `.:format` and `*`. Anything else (a RegExp the
 * user registered, an unnamed group) is returned as `String(regexp)`, which is deterministic
 * and bounded by the app's layers, so the route stays low-cardinality either way. Arrays were
 * compiled into one alternation; their paths come back joined with `,`, as array routes are.
 *
 * @param regexp - the layer's `regexp`
 * @param keys - the layer's `keys` (names of the capturing groups, in order)
 * @returns the registered path without its trailing slash (`''` for the root), or `String(regexp)`
 * @example
 * ```ts
 * // app.use('/orgs/:orgId', inner) in Express 4:
 * express4MountPath(/^\/orgs\/(?:([^\/]+?))\/?(?=\/|$)/i, [{ name: 'orgId' }]); // '/orgs/:orgId'
 * ```
 */
export function express4MountPath(regexp: RegExp, keys: readonly Express4Key[]): string {
  const parts = splitAlternatives(regexp.source);
  const paths: string[] = [];
  const cursor = { group: 0 };
  for (const part of parts) {
    const path = readMountPart(part, keys, cursor);
    if (path === undefined) return String(regexp);
    paths.push(path);
  }
  return paths.join(',');
}

/** Splits `^a|^b` (an array of paths) into its alternatives; a lone path stays whole. */
function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0 && source[i + 1] === '^') {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/**
 * Reads one compiled path (`^...\/?(?=\/|$)`).
 *
 * @returns the path, or `undefined` when the source is not path-to-regexp's output
 */
function readMountPart(
  part: string,
  keys: readonly Express4Key[],
  cursor: { group: number },
): string | undefined {
  if (!part.startsWith('^') || !part.endsWith(OPTIONAL_SLASH + MOUNT_TAIL)) return undefined;
  const body = part.slice(1, part.length - OPTIONAL_SLASH.length - MOUNT_TAIL.length);
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] ?? '';
    if (c === '\\') {
      const escaped = body[i + 1];
      // \/ and \. are the only escapes path-to-regexp writes itself; a user escape of another
      // punctuation character means that character literally.
      if (escaped === undefined || /[A-Za-z0-9]/.test(escaped)) return undefined;
      out += escaped;
      i += 2;
    } else if (body.startsWith('(.*)', i)) {
      out += '*';
      cursor.group++;
      i += 4;
    } else if (body.startsWith('(?:', i)) {
      const read = readParameter(body, i, keys, cursor);
      if (read === undefined) return undefined;
      out += read.text;
      i = read.end;
    } else if (SYNTAX.has(c)) {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Reads one `(?:` + `\.`? + `\/`? + capture + star? + `)` + `?`? group, the output of `:name`.
 *
 * @returns the parameter as written (`/:id`, `.:format?`, `/:id(\d+)`) and where it ends
 */
function readParameter(
  body: string,
  start: number,
  keys: readonly Express4Key[],
  cursor: { group: number },
): { text: string; end: number } | undefined {
  let i = start + 3;
  const format = body.startsWith('\\.', i);
  if (format) i += 2;
  const slash = body.startsWith('\\/', i);
  if (slash) i += 2;
  if (body[i] !== '(') return undefined;
  const close = closingParen(body, i);
  if (close === undefined) return undefined;
  const capture = body.slice(i + 1, close);
  const bare = unescapeSlashes(capture);
  i = close + 1;
  let star = false;
  if (body[i] === '(') {
    const starClose = closingParen(body, i);
    if (starClose === undefined) return undefined;
    const group = unescapeSlashes(body.slice(i, starClose + 1));
    if (group !== (format ? FORMAT_STAR_GROUP : STAR_GROUP)) return undefined;
    star = true;
    i = starClose + 1;
  }
  if (body[i] !== ')') return undefined;
  i++;
  const optional = body[i] === '?';
  if (optional) i++;
  const name = keys[cursor.group]?.name;
  if (typeof name !== 'string') return undefined;
  const plain =
    bare === (format ? FORMAT_CAPTURE : PLAIN_CAPTURE) ||
    (bare.startsWith(BACKTRACK_START) && bare.endsWith(BACKTRACK_END));
  cursor.group += 1 + (plain ? 0 : countGroups(capture)) + (star ? 1 : 0);
  const text =
    (format ? '.' : '') +
    (slash ? '/' : '') +
    ':' +
    name +
    (plain ? '' : `(${capture})`) +
    (star ? '*' : '') +
    (optional ? '?' : '');
  return { text, end: i };
}

/** `\/` as `/`, so captures compare the same whichever way the engine wrote them. */
function unescapeSlashes(source: string): string {
  return source.replaceAll('\\/', '/');
}

/** Index of the `)` closing the group that opens at `open`, skipping escapes and classes. */
function closingParen(source: string, open: number): number | undefined {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/** Capturing groups inside a user capture (`(\d+)` has none; `((a)|b)` has one). */
function countGroups(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] !== '?') count++;
  }
  return count;
}
