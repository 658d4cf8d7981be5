import { describe, expect, it } from 'vitest';
import { EXPRESS_VERSIONS } from '../test/harness.js';
import {
  TemplateCache,
  joinRoute,
  mountFragment,
  pathText,
  templatesOf,
  type ExpressLayer,
} from './routeTemplate.js';

describe('pathText', () => {
  // REFERENCE.md §11.1 #14 (instrumentation-express utils.ts L182-204: `a,b`, String(re)).
  const rows: [path: unknown, text: string][] = [
    ['/users/:id', '/users/:id'],
    [['/a', '/b'], '/a,/b'],
    [['/a', ['/b', '/c']], '/a,/b,/c'],
    [/^\/re\/(\d+)$/, '/^\\/re\\/(\\d+)$/'],
    [['/a', /^\/b/], '/a,/^\\/b/'],
    ['/{*splat}', '/{*splat}'],
  ];
  it.each(rows)('%j reads %j', (path, text) => {
    expect(pathText(path)).toBe(text);
  });
});

describe('joinRoute', () => {
  const rows: [prefix: string, path: string, template: string][] = [
    ['', '/users/:id', '/users/:id'],
    ['/api', '/users/:id', '/api/users/:id'],
    ['/api', '/', '/api'],
    ['', '/', '/'],
    ['', '', '/'],
    ['/api', '*', '/api/*'],
    ['', '*', '*'],
    ['/orgs/:orgId', '/{*splat}', '/orgs/:orgId/{*splat}'],
  ];
  it.each(rows)('%j + %j = %j', (prefix, path, template) => {
    expect(joinRoute(prefix, path)).toBe(template);
  });
});

describe.each(EXPRESS_VERSIONS)('mountFragment on $name layers', ({ express, major }) => {
  /** The layer `router.use(path, fn)` creates. */
  function useLayer(path?: string | string[]): ExpressLayer {
    const router = express.Router();
    const noop = (): void => undefined;
    if (path === undefined) router.use(noop);
    else router.use(path, noop);
    return (router as unknown as { stack: ExpressLayer[] }).stack[0]!;
  }

  const rows: [registered: string | string[] | undefined, fragment: string][] = [
    [undefined, ''],
    ['/', ''],
    ['/api', '/api'],
    ['/api/', '/api'],
    ['/orgs/:orgId', '/orgs/:orgId'],
    [['/v1', '/v2'], '/v1,/v2'],
  ];
  it.each(rows)('use(%j) adds %j', (registered, fragment) => {
    expect(mountFragment(useLayer(registered))).toBe(fragment);
  });

  it('reads a route layer through route.path', () => {
    const router = express.Router();
    router.get(major === 5 ? '/files/*splat' : '/files/*', () => undefined);
    const layer = (router as unknown as { stack: ExpressLayer[] }).stack[0]!;
    const templates = templatesOf(layer);
    expect(templates.route).toBe(true);
    expect(templates.join('/api')).toBe(major === 5 ? '/api/files/*splat' : '/api/files/*');
  });
});

describe('TemplateCache', () => {
  it('returns the same string object for the same prefix, so lookups hash once', () => {
    const cache = new TemplateCache('/users/:id', true);
    const first = cache.join('/api');
    expect(cache.join('/v2')).toBe('/v2/users/:id');
    expect(cache.join('/api')).toBe(first);
    expect(Object.is(cache.join('/api'), first)).toBe(true);
  });

  it('keeps joining correctly past its bound', () => {
    const cache = new TemplateCache('/x', false);
    for (let i = 0; i < 200; i++) expect(cache.join(`/p${i}`)).toBe(`/p${i}/x`);
    expect(cache.join('/p3')).toBe('/p3/x');
  });

  describe('edge cases', () => {
    it('treats a layer without a path as the root', () => {
      expect(mountFragment({})).toBe('');
    });

    it('caches the fragment on the layer once', () => {
      const layer: ExpressLayer = { route: { path: '/a' } };
      expect(templatesOf(layer)).toBe(templatesOf(layer));
    });
  });
});
