//! Which chat the placement points at.
//!
//! `IM_TEXTAREA` and `IM_SIDEBAR` hand the widget `PLACEMENT_OPTIONS` like
//! `{"dialogId":"chat12"}` (the messenger's own; DOCS add `"URI":"/online/"`, docs/bitrix24.md §3). `dialogId` is `chat<N>` for group and open-line chats and the
//! interlocutor's user id for private chats. The REST calls want `CHAT_ID = N`.

use std::fmt;

use serde_json::Value;

use super::json;

/// The largest chat id we accept: 2^53, the largest integer a JavaScript number holds exactly
/// (the id crosses the JS boundary as a number in `CHAT_ID`).
pub const MAX_CHAT_ID: u64 = 1 << 53;

/// How much of an unusable `dialogId` we keep for the console (they can be arbitrarily long).
const KEEP_CHARS: usize = 64;

/// A chat id: `0 < n ≤ 2^53`. Only [`ChatId::new`] and [`chat_from_placement`] make one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChatId(u64);

impl ChatId {
    /// `Some` for `0 < n ≤ 2^53` ([`MAX_CHAT_ID`]), else `None`.
    pub fn new(n: u64) -> Option<ChatId> {
        (n > 0 && n <= MAX_CHAT_ID).then_some(ChatId(n))
    }

    /// The number, as `CHAT_ID` in REST params.
    pub fn get(self) -> u64 {
        self.0
    }

    /// The messenger's dialog id, `"chat12"` (as `DIALOG_ID` for `imopenlines.dialog.get`).
    pub fn dialog_id(self) -> String {
        format!("chat{}", self.0)
    }

    /// Parses exactly the canonical form `chat<N>` that the portal writes: lower-case `chat`,
    /// ASCII decimal digits, no sign, no spaces, **no leading zeros** (so that
    /// `ChatId::parse_dialog_id(s).map(ChatId::dialog_id)` gives back `s`), `0 < N ≤ 2^53`.
    pub fn parse_dialog_id(s: &str) -> Option<ChatId> {
        let digits = s.strip_prefix("chat")?;
        if !is_canonical_number(digits) {
            return None;
        }
        // `u64::from_str` would accept a leading '+'; is_canonical_number ruled that out.
        digits.parse::<u64>().ok().and_then(ChatId::new)
    }
}

impl fmt::Display for ChatId {
    /// The dialog id, `chat12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chat{}", self.0)
    }
}

/// Why the placement does not point at a usable group chat.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PlacementProblem {
    /// No options at all: `null`, `[]`, `{}`, an empty or unparsable string, a bare scalar.
    MissingOptions,
    /// Options are there but carry no `dialogId` (or it is `null`).
    MissingDialogId,
    /// `dialogId` is a user id (`"5"` or `5`): the widget was opened in a private chat.
    PrivateChat {
        /// The interlocutor's user id as text, e.g. `"5"`.
        dialog_id: String,
    },
    /// `dialogId` is something else: `"chat0"`, `"chat"`, `"chat12a"`, `"chat-1"`, `"chat012"`,
    /// over 2^53, empty, a bool, an object… Kept (shortened to 64 characters) for the console.
    NotAChatId {
        /// What was there: the string itself, or the JSON text of a non-string.
        dialog_id: String,
    },
}

/// The chat the placement (`IM_TEXTAREA`, `IM_SIDEBAR`) points at.
///
/// `options` is `BX24.placement.info().options`. Tolerated shapes: an object; a JSON **string**
/// holding an object (some portals pass `PLACEMENT_OPTIONS` through as the raw form field);
/// `null`, `[]`, `{}` and `""` mean "no options". The key is `dialogId`; `DIALOG_ID` or any other
/// casing of `dialogid` / `dialog_id` is accepted too. Never panics.
pub fn chat_from_placement(options: &Value) -> Result<ChatId, PlacementProblem> {
    match options {
        Value::String(s) => {
            if s.trim().is_empty() {
                return Err(PlacementProblem::MissingOptions);
            }
            match serde_json::from_str::<Value>(s) {
                // One level only: a string inside the string is not options.
                Ok(inner @ (Value::Object(_) | Value::Array(_) | Value::Null)) => {
                    chat_from_options(&inner)
                }
                _ => Err(PlacementProblem::MissingOptions),
            }
        }
        other => chat_from_options(other),
    }
}

fn chat_from_options(options: &Value) -> Result<ChatId, PlacementProblem> {
    let map = match options {
        Value::Object(map) if !map.is_empty() => map,
        Value::Array(items) if !items.is_empty() => return Err(PlacementProblem::MissingDialogId),
        _ => return Err(PlacementProblem::MissingOptions),
    };
    let dialog = json::get_ci(map, "dialogId").or_else(|| json::get_ci(map, "dialog_id"));
    match dialog {
        None | Some(Value::Null) => Err(PlacementProblem::MissingDialogId),
        Some(Value::String(s)) => chat_from_dialog_id(s),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(user) if user > 0 => Err(PlacementProblem::PrivateChat {
                dialog_id: user.to_string(),
            }),
            _ => Err(not_a_chat(&n.to_string())),
        },
        Some(other) => Err(not_a_chat(&other.to_string())),
    }
}

fn chat_from_dialog_id(s: &str) -> Result<ChatId, PlacementProblem> {
    if let Some(chat) = ChatId::parse_dialog_id(s) {
        return Ok(chat);
    }
    if is_canonical_number(s) && s != "0" {
        return Err(PlacementProblem::PrivateChat {
            dialog_id: s.to_string(),
        });
    }
    Err(not_a_chat(s))
}

/// Non-empty ASCII digits without a leading zero (a lone "0" passes; callers reject zero).
fn is_canonical_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 1 || !s.starts_with('0'))
}

fn not_a_chat(s: &str) -> PlacementProblem {
    PlacementProblem::NotAChatId {
        dialog_id: json::cut(s, KEEP_CHARS),
    }
}
