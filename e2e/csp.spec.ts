// The release build carries a Content-Security-Policy (scripts/csp.mjs): only its own files,
// Trunk's loader and the catalogue prefetch by hash, wasm compilation, the official library and the portal's REST. The
// widget works under it, and a script injected into the page does not run.
import { test, expect, PORTAL } from './fixtures';

test('csp: the widget works under a policy with no unsafe-inline and no unsafe-eval', async ({ portal }) => {
  await portal.open('chat11');
  await expect(portal.pinSwitch).toBeVisible();
  const frame = await portal.widgetFrame();
  const policy = await frame.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  expect(policy).toContain("default-src 'none'");
  // Two hashes: the catalogue prefetch and Trunk's loader.
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){2} 'wasm-unsafe-eval' https:\/\/api\.bitrix24\.com;/);
  expect(policy).toContain(`connect-src 'self' ${PORTAL}`);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  // Working under it: a real write went through the portal's REST.
  await portal.pinSwitch.click();
  await portal.expectSwitch(portal.pinSwitch, true);
});

test('csp: an inline script injected into the widget page is blocked', async ({ portal, noise }) => {
  noise.allow(/^Executing inline script violates the following Content Security Policy directive/, 'the injected script this test expects CSP to block');
  await portal.open('chat11');
  await expect(portal.pinSwitch).toBeVisible();
  const frame = await portal.widgetFrame();
  const outcome = await frame.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          resolve({ ran: (window as any).__injected === 1, violated: e.violatedDirective }),
        );
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1;';
        document.body.append(s);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
  expect(await frame.evaluate(() => (window as any).__injected)).toBeUndefined();
});
