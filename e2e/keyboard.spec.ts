// Keyboard only (Tab, Shift+Tab, Space, Enter, Escape): every control of the widget is reachable
// in a sensible order and works, focus is never lost when a block opens or closes.
import { test, expect, allowHttpStatus } from './fixtures';
import { PIN, PIN_ALL, SILENT } from './pages/portal';

test('keyboard only: switches, pin all with Escape / Cancel / Confirm, and Try again', async ({ page, portal, noise }) => {
  allowHttpStatus(noise, 400, 'one step provokes the empty-error refusal (HTTP 400) to reach "Try again"');
  await portal.open('chat11');
  const key = (k: string) => page.keyboard.press(k);

  // Into the frame: the first stop is the pin switch.
  await portal.frameElement.focus();
  await key('Tab');
  await expect(portal.pinSwitch).toBeFocused();
  await key('Space');
  await expect(portal.status).toHaveText(portal.t.pinned);
  await portal.expectSwitch(portal.pinSwitch, true);
  await expect(portal.pinSwitch).toBeFocused(); // the state update did not rebuild the control

  await key('Tab');
  await expect(portal.whisperSwitch).toBeFocused();
  await key('Enter');
  await expect(portal.status).toHaveText(portal.t.whisperOn);
  await portal.expectSwitch(portal.whisperSwitch, true);

  // Pin all: Enter opens the question with focus on Confirm; Escape closes it, focus goes back.
  await key('Tab');
  await expect(portal.pinAllButton).toBeFocused();
  await key('Enter');
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
  await expect(portal.confirmButton).toBeFocused();
  await key('Escape');
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeHidden();
  await expect(portal.pinAllButton).toBeFocused();

  // Unpin all: Space opens it; Tab to Cancel; Enter cancels; focus back on the opener.
  await key('Tab');
  await expect(portal.unpinAllButton).toBeFocused();
  await key('Space');
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
  await expect(portal.confirmButton).toBeFocused();
  await key('Tab');
  await expect(portal.cancelButton).toBeFocused();
  await key('Enter');
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeHidden();
  await expect(portal.unpinAllButton).toBeFocused();

  // Back to pin all and confirm it with Enter.
  await key('Shift+Tab');
  await expect(portal.pinAllButton).toBeFocused();
  await key('Enter');
  await expect(portal.confirmButton).toBeFocused();
  await key('Enter');
  await expect(portal.status).toHaveText('3 dialogs pinned'); // chat11 was pinned already
  await expect(portal.pinAllButton).toBeFocused();

  // A refusal, then "Try again" from the keyboard.
  await portal.patchChat(11, { operator: 2 });
  await key('Shift+Tab');
  await key('Shift+Tab');
  await expect(portal.pinSwitch).toBeFocused();
  await key('Space');
  await expect(portal.alert).toContainText('Unpinning failed. Only the operator who handles this dialog can pin or unpin it.');
  for (let i = 0; i < 4; i++) await key('Tab'); // whisper, pin all, unpin all, Try again
  await expect(portal.tryAgainButton).toBeFocused();
  await portal.patchChat(11, { operator: 1 }); // the session came back to you
  await key('Enter');
  await expect(portal.status).toHaveText(portal.t.unpinned);
  await portal.expectSwitch(portal.pinSwitch, false);
  await expect(portal.pinSwitch).toBeFocused(); // the vanished button handed focus to its switch

  const writes = await portal.writes();
  expect(writes.map((w) => [w.method, w.params.ACTIVATE ?? null, w.status])).toEqual([
    [PIN, 'Y', 200],
    [SILENT, 'Y', 200],
    [PIN_ALL, null, 200],
    [PIN, 'N', 400],
    [PIN, 'N', 200],
  ]);
});
