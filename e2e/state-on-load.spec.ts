// On load the switches show the portal's state: pinned / unpinned, whisper on / off, exactly as
// the sandbox has the dialog.
import { test, expect } from './fixtures';

const cases = [
  { dialog: 'chat11', id: 11, what: 'a plain dialog: unpinned, whisper off', pinned: false, whisper: false },
  { dialog: 'chat12', id: 12, what: 'a pinned dialog', pinned: true, whisper: false },
  { dialog: 'chat13', id: 13, what: 'a dialog in whisper mode', pinned: false, whisper: true },
];

for (const c of cases) {
  test(`state on load: ${c.what}`, async ({ portal }) => {
    const chat = await portal.chat(c.id);
    expect([chat.pinned, chat.whisper]).toEqual([c.pinned, c.whisper]); // the seed is what we think
    await portal.open(c.dialog);
    await portal.expectSwitch(portal.pinSwitch, c.pinned);
    await portal.expectSwitch(portal.whisperSwitch, c.whisper);
    await expect(portal.frame.getByText(c.pinned ? portal.t.pinHintPinned : portal.t.pinHintUnpinned)).toBeVisible();
    await expect(portal.frame.getByText(chat.name, { exact: true })).toBeVisible();
    // Reading is not writing.
    expect(await portal.writes()).toEqual([]);
  });
}

test('state on load: pinned and whisper on, set by someone else before the widget opened', async ({ portal }) => {
  await portal.patchChat(11, { pinned: true, whisper: true });
  await portal.open('chat11');
  await portal.expectSwitch(portal.pinSwitch, true);
  await portal.expectSwitch(portal.whisperSwitch, true);
});

test('state on load: whisper stored as "" or "N" is off', async ({ portal }) => {
  await portal.patchChat(11, { whisper: '' });
  await portal.open('chat11');
  await portal.expectSwitch(portal.whisperSwitch, false);
  await portal.patchChat(12, { whisper: 'N' });
  await portal.open('chat12');
  await portal.expectSwitch(portal.whisperSwitch, false);
  await portal.expectSwitch(portal.pinSwitch, true);
});

test('state on load: the hostile chat name is shown as text', async ({ portal }) => {
  await portal.open('chat18');
  const chat = await portal.chat(18);
  await expect(portal.frame.getByText(chat.name, { exact: true })).toBeVisible();
  const frame = await portal.widgetFrame();
  expect(await frame.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await frame.evaluate(() => document.querySelectorAll('main img, main script').length)).toBe(0);
});
