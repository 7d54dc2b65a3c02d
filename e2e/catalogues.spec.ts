// The catalogues' completeness, in the README test command (no browser needed): every language
// has every key of en.json, the same placeholders, exactly the plural forms Intl.PluralRules names
// for its tag (plus `none`), plain text only, and no text left in English
// (scripts/i18n-check.mjs, which translators run by hand). Also: the language tables of the
// checker, the widget (src/domain/locale.rs) and the specs agree, and the specs' literal copies of
// en/ru/de/ua still equal the catalogues.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { IDS, LITERAL, KEYS, catalogue } from './texts';

// The checker is an ES module; Playwright's loader imports it as such.
const check = import('../scripts/i18n-check.mjs');

test('there is a catalogue for each of the 20 Bitrix24 languages and no other', async () => {
  const { ids } = await check;
  expect(ids()).toEqual([...IDS].sort());
});

for (const id of IDS) {
  test(`catalogue ${id} is complete: keys, placeholders, CLDR plural forms, nothing left in English`, async () => {
    const { problems } = await check;
    expect(problems(id)).toEqual([]);
  });
}

test('the checker, the widget and the specs name the same tags', async () => {
  const { LOCALES } = await check;
  const rust = readFileSync(join(__dirname, '..', 'src', 'domain', 'locale.rs'), 'utf8');
  const rows = [...rust.matchAll(/\(Locale::\w+, "(\w+)", "([\w-]+)"\)/g)].map((m) => [m[1], m[2]]);
  expect(Object.fromEntries(rows)).toEqual(LOCALES);
  expect(Object.keys(LOCALES)).toEqual([...IDS]);
});

test('index.html prefetches the catalogue of every language but English, and only those', async () => {
  const html = readFileSync(join(__dirname, '..', 'index.html'), 'utf8');
  const m = /LANG=\(([a-z|]+)\)/.exec(html);
  expect(m, 'the prefetch pattern in index.html').not.toBeNull();
  expect(m![1].split('|').sort()).toEqual(IDS.filter((id) => id !== 'en').sort());
});

test('the specs’ literal texts still equal the catalogues', async () => {
  for (const [id, texts] of Object.entries(LITERAL)) {
    const c = catalogue(id);
    for (const [field, key] of Object.entries(KEYS)) {
      expect(texts[field as keyof typeof texts], `${id} ${key}`).toBe(c[key]);
    }
  }
});

test('the checker catches what it is for', async () => {
  // Honest only if it can fail: a broken copy of a real catalogue.
  const { problems } = await check;
  const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const ru = catalogue('ru');
  const broken = { ...ru } as Record<string, unknown>;
  delete broken.title;
  broken.cancel = catalogue('en').cancel;
  broken.pinned_count = { none: 'нет', one: 'Закреплён {n}', other: 'Закреплено' };
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  copyFileSync(join(__dirname, '..', 'i18n', 'en.json'), join(dir, 'en.json'));
  writeFileSync(join(dir, 'ru.json'), JSON.stringify(broken));
  const found = problems('ru', undefined, dir);
  expect(found).toEqual([
    'ru: missing title',
    'ru: cancel is still English',
    'ru: pinned_count has forms [none one other], ru needs [few many none one other]',
    'ru: pinned_count.other must contain {n}',
  ]);
});
