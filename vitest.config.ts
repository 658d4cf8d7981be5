import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@nines/source'] },
  test: {
    projects: ['packages/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
