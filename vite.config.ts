// Vite config of the dashboard (dashboard/): `npm run dashboard` builds it into out/dashboard
// and serves it; `npm run dashboard:dev` serves it with hot reload. Vitest has its own config.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./dashboard', import.meta.url)),
  base: './',
  resolve: {
    // The page imports the library as a user would: `import { fit } from 'rxgrad'`.
    alias: [
      { find: /^rxgrad$/, replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)) },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./out/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
