// The release build loads inside the portal's cross-origin frame with the official library URL
// and says nothing on the console: no error, no page error (the fixture checks those), and no
// warning from the widget either.
import { test, expect, APP, PORTAL } from './fixtures';

for (const messenger of ['current', 'classic'] as const) {
  test(`the release build loads in the portal frame with a clean console (${messenger} messenger)`, async ({ portal, noise }) => {
    await portal.open('chat11', 'en', { messenger });
    await expect(portal.heading).toHaveText(portal.t.title);
    // The live regions are there from the start, and empty.
    await expect(portal.alert).toHaveText('');
    await expect(portal.status).toHaveText('');

    // Cross-origin, like a real portal: the frame is the app origin, the page the portal origin.
    const frame = await portal.widgetFrame();
    expect(new URL(frame.url()).origin).toBe(APP);
    expect(new URL(portal.page.url()).origin).toBe(PORTAL);
    // The library the page loaded is the one index.html names, not a dev fallback.
    const scripts = await frame.evaluate(() => [...document.scripts].map((s) => s.src));
    expect(scripts).toContain('https://api.bitrix24.com/api/v1/');
    expect(await frame.evaluate(() => typeof (window as any).BX24)).toBe('object');

    // The first read went through the portal's REST. In the sidebar the frame sized itself; the
    // popup above the chat input has its bound size, which the widget never asks to change.
    await expect.poll(async () => (await portal.calls('batch')).length).toBeGreaterThan(0);
    if (messenger === 'classic') {
      await expect.poll(async () => (await portal.frameCalls('resizeWindow')).length).toBeGreaterThan(0);
    } else {
      await expect(portal.popup).toHaveCSS('height', '540px');
      expect(await portal.frameCalls('resizeWindow')).toEqual([]);
    }
    // Not even a warning, except Chromium's notice about the integrity attribute trunk puts on its
    // `<link rel="preload" as="fetch">` of the wasm (the browser's remark on index.html, not the widget's).
    const trunkPreload = /^The `integrity` attribute is currently ignored for preload destinations/;
    expect(noise.entries().filter((e) => !trunkPreload.test(e.text))).toEqual([]);
  });
}
