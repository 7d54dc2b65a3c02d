//! One language's texts as data: English compiled in (build.rs), the others read at run time.

use std::collections::BTreeMap;

use crate::domain::locale::{CatalogueEntry, CatalogueTexts, PluralCategory};

/// One entry of the compiled-in English catalogue.
#[derive(Clone, Copy, Debug)]
enum Entry {
    /// A text.
    Text(&'static str),
    /// The plural forms of a count, `(form, text)`.
    Forms(&'static [(&'static str, &'static str)]),
}

// `static ENGLISH: &[(&str, Entry)]`, sorted by key: i18n/en.json turned into Rust data by
// build.rs, so speaking English parses nothing.
include!(concat!(env!("OUT_DIR"), "/english.rs"));

/// One language's texts: `i18n/<id>.json`, a flat object of keys to texts, and for a count
/// (`pinned_count`) an object of plural forms (`none` for 0, then the CLDR categories).
#[derive(Clone, Debug)]
pub struct Catalogue(Source);

#[derive(Clone, Debug)]
enum Source {
    /// English, compiled in.
    Compiled(&'static [(&'static str, Entry)]),
    /// A catalogue read at run time.
    Parsed(CatalogueTexts),
}

impl From<CatalogueTexts> for Catalogue {
    /// The catalogue of texts read at run time (decoded by the edge).
    fn from(texts: CatalogueTexts) -> Catalogue {
        Catalogue(Source::Parsed(texts))
    }
}

impl Catalogue {
    /// The English catalogue, compiled in from `i18n/en.json`.
    pub fn english() -> &'static Catalogue {
        static EN: Catalogue = Catalogue(Source::Compiled(ENGLISH));
        &EN
    }

    fn compiled(entries: &'static [(&'static str, Entry)], key: &str) -> Option<Entry> {
        entries
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|i| entries[i].1)
    }

    /// The text under `key`, when it is one.
    pub fn text(&self, key: &str) -> Option<&str> {
        match &self.0 {
            Source::Compiled(entries) => match Self::compiled(entries, key)? {
                Entry::Text(text) => Some(text),
                Entry::Forms(_) => None,
            },
            Source::Parsed(texts) => match texts.get(key)? {
                CatalogueEntry::Text(text) => Some(text),
                CatalogueEntry::Forms(_) | CatalogueEntry::Other => None,
            },
        }
    }

    /// The plural form `form` (`none`, `one`, `few` …) of the count under `key`.
    pub fn form(&self, key: &str, form: &str) -> Option<&str> {
        match &self.0 {
            Source::Compiled(entries) => match Self::compiled(entries, key)? {
                Entry::Forms(forms) => forms.iter().find(|(f, _)| *f == form).map(|(_, t)| *t),
                Entry::Text(_) => None,
            },
            Source::Parsed(texts) => texts.get(key)?.form(form),
        }
    }

    /// Every key, for tests.
    pub fn keys(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match &self.0 {
            Source::Compiled(entries) => Box::new(entries.iter().map(|(k, _)| *k)),
            Source::Parsed(texts) => Box::new(texts.0.iter().map(|(k, _)| k.as_str())),
        }
    }

    /// Every text as `key` or `key.form` → text, whatever the catalogue's source.
    fn flat(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for key in self.keys() {
            if let Some(text) = self.text(key) {
                out.insert(key.to_owned(), text.to_owned());
            }
            let forms = PluralCategory::ALL.map(PluralCategory::name);
            for form in std::iter::once("none").chain(forms) {
                if let Some(text) = self.form(key, form) {
                    out.insert(format!("{key}.{form}"), text.to_owned());
                }
            }
        }
        out
    }
}

/// Two catalogues are equal when they hold the same texts (compiled in or read).
impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        self.flat() == other.flat()
    }
}
