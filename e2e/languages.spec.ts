// The widget speaks the portal's language (LANG from the portal: ru, en, de, ua) and English
// for any language it does not have.
import { test, expect } from './fixtures';
import { TEXTS, type Lang } from './texts';

const cases: { lang: string; texts: Lang; htmlLang: string }[] = [
  { lang: 'ru', texts: 'ru', htmlLang: 'ru' },
  { lang: 'en', texts: 'en', htmlLang: 'en' },
  { lang: 'de', texts: 'de', htmlLang: 'de' },
  { lang: 'ua', texts: 'ua', htmlLang: 'uk' },
  { lang: 'fr', texts: 'en', htmlLang: 'en' }, // unknown → English
];

for (const c of cases) {
  test(`portal language ${c.lang}: every text in ${c.texts}`, async ({ portal }) => {
    const t = TEXTS[c.texts];
    await portal.open('chat11', c.lang);
    expect(portal.t).toBe(t);
    const frame = await portal.widgetFrame();
    expect(await frame.evaluate(() => document.getElementById('olm-root')?.getAttribute('lang'))).toBe(c.htmlLang);

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
