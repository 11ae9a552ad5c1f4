import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * The page's Content-Security-Policy. Added to the built page only: Vite's dev server
 * injects an inline script for hot reload, which this policy would block. `vite preview`
 * (and any deployment: see the README) sends it as a header too, with `frame-ancestors`,
 * which only a header can carry; the header also covers the workers' scripts.
 */
/** The sync server the app shares maps through (see src/app/share/syncServerUrl.ts). */
const SYNC_URL = process.env.VITE_SYNC_URL || 'ws://127.0.0.1:1234';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' data: blob: ${SYNC_URL} ${SYNC_URL.replace(/^ws/, 'http')}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header form: the page may not be framed by any site (clickjacking). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

function contentSecurityPolicy(): Plugin {
  return {
    name: 'leverflow-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { port: 5173 },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CSP_HEADER, 'X-Frame-Options': 'DENY' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // CI runs on a shared 2-core machine: property tests of a few hundred random maps can
    // take well over Vitest's default 5 s there. Speed is measured by `npm run bench`.
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
  },
});
