import { defineConfig } from 'vitest/config';

// The package as users get it: `npm run test:package` packs the tarball, installs it into fresh
// projects outside the repository (plain Node, CommonJS, strict TypeScript, a Vite app in
// headless Chromium) and runs publint and arethetypeswrong on it. Separate from `npm test`: it
// needs the npm registry (or npm's cache), Debian's chromium, and about two minutes.
export default defineConfig({
  test: {
    include: ['spec/package/**/*.package.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: ['spec/package/packTarball.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/package-results.json' },
  },
});
