// Pin all / unpin all: nothing is sent until the operator confirms; Cancel sends nothing; the
// outcome names the count with the right plural (en, ru); the open dialog is re-read afterwards.
import { test, expect } from './fixtures';
import { PIN_ALL, UNPIN_ALL } from './pages/portal';

test('pin all, confirmed: one pinAll, "4 dialogs pinned", the open dialog shows pinned', async ({ portal }) => {
  await portal.open('chat11');
  await portal.clearCalls();
  await portal.pinAllButton.click();
  const question = portal.confirmation(portal.t.confirmPinAll);
  await expect(question).toBeVisible();
  await expect(portal.confirmButton).toBeFocused();
  expect(await portal.writes()).toEqual([]); // asking is not doing

  await portal.confirm();

  await expect(portal.status).toHaveText('4 dialogs pinned');
  await expect(question).toBeHidden();
  await portal.expectSwitch(portal.pinSwitch, true); // re-read after the bulk write
  const writes = await portal.writes();
  expect(writes.map((w) => [w.method, w.params, w.status])).toEqual([[PIN_ALL, { auth: 'REDACTED' }, 200]]);
  expect([...writes[0].response.result].sort()).toEqual([1101, 1301, 1801, 1901]);
  const reads = await portal.calls('batch');
  expect(reads.some((r) => r.seq > writes[0].seq)).toBe(true);
  for (const id of [11, 13, 18, 19]) expect((await portal.chat(id)).pinned, `chat${id}`).toBe(true);
});

test('pin all, cancelled: nothing is sent and the question closes', async ({ portal }) => {
  await portal.open('chat11');
  await portal.clearCalls();
  await portal.pinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
  await portal.cancel();
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeHidden();
  await expect(portal.pinAllButton).toBeFocused();
  await expect(portal.status).toHaveText('');
  await portal.expectSwitch(portal.pinSwitch, false);
  // A barrier: a later write that completes proves a stray pinAll would have been sent by now.
  await portal.whisperSwitch.click();
  await expect(portal.status).toHaveText(portal.t.whisperOn);
  expect((await portal.writes()).map((w) => w.method)).toEqual(['imopenlines.session.mode.silent']);
  expect((await portal.chat(11)).pinned).toBe(false);
});

test('unpin all, confirmed: one unpinAll, "1 dialog unpinned", the open dialog shows unpinned', async ({ portal }) => {
  await portal.open('chat12');
  await portal.clearCalls();
  await portal.unpinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
  await portal.confirm();
  await expect(portal.status).toHaveText('1 dialog unpinned');
  await portal.expectSwitch(portal.pinSwitch, false);
  const writes = await portal.writes();
  expect(writes.map((w) => [w.method, w.params, w.status])).toEqual([[UNPIN_ALL, { auth: 'REDACTED' }, 200]]);
  expect(writes[0].response.result).toEqual([1201]);
  expect((await portal.chat(12)).pinned).toBe(false);
});

test('unpin all, cancelled: nothing is sent, the dialog stays pinned', async ({ portal }) => {
  await portal.open('chat12');
  await portal.clearCalls();
  await portal.unpinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
  await portal.cancel();
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeHidden();
  await expect(portal.unpinAllButton).toBeFocused();
  await portal.expectSwitch(portal.pinSwitch, true);
  await portal.whisperSwitch.click(); // barrier, as above
  await expect(portal.status).toHaveText(portal.t.whisperOn);
  expect((await portal.writes()).map((w) => w.method)).toEqual(['imopenlines.session.mode.silent']);
  expect((await portal.chat(12)).pinned).toBe(true);
});

test('unpin all with nothing pinned: "No pinned dialogs to unpin"', async ({ portal }) => {
  await portal.patchChat(12, { pinned: false });
  await portal.open('chat11');
  await portal.unpinAllButton.click();
  await portal.confirm();
  await expect(portal.status).toHaveText('No pinned dialogs to unpin');
  expect((await portal.writes()).map((w) => w.response.result)).toEqual([[]]);
});

test('ru: counts with Russian plurals (one, few, many)', async ({ portal }) => {
  await portal.open('chat12', 'ru');
  await expect(portal.heading).toHaveText('Режимы диалога');

  // one
  await portal.unpinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmUnpinAll)).toBeVisible();
  await portal.confirm();
  await expect(portal.status).toHaveText('Откреплён 1 диалог');
  await portal.expectSwitch(portal.pinSwitch, false);

  // many: 1101, 1201, 1301, 1801, 1901
  await portal.pinAllButton.click();
  await expect(portal.confirmation(portal.t.confirmPinAll)).toBeVisible();
  await portal.confirm();
  await expect(portal.status).toHaveText('Закреплено 5 диалогов');
  await portal.expectSwitch(portal.pinSwitch, true);

  await portal.unpinAllButton.click();
  await portal.confirm();
  await expect(portal.status).toHaveText('Откреплено 5 диалогов');

  // few: someone else took two of them away
  await portal.patchChat(18, { operator: 2 });
  await portal.patchChat(19, { operator: 2 });
  await portal.pinAllButton.click();
  await portal.confirm();
  await expect(portal.status).toHaveText('Закреплено 3 диалога');

  expect((await portal.writes()).map((w) => w.method)).toEqual([UNPIN_ALL, PIN_ALL, UNPIN_ALL, PIN_ALL]);
});
