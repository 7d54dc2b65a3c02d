// Page object: the sandbox portal's open-line chat page with the widget in one of its homes (the
// current messenger's popup above the chat input, or the classic messenger's sidebar frame),
// plus the sandbox's scenario API and call log (what the portal actually received).
import { expect, type APIRequestContext, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Lang, type Texts } from '../texts';

const PORTAL = 'http://127.0.0.1:18090';

/** The session-mode writes the widget can send. */
export const PIN = 'imopenlines.session.mode.pin';
export const SILENT = 'imopenlines.session.mode.silent';
export const PIN_ALL = 'imopenlines.session.mode.pinAll';
export const UNPIN_ALL = 'imopenlines.session.mode.unpinAll';

/** One entry of `GET /sandbox/calls`. */
export interface Call {
  seq: number;
  kind: 'rest' | 'frame';
  method: string;
  params: any;
  status: number;
  response: any;
  at_ms: number;
}

/** One chat of `GET /sandbox/state`. */
export interface SandboxChat {
  id: number;
  dialog_id: string;
  name: string;
  pinned: boolean;
  whisper: boolean;
  entity_data_3: string;
  owner: number;
  operator: number;
  session_id: number;
  session_status: number;
  messages: { system: boolean; code: string | null; text: string }[];
}

/** Which messenger the sandbox plays (docs/sandbox.md "Two messengers"). */
export type Messenger = 'current' | 'classic';

export interface OpenOptions {
  /**
   * `current` (the default, as in the sandbox): the widget is opened from the apps panel above
   * the chat input, in a popup of its bound size (IM_TEXTAREA); `classic`: it is framed in the
   * chat sidebar's Applications block (IM_SIDEBAR) and follows its content's height.
   */
  messenger?: Messenger;
  /** Sidebar width in px (the portal's default is 320). */
  width?: number;
  /** `sidebar` (IM_SIDEBAR), `app` (DEFAULT) or `install`. */
  view?: 'sidebar' | 'app' | 'install';
  /** Raw PLACEMENT_OPTIONS JSON; `''` = no options at all. */
  options?: string;
  /** Wait for the switches (default true). */
  ready?: boolean;
}

export class PortalPage {
  /** The widget's frame inside the portal page. */
  readonly frame: FrameLocator;
  /** The texts of the language the page was opened with (English for unknown ones). */
  t: Texts = TEXTS.en;
  /** The messenger the page was last opened with. */
  messenger: Messenger = 'current';

  constructor(
    readonly page: Page,
    readonly request: APIRequestContext,
  ) {
    this.frame = page.frameLocator('#app-frame');
  }

  /** Opens the chat page for `dialog` with the portal language `lang`. */
  async open(dialog = 'chat11', lang = 'en', opts: OpenOptions = {}) {
    this.messenger = opts.messenger ?? 'current';
    const q = new URLSearchParams({ dialog, lang, messenger: this.messenger });
    if (opts.width) q.set('width', String(opts.width));
    if (opts.view) q.set('view', opts.view);
    if (opts.options !== undefined) q.set('options', opts.options);
    this.t = TEXTS[lang as Lang] ?? TEXTS.en;
    await this.page.goto(`/?${q}`);
    if ((opts.view ?? 'sidebar') === 'sidebar' && this.messenger === 'current') {
      await this.openFromInput();
    }
    if (opts.ready ?? true) {
      await expect(this.pinSwitch).toBeVisible();
      await expect(this.whisperSwitch).toBeVisible();
    }
  }

  /** The current messenger: the apps icon under the input, then the widget's item in the panel
   *  (the app's own binding), which opens it in a popup. */
  async openFromInput() {
    if ((await this.appsButton.getAttribute('aria-expanded')) !== 'true') await this.appsButton.click();
    await this.page.locator('.apps-panel .app-item[data-ours="true"]').click();
    await expect(this.popup).toBeVisible();
  }
  /** The apps icon of the chat input (current messenger). */
  get appsButton(): Locator {
    return this.page.getByRole('button', { name: 'Applications', exact: true });
  }
  /** The apps panel above the chat input (current messenger). */
  get appsPanel(): Locator {
    return this.page.getByRole('toolbar', { name: 'Applications', exact: true });
  }
  /** The popup an app of the panel opens in (current messenger). */
  get popup(): Locator {
    return this.page.locator('.market-app-popup');
  }

  // ------------------------------------------------------------ the widget, by role and name
  get heading(): Locator {
    return this.frame.getByRole('heading', { level: 1 });
  }
  get pinSwitch(): Locator {
    return this.frame.getByRole('switch', { name: this.t.pin, exact: true });
  }
  get whisperSwitch(): Locator {
    return this.frame.getByRole('switch', { name: this.t.whisper, exact: true });
  }
  get pinAllButton(): Locator {
    return this.button(this.t.pinAll);
  }
  get unpinAllButton(): Locator {
    return this.button(this.t.unpinAll);
  }
  get confirmButton(): Locator {
    return this.button(this.t.confirm);
  }
  get cancelButton(): Locator {
    return this.button(this.t.cancel);
  }
  /**
   * Waits until the frame is exactly as tall as the widget's content. The widget asks the portal
   * to resize the frame 50 ms after its content changes; a click sent while the frame is being
   * resized can land on stale coordinates (seen once in CI: a "Cancel" that hit nothing).
   */
  async frameSettled() {
    if (this.messenger === 'current') {
      // The popup keeps the size its binding asked for; nothing is resized (and the widget
      // never asks to be: see e2e/homes.spec.ts).
      return;
    }
    const frame = await this.widgetFrame();
    await expect
      .poll(
        async () => {
          const content = await frame.evaluate(() =>
            Math.ceil(document.getElementById('olm-root')!.getBoundingClientRect().height),
          );
          return Math.round((await this.frameElement.boundingBox())!.height) - content;
        },
        { message: 'frame height − content height' },
      )
      .toBe(0);
  }
  /** Presses "Confirm" in the open confirmation, once the frame has its new height. */
  async confirm() {
    await this.frameSettled();
    await this.confirmButton.click();
  }
  /** Presses "Cancel" in the open confirmation, once the frame has its new height. */
  async cancel() {
    await this.frameSettled();
    await this.cancelButton.click();
  }
  /** Presses "Try again" in the alert, once the frame has its new height. */
  async tryAgain() {
    await this.frameSettled();
    await this.tryAgainButton.click();
  }
  get tryAgainButton(): Locator {
    return this.alert.getByRole('button', { name: this.t.tryAgain, exact: true });
  }
  /** The confirmation, a group named by its question. */
  confirmation(question: string): Locator {
    return this.frame.getByRole('group', { name: question, exact: true });
  }
  get alert(): Locator {
    return this.frame.getByRole('alert');
  }
  /** The alert's message alone (without its "Try again" button), for exact comparisons. */
  get alertMessage(): Locator {
    return this.alert.locator('p');
  }
  get status(): Locator {
    return this.frame.getByRole('status');
  }
  /** The widget's one-message notice where it cannot work (no controls). */
  get notice(): Locator {
    return this.frame.locator('main p.olm-notice');
  }
  button(name: string): Locator {
    return this.frame.getByRole('button', { name, exact: true });
  }
  /** The `<iframe>` element on the portal page. */
  get frameElement(): Locator {
    return this.page.locator('#app-frame');
  }
  /** The frame as a `Frame` (for evaluate). */
  async widgetFrame(): Promise<Frame> {
    const handle = await this.frameElement.elementHandle();
    const frame = await handle!.contentFrame();
    return frame!;
  }

  /** Switch `s` shows `on` and is not busy. */
  async expectSwitch(s: Locator, on: boolean) {
    await expect(s).toHaveAttribute('aria-checked', on ? 'true' : 'false');
    await expect(s).not.toHaveAttribute('aria-busy', 'true');
  }

  // ------------------------------------------------------------ the sandbox
  /** REST calls the portal received, optionally only `method`'s. */
  async calls(method?: string): Promise<Call[]> {
    const all: Call[] = await (await this.request.get(`${PORTAL}/sandbox/calls`)).json();
    return all.filter((c) => c.kind === 'rest' && (method === undefined || c.method === method));
  }
  /** Frame-protocol messages the portal received. */
  async frameCalls(command?: string): Promise<Call[]> {
    const all: Call[] = await (await this.request.get(`${PORTAL}/sandbox/calls`)).json();
    return all.filter((c) => c.kind === 'frame' && (command === undefined || c.method === command));
  }
  /** Every `imopenlines.session.mode.*` write, in order. */
  async writes(): Promise<Call[]> {
    return (await this.calls()).filter((c) => c.method.startsWith('imopenlines.session.mode.'));
  }
  async clearCalls() {
    await this.request.delete(`${PORTAL}/sandbox/calls`);
  }
  async chat(id: number): Promise<SandboxChat> {
    const state = await (await this.request.get(`${PORTAL}/sandbox/state`)).json();
    return state.chats.find((c: SandboxChat) => c.id === id);
  }
  /** `POST /sandbox/scenario` (latency, faults, expired tokens, portal too old…). */
  async scenario(body: object) {
    const res = await this.request.post(`${PORTAL}/sandbox/scenario`, { data: body });
    expect(res.ok(), `scenario ${JSON.stringify(body)}`).toBe(true);
  }
  /** `GET /sandbox/state` as it is. */
  async state(): Promise<any> {
    return (await this.request.get(`${PORTAL}/sandbox/state`)).json();
  }

  /**
   * The operator leaves the chat and comes back: inside the widget's frame `visibilityState`
   * becomes `hidden`, then `visible`, each with its `visibilitychange` event (what the browser
   * does when the tab or the sidebar is hidden and shown again).
   */
  async hideAndShowFrame() {
    const frame = await this.widgetFrame();
    await frame.evaluate(() => {
      for (const value of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }
    });
  }

  /**
   * An administrator re-binds the widget above the chat input for every kind of chat (context
   * `ALL`) through REST, so the messenger offers it in a group chat too. The current user is
   * the operator (1) again afterwards.
   */
  async bindForEveryChat() {
    await this.scenario({ user: 3 });
    const auth = (await this.state()).auth.access_token;
    const call = async (method: string, params: object) => {
      const res = await this.request.post(`${PORTAL}/rest/${method}.json`, { data: { auth, ...params } });
      expect(res.ok(), method).toBe(true);
    };
    await call('placement.unbind', { PLACEMENT: 'IM_TEXTAREA' });
    await call('placement.bind', {
      PLACEMENT: 'IM_TEXTAREA',
      HANDLER: 'http://127.0.0.1:18080/',
      OPTIONS: { iconName: 'fa-thumb-tack', context: 'ALL', width: 400, height: 540 },
    });
    await this.scenario({ user: 1 });
  }

  /** Someone else changed the chat (`PATCH /sandbox/chats/<id>`). */
  async patchChat(id: number, body: object) {
    const res = await this.request.patch(`${PORTAL}/sandbox/chats/${id}`, { data: body });
    expect(res.ok(), `patch chat${id} ${JSON.stringify(body)}`).toBe(true);
  }
}
