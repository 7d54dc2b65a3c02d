//! One language's texts as data, and the plural rules and digits a count needs.

use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The English catalogue, compiled in: the fallback for every key and every language.
const ENGLISH: &str = include_str!("../../i18n/en.json");

/// One language's texts: `i18n/<id>.json`, a flat object of keys to texts, and for a count
/// (`pinned_count`) an object of plural forms (`none` for 0, then the CLDR categories).
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue(Map<String, Value>);

impl Catalogue {
    /// Reads a catalogue; fails when `json` is not a JSON object.
    pub fn parse(json: &str) -> Result<Catalogue, String> {
        match serde_json::from_str(json) {
            Ok(Value::Object(map)) => Ok(Catalogue(map)),
            Ok(_) => Err("a catalogue must be a JSON object".into()),
            Err(e) => Err(format!("not JSON: {e}")),
        }
    }

    /// The English catalogue (parsed once).
    pub fn english() -> &'static Catalogue {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        EN.get_or_init(|| Catalogue::parse(ENGLISH).unwrap_or(Catalogue(Map::new())))
    }

    /// The text under `key`, when it is one.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.as_str()
    }

    /// The plural form `form` (`none`, `one`, `few` …) of the count under `key`.
    pub fn form(&self, key: &str, form: &str) -> Option<&str> {
        self.0.get(key)?.get(form)?.as_str()
    }

    /// Every key, for tests.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
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
