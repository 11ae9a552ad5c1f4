import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the two editor-benchmark pages (our editor, stock React Flow) in production mode
 * into bench/out, which bench/editor.bench.mjs serves to headless Chromium.
 * @example npx vite build --config bench/vite.bench.config.ts
 */
export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'bench/out',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
    rolldownOptions: {
      input: {
        ours: fileURLToPath(new URL('pages/ours.html', import.meta.url)),
        stock: fileURLToPath(new URL('pages/stock.html', import.meta.url)),
      },
    },
  },
});
