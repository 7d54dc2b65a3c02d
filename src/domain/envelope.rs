//! Reading one REST answer the way the classic library does (docs/bitrix24.md §4.1, checked
//! against every recorded `callMethod` / `callBatch` result in `tests/fixtures/bx24-observed.json`).
//!
//! The library's own test is `typeof answer.error !== 'undefined'`. JSON cannot carry
//! `undefined`, so the adapter decides that on the JS side and hands over only the keys whose
//! value is defined (`src/host/bx24.rs::envelope`): here, an `error` key means failure whatever
//! its value — `""` (the pin refusal to a non-operator, §1.3), `null`, a string or an object.
//! A batch sub-result always carries `error`; it is `undefined` when the sub-call succeeded, so
//! it reaches this function without the key.

use serde_json::Value;

use super::error::CallError;
use super::json::text;

/// The call's outcome from the defined envelope keys of the answer and its HTTP status.
///
/// - No `error` key: success with `result` (`null` when absent, as the library's `data()` gives
///   `undefined`; an answer that is not an object — a JSON string body — has no `result` either).
/// - `error` a string (or number, boolean): that is the code; the description is the sibling
///   `error_description`.
/// - `error` an object (every batch sub-error is the server's `{error, error_description}`): the
///   code and description are its fields; a missing description falls back to the sibling.
/// - `error` `null`: a failure with an empty code (the library reports it as an error too).
pub fn decode_answer(answer: &Value, status: u16) -> Result<Value, CallError> {
    let Value::Object(map) = answer else {
        return Ok(Value::Null);
    };
    let Some(error) = map.get("error") else {
        return Ok(map.get("result").cloned().unwrap_or(Value::Null));
    };
    let sibling = map.get("error_description").map(text).unwrap_or_default();
    let (code, description) = match error {
        Value::Object(inner) => {
            let description = inner
                .get("error_description")
                .map(text)
                .filter(|d| !d.is_empty())
                .unwrap_or(sibling);
            (
                inner.get("error").map(text).unwrap_or_default(),
                description,
            )
        }
        other => (text(other), sibling),
    };
    Err(CallError::Rest {
        status,
        code,
        description,
    })
}
