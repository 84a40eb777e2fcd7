import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';

// End-to-end tests of the real renderer in Debian's Chromium against the harness (real services,
// real keychain via scripts/with-secret-service.sh). Playwright's own browser downloads are not
// used: they cannot be fetched here, and Debian's Chromium is what CI installs.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 520, height: 760 },
    trace: 'retain-on-failure',
  },
});
