//! Which chat the placement points at.
//!
//! `IM_TEXTAREA` and `IM_SIDEBAR` hand the widget `PLACEMENT_OPTIONS` like
//! `{"dialogId":"chat12"}` (the messenger's own; DOCS add `"URI":"/online/"`, docs/bitrix24.md §3). `dialogId` is `chat<N>` for group and open-line chats and the
//! interlocutor's user id for private chats. The REST calls want `CHAT_ID = N`.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::text::cut;
use super::wire::Loose;

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

/// `BX24.placement.info().options`, as far as the widget reads it.
///
/// Tolerated shapes: an object; a JSON **string** holding an object (some portals pass
/// `PLACEMENT_OPTIONS` through as the raw form field: the edge parses such a string once, with
/// the browser's `JSON.parse`, and decodes what it holds); `null`, `[]`, `{}` and `""` mean "no
/// options".
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PlacementOptions {
    /// `null`, missing, or a scalar that is no options.
    #[default]
    None,
    /// A string (that did not hold options).
    Text(String),
    /// A list of this length.
    List(usize),
    /// An object: how many keys, and every key that is `dialogId` or `dialog_id` in some casing,
    /// with its value.
    Object {
        /// Number of keys.
        keys: usize,
        /// `(key, value)` of each spelling of the dialog id found.
        dialog: Vec<(String, Loose)>,
    },
}

impl PlacementOptions {
    /// Options of one `dialogId` (tests, and the tests' fake).
    pub fn dialog(value: Loose) -> PlacementOptions {
        PlacementOptions::Object {
            keys: 1,
            dialog: vec![("dialogId".to_owned(), value)],
        }
    }
}

impl<'de> Deserialize<'de> for PlacementOptions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OptionsVisitor)
    }
}

struct OptionsVisitor;

impl<'de> Visitor<'de> for OptionsVisitor {
    type Value = PlacementOptions;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("placement options")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlacementOptions, A::Error> {
        let (mut keys, mut dialog) = (0, Vec::new());
        while let Some(key) = map.next_key::<String>()? {
            keys += 1;
            if key.eq_ignore_ascii_case("dialogId") || key.eq_ignore_ascii_case("dialog_id") {
                dialog.push((key, map.next_value()?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(PlacementOptions::Object { keys, dialog })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PlacementOptions, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(PlacementOptions::List(n))
    }
    fn visit_str<E>(self, v: &str) -> Result<PlacementOptions, E> {
        Ok(PlacementOptions::Text(v.to_owned()))
    }
    scalars_give!(PlacementOptions::None);
}

/// The chat the placement (`IM_TEXTAREA`, `IM_SIDEBAR`) points at.
///
/// The key is `dialogId`; `DIALOG_ID` or any other casing of `dialogid` / `dialog_id` is
/// accepted too: `dialogId` as written first, then `dialogid`, `DIALOGID`, any other casing
/// (the smallest in byte order), then the same for `dialog_id`, so several spellings read the
/// same in any order. Never panics.
pub fn chat_from_placement(options: &PlacementOptions) -> Result<ChatId, PlacementProblem> {
    let dialog = match options {
        PlacementOptions::Object { keys, dialog } if *keys > 0 => dialog,
        PlacementOptions::List(n) if *n > 0 => return Err(PlacementProblem::MissingDialogId),
        _ => return Err(PlacementProblem::MissingOptions),
    };
    let value = spelling(dialog, "dialogId").or_else(|| spelling(dialog, "dialog_id"));
    match value {
        None | Some(Loose::Null) => Err(PlacementProblem::MissingDialogId),
        Some(Loose::Text(s)) => chat_from_dialog_id(s),
        Some(Loose::Int(n)) => match u64::try_from(*n) {
            Ok(user) if user > 0 => Err(PlacementProblem::PrivateChat {
                dialog_id: user.to_string(),
            }),
            _ => Err(not_a_chat(&n.to_string())),
        },
        Some(other) => Err(not_a_chat(&other.short())),
    }
}

/// The value of `key` among `pairs`: as written, in lower case, in upper case, then the
/// smallest other casing.
fn spelling<'a>(pairs: &'a [(String, Loose)], key: &str) -> Option<&'a Loose> {
    let exact = |k: String| pairs.iter().find(|(p, _)| *p == k).map(|(_, v)| v);
    exact(key.to_owned())
        .or_else(|| exact(key.to_ascii_lowercase()))
        .or_else(|| exact(key.to_ascii_uppercase()))
        .or_else(|| {
            pairs
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(key))
                .min_by(|(a, _), (b, _)| a.cmp(b))
                .map(|(_, v)| v)
        })
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
        dialog_id: cut(s, KEEP_CHARS),
    }
}
