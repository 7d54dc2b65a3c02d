//! Reading one REST answer the way the classic library does (docs/bitrix24.md §4.1, checked
//! against every recorded `callMethod` / `callBatch` result in `tests/fixtures/bx24-observed.json`).
//!
//! The library's own test is `typeof answer.error !== 'undefined'`. The adapter decides that on
//! the JS side and hands over only the keys whose value is defined (`src/host/bx24.rs::envelope`):
//! here, an `error` key means failure whatever its value — `""` (the pin refusal to a
//! non-operator, §1.3), `null`, a string or an object. A batch sub-result always carries
//! `error`; it is `undefined` when the sub-call succeeded, so it reaches this type without the
//! key. The answer's `result` is decoded separately, into the type the call expects
//! ([`super::rest::Reply::decode`]), and only when there is no error.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::error::CallError;
use super::wire::Loose;

/// The failure part of an answer: `error` (when the key is there) and `error_description`.
/// Anything that is not an object (a JSON string body, `null`) has neither.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// `Some` when the answer has an `error` key, whatever its value (`null` included).
    pub error: Option<ErrorValue>,
    /// The sibling `error_description`.
    pub description: Loose,
}

/// The value of an `error` key.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorValue {
    /// A string, number, boolean or `null`: that is the code.
    Code(Loose),
    /// The server's object `{error, error_description}` (every batch sub-error): its fields.
    Object {
        /// Its `error`.
        code: Loose,
        /// Its `error_description`.
        description: Loose,
    },
}

impl Head {
    /// The call's failure as the library decides it, with the answer's HTTP `status`; `None`
    /// when the answer has no `error` key (success: its `result` is what was asked for).
    ///
    /// - `error` a scalar: that is the code; the description is the sibling `error_description`.
    /// - `error` an object: the code and description are its fields; a missing or empty
    ///   description falls back to the sibling.
    /// - `error` `null`: a failure with an empty code (the library reports it as an error too).
    pub fn failure(&self, status: u16) -> Option<CallError> {
        let sibling = self.description.text();
        let (code, description) = match self.error.as_ref()? {
            ErrorValue::Code(code) => (code.text(), sibling),
            ErrorValue::Object { code, description } => {
                let description = Some(description.text())
                    .filter(|d| !d.is_empty())
                    .unwrap_or(sibling);
                (code.text(), description)
            }
        };
        Some(CallError::Rest {
            status,
            code,
            description,
        })
    }
}

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HeadVisitor)
    }
}

/// Reads `error` and `error_description` of an object (inner objects too); every other key
/// and every other kind of value is skipped.
struct HeadVisitor;

impl HeadVisitor {
    fn skip<E>(self) -> Result<Head, E> {
        Ok(Head::default())
    }
}

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Head;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
        let mut head = Head::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "error" => {
                    let inner: ErrorField = map.next_value()?;
                    head.error = Some(inner.0);
                }
                "error_description" => head.description = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }
    fn visit_str<E>(self, _: &str) -> Result<Head, E> {
        self.skip()
    }
    scalars_give!(Head::default());
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Head, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.skip()
    }
}

/// The value of an `error` key: an object is read for its own two fields, anything else is
/// the code.
struct ErrorField(ErrorValue);

impl<'de> Deserialize<'de> for ErrorField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through `Loose` for scalars; an object goes through `Head` for its fields.
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = ErrorField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an error")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ErrorField, A::Error> {
                let inner = HeadVisitor.visit_map(map)?;
                let code = match inner.error {
                    Some(ErrorValue::Code(code)) => code,
                    // `{"error": {"error": {…}}}`: no code the operator could be told.
                    Some(ErrorValue::Object { .. }) | None => Loose::Null,
                };
                Ok(ErrorField(ErrorValue::Object {
                    code,
                    description: inner.description,
                }))
            }
            fn visit_bool<E>(self, v: bool) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Bool(v))))
            }
            fn visit_i64<E>(self, v: i64) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Int(v.into()))))
            }
            fn visit_u64<E>(self, v: u64) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Int(v.into()))))
            }
            fn visit_f64<E>(self, v: f64) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Float(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Text(v.to_owned()))))
            }
            fn visit_unit<E>(self) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Null)))
            }
            fn visit_none<E>(self) -> Result<ErrorField, E> {
                Ok(ErrorField(ErrorValue::Code(Loose::Null)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ErrorField, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(ErrorField(ErrorValue::Code(Loose::List(n))))
            }
        }
        deserializer.deserialize_any(Either)
    }
}
