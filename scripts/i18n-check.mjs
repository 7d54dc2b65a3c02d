// The catalogues' completeness, against i18n/en.json (the source of every key):
//   node scripts/i18n-check.mjs [id ...]     (no ids: every i18n/*.json)
// For each language file it lists what is wrong; exit 1 when anything is. e2e/catalogues.spec.ts
// runs the same checks in the README test command.
//
// A catalogue is one flat JSON object. A text is a string; a count is an object with `none` (the
// sentence for 0) and one text per CLDR plural category of the language, as the browser's
// Intl.PluralRules lists them (Arabic: zero one two few many other), each with `{n}`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'i18n');

// Bitrix24 language id → BCP 47 tag (b24jssdk B24LocaleMap; docs/i18n.md). The widget's
// src/domain/locale.rs holds the same table; e2e/catalogues.spec.ts checks that they agree.
export const LOCALES = {
  en: 'en', ru: 'ru', de: 'de', ua: 'uk', la: 'es', br: 'pt-BR', fr: 'fr', it: 'it', pl: 'pl',
  tr: 'tr', kz: 'kk', vn: 'vi', id: 'id', ms: 'ms', th: 'th', ar: 'ar', sc: 'zh-CN', tc: 'zh-TW',
  ja: 'ja', in: 'hi',
};

// Texts that may equal the English one in another language (none so far).
const SAME_AS_ENGLISH = new Set([]);

export function load(id, dir = DIR) {
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
}

const placeholders = (s) => [...s.matchAll(/\{[a-z_]*\}/g)].map((m) => m[0]).sort().join(' ');

/** What is wrong with catalogue `id` in `dir` (an empty list when nothing is). */
export function problems(id, en, dir = DIR) {
  en = en ?? load('en', dir);
  const out = [];
  const tag = LOCALES[id];
  if (!tag) return [`${id}: not a Bitrix24 language id`];
  let cat;
  try {
    cat = load(id, dir);
  } catch (e) {
    return [`${id}: ${e.message}`];
  }
  const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  for (const key of Object.keys(en)) {
    if (!(key in cat)) out.push(`${id}: missing ${key}`);
  }
  for (const [key, value] of Object.entries(cat)) {
    const source = en[key];
    if (source === undefined) {
      out.push(`${id}: ${key} is not a key of en.json`);
      continue;
    }
    if (typeof source === 'string') {
      if (typeof value !== 'string' || value.trim() === '') {
        out.push(`${id}: ${key} must be a non-empty text`);
        continue;
      }
      if (placeholders(value) !== placeholders(source)) out.push(`${id}: ${key} placeholders differ from en`);
      if (/[<>]/.test(value)) out.push(`${id}: ${key} has < or > (texts are plain text)`);
      if (id !== 'en' && value === source && !SAME_AS_ENGLISH.has(key)) out.push(`${id}: ${key} is still English`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.push(`${id}: ${key} must be an object of plural forms`);
      continue;
    }
    const want = ['none', ...categories].sort().join(' ');
    const have = Object.keys(value).sort().join(' ');
    if (want !== have) out.push(`${id}: ${key} has forms [${have}], ${tag} needs [${want}]`);
    for (const [form, text] of Object.entries(value)) {
      if (typeof text !== 'string' || text.trim() === '') {
        out.push(`${id}: ${key}.${form} must be a non-empty text`);
        continue;
      }
      const needs = form === 'none' ? '' : '{n}';
      if (placeholders(text) !== needs) out.push(`${id}: ${key}.${form} must contain ${needs || 'no placeholder'}`);
      if (/[<>]/.test(text)) out.push(`${id}: ${key}.${form} has < or >`);
      const english = source[form] ?? source.other;
      if (id !== 'en' && text === english) out.push(`${id}: ${key}.${form} is still English`);
    }
  }
  return out;
}

export function ids() {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2);
  const en = load('en');
  const all = (wanted.length ? wanted : ids()).flatMap((id) => problems(id, en));
  for (const p of all) console.log(p);
  console.log(all.length ? `i18n: ${all.length} problems` : 'i18n: every catalogue is complete');
  process.exit(all.length ? 1 : 0);
}
