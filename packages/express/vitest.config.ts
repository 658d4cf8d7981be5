import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@nines/source'] },
  ssr: { resolve: { conditions: ['@nines/source'], externalConditions: ['@nines/source'] } },
  test: {
    name: 'express',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: '../../tsconfig.json' },
  },
});
