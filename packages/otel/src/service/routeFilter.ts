/** Decides whether a route template is excluded; compiled once. */
export type RouteFilter = (route: string) => boolean;

/** Cached decisions per route string at most; past it, the patterns are tested directly. */
const MAX_CACHED_ROUTES = 1000;

/**
 * Compiles `excludeRoutes` into one predicate over route templates. Strings match the template
 * exactly; a RegExp is tested as given (anchor it yourself: `/^\/internal\//`), with its `g` and
 * `y` flags dropped so `lastIndex` never makes a test depend on the previous one. Decisions are
 * cached per route (up to 1000 routes), so the request path usually pays one `Map.get`.
 *
 * @param patterns - the templates and patterns to exclude
 * @returns the predicate, or `undefined` when nothing is excluded
 * @example
 * ```ts
 * const excluded = compileRouteFilter(['/metrics', /^\/health/]);
 * excluded?.('/healthz'); // true
 * ```
 */
export function compileRouteFilter(
  patterns: readonly (string | RegExp)[],
): RouteFilter | undefined {
  if (patterns.length === 0) return undefined;
  const exact = new Set<string>();
  const regexes: RegExp[] = [];
  for (const pattern of patterns) {
    if (typeof pattern === 'string') exact.add(pattern);
    else regexes.push(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
  }
  if (regexes.length === 0) return (route) => exact.has(route);
  const cache = new Map<string, boolean>();
  const test = (route: string): boolean =>
    exact.has(route) || regexes.some((regex) => regex.test(route));
  return (route) => {
    const known = cache.get(route);
    if (known !== undefined) return known;
    const excluded = test(route);
    if (cache.size < MAX_CACHED_ROUTES) cache.set(route, excluded);
    return excluded;
  };
}
