import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@nines/source'] },
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
