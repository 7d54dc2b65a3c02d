// Placement edge cases: where the widget cannot work it says why in one message, shows no
// controls, and sends nothing to the portal.
import { test, expect, APP } from './fixtures';
import { EN } from './texts';

test('private chat (dialogId is a user id): says pin and whisper work only in open lines', async ({ portal }) => {
  await portal.open('2', 'en', { ready: false }); // the chat with Boris: PLACEMENT_OPTIONS {"dialogId":"2"}
  await expect(portal.notice).toHaveText(EN.privateChat);
  await expect(portal.pinSwitch).toHaveCount(0);
  await expect(portal.pinAllButton).toHaveCount(0);
  expect(await portal.calls()).toEqual([]);
});

test('no placement options at all: says Bitrix24 did not tell which chat is open', async ({ portal }) => {
  await portal.open('chat11', 'en', { options: '', ready: false });
  await expect(portal.notice).toHaveText(EN.missingOptions);
  await expect(portal.pinSwitch).toHaveCount(0);
  expect(await portal.calls()).toEqual([]);
});

test('options without a dialogId: the same message', async ({ portal }) => {
  await portal.open('chat11', 'en', { options: '{"URI":"/online/"}', ready: false });
  await expect(portal.notice).toHaveText(EN.missingOptions);
  expect(await portal.calls()).toEqual([]);
});

test('opened outside any portal: says Bitrix24 is not around, without crashing', async ({ page, portal, noise }) => {
  noise.allow(
    /^(Uncaught )?Unable to initialize Bitrix24 JS library!$/,
    'outside a portal frame (no window.name) the official library sets BX24 = null and throws at load',
  );
  await page.goto(`${APP}/`);
  await expect(page.getByText(EN.noHost, { exact: true })).toBeVisible();
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).BX24)).toBeNull();
  expect(await portal.calls()).toEqual([]);
  // The library did throw (so the allowance above was needed), and nothing else did.
  expect(noise.entries().filter((e) => e.kind === 'pageerror').map((e) => e.text)).toEqual([
    'Unable to initialize Bitrix24 JS library!',
  ]);
});
