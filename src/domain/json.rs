//! The JSON helpers every parser of what the portal sends shares: reading a value as text,
//! finding a key in any casing, numbers given as numbers or decimal strings, lists that PHP may
//! send as objects, and short excerpts for the console.
//!
//! Nothing here was checked against a live portal, so the readers are tolerant in the same way
//! everywhere; each parser still decides what a missing or odd value means.

use serde_json::{Map, Value};

use super::error::CallError;
pub use super::text::cut;

/// How many characters of a value's JSON text [`short`] keeps.
const SHORT_CHARS: usize = 80;

/// A scalar as text: strings as they are, numbers and booleans printed, `null`, arrays and
/// objects empty.
///
/// `"ACCESS_DENIED"` → `ACCESS_DENIED`, `12` → `12`, `true` → `true`; `null` and `{}` → `""`.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => String::new(),
    }
}

/// The value under `key` in any ASCII casing: `key` as given, then lower case, then upper case,
/// then the smallest other key (in byte order) equal to it ignoring case. The fixed order makes a
/// map that holds several casings of one key read the same whatever its iteration order: a
/// workspace build turns on serde_json's `preserve_order` (the sandbox needs it), the widget's
/// own build keeps keys sorted, where the smallest key is also the first.
pub fn get_ci<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key)
        .or_else(|| map.get(&key.to_ascii_lowercase()))
        .or_else(|| map.get(&key.to_ascii_uppercase()))
        .or_else(|| {
            map.iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(key))
                .min_by(|(a, _), (b, _)| a.cmp(b))
                .map(|(_, v)| v)
        })
}

/// The string under `key` in any casing ([`get_ci`]); `""` when it is missing or not a string
/// (for fields that only mean something as a string: a type name, a placement, a URL).
pub fn str_ci<'a>(map: &'a Map<String, Value>, key: &str) -> &'a str {
    get_ci(map, key).and_then(Value::as_str).unwrap_or("")
}

/// `s` is one of `words`, ignoring ASCII case (the portal's spellings of a flag: `Y`, `y`, `true`…).
pub fn one_of(s: &str, words: &[&str]) -> bool {
    words.iter().any(|word| s.eq_ignore_ascii_case(word))
}

/// A non-negative integer given as a JSON number or a decimal string ([`parse_decimal`]).
///
/// `12` → 12, `"12"` → 12; `-1`, `1.5`, `"+1"`, `" 1"`, `""`, `true` → `None`.
pub fn as_u64(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => parse_decimal(s),
        _ => None,
    }
}

/// ASCII digits only (no sign, no spaces), within `u64`.
pub fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The items of a result that promises a list: an array's items, or an object's values (the
/// BX24 library turns an empty body into `{}`, docs/bitrix24.md §4.4, and PHP encodes a list
/// with gaps as an object). Anything else is [`CallError::BadResponse`]
/// `expected a list of <what>, got <short JSON>`.
pub fn items<'a>(result: &'a Value, what: &str) -> Result<Vec<&'a Value>, CallError> {
    match result {
        Value::Array(items) => Ok(items.iter().collect()),
        Value::Object(map) => Ok(map.values().collect()),
        other => Err(CallError::BadResponse(format!(
            "expected a list of {what}, got {}",
            short(other)
        ))),
    }
}

/// A value's JSON text cut to 80 characters ([`cut`]), for `BadResponse` messages and logs.
pub fn short(value: &Value) -> String {
    cut(&value.to_string(), SHORT_CHARS)
}
