// Shared fixture for the widget's end-to-end specs.
//
// Every test gets, automatically:
// - the official library URL (https://api.bitrix24.com/api/v1/, unreachable here) served from
//   the sandbox's stand-in, routed on the browser context so it applies inside the portal's
//   cross-origin frame too (and to a top-level app page);
// - a sandbox reset to the seed data before it starts;
// - a watch on console errors and page errors of every frame: any one the test did not allow
//   (with a reason) fails the test.
import { test as base, expect } from '@playwright/test';
import { PortalPage } from './pages/portal';

export const PORTAL = 'http://127.0.0.1:18090';
export const APP = 'http://127.0.0.1:18080';
/** The page's own live regions (each row of the operator's list has a pair of its own). */
export const PAGE_STATUS = '#olm-root > [role=status]';
export const PAGE_ALERT = '#olm-root > [role=alert]';
/** The library URL in the release build's index.html. */
export const LIBRARY = /^https:\/\/api\.bitrix24\.com\/api\/v1\//;

/** One console message or uncaught error seen in any frame. */
export interface NoiseEntry {
  kind: 'console.error' | 'console.warning' | 'pageerror';
  text: string;
  url: string;
}

/** What the browser said during the test. */
export interface Noise {
  /** Lets console errors / page errors matching `pattern` pass; `reason` says why they are expected. */
  allow(pattern: RegExp, reason: string): void;
  /** Everything seen so far (errors, warnings, page errors). */
  entries(): NoiseEntry[];
  /** Console errors and page errors seen so far that no `allow` covers (what fails the test). */
  unexpected(): NoiseEntry[];
}

type Fixtures = {
  noise: Noise;
  portal: PortalPage;
  sandboxReady: void;
};

export const test = base.extend<Fixtures>({
  sandboxReady: [
    async ({ context, request }, use) => {
      await context.route(LIBRARY, async (route) => {
        const response = await route.fetch({ url: `${PORTAL}/api/v1/` });
        await route.fulfill({ response, contentType: 'text/javascript; charset=utf-8' });
      });
      const reset = await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
      expect(reset.ok(), 'sandbox reset').toBe(true);
      await use();
    },
    { auto: true },
  ],

  noise: [
    async ({ context }, use) => {
      const seen: NoiseEntry[] = [];
      const allowed: { pattern: RegExp; reason: string }[] = [];
      context.on('console', (msg) => {
        const type = msg.type();
        if (type === 'error' || type === 'warning') {
          seen.push({ kind: type === 'error' ? 'console.error' : 'console.warning', text: msg.text(), url: msg.location().url });
        }
      });
      context.on('weberror', (e) => {
        seen.push({ kind: 'pageerror', text: e.error().message, url: e.page()?.url() ?? '' });
      });
      const unexpected = () =>
        seen.filter((e) => e.kind !== 'console.warning' && !allowed.some((a) => a.pattern.test(e.text)));
      await use({
        allow(pattern, reason) {
          if (!reason.trim()) throw new Error('noise.allow needs a reason');
          allowed.push({ pattern, reason });
        },
        entries: () => [...seen],
        unexpected,
      });
      expect(unexpected(), 'console errors and page errors nobody expected').toEqual([]);
    },
    { auto: true },
  ],

  portal: async ({ page, request }, use) => {
    await use(new PortalPage(page, request));
  },
});

export { expect };

/** Chromium logs every HTTP error answer of an XHR as a console error. */
/** The library's own throw on a 5xx or a network error (it never calls back then). */
export function allowQueryError(noise: Noise, on: string) {
  noise.allow(
    /^(Uncaught )?Query error!$/,
    `the library throws in its XHR handler on ${on} and never calls back (docs/bitrix24.md §4.4)`,
  );
}

export function allowHttpStatus(noise: Noise, status: number, reason: string) {
  noise.allow(new RegExp(`Failed to load resource: the server responded with a status of ${status}\\b`), reason);
}
