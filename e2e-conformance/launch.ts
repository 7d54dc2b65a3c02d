// Debian's chromium, launched as the other suites launch it (playwright.config.ts); Playwright
// never downloads a browser here.
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
