// The sandbox portal speaks the Bitrix24 frame protocol and REST the way the classic library
// expects. Driven through the built-in probe page (app origin, /__sandbox/probe.html), which
// loads the stand-in library from the portal origin; the widget's dist/ is not needed.
import { test, expect, type Frame, type Page } from '@playwright/test';

const PORTAL = 'http://127.0.0.1:18090';
const APP = 'http://127.0.0.1:18080';
const PROBE = `${APP}/__sandbox/probe.html`;

type CallResult = {
  timeout?: boolean;
  data?: any;
  error?: { error: string; error_description: string } | null;
  errorText?: string | null;
  status?: number;
};
type LogEntry = { seq: number; kind: string; method: string; params: any; status: number; response: any };

async function openProbe(page: Page, query = ''): Promise<Frame> {
  // The classic messenger frames the sidebar's app at once (the protocol is the same in both).
  await page.goto(`/?messenger=classic&app_url=${encodeURIComponent(PROBE)}${query}`);
  const handle = await page.locator('#app-frame').elementHandle();
  const frame = await handle!.contentFrame();
  await expect.poll(() => frame!.evaluate(() => (window as any).probe?.ready === true)).toBe(true);
  return frame!;
}

function call(frame: Frame, method: string, params: object = {}, timeoutMs = 3000): Promise<CallResult> {
  return frame.evaluate(
    ([m, p, t]) => (window as any).probe.call(m, p, t),
    [method, params, timeoutMs] as const,
  );
}

async function calls(page: Page): Promise<LogEntry[]> {
  return (await page.request.get(`${PORTAL}/sandbox/calls`)).json();
}

test.beforeEach(async ({ request }) => {
  await request.post(`${PORTAL}/sandbox/reset`, { data: {} });
});

test('init data arrives with the placement, an options object and a numeric PROTOCOL', async ({ page }) => {
  const frame = await openProbe(page, '&dialog=chat12');
  const init = await frame.evaluate(() => (window as any).probe.rawInitData());
  expect(init.PLACEMENT).toBe('IM_SIDEBAR');
  expect(init.PROTOCOL).toBe(0);
  expect(typeof init.PROTOCOL).toBe('number');
  expect(init.DOMAIN).toBe('127.0.0.1:18090');
  expect(init.PATH).toBe('/rest');
  expect(init.PLACEMENT_OPTIONS).toEqual({ dialogId: 'chat12' });
  const info = await frame.evaluate(() => (window as any).BX24.placement.info());
  expect(info).toEqual({ placement: 'IM_SIDEBAR', options: { dialogId: 'chat12' } });
  expect(await frame.evaluate(() => (window as any).BX24.getLang())).toBe('en');
  // The frame is named like a portal names it and was loaded by a POST form.
  expect(await frame.evaluate(() => window.name)).toMatch(/^127\.0\.0\.1:18090\|0\|[0-9a-f]{32}$/);
});

test('a REST call round-trips through the stand-in library', async ({ page }) => {
  const frame = await openProbe(page);
  const res = await call(frame, 'profile');
  expect(res.timeout).toBeUndefined();
  expect(res.error).toBeNull();
  expect(Number(res.data.ID)).toBe(1);
  const log = (await calls(page)).filter((c) => c.kind === 'rest');
  expect(log.at(-1)).toMatchObject({ method: 'profile', status: 200, params: { auth: 'REDACTED' } });
});

test('an empty error from the server is still an error for the library', async ({ page }) => {
  const frame = await openProbe(page, '&dialog=chat14');
  const res = await call(frame, 'imopenlines.session.mode.pin', { CHAT_ID: 14, ACTIVATE: 'Y' });
  expect(res.status).toBe(400);
  expect(res.error).toEqual({ error: '', error_description: '' });
});

test('pinning from the frame posts the system message on the portal page', async ({ page }) => {
  const frame = await openProbe(page);
  const res = await call(frame, 'imopenlines.session.mode.pin', { CHAT_ID: 11, ACTIVATE: 'Y' });
  expect(res.data).toBe(true);
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(
    'The conversation is assigned to agent, auto close date moved to',
  );
});

test('resizeWindow really resizes the frame', async ({ page }) => {
  const frame = await openProbe(page);
  const reply = await frame.evaluate(() => (window as any).probe.resize(300, 420));
  expect(reply.height).toBe(420);
  const box = await page.locator('#app-frame').boundingBox();
  expect(Math.round(box!.height)).toBe(420);
  // The portal page logs a frame command with its own request, which may land after its reply.
  await expect
    .poll(async () => (await calls(page)).some((c) => c.kind === 'frame' && c.method === 'resizeWindow' && c.params.height === 420))
    .toBe(true);
});

test('an expired token is refreshed through the parent and the call still succeeds', async ({ page }) => {
  const frame = await openProbe(page);
  await page.request.post(`${PORTAL}/sandbox/scenario`, { data: { expire_token: true } });
  await page.request.delete(`${PORTAL}/sandbox/calls`);
  const res = await call(frame, 'profile');
  expect(Number(res.data.ID)).toBe(1);
  const log = await calls(page);
  const rest = log.filter((c) => c.kind === 'rest' && c.method === 'profile');
  expect(rest.map((c) => c.status)).toEqual([401, 200]);
  expect(rest[0].response.error).toBe('expired_token');
  await expect.poll(async () => (await calls(page)).some((c) => c.kind === 'frame' && c.method === 'refreshAuth')).toBe(true);
});

test('a 503 never calls back and the library throws Query error!', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const frame = await openProbe(page);
  await page.request.post(`${PORTAL}/sandbox/scenario`, { data: { fail_next: { count: 1, mode: '503' } } });
  const res = await call(frame, 'imopenlines.session.mode.pin', { CHAT_ID: 11 }, 2000);
  expect(res.timeout).toBe(true);
  // The library is a cross-origin script, so the frame itself only sees "Script error.".
  expect(await frame.evaluate(() => (window as any).__errors)).toHaveLength(1);
  expect(errors.join('\n')).toContain('Query error!');
  const log = (await calls(page)).filter((c) => c.kind === 'rest');
  expect(log.at(-1)).toMatchObject({ method: 'imopenlines.session.mode.pin', status: 503 });
});

test('a dropped connection is a network error: no callback, no browser retry', async ({ page }) => {
  const frame = await openProbe(page);
  await call(frame, 'profile'); // leave a connection behind that a browser could reuse
  await page.request.post(`${PORTAL}/sandbox/scenario`, { data: { fail_next: { count: 1, mode: 'drop' } } });
  const res = await call(frame, 'imopenlines.session.mode.pin', { CHAT_ID: 11 }, 2000);
  expect(res.timeout).toBe(true);
  const pins = (await calls(page)).filter((c) => c.method === 'imopenlines.session.mode.pin');
  expect(pins.map((c) => c.status)).toEqual([0]);
});

test('opened top-level (no window.name), the library sets BX24 to null and throws', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PROBE);
  expect(await page.evaluate(() => (window as any).BX24)).toBeNull();
  expect(errors).toContain('Unable to initialize Bitrix24 JS library!');
  await expect(page.getByRole('status')).toHaveText('no BX24');
});

test('a hostile chat name is rendered as text', async ({ page }) => {
  await page.goto('/?dialog=chat18');
  await expect(page.locator('.chat-title')).toContainText('<img src=x onerror=');
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test('installFinish in install mode marks the app installed and reloads the portal page', async ({ page, request }) => {
  await request.post(`${PORTAL}/sandbox/reset`, { data: { installed: false } });
  const frame = await openProbe(page, '&view=install');
  const init = await frame.evaluate(() => (window as any).probe.rawInitData());
  expect(init).toMatchObject({ PLACEMENT: 'DEFAULT', INSTALL: true, FIRST_RUN: true, PLACEMENT_OPTIONS: [] });
  await frame.evaluate(() => (window as any).BX24.installFinish());
  await page.waitForURL(/install_finished=Y/);
  const state = await (await request.get(`${PORTAL}/sandbox/state`)).json();
  expect(state.app.installed).toBe(true);
  // After the reload the page is no longer in install mode.
  const again = await openProbe(page, '&view=install&install_finished=Y');
  expect(await again.evaluate(() => (window as any).probe.rawInitData().INSTALL)).toBe(false);
});

test('setTitle gets no answer inside a placement', async ({ page }) => {
  const frame = await openProbe(page);
  const answered = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        setTimeout(() => resolve(false), 1000);
        (window as any).BX24.setTitle('x', () => resolve(true));
      }),
  );
  expect(answered).toBe(false);
});
