import { defineConfig } from '@playwright/test';
import { mockUrl, previewPort, previewUrl } from './tests/e2e/ports';

// End-to-end tests run the built app (`vite preview` on dist/, so `npm run build` first) in Debian's Chromium,
// against the project's mock Z.ai server, which tests/e2e/global-setup.ts starts on a fixed port. The preview
// server's same-origin proxy routes (/proxy/zai, /proxy/bigmodel) point at the mock, never at the real API.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  // One worker: the mock's scenario queue is shared (scenarios with a `key` allow more later).
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  // scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_FILE to count results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: previewUrl,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${previewPort} --strictPort`,
    url: previewUrl,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      GLM_PROXY_ZAI: mockUrl,
      GLM_PROXY_BIGMODEL: mockUrl,
      GLM_DEMO_DELAY_MS: '5',
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
  },
});
