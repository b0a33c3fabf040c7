import { defineConfig } from 'vitest/config';

// The browser test of the dashboard: `npm run e2e` (separate from `npm test`: it needs
// Debian's chromium and takes about a minute).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/e2e-results.json' },
  },
});
