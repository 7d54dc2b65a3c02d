// Transport faults: the portal answers 503 or drops the connection (the library then never calls
// back), the token expires mid-session, the portal is slow. The widget must say "no answer" by
// its own deadline (15 s) with a working "Try again", survive a token refresh, and never send a
// write twice on its own or on repeated clicks.
import { test, expect, allowHttpStatus } from './fixtures';
import { EN } from './texts';
import { PIN, SILENT } from './pages/portal';

/** The widget's call deadline is 15 s; allow for the re-read and rendering on top. */
const NO_ANSWER = { timeout: 20_000 };

test('503: "not confirmed" by the deadline, the state re-read, and Try again pins', async ({ portal, noise }) => {
  allowHttpStatus(noise, 503, 'the fault under test: the portal answers 503 QUERY_LIMIT_EXCEEDED');
  noise.allow(/^(Uncaught )?Query error!$/, 'the library throws inside its XHR handler on every 5xx (bitrix24.md §4.4)');
  await portal.open('chat11');
  await portal.scenario({ fail_next: { count: 1, mode: '503' } });
  await portal.clearCalls();
  const clicked = Date.now();
  await portal.pinSwitch.click();

  await expect(portal.pinSwitch).toHaveAttribute('aria-busy', 'true');
  await expect(portal.alert).toContainText(EN.pinNoAnswer, NO_ANSWER);
  expect(Date.now() - clicked).toBeGreaterThanOrEqual(14_000); // its deadline, not a guess
  await portal.expectSwitch(portal.pinSwitch, false);
  expect((await portal.writes()).map((w) => [w.method, w.status])).toEqual([[PIN, 503]]);
  expect((await portal.chat(11)).pinned).toBe(false);

  await portal.tryAgainButton.click();
  await expect(portal.status).toHaveText(portal.t.pinned);
  await expect(portal.alert).toHaveText('');
  await portal.expectSwitch(portal.pinSwitch, true);
  const writes = await portal.writes();
  expect(writes.map((w) => [w.method, w.params.ACTIVATE, w.status])).toEqual([
    [PIN, 'Y', 503],
    [PIN, 'Y', 200],
  ]);
  expect((await portal.chat(11)).pinned).toBe(true);
});

test('dropped connection: "not confirmed" by the deadline, and Try again turns whisper on', async ({ portal, noise }) => {
  noise.allow(/Failed to load resource: net::ERR_EMPTY_RESPONSE/, 'the fault under test: the portal closes the connection');
  noise.allow(/^(Uncaught )?Query error!$/, 'the library throws inside its XHR handler on a network error (bitrix24.md §4.4)');
  await portal.open('chat11');
  await portal.scenario({ fail_next: { count: 1, mode: 'drop' } });
  await portal.clearCalls();
  await portal.whisperSwitch.click();

  await expect(portal.whisperSwitch).toHaveAttribute('aria-busy', 'true');
  await expect(portal.alert).toContainText(EN.whisperOnNoAnswer, NO_ANSWER);
  await portal.expectSwitch(portal.whisperSwitch, false);
  // Sent once, never repeated by the widget (nor by the browser on a fresh connection).
  expect((await portal.writes()).map((w) => [w.method, w.status])).toEqual([[SILENT, 0]]);

  await portal.tryAgainButton.click();
  await expect(portal.status).toHaveText(portal.t.whisperOn);
  await portal.expectSwitch(portal.whisperSwitch, true);
  expect((await portal.writes()).map((w) => [w.method, w.params.ACTIVATE, w.status])).toEqual([
    [SILENT, 'Y', 0],
    [SILENT, 'Y', 200],
  ]);
  expect((await portal.chat(11)).whisper).toBe(true);
});

test('token expired mid-session: the library refreshes it and the pin still succeeds', async ({ portal, noise }) => {
  allowHttpStatus(noise, 401, 'the first attempt meets the expired token (401 expired_token) before the refresh');
  await portal.open('chat11');
  await portal.scenario({ expire_token: true });
  await portal.clearCalls();
  await portal.pinSwitch.click();

  await expect(portal.status).toHaveText(portal.t.pinned);
  await expect(portal.alert).toHaveText('');
  await portal.expectSwitch(portal.pinSwitch, true);
  const pins = await portal.calls(PIN);
  expect(pins.map((c) => [c.status, c.response.error ?? null])).toEqual([
    [401, 'expired_token'],
    [200, null],
  ]);
  expect(await portal.frameCalls('refreshAuth')).toHaveLength(1);
  expect((await portal.chat(11)).pinned).toBe(true);
});

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
  await portal.confirmButton.click();
  await expect(portal.pinAllButton).toHaveAttribute('aria-busy', 'true');
  await portal.pinAllButton.click(); // a busy bulk button does not even ask again
  await expect(portal.confirmButton).toHaveCount(0);
  await expect(portal.status).toHaveText('4 dialogs pinned', { timeout: 15_000 });
  expect((await portal.writes()).map((w) => w.method)).toEqual(['imopenlines.session.mode.pinAll']);
});
