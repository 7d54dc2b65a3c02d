// Screenshots of the widget in a 320 px sidebar, saved as test artifacts for a person to look at:
// default, busy (a write in flight), error (a refusal with Try again) and the dark scheme.
import { test, expect, allowHttpStatus } from './fixtures';
import type { TestInfo } from '@playwright/test';
import type { PortalPage } from './pages/portal';
import { EN } from './texts';

async function shoot(portal: PortalPage, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-320.png`);
  await portal.frameElement.screenshot({ path });
  await testInfo.attach(`${name}-320`, { path, contentType: 'image/png' });
  const box = (await portal.frameElement.boundingBox())!;
  expect(Math.round(box.width)).toBeLessThanOrEqual(320);
  return path;
}

/** The widget's page background, as the browser computed it inside the frame. */
async function background(portal: PortalPage): Promise<number[]> {
  const frame = await portal.widgetFrame();
  const css = await frame.evaluate(() => {
    const root = document.getElementById('olm-root')!;
    for (let el: Element | null = root; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  });
  return (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
}

test('visual: default view at 320 px', async ({ portal }, testInfo) => {
  await portal.open('chat12', 'en', { messenger: 'classic', width: 320 });
  await expect(portal.status).toHaveText('');
  await shoot(portal, testInfo, 'default');
  const [r, g, b] = await background(portal);
  expect(r + g + b).toBeGreaterThan(600); // light
});

test('visual: busy (a pin in flight) at 320 px', async ({ portal }, testInfo) => {
  await portal.open('chat11', 'en', { messenger: 'classic', width: 320 });
  await portal.scenario({ latency_ms: 3000 });
  await portal.pinSwitch.click();
  await expect(portal.pinSwitch).toHaveAttribute('aria-busy', 'true');
  await shoot(portal, testInfo, 'busy');
  await expect(portal.status).toHaveText(portal.t.pinned, { timeout: 15_000 });
});

test('visual: error (a refusal with Try again) at 320 px', async ({ portal, noise }, testInfo) => {
  allowHttpStatus(noise, 400, 'the empty-error refusal is an HTTP 400');
  await portal.open('chat11', 'en', { messenger: 'classic', width: 320 });
  await portal.patchChat(11, { operator: 2 });
  await portal.pinSwitch.click();
  await expect(portal.alert).toContainText(EN.notOperator);
  await expect(portal.tryAgainButton).toBeVisible();
  await shoot(portal, testInfo, 'error');
});

test('visual: dark scheme at 320 px', async ({ page, portal }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await portal.open('chat13', 'en', { messenger: 'classic', width: 320 });
  await shoot(portal, testInfo, 'dark');
  const [r, g, b] = await background(portal);
  expect(r + g + b).toBeLessThan(200); // the frame follows the operator's dark scheme
});

test('visual: Arabic is right to left, the switch mirrored, at 320 px', async ({ portal }, testInfo) => {
  await portal.open('chat11', 'ar', { messenger: 'classic', width: 320 });
  const frame = await portal.widgetFrame();
  const geometry = () =>
    frame.evaluate(() => {
      const sw = document.querySelector('[role=switch]')!;
      const box = (el: Element) => el.getBoundingClientRect();
      const [b, track, thumb] = [sw, sw.querySelector('.olm-switch__track')!, sw.querySelector('.olm-switch__thumb')!].map(box);
      return {
        checked: sw.getAttribute('aria-checked'),
        trackAtRight: Math.round(b.right - track.right),
        thumbFromTrackRight: Math.round(track.right - thumb.right),
        thumbFromTrackLeft: Math.round(thumb.left - track.left),
        hintRightOfLabelStart: Math.round(b.right - box(document.getElementById(sw.id + '-hint')!).right),
      };
    });
  // Off: the track is at the inline start (the right), the thumb at its right end.
  const off = await geometry();
  expect(off.checked).toBe('false');
  expect(off.trackAtRight).toBeLessThanOrEqual(1);
  expect(off.thumbFromTrackRight).toBe(2);
  // The hint is indented from the right, under the label.
  expect(off.hintRightOfLabelStart).toBe(44);
  await shoot(portal, testInfo, 'rtl-off');
  await portal.pinSwitch.click();
  await portal.expectSwitch(portal.pinSwitch, true);
  // On: the thumb has moved to the inline end (the left).
  await expect.poll(async () => (await geometry()).thumbFromTrackLeft).toBe(2);
  await shoot(portal, testInfo, 'rtl-on');
});
