import { describe, expect, it } from 'vitest';
import { compileRouteFilter } from './routeFilter.js';

describe('compileRouteFilter', () => {
  // [route, excluded?, why]
  const rows: [string, boolean, string][] = [
    ['/metrics', true, 'exact template'],
    ['/metrics/', false, 'strings match exactly'],
    ['/health', true, 'RegExp'],
    ['/healthz', true, 'RegExp, unanchored end'],
    ['/api/health', false, 'RegExp anchored with ^ by the user'],
    ['/users/:id', false, 'not listed'],
  ];
  const excluded = compileRouteFilter(['/metrics', /^\/health/g]);
  it.each(rows)('%s → %s (%s)', (route, expected) => {
    // Twice: the g flag must not make the second test depend on the first (lastIndex).
    expect(excluded?.(route)).toBe(expected);
    expect(excluded?.(route)).toBe(expected);
  });

  it('is undefined when nothing is excluded (no cost per request)', () => {
    expect(compileRouteFilter([])).toBeUndefined();
  });

  it('edge case: stays correct past its decision cache', () => {
    const filter = compileRouteFilter([/^\/x\//]);
    for (let i = 0; i < 1500; i++) expect(filter?.(`/x/${String(i)}`)).toBe(true);
    expect(filter?.('/y/1')).toBe(false);
  });
});
