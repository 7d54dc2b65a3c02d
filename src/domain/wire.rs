//! How the domain reads what the portal sends, with serde: the edge decodes every answer
//! straight into the domain's `#[derive(Deserialize)]` types (`serde-wasm-bindgen` in the
//! browser, `serde_json` in the native tests), and these are the pieces they share where
//! Bitrix24 is loose:
//!
//! - [`Loose`]: a field that may come as a string, a number, a boolean or `null` (`"12"` or
//!   `12`, `"Y"`, `true`); read as text or as a non-negative integer.
//! - [`List`]: a result that promises a list, which PHP may send as an object (a list with
//!   gaps) and the library as `{}` (an empty body, docs/bitrix24.md §4.4); `null` entries kept.
//! - [`fields`]: a flat answer object's fields by name, in any ASCII case (keys come in lower
//!   case from `imopenlines.dialog.get`, in upper case from `profile` and `app.info`); the
//!   answer types declare themselves with `record!` (`domain/mod.rs`).
//!
//! Nothing here parses JSON text: the widget's bundle carries no JSON parser.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

pub use super::text::cut;

/// How many characters of a value's description [`Loose::short`] keeps.
const SHORT_CHARS: usize = 80;

/// One field where the domain expects a scalar, as the portal sent it. Absent and `null` are
/// both [`Loose::Null`]; a list or an object where a scalar was expected is kept as a marker.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Loose {
    /// Missing, `null` or `undefined`.
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number (`12`, `-3`; from JS: any safe integer).
    Int(i128),
    /// Any other number (`1.5`, or an integer beyond 2^53 from JS).
    Float(f64),
    /// A string.
    Text(String),
    /// A list where a scalar was expected (its length).
    List(usize),
    /// An object where a scalar was expected (its number of keys).
    Object(usize),
}

impl Loose {
    /// A scalar as text: strings as they are, numbers and booleans printed; `null`, lists and
    /// objects empty. `"ACCESS_DENIED"` → `ACCESS_DENIED`, `12` → `12`, `true` → `true`.
    pub fn text(&self) -> String {
        match self {
            Loose::Text(s) => s.clone(),
            Loose::Int(n) => n.to_string(),
            Loose::Float(f) => f.to_string(),
            Loose::Bool(b) => b.to_string(),
            Loose::Null | Loose::List(_) | Loose::Object(_) => String::new(),
        }
    }

    /// The string, when it is one (for fields that only mean something as a string: a type
    /// name, a placement, a URL, a flag).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }

    /// A non-negative integer given as a number or a decimal string ([`parse_decimal`]).
    ///
    /// `12` → 12, `"12"` → 12; `-1`, `1.5`, `"+1"`, `" 1"`, `""`, `true` → `None`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Loose::Int(n) => u64::try_from(*n).ok(),
            Loose::Text(s) => parse_decimal(s),
            _ => None,
        }
    }

    /// Nothing was sent (missing or `null`).
    pub fn is_null(&self) -> bool {
        *self == Loose::Null
    }

    /// A short description for `BadResponse` messages and logs: strings quoted, lists and
    /// objects by size, cut to 80 characters.
    pub fn short(&self) -> String {
        let text = match self {
            Loose::Null => "null".to_owned(),
            Loose::Text(s) => format!("{s:?}"),
            Loose::List(n) => format!("[list of {n}]"),
            Loose::Object(n) => format!("{{object of {n}}}"),
            other => other.text(),
        };
        cut(&text, SHORT_CHARS)
    }
}

impl<'de> Deserialize<'de> for Loose {
    // One copy per decoder, not one per field: every answer type has several `Loose` fields.
    #[inline(never)]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Int(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        Loose::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(Loose::List(n))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut n = 0;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(Loose::Object(n))
    }
}

/// The items of a result that promises a list: an array's items, or an object's values (the
/// BX24 library turns an empty body into `{}`, and PHP encodes a list with gaps as an object).
/// Anything else does not decode ("expected a list").
#[derive(Clone, Debug, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List<T>, A::Error> {
        let mut items = Vec::new();
        while let Some((_, item)) = map.next_entry::<IgnoredAny, T>()? {
            items.push(item);
        }
        Ok(List(items))
    }
}

/// The values of the keys `names` of an object, in that order ([`Loose::Null`] where a key is
/// missing); every other key is skipped. A key matches in any ASCII case; where an object holds
/// several casings of one name, the name as written wins, then its lower case, then its upper
/// case, then the smallest other casing (in byte order), so the outcome never depends on the
/// order of the keys. Anything but an object does not decode ("expected an object").
pub fn fields<'de, D: Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<Vec<Loose>, D::Error> {
    deserializer.deserialize_map(FieldsVisitor(names))
}

struct FieldsVisitor(&'static [&'static str]);

/// How well `key` spells `name`: lower is better ([`fields`]).
fn spelling(key: &str, name: &str) -> u8 {
    if key == name {
        0
    } else if key.bytes().eq(name.bytes().map(|b| b.to_ascii_lowercase())) {
        1
    } else if key.bytes().eq(name.bytes().map(|b| b.to_ascii_uppercase())) {
        2
    } else {
        3
    }
}

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Vec<Loose>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Loose>, A::Error> {
        let names = self.0;
        let mut found: Vec<(Option<(u8, String)>, Loose)> = vec![(None, Loose::Null); names.len()];
        while let Some(key) = map.next_key::<String>()? {
            let Some(at) = names.iter().position(|n| n.eq_ignore_ascii_case(&key)) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let value: Loose = map.next_value()?;
            let rank = spelling(&key, names[at]);
            let better = match &found[at].0 {
                None => true,
                Some((best, seen)) => (rank, key.as_str()) < (*best, seen.as_str()),
            };
            if better {
                found[at] = (Some((rank, key)), value);
            }
        }
        Ok(found.into_iter().map(|(_, value)| value).collect())
    }
}

/// ASCII digits only (no sign, no spaces), within `u64`.
pub fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `s` is one of `words`, ignoring ASCII case (the portal's spellings of a flag: `Y`, `y`, `true`…).
pub fn one_of(s: &str, words: &[&str]) -> bool {
    words.iter().any(|word| s.eq_ignore_ascii_case(word))
}
