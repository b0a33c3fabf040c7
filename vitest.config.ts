import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
