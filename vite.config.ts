import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { playgroundServerPlugin } from './dev-server/playgroundServerPlugin.ts';
import { securityHeadersPlugin } from './scripts/security-headers.mjs';

export default defineConfig({
  plugins: [react(), playgroundServerPlugin(), securityHeadersPlugin()],
  build: {
    target: 'es2022',
    // Every browser the es2022 target covers preloads modules natively: the polyfill would only add start-up JS.
    modulePreload: { polyfill: false },
    // Monaco (~2.7 MB, the JSON editor) is the one chunk above Vite's default 500 KB, and it loads only when the
    // editor opens. The limit sits just above it, so a bigger Monaco still warns; the start-up budget has its own
    // check (scripts/bundle-budget.mjs, part of npm test).
    chunkSizeWarningLimit: 2800,
    rolldownOptions: {
      output: {
        // Everything the first paint needs in one chunk: Rolldown would otherwise cut it into a dozen small chunks
        // (one per group of modules that lazy chunks share), which costs requests and ~4 KB gzip of the start-up budget.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  // Monaco's editor worker is bundled locally; ES-module workers allow code splitting inside them.
  worker: { format: 'es' },
});
