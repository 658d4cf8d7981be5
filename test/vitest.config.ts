import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nines/source'] },
  ssr: { resolve: { conditions: ['@nines/source'], externalConditions: ['@nines/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
