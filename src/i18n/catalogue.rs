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
