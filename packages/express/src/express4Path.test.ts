import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { express4MountPath, type Express4Key } from './express4Path.js';

/** Express 4's own compiler (path-to-regexp 0.1.x), loaded from express4's dependencies. */
const requireFromExpress4 = createRequire(createRequire(import.meta.url).resolve('express4'));
const pathToRegexp = requireFromExpress4('path-to-regexp') as (
  path: string | RegExp | (string | RegExp)[],
  keys: Express4Key[],
  options: { sensitive?: boolean; strict?: boolean; end?: boolean },
) => RegExp;

/** Compiles as `router.use(path)` does (express lib/router/index.js: strict false, end false). */
function mount(path: string | RegExp | (string | RegExp)[]): string {
  const keys: Express4Key[] = [];
  const regexp = pathToRegexp(path, keys, { sensitive: false, strict: false, end: false });
  return express4MountPath(regexp, keys);
}

describe('express4MountPath', () => {
  // Each row: what the app registered, what the template reads. Source: path-to-regexp 0.1.13
  // index.js (the shapes it writes), REFERENCE.md §5.8 (Express 4 layers keep regexp/keys only).
  const rows: [registered: string | (string | RegExp)[], template: string][] = [
    ['/', ''],
    ['', ''],
    ['/api', '/api'],
    ['/api/', '/api'],
    ['/api/v1/users', '/api/v1/users'],
    ['/orgs/:orgId', '/orgs/:orgId'],
    ['/orgs/:orgId/teams/:teamId', '/orgs/:orgId/teams/:teamId'],
    ['/a/:b?', '/a/:b?'],
    ['/files/*', '/files/*'],
    ['/:from-:to', '/:from-:to'],
    ['/x.json', '/x.json'],
    ['/u/:id(\\d+)', '/u/:id(\\d+)'],
    ['/:a(foo|bar)/x', '/:a(foo|bar)/x'],
    ['/v/:file.:ext', '/v/:file.:ext'],
    ['/f/:name.:format?', '/f/:name.:format?'],
    ['/p/:path*', '/p/:path*'],
    ['/ü/ñ', '/ü/ñ'],
    ['/with space', '/with space'],
    [['/v1', '/v2/:id'], '/v1,/v2/:id'],
  ];

  it.each(rows)('reads %j back as %j', (registered, template) => {
    expect(mount(registered)).toBe(template);
  });

  it('falls back to String(regexp) for what it cannot read exactly', () => {
    const keys: Express4Key[] = [];
    const unnamed = pathToRegexp('/a/(\\d+)', keys, { end: false });
    expect(express4MountPath(unnamed, keys)).toBe(String(unnamed));
    const user = /^\/re\/(\d+)/i;
    expect(mount(user)).toBe(String(user));
    const plus = pathToRegexp('/a+b', [], { end: false });
    expect(express4MountPath(plus, [])).toBe(String(plus));
    expect(mount(['/ok', /^\/re/])).toBe(
      String(pathToRegexp(['/ok', /^\/re/], [], { end: false })),
    );
  });

  it('round-trips any path of static segments and named parameters (property)', () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[a-z0-9_~-]{1,8}$/).map((text) => `/${text}`),
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/).map((name) => `/:${name}`),
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/).map((name) => `/:${name}?`),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = segments.join('');
        const names = segments.filter((one) => one.startsWith('/:'));
        fc.pre(new Set(names.map((one) => one.replace('?', ''))).size === names.length);
        expect(mount(path)).toBe(path);
      }),
    );
  });

  describe('edge cases', () => {
    it('does not read a source without the mount tail', () => {
      const ending = pathToRegexp('/api', [], { end: true });
      expect(express4MountPath(ending, [])).toBe(String(ending));
    });

    it('does not trust keys that do not line up with the groups', () => {
      const keys: Express4Key[] = [];
      const regexp = pathToRegexp('/orgs/:orgId', keys, { end: false });
      expect(express4MountPath(regexp, [])).toBe(String(regexp));
      expect(express4MountPath(regexp, [{ name: 0 }])).toBe(String(regexp));
    });

    it('refuses letters escaped as classes (\\d) in literal text', () => {
      expect(express4MountPath(/^\/a\d\/?(?=\/|$)/i, [])).toBe(String(/^\/a\d\/?(?=\/|$)/i));
    });
  });
});
