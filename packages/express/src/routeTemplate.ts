import { express4MountPath, type Express4Key } from './express4Path.js';

/**
 * The parts of an Express layer this adapter reads: Express 4.x (`lib/router/layer.js`) and
 * router 2.x (Express 5). Internal; every field is optional because it is read defensively.
 */
export interface ExpressLayer {
  /** Set on the layer of `router.route(path)` / `app.get(path, ...)`; `undefined` on `use` layers. */
  route?: { readonly path?: unknown } | null | undefined;
  /** Own property on the handler layers inside a route (`undefined` for `.all()`). */
  method?: string | undefined;
  /** router 2.x: the registered path (string, RegExp or flattened array). */
  rawPath?: unknown;
  /** router 2.x: `use('/')`, which matches everything and strips nothing. */
  slash?: boolean;
  /** Express 4: the compiled path (`fast_slash` for `use('/')`, `fast_star` for `'*'`). */
  regexp?: RegExp & { fast_slash?: boolean; fast_star?: boolean };
  /** Express 4: the names of the groups of `regexp`. */
  keys?: readonly Express4Key[];
  [TEMPLATES]?: TemplateCache;
}

/** Where each layer keeps its fragment and the templates joined from it. */
export const TEMPLATES: unique symbol = Symbol('@nines/express templates');

/** Joined templates kept per layer beyond the last one; more are joined without caching. */
const MAX_PREFIXES_PER_LAYER = 64;

/**
 * A layer's template fragment and the templates joined from it, cached on the layer so a request
 * builds no string: routes and mounts are few and fixed, prefixes come from the app's own
 * layers, never from the request, so the cache is bounded by the app's structure.
 */
export class TemplateCache {
  #lastPrefix: string | undefined = undefined;
  #lastValue = '';
  #others: Map<string, string> | undefined = undefined;

  /**
   * @param fragment - the layer's own part of the template
   * @param route - whether the layer is a route (joined by {@link joinRoute}) or a mount
   */
  constructor(
    readonly fragment: string,
    readonly route: boolean,
  ) {}

  /**
   * @param prefix - the template of the routers above the layer
   * @returns the joined template, the same string object for the same prefix
   */
  join(prefix: string): string {
    if (prefix === this.#lastPrefix) return this.#lastValue;
    let value = this.#others?.get(prefix);
    if (value === undefined) {
      value = this.route ? joinRoute(prefix, this.fragment) : prefix + this.fragment;
      this.#others ??= new Map();
      if (this.#others.size < MAX_PREFIXES_PER_LAYER) this.#others.set(prefix, value);
    }
    this.#lastPrefix = prefix;
    this.#lastValue = value;
    return value;
  }
}

/**
 * The template cache of a layer, computed on first sight.
 *
 * @param layer - a layer of an Express router (or of a route's stack)
 * @returns its cache
 * @example
 * ```ts
 * templatesOf({ route: { path: '/users/:id' } }).join('/api'); // '/api/users/:id'
 * ```
 */
export function templatesOf(layer: ExpressLayer): TemplateCache {
  let cache = layer[TEMPLATES];
  if (cache === undefined) {
    const route = layer.route;
    cache =
      route !== undefined && route !== null
        ? new TemplateCache(pathText(route.path), true)
        : new TemplateCache(mountFragment(layer), false);
    layer[TEMPLATES] = cache;
  }
  return cache;
}

/**
 * A path as registered, as text: strings as written, a RegExp as `String(re)`, an array as its
 * items joined with `,` in registration order (instrumentation-express does the same; REFERENCE.md
 * §11.1 #14). Deterministic, so one registration always yields one template.
 *
 * @param path - `route.path`, a router 2.x `rawPath`, or an item of either
 * @returns the text
 * @example
 * ```ts
 * pathText(['/a', '/b']); // '/a,/b'
 * pathText(/^\/re\/(\d+)$/); // '/^\\/re\\/(\\d+)$/'
 * ```
 */
export function pathText(path: unknown): string {
  if (typeof path === 'string') return path;
  if (Array.isArray(path)) return path.map((item) => pathText(item)).join(',');
  return String(path);
}

/**
 * The part of the template a `use` layer adds for everything below it: its registered path
 * without the trailing slash Express ignores, and nothing for the root (`use(fn)`,
 * `use('/', fn)`).
 *
 * @param layer - a `use` layer (middleware, router or mounted app)
 * @returns the fragment (`''`, `'/api'`, `'/orgs/:orgId'`)
 * @example
 * ```ts
 * mountFragment({ rawPath: '/orgs/:orgId/', slash: false }); // '/orgs/:orgId' (router 2.x layer)
 * mountFragment({ rawPath: '/', slash: true }); // ''
 * ```
 */
export function mountFragment(layer: ExpressLayer): string {
  if ('rawPath' in layer) {
    if (layer.slash === true) return '';
    const raw = layer.rawPath;
    if (Array.isArray(raw)) return raw.map((item) => trimSlashes(item)).join(',');
    return trimSlashes(raw);
  }
  const regexp = layer.regexp;
  if (regexp === undefined) return '';
  if (regexp.fast_slash === true) return '';
  if (regexp.fast_star === true) return '*';
  return express4MountPath(regexp, layer.keys ?? []);
}

function trimSlashes(path: unknown): string {
  if (typeof path !== 'string') return pathText(path);
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return end === path.length ? path : path.slice(0, end);
}

/**
 * Joins the routers' prefix and a route's path: `/` under a prefix is the prefix itself (the
 * route answers `/api` and `/api/`), the root alone stays `/`, and a path that does not start
 * with `/` (Express 4's `'*'`) gets one.
 *
 * @param prefix - the template of the routers above (`''` at the app)
 * @param path - the route's path as text
 * @returns the full template
 * @example
 * ```ts
 * joinRoute('/api', '/users/:id'); // '/api/users/:id'
 * joinRoute('/api', '/'); // '/api'
 * joinRoute('', '/'); // '/'
 * ```
 */
export function joinRoute(prefix: string, path: string): string {
  if (path === '/' || path === '') return prefix === '' ? '/' : prefix;
  if (prefix === '' || path.startsWith('/')) return prefix + path;
  return `${prefix}/${path}`;
}
