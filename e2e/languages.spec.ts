// The widget speaks the portal's language: all 20 Bitrix24 language ids (LANG from the portal),
// with the root's `lang` set to the BCP 47 tag, `dir="rtl"` for Arabic, English for any other
// id; every language fits the 320 px sidebar without sideways scrolling. The longest language
// is then checked in every view.
import type { Frame } from '@playwright/test';
import { test, expect, allowHttpStatus } from './fixtures';
import type { PortalPage } from './pages/portal';
import { IDS, TEXTS, catalogue, type Lang } from './texts';

/** BCP 47 tags (b24jssdk B24LocaleMap; src/domain/locale.rs). */
const TAGS: Record<Lang, string> = {
  en: 'en', ru: 'ru', de: 'de', ua: 'uk', la: 'es', br: 'pt-BR', fr: 'fr', it: 'it', pl: 'pl', tr: 'tr',
  kz: 'kk', vn: 'vi', id: 'id', ms: 'ms', th: 'th', ar: 'ar', sc: 'zh-CN', tc: 'zh-TW', ja: 'ja', in: 'hi',
};

/** The operator's list on the app page (not in the widget's views, and some of its one-word
 *  column names are words of other languages too: "Dialog" in German). */
const LIST_ONLY = /^(dialogs_|column\.|stage\.|responsible\.|channel\.|pin_row|whisper_row|confirm_(un)?pin_all_count|forecast_differs|against_forecast)/;

/** Every English text a view of the widget could show (plural forms without their number). */
const ENGLISH: string[] = Object.entries(catalogue('en'))
  .filter(([key]) => !LIST_ONLY.test(key))
  .flatMap(([, v]) =>
    typeof v === 'string' ? [v] : Object.values(v).map((f) => f.replace('{n}', '').trim()),
  );

/** The root's lang and dir, the frame's width and whether anything scrolls sideways, inside the
 *  frame. */
async function layout(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.getElementById('olm-root')!;
    const html = document.documentElement;
    return {
      lang: root.getAttribute('lang'),
      dir: root.getAttribute('dir'),
      width: window.innerWidth,
      overflow: html.scrollWidth - html.clientWidth,
      text: document.body.innerText,
    };
  });
}

/** The view fits the panel: a frame of at most 320 px, no sideways scroll, the language's lang and dir, and (for a
 *  language other than English) no English text on screen. */
async function expectFits(portal: PortalPage, lang: Lang, view: string) {
  const frame = await portal.widgetFrame();
  await portal.frameSettled();
  const l = await layout(frame);
  expect(l.lang, view).toBe(TAGS[lang]);
  expect(l.dir, view).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  // The sandbox's 320 px sidebar, less its padding and border: the frame is 303 px wide.
  expect(l.width, view).toBeLessThanOrEqual(320);
  expect(l.width, view).toBeGreaterThanOrEqual(280);
  expect(l.overflow, `${view}: sideways scroll`).toBe(0);
  if (lang !== 'en') {
    const english = ENGLISH.filter((e) => l.text.includes(e));
    expect(english, `${view}: English on screen`).toEqual([]);
  }
}

for (const lang of IDS) {
  test(`portal language ${lang}: every text in ${lang}, lang=${TAGS[lang]}, fits 320 px`, async ({ portal }) => {
    const t = TEXTS[lang];
    await portal.open('chat11', lang, { messenger: 'classic' });
    expect(portal.t).toBe(t);
    await expectFits(portal, lang, 'default view');

    await expect(portal.heading).toHaveText(t.title);
    await expect(portal.pinSwitch).toHaveAccessibleDescription(t.pinHintUnpinned);
    await expect(portal.whisperSwitch).toHaveAccessibleDescription(t.whisperHint);
    await expect(portal.frame.getByRole('heading', { level: 2 })).toHaveText(t.bulkTitle);
    await expect(portal.pinAllButton).toBeVisible();
    await expect(portal.unpinAllButton).toBeVisible();

    await portal.pinAllButton.click();
    await expect(portal.confirmation(t.confirmPinAll)).toBeVisible();
    await expect(portal.confirmButton).toBeVisible();
    await portal.cancel();
    await expect(portal.confirmation(t.confirmPinAll)).toBeHidden();

    await portal.pinSwitch.click();
    await expect(portal.status).toHaveText(t.pinned);
    await expect(portal.pinSwitch).toHaveAccessibleDescription(t.pinHintPinned);
    await portal.whisperSwitch.click();
    await expect(portal.status).toHaveText(t.whisperOn);
  });
}

test('a language Bitrix24 does not have (xx) is English', async ({ portal }) => {
  await portal.open('chat11', 'xx', { messenger: 'classic' });
  const frame = await portal.widgetFrame();
  expect((await layout(frame)).lang).toBe('en');
  await expect(portal.heading).toHaveText(TEXTS.en.title);
});

/** The language whose texts are longest in all (the hardest to fit). */
const LONGEST: Lang = [...IDS].sort(
  (a, b) => JSON.stringify(catalogue(b)).length - JSON.stringify(catalogue(a)).length,
)[0];

test(`the longest language (${LONGEST}) fits 320 px in every view`, async ({ portal, page, noise }) => {
  allowHttpStatus(noise, 400, 'the pin refused on purpose (access withdrawn)');
  allowHttpStatus(noise, 403, 'placement.bind by a non-admin is refused on purpose');
  const lang = LONGEST;
  const t = TEXTS[lang];
  const c = catalogue(lang);
  await portal.open('chat11', lang, { messenger: 'classic' });
  await expectFits(portal, lang, 'sidebar');

  await portal.pinAllButton.click();
  await expect(portal.confirmation(t.confirmPinAll)).toBeVisible();
  await expectFits(portal, lang, 'confirmation');
  await portal.cancel();

  // A refusal with its advice and Try again.
  await portal.patchChat(11, { member: false, can_join: false });
  await portal.pinSwitch.click();
  await expect(portal.alertMessage).toHaveText(`${c['failed.pin']} ${c['why.no_access']}`);
  await expectFits(portal, lang, 'alert');

  // The one-message notice (a private chat).
  await portal.open('5', lang, { messenger: 'classic', ready: false });
  await expect(portal.notice).toHaveText(c['no_chat.private'] as string);
  await expectFits(portal, lang, 'notice');

  // The app page (an administrator) and the install page, in a portal only 320 px wide (they
  // open in the portal's main area, not in the sidebar).
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`/?view=app&user=3&lang=${lang}`);
  await expect(portal.frame.getByText(c.app_about as string)).toBeVisible();
  await expect(portal.frame.getByText(c['home.textarea.bound'] as string)).toBeVisible();
  await expect(portal.frame.getByText(c['home.sidebar.bound'] as string)).toBeVisible();
  await expectFits(portal, lang, 'app page');

  // The install page, stopped with its alert (an operator cannot install: nothing reloads).
  await page.goto(`/?view=install&user=1&lang=${lang}`);
  await expect(portal.frame.getByRole('heading', { level: 1 })).toHaveText(c.install_title as string);
  await expect(portal.alertMessage).toHaveText(`${c['placement_failed.install']} ${c['placement_why.not_admin']}`);
  await expect(portal.frame.getByText(c.install_stopped as string)).toBeVisible();
  await expectFits(portal, lang, 'install page');
});
