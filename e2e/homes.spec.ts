// Where the operator finds the widget (docs/bitrix24.md §3 "Where the messenger shows each
// placement"): in the current messenger an open-line chat's sidebar has no Applications block,
// and the widget opens from the apps panel above the chat input in a popup of its bound size
// (IM_TEXTAREA); in the classic messenger it sits in the sidebar (IM_SIDEBAR). The widget is the
// same in both, knows its home from BX24.placement.info(), never resizes the popup, and fits it
// in every language in every state.
import type { Frame } from '@playwright/test';
import { test, expect, allowHttpStatus } from './fixtures';
import type { PortalPage } from './pages/portal';
import { IDS, catalogue, type Lang } from './texts';

/** The popup's size as the install binds it (docs/install.md). */
const WIDTH = 400;
const HEIGHT = 540;

/** What the popup's page looks like: its size, whether anything overflows, and the buttons that
 *  are not entirely inside it. */
async function fit(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.getElementById('olm-root')!;
    const doc = document.documentElement;
    const outside = [...document.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length > 0)
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth;
      })
      .map((b) => b.textContent);
    return {
      width: innerWidth,
      height: innerHeight,
      overflowY: Math.max(root.scrollHeight - root.clientHeight, doc.scrollHeight - doc.clientHeight),
      overflowX: doc.scrollWidth - doc.clientWidth,
      outside,
      lang: root.getAttribute('lang'),
      dir: root.getAttribute('dir'),
    };
  });
}

async function expectFitsPopup(portal: PortalPage, state: string, lang: Lang) {
  const f = await fit(await portal.widgetFrame());
  expect([f.width, f.height], `${lang} ${state}: the bound size`).toEqual([WIDTH, HEIGHT]);
  expect(f.overflowY, `${lang} ${state}: scrolls`).toBe(0);
  expect(f.overflowX, `${lang} ${state}: scrolls sideways`).toBe(0);
  expect(f.outside, `${lang} ${state}: controls not fully visible`).toEqual([]);
  expect(f.dir, `${lang} ${state}`).toBe(lang === 'ar' ? 'rtl' : 'ltr');
}

test('current messenger: no Applications block in the sidebar; the widget opens above the input and works', async ({
  portal,
  page,
}) => {
  await portal.open('chat11', 'en', { ready: false });
  // The sidebar of an open-line chat has the chat, info and files blocks, and no apps.
  const sidebar = page.getByRole('complementary', { name: 'Chat sidebar' });
  await expect(sidebar.getByRole('region', { name: 'Info' })).toBeVisible();
  await expect(sidebar.getByRole('region', { name: 'Applications' })).toHaveCount(0);
  // The apps panel lists it beside another app; it opened in a popup of its bound size.
  await expect(portal.appsPanel.getByRole('button', { name: 'Dialog modes' })).toHaveAttribute('aria-expanded', 'true');
  await expect(portal.appsPanel.getByRole('button', { name: 'Quick replies' })).toBeVisible();
  await expect(portal.popup).toHaveCSS('width', `${WIDTH}px`);
  await expect(portal.popup).toHaveCSS('height', `${HEIGHT}px`);
  await portal.expectSwitch(portal.pinSwitch, false);
  // It knows its home from the portal: the same handler URL serves both homes.
  const frame = await portal.widgetFrame();
  expect(await frame.evaluate(() => (window as any).BX24.placement.info())).toEqual({
    placement: 'IM_TEXTAREA',
    options: { dialogId: 'chat11' },
  });

  // One read of the true state, one write, the state read again, the status said.
  expect((await portal.calls()).map((c) => c.method)).toEqual(['batch']);
  await portal.pinSwitch.click();
  await expect(portal.status).toHaveText(portal.t.pinned);
  await portal.expectSwitch(portal.pinSwitch, true);
  expect((await portal.chat(11)).pinned).toBe(true);
  expect((await portal.writes()).map((w) => [w.method, w.params.ACTIVATE])).toEqual([
    ['imopenlines.session.mode.pin', 'Y'],
  ]);
  // The popup keeps its size: the widget never asked the portal to resize it.
  await portal.pinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
  await portal.cancel();
  expect(await portal.frameCalls('resizeWindow')).toEqual([]);
  await expect(portal.popup).toHaveCSS('height', `${HEIGHT}px`);

  // A click outside closes the popup and its frame; opened again, the widget reads the true
  // state anew.
  await page.getByRole('heading', { name: 'Open lines' }).click();
  await expect(portal.popup).toHaveCount(0);
  await expect(page.locator('#app-frame')).toHaveCount(0);
  await portal.patchChat(11, { pinned: false });
  await portal.openFromInput();
  await portal.expectSwitch(portal.pinSwitch, false);
});

for (const messenger of ['current', 'classic'] as const) {
  test(`the state is read while the wasm loads, and that one batch is what the widget shows (${messenger})`, async ({ portal }) => {
    await portal.open('chat12', 'en', { messenger });
    const frame = await portal.widgetFrame();
    const seen = await frame.evaluate(() => ({
      early: performance.getEntriesByName('olm-early-read', 'mark').length,
      shown: performance.getEntriesByName('olm-state-shown', 'mark').length,
      batches: performance.getEntriesByType('resource').filter((e) => e.name.includes('/rest/batch')).length,
    }));
    // index.html's early read was taken by the adapter (it asked exactly what the widget asks),
    // and no second read went out.
    expect(seen).toEqual({ early: 1, shown: 1, batches: 1 });
    const batches = await portal.calls('batch');
    expect(batches).toHaveLength(1);
    const { auth, ...params } = batches[0].params;
    expect(params).toEqual({
      halt: '0',
      cmd: { dialog: 'imopenlines.dialog.get?DIALOG_ID=chat12', me: 'profile?' },
    });
    await portal.expectSwitch(portal.pinSwitch, true);
  });
}

test('classic messenger: the widget sits in the sidebar Applications block and follows its content', async ({
  portal,
  page,
}) => {
  await portal.open('chat11', 'en', { messenger: 'classic' });
  await expect(page.getByRole('region', { name: 'Applications' }).locator('#app-frame')).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Applications' })).toHaveCount(0);
  const frame = await portal.widgetFrame();
  expect(await frame.evaluate(() => (window as any).BX24.placement.info())).toEqual({
    placement: 'IM_SIDEBAR',
    options: { dialogId: 'chat11' },
  });
  await portal.whisperSwitch.click();
  await expect(portal.status).toHaveText(portal.t.whisperOn);
  expect((await portal.chat(11)).whisper).toBe(true);
  await expect.poll(async () => (await portal.frameCalls('resizeWindow')).length).toBeGreaterThan(0);
});

test('a group chat offers the widget in neither messenger (the binding says open lines only)', async ({ portal, page }) => {
  await portal.open('chat16', 'en', { ready: false, messenger: 'classic' });
  await expect(page.locator('#app-frame')).toHaveCount(0);
  await page.goto('/?dialog=chat16&messenger=current');
  await portal.appsButton.click();
  await expect(portal.appsPanel.getByRole('button', { name: 'Quick replies' })).toBeVisible();
  await expect(portal.appsPanel.getByRole('button', { name: 'Dialog modes' })).toHaveCount(0);
});

for (const lang of IDS) {
  test(`the popup above the chat input fits ${lang} at ${WIDTH} × ${HEIGHT} px in every state`, async ({ portal, noise }) => {
    allowHttpStatus(noise, 400, 'the pin is refused with the empty error on purpose');
    const c = catalogue(lang);
    await portal.open('chat11', lang);
    await expectFitsPopup(portal, 'default', lang);

    await portal.pinAllButton.click();
    await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
    await expectFitsPopup(portal, 'confirmation', lang);
    await portal.cancel();

    // A refusal with its advice and Try again, and then the confirmation as well.
    await portal.patchChat(11, { operator: 2 });
    await portal.pinSwitch.click();
    await expect(portal.alertMessage).toHaveText(`${c['failed.pin']} ${c['why.not_operator_pin']}`);
    await expect(portal.tryAgainButton).toBeVisible();
    await expectFitsPopup(portal, 'alert', lang);
    await portal.pinAllButton.click();
    await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
    await expectFitsPopup(portal, 'alert and confirmation', lang);
  });
}
