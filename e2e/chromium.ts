// Debian's chromium, launched the same way by every Playwright suite here (playwright.config.ts,
// e2e-conformance/). Playwright never downloads a browser here; it adds --headless and
// --no-sandbox itself and makes its own temporary profile.
export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
