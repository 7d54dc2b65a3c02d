// Installing the widget into the sandbox portal, the way an administrator does on a real one:
// the portal frames the app's install URL (`…/?install=1`) in install mode, the app binds
// IM_SIDEBAR and calls installFinish, and only then does the sidebar item appear. The same with
// one URL registered for handler and installation path (the app asks app.info). Also: a second
// install over an existing binding, a non-admin's attempt, and the app page (DEFAULT).
import { test, expect, allowHttpStatus, APP, PORTAL } from './fixtures';
import type { Page, Route } from '@playwright/test';
import { IDS, catalogue } from './texts';

/** Sandbox users: 3 is the portal administrator, 1 an operator. */
const ADMIN = 3;
const OPERATOR = 1;
/** The handler the app binds: its own address without the query. */
const HANDLER = `${APP}/`;

// Texts copied verbatim from src/i18n/{en,ru}.rs.
const EN = {
  title: 'Dialog modes',
  installTitle: 'Installing Dialog modes',
  installDone: 'Installation complete. Operators find “Dialog modes” in the sidebar of open-line chats.',
  installStopped: 'The installation did not complete.',
  notAdmin:
    'The app could not be installed. Only a Bitrix24 administrator can do this. Ask your administrator to open the app.',
  tryAgain: 'Try again',
  about:
    'Pin open-line dialogs to yourself and turn whisper mode on or off right in the chat: open an open-line chat and find “Dialog modes” under Applications in its sidebar.',
  bound: 'The widget is in the sidebar of open-line chats.',
  adminOnly: 'Only a Bitrix24 administrator can add the widget to the chat sidebar or remove it.',
  readd: 'Re-add to the chat sidebar',
  remove: 'Remove from the chat sidebar',
  pinAll: 'Pin all my dialogs',
  unpinAll: 'Unpin all my dialogs',
  confirm: 'Confirm',
  pinned4: '4 dialogs pinned',
  pin: 'Pin dialog',
};
const RU = {
  installTitle: 'Установка «Режимов диалога»',
  installDone:
    'Установка завершена. Операторы найдут «Режимы диалога» в боковой панели чатов открытых линий.',
  bound: 'Виджет есть в боковой панели чатов открытых линий.',
};

/** The exact `placement.bind` params (TITLE in the administrator's language, here Russian). */
const BIND_PARAMS = {
  PLACEMENT: 'IM_SIDEBAR',
  HANDLER,
  TITLE: 'Режимы диалога',
  OPTIONS: { iconName: 'fa-thumb-tack', context: 'LINES', role: 'USER', extranet: 'N' },
  // The title in every language, each from its catalogue (fetched by the app page).
  LANG_ALL: Object.fromEntries(IDS.map((id) => [id, { TITLE: catalogue(id).title }])),
};

type Call = { kind: string; method: string; params: any; status: number; response: any };

async function log(page: Page): Promise<Call[]> {
  return (await page.request.get(`${PORTAL}/sandbox/calls`)).json();
}
async function rest(page: Page, method: string): Promise<Call[]> {
  return (await log(page)).filter((c) => c.kind === 'rest' && c.method === method);
}
async function frameCommands(page: Page, command: string): Promise<Call[]> {
  return (await log(page)).filter((c) => c.kind === 'frame' && c.method === command);
}
async function app(page: Page): Promise<{ installed: boolean; bindings: any[]; sidebar_visible: boolean }> {
  return (await (await page.request.get(`${PORTAL}/sandbox/state`)).json()).app;
}

test.beforeEach(async ({ request }) => {
  const res = await request.post(`${PORTAL}/sandbox/reset`, { data: { installed: false } });
  expect(res.ok()).toBe(true);
});

test('an admin install binds IM_SIDEBAR, then installFinish, and only then the sidebar shows it', async ({
  page,
  context,
}) => {
  // Before: the chat sidebar has no item, only the portal's note.
  const chat = await context.newPage();
  await chat.goto('/?dialog=chat11');
  await expect(chat.getByText('The application is not fully installed yet.')).toBeVisible();
  await expect(chat.locator('#app-frame')).toHaveCount(0);

  // Hold the portal's set_installed until we have looked at the state in between.
  let held: Route | undefined;
  await page.route('**/sandbox/install-finish', (route) => {
    held = route;
  });
  await page.goto(`/?view=install&user=${ADMIN}&lang=ru`);
  const frame = page.frameLocator('#app-frame');
  // The portal framed the install URL in install mode.
  expect(await page.locator('#app-frame').getAttribute('name')).toMatch(/^127\.0\.0\.1:18090\|0\|[0-9a-f]{32}$/);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(RU.installTitle);
  await expect(frame.getByRole('status')).toHaveText(RU.installDone);
  await expect(frame.getByRole('alert')).toBeEmpty();

  // Exactly one bind, with the exact options, title and per-language titles.
  const binds = await rest(page, 'placement.bind');
  expect(binds).toHaveLength(1);
  expect(binds[0].status).toBe(200);
  const { auth, ...params } = binds[0].params;
  expect(params).toEqual(BIND_PARAMS);
  // Then installFinish, after the bind.
  await expect.poll(async () => (await frameCommands(page, 'setInstallFinish')).length).toBe(1);
  const all = await log(page);
  const bindAt = all.findIndex((c) => c.method === 'placement.bind');
  const finishAt = all.findIndex((c) => c.method === 'setInstallFinish');
  expect(finishAt).toBeGreaterThan(bindAt);

  // Bound but not yet installed: the sidebar still shows no item.
  await expect.poll(() => held !== undefined).toBe(true);
  let state = await app(page);
  expect(state.installed).toBe(false);
  expect(state.bindings.map((b) => [b.placement, b.handler])).toEqual([['IM_SIDEBAR', HANDLER]]);
  expect(state.sidebar_visible).toBe(false);
  await chat.reload();
  await expect(chat.getByText('The application is not fully installed yet.')).toBeVisible();
  await expect(chat.locator('#app-frame')).toHaveCount(0);

  // The portal finishes: installed, the page reloads, the app's own page opens.
  await held!.continue();
  await page.waitForURL(/install_finished=Y/);
  state = await app(page);
  expect(state.installed).toBe(true);
  expect(state.sidebar_visible).toBe(true);
  await expect(page.frameLocator('#app-frame').getByText(RU.bound)).toBeVisible();

  // Now the sidebar item is there, framed at the bound handler, and the widget works (for the
  // operator, in English: user and language are sticky in the sandbox).
  await chat.goto(`/?dialog=chat11&lang=en&user=${OPERATOR}`);
  const widget = chat.frameLocator('#app-frame');
  await expect(widget.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();
  expect(await chat.evaluate(() => document.querySelector<HTMLFormElement>('#app-form')!.action)).toMatch(
    new RegExp(`^${HANDLER.replace(/[.]/g, '\\.')}\\?DOMAIN=`),
  );
});

test('one URL for both: app.info says not installed, the app installs, and the sidebar shows it', async ({
  page,
  context,
  request,
}) => {
  const reset = await request.post(`${PORTAL}/sandbox/reset`, { data: { installed: false, install_path: 'same' } });
  expect(reset.ok()).toBe(true);
  const chat = await context.newPage();
  await chat.goto('/?dialog=chat11');
  await expect(chat.getByText('The application is not fully installed yet.')).toBeVisible();

  let held: Route | undefined;
  await page.route('**/sandbox/install-finish', (route) => {
    held = route;
  });
  await page.goto(`/?view=install&user=${ADMIN}`);
  // The portal framed the handler itself (no `install=1`) in install mode.
  expect(await page.evaluate(() => document.querySelector<HTMLFormElement>('#app-form')!.action)).toMatch(
    new RegExp(`^${HANDLER.replace(/[.]/g, '\\.')}\\?DOMAIN=`),
  );
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.installTitle);
  await expect(frame.getByRole('status')).toHaveText(EN.installDone);
  await expect(frame.getByRole('alert')).toBeEmpty();
  await expect.poll(() => held !== undefined).toBe(true);
  await expect.poll(async () => (await frameCommands(page, 'setInstallFinish')).length).toBe(1);

  // app.info first (the portal says: not installed), then the bind, then installFinish.
  const steps = (await log(page))
    .filter((c) => ['app.info', 'placement.bind', 'setInstallFinish'].includes(c.method))
    .map((c) => [c.method, c.status, c.method === 'app.info' ? c.response.result.INSTALLED : null]);
  expect(steps).toEqual([
    ['app.info', 200, false],
    ['placement.bind', 200, null],
    ['setInstallFinish', 0, null],
  ]);
  const binds = await rest(page, 'placement.bind');
  expect(binds.map((b) => [b.params.PLACEMENT, b.params.HANDLER])).toEqual([['IM_SIDEBAR', HANDLER]]);
  expect((await app(page)).installed).toBe(false);

  // The portal finishes and reloads: app.info now says installed, so the app page opens.
  await held!.continue();
  await page.waitForURL(/install_finished=Y/);
  await expect(page.frameLocator('#app-frame').getByText(EN.bound)).toBeVisible();
  const infos = await rest(page, 'app.info');
  expect(infos.map((c) => c.response.result.INSTALLED)).toEqual([false, true]);
  expect(await rest(page, 'placement.bind')).toHaveLength(1);
  expect(await frameCommands(page, 'setInstallFinish')).toHaveLength(1);
  const state = await app(page);
  expect(state.installed).toBe(true);
  expect(state.sidebar_visible).toBe(true);

  // And the operator finds the widget in the chat sidebar, working, with no app.info asked.
  await request.delete(`${PORTAL}/sandbox/calls`);
  await chat.goto(`/?dialog=chat11&user=${OPERATOR}`);
  const widget = chat.frameLocator('#app-frame');
  await expect(widget.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();
  expect(await rest(chat, 'app.info')).toEqual([]);
});

test('installing again over an existing binding is a success and still finishes', async ({ page, request, noise }) => {
  allowHttpStatus(noise, 400, 'placement.bind answers 400 ERROR_CORE "Handler already binded" on purpose');
  // Installed and bound (the seed), then opened in install mode again.
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  await page.goto(`/?view=install&user=${ADMIN}`);
  await page.waitForURL(/install_finished=Y/);
  const binds = await rest(page, 'placement.bind');
  expect(binds).toHaveLength(1);
  expect(binds[0].status).toBe(400);
  expect(binds[0].response.error).toBe('ERROR_CORE');
  expect(await frameCommands(page, 'setInstallFinish')).toHaveLength(1);
  const state = await app(page);
  expect(state.installed).toBe(true);
  expect(state.bindings).toHaveLength(1);
  await expect(page.frameLocator('#app-frame').getByText(EN.bound)).toBeVisible();
});

test('a non-admin install says only an administrator can, offers Try again, and binds nothing', async ({
  page,
  noise,
}) => {
  allowHttpStatus(noise, 403, 'placement.bind by a non-admin is refused with 403 ACCESS_DENIED on purpose');
  await page.goto(`/?view=install&user=${OPERATOR}`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.installTitle);
  await expect(frame.getByRole('alert')).toContainText(EN.notAdmin);
  await expect(frame.getByText(EN.installStopped)).toBeVisible();
  await expect(frame.getByRole('status')).toBeEmpty();
  const first = await rest(page, 'placement.bind');
  expect(first.map((c) => [c.status, c.response.error])).toEqual([[403, 'ACCESS_DENIED']]);

  await frame.getByRole('alert').getByRole('button', { name: EN.tryAgain, exact: true }).click();
  await expect.poll(async () => (await rest(page, 'placement.bind')).length).toBe(2);
  await expect(frame.getByRole('alert')).toContainText(EN.notAdmin);

  // Nothing bound, nothing finished, the page was not reloaded.
  const state = await app(page);
  expect(state.installed).toBe(false);
  expect(state.bindings).toEqual([]);
  expect(await frameCommands(page, 'setInstallFinish')).toEqual([]);
  expect(page.url()).not.toMatch(/install_finished/);
});

test('the app page shows the bound status to an admin and the bulk controls to an operator', async ({
  page,
  request,
}) => {
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  await page.goto(`/?view=app&user=${ADMIN}`);
  let frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.title);
  await expect(frame.getByText(EN.about)).toBeVisible();
  await expect(frame.getByText(EN.bound)).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.readd, exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.remove, exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.pinAll, exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.unpinAll, exact: true })).toBeVisible();
  expect((await rest(page, 'placement.get')).map((c) => c.status)).toEqual([200]);
  // Opening the app page changes nothing.
  expect(await rest(page, 'placement.bind')).toEqual([]);
  expect(await frameCommands(page, 'setInstallFinish')).toEqual([]);

  // An operator: no sidebar controls, no admin-only call; pin all works, once, after Confirm.
  await request.delete(`${PORTAL}/sandbox/calls`);
  await page.goto(`/?view=app&user=${OPERATOR}`);
  frame = page.frameLocator('#app-frame');
  await expect(frame.getByText(EN.adminOnly)).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.remove, exact: true })).toHaveCount(0);
  await frame.getByRole('button', { name: EN.pinAll, exact: true }).click();
  await frame.getByRole('button', { name: EN.confirm, exact: true }).click();
  await expect(frame.getByRole('status')).toHaveText(EN.pinned4);
  expect(await rest(page, 'placement.get')).toEqual([]);
  const pinAll = await rest(page, 'imopenlines.session.mode.pinAll');
  expect(pinAll.map((c) => c.response.result)).toEqual([[1101, 1301, 1801, 1901]]);
});
