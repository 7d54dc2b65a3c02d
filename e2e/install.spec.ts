// Installing the widget into the sandbox portal, the way an administrator does on a real one:
// the portal frames the app's install URL (`…/?install=1`) in install mode, the app binds both
// homes (IM_TEXTAREA above the chat input, IM_SIDEBAR in the chat sidebar) and calls
// installFinish, and only then does an operator find it: above the input in the current
// messenger, in the sidebar in the classic one. The same with one URL registered for handler and
// installation path (the app asks app.info). Also: installing again (exactly one binding of
// each is left), a non-admin's attempt, and the app page (DEFAULT), where an administrator binds
// and unbinds each home on its own.
import { test, expect, allowHttpStatus, APP, PORTAL, PAGE_ALERT, PAGE_STATUS } from './fixtures';
import type { APIRequestContext, Page, Route } from '@playwright/test';
import { PortalPage } from './pages/portal';
import { IDS, catalogue } from './texts';

/** Sandbox users: 3 is the portal administrator, 1 an operator. */
const ADMIN = 3;
const OPERATOR = 1;
/** The handler the app binds: its own address without the query. */
const HANDLER = `${APP}/`;

// Texts copied verbatim from i18n/{en,ru}.json.
const EN = {
  title: 'Dialog modes',
  installTitle: 'Installing Dialog modes',
  installDone:
    'Installation complete. Operators find “Dialog modes” among the apps above the input of open-line chats (in older messengers, in the chat sidebar).',
  installStopped: 'The installation did not complete.',
  notAdmin:
    'The app could not be installed. Only a Bitrix24 administrator can do this. Ask your administrator to open the app.',
  tryAgain: 'Try again',
  about:
    'Pin open-line dialogs to yourself and turn whisper mode on or off right in the chat: open an open-line chat and find “Dialog modes” among the apps above the message input (in older messengers, under Applications in the chat sidebar).',
  homesTitle: 'Where operators find the widget',
  none: 'Operators will not find the widget: it is neither above the chat input nor in the chat sidebar. Add it to at least one of them.',
  adminOnly: 'Only a Bitrix24 administrator can see and change where operators find the widget.',
  textarea: {
    title: 'Apps above the chat input',
    bound: 'The widget is in the apps panel above the input of open-line chats.',
    notBound: 'The widget is not in the apps panel above the chat input.',
    add: 'Add above the chat input',
    readd: 'Re-add above the chat input',
    remove: 'Remove from above the chat input',
    added: 'The widget is now in the apps panel above the input of open-line chats.',
    removed: 'The widget was removed from the apps panel above the chat input.',
  },
  sidebar: {
    title: 'Chat sidebar',
    bound: 'The widget is in the sidebar of open-line chats.',
    notBound: 'The widget is not in the chat sidebar.',
    add: 'Add to the chat sidebar',
    readd: 'Re-add to the chat sidebar',
    remove: 'Remove from the chat sidebar',
    removed: 'The widget was removed from the chat sidebar.',
  },
  pinAll: 'Pin all my dialogs',
  unpinAll: 'Unpin all my dialogs',
  confirm: 'Confirm',
  pinned4: '4 dialogs pinned',
  pin: 'Pin dialog',
};
const RU = {
  installTitle: 'Установка «Режимов диалога»',
  installDone:
    'Установка завершена. Операторы найдут «Режимы диалога» среди приложений над полем ввода в чатах открытых линий (в старых версиях мессенджера — в боковой панели чата).',
  textareaBound: 'Виджет есть на панели приложений над полем ввода в чатах открытых линий.',
  sidebarBound: 'Виджет есть в боковой панели чатов открытых линий.',
};

/** The binding's options: only in open-line chats, for every user, not for extranet users;
 *  above the chat input a popup of 400 × 540 px (docs/install.md). */
const OPTIONS = { iconName: 'fa-thumb-tack', color: 'LIGHT_BLUE', context: 'LINES', role: 'USER', extranet: 'N' };
const TEXTAREA_OPTIONS = { ...OPTIONS, width: 400, height: 540 };

/** The exact `placement.bind` params of each home (TITLE in the administrator's language), as
 *  the portal receives them: form-encoded, so the popup's size arrives as text (the server casts
 *  it to an integer, as the stored binding shows). */
function bindParams(placement: 'IM_TEXTAREA' | 'IM_SIDEBAR', title: string) {
  return {
    PLACEMENT: placement,
    HANDLER,
    TITLE: title,
    OPTIONS: placement === 'IM_TEXTAREA' ? { ...OPTIONS, width: '400', height: '540' } : OPTIONS,
    // The title in every language, each from its catalogue (fetched by the install page).
    LANG_ALL: Object.fromEntries(IDS.map((id) => [id, { TITLE: catalogue(id).title }])),
  };
}

type Call = { kind: string; method: string; params: any; status: number; response: any };
type Binding = { placement: string; handler: string; options: any; title: string };

/** `INSTALLED` of an `app.info` call, alone or in the app page's batch (key `info`, with the
 *  operator's list); `undefined` for any other call. */
function installedOf(c: Call): boolean | undefined {
  if (c.kind !== 'rest') return undefined;
  if (c.method === 'app.info') return c.response.result.INSTALLED;
  if (c.method === 'batch' && JSON.stringify(c.params).includes('app.info')) return c.response.result.result.info.INSTALLED;
  return undefined;
}
async function appInfos(page: Page): Promise<boolean[]> {
  return (await log(page)).map(installedOf).filter((i): i is boolean => i !== undefined);
}

async function log(page: Page): Promise<Call[]> {
  return (await page.request.get(`${PORTAL}/sandbox/calls`)).json();
}
async function rest(page: Page, method: string): Promise<Call[]> {
  return (await log(page)).filter((c) => c.kind === 'rest' && c.method === method);
}
async function frameCommands(page: Page, command: string): Promise<Call[]> {
  return (await log(page)).filter((c) => c.kind === 'frame' && c.method === command);
}
async function app(
  page: Page,
): Promise<{ installed: boolean; bindings: Binding[]; sidebar_visible: boolean; textarea_visible: boolean }> {
  return (await (await page.request.get(`${PORTAL}/sandbox/state`)).json()).app;
}
async function otherApps(request: APIRequestContext): Promise<Binding[]> {
  return (await (await request.get(`${PORTAL}/sandbox/state`)).json()).other_apps.bindings;
}
/** Our bindings as `[placement, handler]`, in placement order. */
function homes(bindings: Binding[]): string[][] {
  return bindings.map((b) => [b.placement, b.handler]).sort();
}

/** The operator finds the widget in an open-line chat in both messengers, and it works. */
async function operatorFindsTheWidget(page: Page, request: APIRequestContext) {
  const portal = new PortalPage(page, request);
  // Current messenger: no Applications block in the sidebar; the widget is above the input.
  await page.goto(`/?dialog=chat11&lang=en&user=${OPERATOR}&messenger=current`);
  await expect(page.getByRole('complementary', { name: 'Chat sidebar' }).getByRole('region', { name: 'Applications' })).toHaveCount(0);
  await portal.appsButton.click();
  await portal.appsPanel.getByRole('button', { name: EN.title }).click();
  await expect(portal.popup).toHaveCSS('width', '400px');
  await expect(portal.popup).toHaveCSS('height', '540px');
  await expect(portal.frame.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.querySelector<HTMLFormElement>('#app-form')!.action)).toMatch(
    new RegExp(`^${HANDLER.replace(/[.]/g, '\\.')}\\?DOMAIN=`),
  );
  // Classic messenger: the same widget in the sidebar's Applications block.
  await page.goto(`/?dialog=chat11&lang=en&user=${OPERATOR}&messenger=classic`);
  await expect(page.getByRole('region', { name: 'Applications' }).locator('#app-frame')).toHaveCount(1);
  await expect(portal.frame.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();
}

/** The operator's chat shows no widget in either messenger (the portal's note instead). */
async function operatorFindsNothing(chat: Page) {
  for (const messenger of ['current', 'classic']) {
    await chat.goto(`/?dialog=chat11&user=${OPERATOR}&messenger=${messenger}`);
    if (messenger === 'current') {
      await chat.getByRole('button', { name: 'Applications', exact: true }).click();
      await expect(chat.getByRole('toolbar', { name: 'Applications' }).getByRole('button', { name: EN.title })).toHaveCount(0);
    }
    await expect(chat.getByText('The application is not fully installed yet.')).toBeVisible();
    await expect(chat.locator('#app-frame')).toHaveCount(0);
  }
}

test.beforeEach(async ({ request }) => {
  const res = await request.post(`${PORTAL}/sandbox/reset`, { data: { installed: false } });
  expect(res.ok()).toBe(true);
});

test('an admin install binds both homes, then installFinish, and only then operators find the widget', async ({
  page,
  context,
  request,
}) => {
  const chat = await context.newPage();
  await operatorFindsNothing(chat);

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
  await expect(frame.locator(PAGE_STATUS)).toHaveText(RU.installDone);
  await expect(frame.locator(PAGE_ALERT)).toBeEmpty();

  // Each home re-bound: this app's handlers there removed, then one bind with the exact
  // options, title and per-language titles; above the chat input first.
  const steps = (await log(page))
    .filter((c) => c.method.startsWith('placement.'))
    .map((c) => [c.method, c.params.PLACEMENT, c.status]);
  expect(steps).toEqual([
    ['placement.unbind', 'IM_TEXTAREA', 200],
    ['placement.bind', 'IM_TEXTAREA', 200],
    ['placement.unbind', 'IM_SIDEBAR', 200],
    ['placement.bind', 'IM_SIDEBAR', 200],
  ]);
  const binds = (await rest(page, 'placement.bind')).map(({ params: { auth, ...params } }) => params);
  expect(binds).toEqual([bindParams('IM_TEXTAREA', 'Режимы диалога'), bindParams('IM_SIDEBAR', 'Режимы диалога')]);
  // Then installFinish, after the binds.
  await expect.poll(async () => (await frameCommands(page, 'setInstallFinish')).length).toBe(1);
  const all = await log(page);
  const lastBind = all.map((c) => c.method).lastIndexOf('placement.bind');
  expect(all.findIndex((c) => c.method === 'setInstallFinish')).toBeGreaterThan(lastBind);

  // Bound but not yet installed: operators still find nothing.
  await expect.poll(() => held !== undefined).toBe(true);
  let state = await app(page);
  expect(state.installed).toBe(false);
  expect(homes(state.bindings)).toEqual([
    ['IM_SIDEBAR', HANDLER],
    ['IM_TEXTAREA', HANDLER],
  ]);
  expect([state.textarea_visible, state.sidebar_visible]).toEqual([false, false]);
  await operatorFindsNothing(chat);

  // The portal finishes: installed, the page reloads, the app's own page opens with both homes.
  await held!.continue();
  await page.waitForURL(/install_finished=Y/);
  state = await app(page);
  expect(state.installed).toBe(true);
  expect([state.textarea_visible, state.sidebar_visible]).toEqual([true, true]);
  await expect(page.frameLocator('#app-frame').getByText(RU.textareaBound)).toBeVisible();
  await expect(page.frameLocator('#app-frame').getByText(RU.sidebarBound)).toBeVisible();

  // What the install bound is what the sandbox seeds as "installed" (so every other spec runs
  // against the bindings a real install makes).
  const installed = state.bindings.map((b) => [b.placement, b.handler, b.options]).sort();
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  const seeded = (await app(page)).bindings.map((b) => [b.placement, b.handler, b.options]).sort();
  expect(installed).toEqual(seeded);

  // An operator finds the widget, working, in both messengers (in English: sticky user/lang).
  await operatorFindsTheWidget(chat, request);
});

test('one URL for both: app.info says not installed, the app installs, and operators find it', async ({
  page,
  context,
  request,
}) => {
  const reset = await request.post(`${PORTAL}/sandbox/reset`, { data: { installed: false, install_path: 'same' } });
  expect(reset.ok()).toBe(true);
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
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.installDone);
  await expect(frame.locator(PAGE_ALERT)).toBeEmpty();
  await expect.poll(() => held !== undefined).toBe(true);
  await expect.poll(async () => (await frameCommands(page, 'setInstallFinish')).length).toBe(1);

  // app.info first (the portal says: not installed), then both homes, then installFinish.
  const steps = (await log(page))
    .filter((c) => installedOf(c) !== undefined || ['placement.unbind', 'placement.bind', 'setInstallFinish'].includes(c.method))
    .map((c) => (installedOf(c) !== undefined ? ['app.info', null, installedOf(c)] : [c.method, c.params?.PLACEMENT ?? null, null]));
  expect(steps).toEqual([
    ['app.info', null, false],
    ['placement.unbind', 'IM_TEXTAREA', null],
    ['placement.bind', 'IM_TEXTAREA', null],
    ['placement.unbind', 'IM_SIDEBAR', null],
    ['placement.bind', 'IM_SIDEBAR', null],
    ['setInstallFinish', null, null],
  ]);
  expect((await app(page)).installed).toBe(false);

  // The portal finishes and reloads: app.info now says installed, so the app page opens.
  await held!.continue();
  await page.waitForURL(/install_finished=Y/);
  await expect(page.frameLocator('#app-frame').getByText(EN.textarea.bound)).toBeVisible();
  expect(await appInfos(page)).toEqual([false, true]);
  expect(await rest(page, 'placement.bind')).toHaveLength(2);
  expect(await frameCommands(page, 'setInstallFinish')).toHaveLength(1);

  // And the operator finds the widget, working, with no app.info asked.
  await request.delete(`${PORTAL}/sandbox/calls`);
  await operatorFindsTheWidget(await context.newPage(), request);
  expect(await appInfos(page)).toEqual([]);
});

test('installing again, over this address and an earlier one, leaves exactly one binding of each home', async ({
  page,
  request,
}) => {
  // Installed (the seed), plus a binding left by an earlier address of the app.
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  await request.post(`${PORTAL}/sandbox/scenario`, { data: { user: ADMIN } });
  const token = (await (await request.get(`${PORTAL}/sandbox/state`)).json()).auth.access_token;
  const old = await request.post(`${PORTAL}/rest/placement.bind.json`, {
    data: { auth: token, PLACEMENT: 'IM_TEXTAREA', HANDLER: 'https://old.example/olm/', OPTIONS: OPTIONS },
  });
  expect((await old.json()).result).toBe(true);
  expect((await app(page)).bindings).toHaveLength(3);
  const others = await otherApps(request);
  expect(others).toHaveLength(1);

  await page.goto(`/?view=install&user=${ADMIN}`);
  await page.waitForURL(/install_finished=Y/);
  const unbinds = await rest(page, 'placement.unbind');
  // placement.unbind counts each removed row twice (docs/bitrix24.md §3).
  expect(unbinds.map((c) => [c.params.PLACEMENT, c.response.result.count])).toEqual([
    ['IM_TEXTAREA', 4],
    ['IM_SIDEBAR', 2],
  ]);
  expect(await frameCommands(page, 'setInstallFinish')).toHaveLength(1);
  const state = await app(page);
  expect(state.installed).toBe(true);
  expect(homes(state.bindings)).toEqual([
    ['IM_SIDEBAR', HANDLER],
    ['IM_TEXTAREA', HANDLER],
  ]);
  // Another app's item above the chat input is not this app's to remove.
  expect(await otherApps(request)).toEqual(others);
  await expect(page.frameLocator('#app-frame').getByText(EN.textarea.bound)).toBeVisible();
});

test('a non-admin install says only an administrator can, offers Try again, and binds nothing', async ({
  page,
  noise,
}) => {
  allowHttpStatus(noise, 403, 'placement.unbind by a non-admin is refused with 403 ACCESS_DENIED on purpose');
  await page.goto(`/?view=install&user=${OPERATOR}`);
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.installTitle);
  await expect(frame.locator(PAGE_ALERT)).toContainText(EN.notAdmin);
  await expect(frame.getByText(EN.installStopped)).toBeVisible();
  await expect(frame.locator(PAGE_STATUS)).toBeEmpty();
  // The first call is refused; nothing else is tried.
  const first = (await log(page)).filter((c) => c.method.startsWith('placement.'));
  expect(first.map((c) => [c.method, c.status, c.response.error])).toEqual([['placement.unbind', 403, 'ACCESS_DENIED']]);

  await frame.locator(PAGE_ALERT).getByRole('button', { name: EN.tryAgain, exact: true }).click();
  await expect.poll(async () => (await rest(page, 'placement.unbind')).length).toBe(2);
  await expect(frame.locator(PAGE_ALERT)).toContainText(EN.notAdmin);

  // Nothing bound, nothing finished, the page was not reloaded.
  const state = await app(page);
  expect(state.installed).toBe(false);
  expect(state.bindings).toEqual([]);
  expect(await rest(page, 'placement.bind')).toEqual([]);
  expect(await frameCommands(page, 'setInstallFinish')).toEqual([]);
  expect(page.url()).not.toMatch(/install_finished/);
});

test('the app page shows both homes to an admin and the bulk controls to an operator', async ({ page, request }) => {
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  await page.goto(`/?view=app&user=${ADMIN}`);
  let frame = page.frameLocator('#app-frame');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(EN.title);
  await expect(frame.getByText(EN.about)).toBeVisible();
  await expect(frame.getByRole('heading', { level: 2, name: EN.homesTitle })).toBeVisible();
  for (const home of [EN.textarea, EN.sidebar]) {
    const group = frame.getByRole('group', { name: home.title, exact: true });
    await expect(group.getByText(home.bound)).toBeVisible();
    await expect(group.getByRole('button', { name: home.readd, exact: true })).toBeVisible();
    await expect(group.getByRole('button', { name: home.remove, exact: true })).toBeVisible();
  }
  await expect(frame.getByText(EN.none)).toHaveCount(0);
  await expect(frame.getByRole('button', { name: EN.pinAll, exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.unpinAll, exact: true })).toBeVisible();
  expect((await rest(page, 'placement.get')).map((c) => c.status)).toEqual([200]);
  // Opening the app page changes nothing.
  expect(await rest(page, 'placement.bind')).toEqual([]);
  expect(await rest(page, 'placement.unbind')).toEqual([]);
  expect(await frameCommands(page, 'setInstallFinish')).toEqual([]);

  // An operator: no placement controls, no admin-only call; pin all works, once, after Confirm.
  await request.delete(`${PORTAL}/sandbox/calls`);
  await page.goto(`/?view=app&user=${OPERATOR}`);
  frame = page.frameLocator('#app-frame');
  await expect(frame.getByText(EN.adminOnly)).toBeVisible();
  await expect(frame.getByRole('button', { name: EN.textarea.remove, exact: true })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: EN.sidebar.remove, exact: true })).toHaveCount(0);
  await frame.getByRole('button', { name: EN.pinAll, exact: true }).click();
  await frame.getByRole('button', { name: EN.confirm, exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.pinned4);
  expect(await rest(page, 'placement.get')).toEqual([]);
  const pinAll = await rest(page, 'imopenlines.session.mode.pinAll');
  expect(pinAll.map((c) => c.response.result)).toEqual([[1101, 1301, 1801, 1901]]);
});

test('the app page unbinds and rebinds each home on its own, and says when operators will find it nowhere', async ({
  page,
  context,
  request,
}) => {
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
  const others = await otherApps(request);
  await page.goto(`/?view=app&user=${ADMIN}`);
  const frame = page.frameLocator('#app-frame');
  const textarea = frame.getByRole('group', { name: EN.textarea.title, exact: true });
  const sidebar = frame.getByRole('group', { name: EN.sidebar.title, exact: true });
  await expect(textarea.getByText(EN.textarea.bound)).toBeVisible();

  // Remove the widget from above the chat input: only that binding goes.
  await textarea.getByRole('button', { name: EN.textarea.remove, exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.textarea.removed);
  await expect(textarea.getByText(EN.textarea.notBound)).toBeVisible();
  await expect(textarea.getByRole('button', { name: EN.textarea.add, exact: true })).toBeFocused();
  await expect(sidebar.getByText(EN.sidebar.bound)).toBeVisible();
  await expect(frame.getByText(EN.none)).toHaveCount(0);
  let unbinds = await rest(page, 'placement.unbind');
  expect(unbinds.map(({ params: { auth, ...p } }) => p)).toEqual([{ PLACEMENT: 'IM_TEXTAREA' }]);
  expect(homes((await app(page)).bindings)).toEqual([['IM_SIDEBAR', HANDLER]]);
  expect(await otherApps(request)).toEqual(others);

  // The operator's current messenger no longer offers it; the classic sidebar still does.
  const chat = await context.newPage();
  const portal = new PortalPage(chat, request);
  await chat.goto(`/?dialog=chat11&user=${OPERATOR}&messenger=current`);
  await portal.appsButton.click();
  await expect(portal.appsPanel.getByRole('button', { name: 'Quick replies' })).toBeVisible();
  await expect(portal.appsPanel.getByRole('button', { name: EN.title })).toHaveCount(0);
  await chat.goto(`/?dialog=chat11&user=${OPERATOR}&messenger=classic`);
  await expect(portal.frame.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();

  // Remove the sidebar too: nothing is left, and the page says so plainly.
  await sidebar.getByRole('button', { name: EN.sidebar.remove, exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.sidebar.removed);
  await expect(frame.getByText(EN.none)).toBeVisible();
  expect((await app(page)).bindings).toEqual([]);
  await chat.goto(`/?dialog=chat11&user=${OPERATOR}&messenger=classic`);
  await expect(chat.locator('#app-frame')).toHaveCount(0);

  // Add above the chat input again: exactly one binding, with the install's options.
  await textarea.getByRole('button', { name: EN.textarea.add, exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.textarea.added);
  await expect(textarea.getByText(EN.textarea.bound)).toBeVisible();
  await expect(frame.getByText(EN.none)).toHaveCount(0);
  const bindings = (await app(page)).bindings;
  expect(bindings.map((b) => [b.placement, b.handler, b.options])).toEqual([['IM_TEXTAREA', HANDLER, TEXTAREA_OPTIONS]]);
  // Re-add leaves exactly one too.
  await textarea.getByRole('button', { name: EN.textarea.readd, exact: true }).click();
  await expect(frame.locator(PAGE_STATUS)).toHaveText(EN.textarea.added);
  expect(homes((await app(page)).bindings)).toEqual([['IM_TEXTAREA', HANDLER]]);
  unbinds = await rest(page, 'placement.unbind');
  expect(unbinds.map((c) => c.params.PLACEMENT)).toEqual(['IM_TEXTAREA', 'IM_SIDEBAR', 'IM_TEXTAREA']);
  expect(await otherApps(request)).toEqual(others);

  // The operator finds it above the input again.
  await chat.goto(`/?dialog=chat11&user=${OPERATOR}&messenger=current`);
  await portal.openFromInput();
  await expect(portal.frame.getByRole('switch', { name: EN.pin, exact: true })).toBeVisible();
});
