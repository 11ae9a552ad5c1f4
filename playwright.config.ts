import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

/** E2E_PORT lets several checkouts run their end-to-end tests side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The sync server the sharing specs start (the build points the app at it). */
export const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? 4600 + (PORT % 100));

/** End-to-end tests run Debian's Chromium against the production build (with its CSP). */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(['--disable-quic']),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    env: { VITE_SYNC_URL: `ws://127.0.0.1:${SYNC_PORT}` },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
