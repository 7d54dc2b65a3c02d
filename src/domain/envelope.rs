//! Reading one REST answer as the portal sent it (bitrix24.md §5): `{"result": …, "time": …}`
//! is a success; an `error` key is a failure whatever its value, **even `""`** (the pin refusal
//! to a non-operator, §1.3) or `null`.

use serde_json::Value;

use super::command::short_json;
use super::error::CallError;

/// The call's outcome from the raw answer and its HTTP status.
///
/// A success without a `result` key is `null` (the library turns an empty body into
/// `{result:{}}` before we see it); an answer that is not a JSON object is a bad response.
pub fn decode_answer(answer: &Value, status: u16) -> Result<Value, CallError> {
    let Value::Object(map) = answer else {
        return Err(CallError::BadResponse(format!(
            "not a REST answer: {}",
            short_json(answer)
        )));
    };
    if let Some(code) = map.get("error") {
        return Err(CallError::Rest {
            status,
            code: text(code),
            description: map.get("error_description").map(text).unwrap_or_default(),
        });
    }
    Ok(map.get("result").cloned().unwrap_or(Value::Null))
}

/// A field as text: strings as they are, numbers and booleans printed, anything else empty.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}
