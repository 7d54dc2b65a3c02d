// A slow portal: repeated clicks and keys while a write is in flight send no second write.
// The other transport faults (503, 500, dropped connection, expired token with and without a
// working refresh, 10 s latency, out-of-order answers) are rows of fault-matrix.spec.ts; the
// 503 / drop / expired-token tests that were here moved there (F07, F09, F05).
import { test, expect } from './fixtures';
import { PIN } from './pages/portal';

test('3 s latency: the switch is busy and repeated clicks send no second write', async ({ portal }) => {
  await portal.open('chat11');
  await portal.scenario({ latency_ms: 3000 });
  await portal.clearCalls();
  await portal.pinSwitch.click();
  await expect(portal.pinSwitch).toHaveAttribute('aria-busy', 'true');
  // The operator gets impatient: mouse and keyboard while the write is in flight.
  await portal.pinSwitch.click();
  await portal.pinSwitch.click();
  await portal.pinSwitch.press('Space');
  await portal.pinSwitch.press('Enter');
  await expect(portal.pinSwitch).toHaveAttribute('aria-busy', 'true'); // still the first write
  // The state does not jump ahead of the portal while busy.
  await expect(portal.pinSwitch).toHaveAttribute('aria-checked', 'false');

  await expect(portal.status).toHaveText(portal.t.pinned, { timeout: 15_000 });
  await portal.expectSwitch(portal.pinSwitch, true);
  const writes = await portal.writes();
  expect(writes.map((w) => [w.method, w.params.ACTIVATE, w.status])).toEqual([[PIN, 'Y', 200]]);
  expect((await portal.chat(11)).pinned).toBe(true);
});

test('3 s latency on pin all: busy buttons ignore clicks, one pinAll is sent', async ({ portal }) => {
  await portal.open('chat11');
  await portal.scenario({ latency_ms: 3000 });
  await portal.clearCalls();
  await portal.pinAllButton.click();
  await portal.confirm();
  await expect(portal.pinAllButton).toHaveAttribute('aria-busy', 'true');
  await portal.pinAllButton.click(); // a busy bulk button does not even ask again
  await expect(portal.confirmButton).toHaveCount(0);
  await expect(portal.status).toHaveText('4 dialogs pinned', { timeout: 15_000 });
  expect((await portal.writes()).map((w) => w.method)).toEqual(['imopenlines.session.mode.pinAll']);
});
