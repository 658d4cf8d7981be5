import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every package uses: ESM + CJS + types, ES2022, tree-shakeable.
 * A package's `tsup.config.ts` calls this with its entry points.
 */
export function packageConfig(
  entry: string[] | Record<string, string> = ['src/index.ts'],
): Options {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    splitting: false,
    // import.meta.url also works in the CommonJS build (the toil worker is found next to it).
    shims: true,
  }) as Options;
}
