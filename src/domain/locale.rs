//! The 20 portal languages of Bitrix24 and their BCP 47 tags, and what a count needs from a
//! language (its plural categories and digits, which the browser supplies through the port).
//! Pure data: the port and the texts both use it, so it lives in the domain.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::wire::Loose;

/// A portal language: Bitrix24's `LANGUAGE_ID` (`BX24.getLang()`), one of 20.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, also the fallback for every language Bitrix24 does not have.
    #[default]
    En,
    /// Russian.
    Ru,
    /// German.
    De,
    /// Ukrainian (`ua`, tag `uk`).
    Ua,
    /// Spanish (`la`, tag `es`).
    La,
    /// Brazilian Portuguese (`br`, tag `pt-BR`).
    Br,
    /// French.
    Fr,
    /// Italian.
    It,
    /// Polish.
    Pl,
    /// Turkish.
    Tr,
    /// Kazakh (`kz`, tag `kk`).
    Kz,
    /// Vietnamese (`vn`, tag `vi`).
    Vn,
    /// Indonesian.
    Id,
    /// Malay.
    Ms,
    /// Thai.
    Th,
    /// Arabic, written right to left.
    Ar,
    /// Simplified Chinese (`sc`, tag `zh-CN`).
    Sc,
    /// Traditional Chinese (`tc`, tag `zh-TW`).
    Tc,
    /// Japanese.
    Ja,
    /// Hindi (`in`, tag `hi`).
    In,
}

/// Every locale with its Bitrix24 id and BCP 47 tag (b24jssdk `B24LocaleMap`, region dropped
/// where the language has one main variant; docs/i18n.md). `scripts/i18n-check.mjs` holds the
/// same table and `e2e/catalogues.spec.ts` checks that the two agree.
const TABLE: [(Locale, &str, &str); 20] = [
    (Locale::En, "en", "en"),
    (Locale::Ru, "ru", "ru"),
    (Locale::De, "de", "de"),
    (Locale::Ua, "ua", "uk"),
    (Locale::La, "la", "es"),
    (Locale::Br, "br", "pt-BR"),
    (Locale::Fr, "fr", "fr"),
    (Locale::It, "it", "it"),
    (Locale::Pl, "pl", "pl"),
    (Locale::Tr, "tr", "tr"),
    (Locale::Kz, "kz", "kk"),
    (Locale::Vn, "vn", "vi"),
    (Locale::Id, "id", "id"),
    (Locale::Ms, "ms", "ms"),
    (Locale::Th, "th", "th"),
    (Locale::Ar, "ar", "ar"),
    (Locale::Sc, "sc", "zh-CN"),
    (Locale::Tc, "tc", "zh-TW"),
    (Locale::Ja, "ja", "ja"),
    (Locale::In, "in", "hi"),
];

impl Locale {
    /// Every locale, in declaration order.
    pub const ALL: [Locale; 20] = {
        let mut all = [Locale::En; 20];
        let mut i = 0;
        while i < 20 {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    /// The locale for a Bitrix24 `LANG` id (`ru`, `ua`, `la`, `sc` …) or a browser language tag
    /// (`uk-UA`, `es-MX`, `pt`, `zh-Hant`, `kk` …): any case, spaces around ignored, `-` or `_`.
    /// An id wins over a tag (`in` is Bitrix24's Hindi, not the old tag for Indonesian).
    /// Anything else, including `""`, is [`Locale::En`].
    pub fn from_lang(code: &str) -> Locale {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split('-');
        let primary = parts.next().unwrap_or("");
        if let Some(&(locale, _, _)) = TABLE.iter().find(|(_, id, _)| *id == primary) {
            return locale;
        }
        match primary {
            "uk" => Locale::Ua,
            "es" => Locale::La,
            "pt" => Locale::Br,
            "kk" => Locale::Kz,
            "vi" => Locale::Vn,
            "hi" => Locale::In,
            "zh" => {
                // Traditional: zh-Hant, zh-TW, zh-HK, zh-MO; everything else is Simplified.
                if parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo")) {
                    Locale::Tc
                } else {
                    Locale::Sc
                }
            }
            _ => Locale::En,
        }
    }

    fn row(self) -> (Locale, &'static str, &'static str) {
        TABLE[self as usize]
    }

    /// The Bitrix24 id: `"en"`, `"ua"`, `"la"`, `"sc"` … (also the catalogue's file name).
    pub fn code(self) -> &'static str {
        self.row().1
    }

    /// The BCP 47 tag for the root's `lang` and for `Intl`: `"uk"` for `ua`, `"es"` for `la`,
    /// `"zh-CN"` for `sc` …
    pub fn html_lang(self) -> &'static str {
        self.row().2
    }

    /// The writing direction for the root's `dir`: `"rtl"` for Arabic, else `"ltr"`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }
}

/// A CLDR plural category (`Intl.PluralRules.prototype.select`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// `zero` (Arabic 0).
    Zero,
    /// `one`.
    One,
    /// `two` (Arabic 2).
    Two,
    /// `few` (Russian 2–4, Arabic 3–10 …).
    Few,
    /// `many` (Russian 5–20, Arabic 11–99 …).
    Many,
    /// `other`.
    Other,
}

every_variant!(PluralCategory: Zero, One, Two, Few, Many, Other);

impl PluralCategory {
    /// The category `Intl` names `name`; anything else is [`PluralCategory::Other`].
    pub fn from_name(name: &str) -> PluralCategory {
        match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }

    /// The name a catalogue's plural form has.
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// A language's plural rules and number format: in the browser, `Intl.PluralRules` and
/// `Intl.NumberFormat` for its tag ([`crate::host::Host::numbers`]), not rules of our own.
pub trait Numbers {
    /// The plural category of `n`.
    fn category(&self, n: u64) -> PluralCategory;
    /// `n` in the language's digits and grouping.
    fn format(&self, n: u64) -> String;
}

/// One language's texts as read from `i18n/<id>.json` (decoded by the edge): a flat object of
/// keys to texts, and for a count an object of plural forms. Kept in the file's order and
/// searched in place: a page looks up a few dozen texts, and a map's code cost the sidebar's wasm
/// more than the search saves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogueTexts(pub Vec<(String, CatalogueEntry)>);

impl CatalogueTexts {
    /// The entry under `key`.
    pub fn get(&self, key: &str) -> Option<&CatalogueEntry> {
        find(&self.0, key)
    }
}

/// The value under `key` in a list of `(key, value)` (JSON.parse leaves one of each key).
fn find<'a, T>(entries: &'a [(String, T)], key: &str) -> Option<&'a T> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl<'de> Deserialize<'de> for CatalogueTexts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextsVisitor;
        impl<'de> Visitor<'de> for TextsVisitor {
            type Value = CatalogueTexts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CatalogueTexts, A::Error> {
                let mut texts = Vec::new();
                while let Some(entry) = map.next_entry::<String, CatalogueEntry>()? {
                    texts.push(entry);
                }
                Ok(CatalogueTexts(texts))
            }
        }
        deserializer.deserialize_map(TextsVisitor)
    }
}

/// One key of a catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogueEntry {
    /// A text.
    Text(String),
    /// The plural forms of a count, form name → text (forms that are not text are left out).
    Forms(Vec<(String, String)>),
    /// Anything else: not a text (skipped).
    Other,
}

impl<'de> Deserialize<'de> for CatalogueEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl CatalogueEntry {
    /// The text of plural form `form`, when this is a count that has it.
    pub fn form(&self, form: &str) -> Option<&str> {
        match self {
            CatalogueEntry::Forms(forms) => find(forms, form).map(String::as_str),
            CatalogueEntry::Text(_) | CatalogueEntry::Other => None,
        }
    }
}

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = CatalogueEntry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text or plural forms")
    }
    fn visit_str<E>(self, v: &str) -> Result<CatalogueEntry, E> {
        Ok(CatalogueEntry::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<CatalogueEntry, E> {
        Ok(CatalogueEntry::Text(v))
    }
    scalars_give!(CatalogueEntry::Other);
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CatalogueEntry, A::Error> {
        let mut forms = Vec::new();
        while let Some((form, text)) = map.next_entry::<String, Loose>()? {
            if let Loose::Text(text) = text {
                forms.push((form, text));
            }
        }
        Ok(CatalogueEntry::Forms(forms))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CatalogueEntry, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(CatalogueEntry::Other)
    }
}
