import { defineConfig } from '@playwright/test';
import { LAUNCH } from './e2e/chromium';

// The stand-in library against the recording of the official one (e2e-conformance/). No web
// server: every case starts its own loopback servers (e2e-conformance/observe.ts), all of them
// in global setup, many at once; the specs then compare each case with the recording.
export default defineConfig({
  testDir: 'e2e-conformance',
  outputDir: 'test-results/conformance',
  globalSetup: './e2e-conformance/global-setup.ts',
  globalTeardown: './e2e-conformance/global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  globalTimeout: 600_000,
  reporter: [['list']],
  use: { launchOptions: LAUNCH, trace: 'off' },
});
