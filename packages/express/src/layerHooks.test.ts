import { describe, expect, it } from 'vitest';
import { EXPRESS_VERSIONS } from '../test/harness.js';
import { ensureLayerHooks, hookLayerPrototype } from './layerHooks.js';

describe.each(EXPRESS_VERSIONS)('layer hooks on $name', ({ express, major }) => {
  it('hooks the Layer prototype once, under the name this major uses', () => {
    const app = express();
    app.get('/x', () => undefined);
    expect(ensureLayerHooks(app)).toBe(true);
    const router = (app as unknown as Record<string, unknown>)[major === 4 ? '_router' : 'router'];
    const layer = (router as { stack: object[] }).stack[0]!;
    const proto = Object.getPrototypeOf(layer) as Record<string, unknown>;
    const name = major === 4 ? 'handle_request' : 'handleRequest';
    const hooked = proto[name];
    expect(typeof hooked).toBe('function');
    expect((hooked as { name: string }).name).toBe('handleRequest');
    expect(hookLayerPrototype(proto)).toBe(true);
    expect(proto[name]).toBe(hooked);
    const empty = express();
    expect(ensureLayerHooks(empty)).toBe(false);
    empty.get('/y', () => undefined);
    expect(ensureLayerHooks(empty)).toBe(true);
  });
});

describe('edge cases', () => {
  it('gives up without throwing on things that are not Express apps', () => {
    expect(ensureLayerHooks(undefined)).toBe(false);
    expect(ensureLayerHooks('app')).toBe(false);
    expect(ensureLayerHooks({})).toBe(false);
    expect(ensureLayerHooks({ router: { stack: [] } })).toBe(false);
    const throwing = {};
    Object.defineProperty(throwing, 'router', {
      get() {
        throw new Error('deprecated');
      },
    });
    expect(ensureLayerHooks(throwing)).toBe(false);
    expect(hookLayerPrototype({})).toBe(false);
  });
});
