import { defineConfig } from '@playwright/test';
import { LAUNCH } from './e2e/chromium';

// The release build (dist/) is served by the sandbox's app origin and framed by its portal page
// on another origin, like a real portal. Ports differ from the serve command's, so both can run.
export const PORTAL = 'http://127.0.0.1:18090';
export const APP = 'http://127.0.0.1:18080';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One portal, one state: specs reset it and run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: PORTAL,
    // Debian's chromium; Playwright never downloads a browser here.
    launchOptions: LAUNCH,
    trace: 'off',
  },
  webServer: {
    command: `target/debug/sandbox --portal 127.0.0.1:18090 --app 127.0.0.1:18080 --app-dir dist`,
    url: `${PORTAL}/sandbox/state`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
