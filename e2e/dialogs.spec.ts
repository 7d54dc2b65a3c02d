// The operator's open-line dialogs on the app's page (DEFAULT), against the sandbox portal's
// im.recent.get (docs/bitrix24.md §11): the list shows what the portal answered, after one
// request; a row's switch writes once and shows the portal's new state; pin all says
// beforehand how many listed dialogs it will change, by the server's rule, and that is what the
// portal changes; a failed write is said on its row with "Try again".
import { test, expect, allowHttpStatus, allowQueryError, PORTAL, PAGE_ALERT, PAGE_STATUS } from './fixtures';
import type { FrameLocator, Page } from '@playwright/test';

const OPERATOR = 1;

type Call = { seq: number; kind: string; method: string; params: any; status: number; response: any };
type Chat = {
  id: number;
  pinned: boolean;
  whisper: boolean;
  owner: number;
  session_status: number;
  messages: { system: boolean; text: string }[];
};

async function calls(page: Page): Promise<Call[]> {
  return (await page.request.get(`${PORTAL}/sandbox/calls`)).json();
}
async function chats(page: Page): Promise<Chat[]> {
  return (await (await page.request.get(`${PORTAL}/sandbox/state`)).json()).chats;
}
async function rest(page: Page, method: string): Promise<Call[]> {
  return (await calls(page)).filter((c) => c.kind === 'rest' && c.method === method);
}

/** The batches that read the list (`im.recent.get` among their commands). */
async function listReads(page: Page): Promise<Call[]> {
  return (await rest(page, 'batch')).filter((c) => JSON.stringify(c.params).includes('im.recent.get'));
}

/** The chats of the list as the portal answered it (its `null` entries left out). */
function listed(read: Call): number[] {
  const list: any[] = read.response.result.result.list;
  return list.filter((item) => item !== null).map((item) => item.chat.id);
}

async function openList(page: Page, user = OPERATOR): Promise<FrameLocator> {
  await page.goto(`/?view=app&user=${user}`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 2, name: 'My open-line dialogs' })).toBeVisible();
  await expect(frame.locator('tr.olm-row').first()).toBeVisible();
  return frame;
}

/** The dialogs pin all changes by the server's rule (docs/bitrix24.md §11.4), among `ids`. */
function pinAllRule(all: Chat[], ids: number[]): number[] {
  return all
    .filter((c) => ids.includes(c.id) && c.owner === OPERATOR)
    .filter((c) => c.session_status >= 10 && c.session_status < 50 && !c.pinned)
    .map((c) => c.id);
}

test('the list shows every dialog the portal answered, with its true pin and whisper, after one request', async ({ page }) => {
  const frame = await openList(page);
  const reads = await listReads(page);
  expect(reads).toHaveLength(1);
  // One REST request to the true states: app.info, the list and the user in one batch.
  expect((await calls(page)).filter((c) => c.kind === 'rest')).toHaveLength(1);
  expect(Object.keys(reads[0].params.cmd).sort()).toEqual(['info', 'list', 'me']);
  const ids = listed(reads[0]);
  expect(ids.length).toBeGreaterThan(3);
  const rows = frame.locator('tr.olm-row');
  await expect(rows).toHaveCount(ids.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-chat'))));
  expect([...shown].sort()).toEqual([...ids].sort());
  const state = await chats(page);
  for (const id of ids) {
    const chat = state.find((c) => c.id === id)!;
    await expect(frame.locator(`#olm-pin-${id}`)).toHaveAttribute('aria-checked', String(chat.pinned));
    await expect(frame.locator(`#olm-whisper-${id}`)).toHaveAttribute('aria-checked', String(chat.whisper));
  }
  await expect(frame.getByText(`${ids.length} dialogs`, { exact: true })).toBeVisible();
});

test('a row’s pin is sent once, the row shows the portal’s new state and says so', async ({ page }) => {
  const frame = await openList(page);
  const ids = listed((await listReads(page))[0]);
  const [id] = pinAllRule(await chats(page), ids);
  expect(id).toBeDefined();
  await page.request.delete(`${PORTAL}/sandbox/calls`);
  const pin = frame.locator(`#olm-pin-${id}`);
  await pin.click();
  await expect(pin).toHaveAttribute('aria-checked', 'true');
  const row = frame.locator(`tr.olm-row[data-chat="${id}"]`);
  await expect(row.getByRole('status')).toHaveText('The dialog is pinned to you.');
  const pins = await rest(page, 'imopenlines.session.mode.pin');
  expect(pins.map(({ params: { auth, ...p } }) => p)).toEqual([{ CHAT_ID: String(id), ACTIVATE: 'Y' }]);
  expect(await listReads(page)).toHaveLength(1);
  expect((await chats(page)).find((c) => c.id === id)!.pinned).toBe(true);
});

test('pin all says how many listed dialogs it will pin, and the portal pins exactly those', async ({ page }) => {
  const frame = await openList(page);
  const ids = listed((await listReads(page))[0]);
  const expected = pinAllRule(await chats(page), ids);
  expect(expected.length).toBeGreaterThan(1);
  await frame.getByRole('button', { name: 'Pin all my dialogs', exact: true }).click();
  await expect(
    frame.getByText(`${expected.length} dialogs in work will be pinned to you. Pin all?`, { exact: true }),
  ).toBeVisible();
  await frame.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(`${expected.length} dialogs pinned`);
  const pinAll = await rest(page, 'imopenlines.session.mode.pinAll');
  expect(pinAll).toHaveLength(1);
  expect(pinAll[0].response.result).toHaveLength(expected.length);
  const after = await chats(page);
  for (const id of expected) {
    expect(after.find((c) => c.id === id)!.pinned).toBe(true);
    await expect(frame.locator(`#olm-pin-${id}`)).toHaveAttribute('aria-checked', 'true');
  }
});

test('a write without an answer is said on its row at the deadline, and Try again sends it once more', async ({ page, noise }) => {
  allowHttpStatus(noise, 503, 'the fault under test: the portal answers 503 QUERY_LIMIT_EXCEEDED');
  allowQueryError(noise, 'a 503');
  const frame = await openList(page);
  const ids = listed((await listReads(page))[0]);
  const id = ids[0];
  const before = (await chats(page)).find((c) => c.id === id)!;
  await page.request.post(`${PORTAL}/sandbox/scenario`, { data: { fail_next: { count: 1, mode: '503' } } });
  await page.request.delete(`${PORTAL}/sandbox/calls`);
  const whisper = frame.locator(`#olm-whisper-${id}`);
  await whisper.click();
  const row = frame.locator(`tr.olm-row[data-chat="${id}"]`);
  // The library never calls back on a 5xx: the widget's deadline (15 s) says "not confirmed".
  await expect(row.getByRole('alert')).toContainText(
    `Turning whisper mode ${before.whisper ? 'off' : 'on'} was not confirmed.`,
    { timeout: 20_000 },
  );
  await expect(whisper).toHaveAttribute('aria-checked', String(before.whisper));
  expect((await chats(page)).find((c) => c.id === id)!.whisper).toBe(before.whisper);
  await row.getByRole('button', { name: 'Try again', exact: true }).click();
  await expect(whisper).toHaveAttribute('aria-checked', String(!before.whisper));
  await expect(whisper).toBeFocused();
  expect(await rest(page, 'imopenlines.session.mode.silent')).toHaveLength(2);
});

test('500 more dialogs are listed from one request', async ({ page }) => {
  await page.request.post(`${PORTAL}/sandbox/scenario`, { data: { extra_dialogs: 500 } });
  const frame = await openList(page);
  const reads = await listReads(page);
  expect(reads).toHaveLength(1);
  const ids = listed(reads[0]);
  expect(ids.length).toBeGreaterThanOrEqual(500);
  await expect(frame.locator('tr.olm-row')).toHaveCount(ids.length);
});

test('an administrator adds the list to the messenger navigation, and an operator opens it there', async ({ page }) => {
  // Off by default: the install binds the homes in a chat only.
  await page.goto(`/?view=app&user=3`);
  let frame = page.frameLocator('#app-frame');
  const navigation = frame.getByRole('group', { name: 'Messenger navigation', exact: true });
  await expect(navigation.getByText("The list of dialogs is not in the messenger's navigation (it is off by default).")).toBeVisible();
  await navigation.getByRole('button', { name: "Add to the messenger's navigation", exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText("The list of dialogs is now in the messenger's navigation.");
  const binds = await rest(page, 'placement.bind');
  expect(binds.map((c) => c.params.PLACEMENT)).toEqual(['IM_NAVIGATION']);
  // Only what the navigation declares (docs/bitrix24.md §3).
  expect(Object.keys(binds[0].params.OPTIONS).sort()).toEqual(['extranet', 'iconName', 'role']);

  // An operator's messenger: the item in the navigation opens the list alone.
  await page.goto(`/?user=${OPERATOR}`);
  await page.request.delete(`${PORTAL}/sandbox/calls`);
  await page.getByRole('navigation', { name: 'Messenger' }).getByRole('button', { name: 'Dialog modes', exact: true }).click();
  frame = page.frameLocator('.market-content iframe');
  await expect(frame.getByRole('heading', { level: 2, name: 'My open-line dialogs' })).toBeVisible();
  await expect(frame.locator('tr.olm-row').first()).toBeVisible();
  await expect(frame.getByText('Where operators find the widget')).toHaveCount(0);
  const reads = await listReads(page);
  expect(reads.length).toBeGreaterThanOrEqual(1);
  await expect(frame.locator('tr.olm-row')).toHaveCount(listed(reads[reads.length - 1]).length);
  // The content area has a size of its own: the list scrolls inside it, the frame is never resized.
  expect((await calls(page)).filter((c) => c.kind === 'frame' && c.method === 'resizeWindow')).toEqual([]);
});
