// The portal's frame: its height follows the widget's content (resizeWindow, both ways), and the
// view fits the narrowest and widest sidebar without horizontal scrolling or clipped controls.
import { test, expect } from './fixtures';
import type { PortalPage } from './pages/portal';

async function frameHeight(portal: PortalPage): Promise<number> {
  return Math.round((await portal.frameElement.boundingBox())!.height);
}

test('the frame height follows the content via resizeWindow, growing and shrinking', async ({ portal }) => {
  await portal.open('chat11', 'en', { messenger: 'classic' });
  await portal.frameSettled();
  const closed = await frameHeight(portal);
  // The portal set it on the widget's request (not by itself).
  const resizes = await portal.frameCalls('resizeWindow');
  expect(resizes.map((r) => r.params.height)).toContain(closed);

  await portal.pinAllButton.click(); // the confirmation adds a block
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
  await portal.frameSettled();
  const open = await frameHeight(portal);
  expect(open).toBeGreaterThan(closed);

  await portal.cancel();
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeHidden();
  await portal.frameSettled();
  expect(await frameHeight(portal)).toBe(closed);

  // Nothing inside the frame scrolls: everything is visible in the portal page.
  const frame = await portal.widgetFrame();
  expect(
    await frame.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight),
  ).toBe(true);
});

for (const width of [280, 400]) {
  test(`the view works in a ${width} px sidebar: no horizontal scroll, every control inside and usable`, async ({ portal }) => {
    await portal.open('chat11', 'en', { messenger: 'classic', width });
    const box = (await portal.frameElement.boundingBox())!;
    expect(Math.abs(box.width - width)).toBeLessThanOrEqual(32); // the sidebar's own padding aside
    const frame = await portal.widgetFrame();
    const layout = await frame.evaluate(() => {
      const doc = document.documentElement;
      const controls = [...document.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.textContent, left: r.left, right: r.right, width: r.width };
      });
      return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, controls };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.controls.length).toBe(4);
    for (const c of layout.controls) {
      expect(c.left, c.name!).toBeGreaterThanOrEqual(0);
      expect(c.right, c.name!).toBeLessThanOrEqual(layout.clientWidth);
    }
    // Usable, not only present.
    await portal.pinSwitch.click();
    await expect(portal.status).toHaveText(portal.t.pinned);
    await portal.unpinAllButton.click();
    await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
    await expect(portal.confirmButton).toBeInViewport();
    await expect(portal.cancelButton).toBeInViewport();
    await portal.confirm();
    await expect(portal.status).toHaveText('2 dialogs unpinned');
  });
}
