import { defineConfig } from '@playwright/test';

// Smoke tests of the built Electron app through Playwright's _electron. They need an Electron
// binary; where none is installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test skips with the
// reason printed in the report and on stderr — never a silent pass.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
