//! What a successful call's `result` is decoded into, decided once per method
//! ([`Reply::decode`]): the edge decodes the portal's answer straight into these domain types
//! with serde (`serde-wasm-bindgen` in the browser, `serde_json` in the tests' fake).

use std::fmt;

use serde::{Deserialize, Deserializer};

use super::command::{PIN_ALL_METHOD, PIN_METHOD, SILENT_METHOD, UNPIN_ALL_METHOD};
use super::envelope::Head;
use super::error::CallError;
use super::install::{AppInfo, PlacementRow, APP_INFO_METHOD, BIND_METHOD, GET_METHOD};
use super::recent::{RecentItem, RECENT_METHOD};
use super::state::{DialogAnswer, ProfileAnswer, PROFILE_METHOD, STATE_METHOD};
use super::wire::{List, Loose};

/// A successful call's `result`, decoded into what the app reads of it.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// `imopenlines.dialog.get`.
    Dialog(DialogAnswer),
    /// `profile`.
    Profile(ProfileAnswer),
    /// `pinAll` / `unpinAll`: the sessions changed.
    Sessions(List<Loose>),
    /// `placement.get`.
    Placements(List<PlacementRow>),
    /// `placement.bind`: `true`, or an answer with its own `error` (read as one).
    Bind(Head),
    /// `app.info`.
    AppInfo(AppInfo),
    /// `im.recent.get`: the entries, `null` ones kept.
    Recent(List<Option<RecentItem>>),
    /// Every other call: only success or failure matters (`pin`, `silent`, `placement.unbind`).
    Done,
}

impl Reply {
    /// Decodes the `result` of a successful `method` call from `result` (a JS value through
    /// `serde-wasm-bindgen`, a `serde_json::Value` in tests). A result that is not what the
    /// method promises is [`CallError::BadResponse`] naming the method.
    pub fn decode<'de, D>(method: &str, result: D) -> Result<Reply, CallError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        let result = match Self::in_chat(method, result) {
            Ok(reply) => return reply,
            Err(result) => result,
        };
        let bad = |e: D::Error| CallError::undecodable(method, e);
        Ok(match method {
            GET_METHOD => Reply::Placements(List::deserialize(result).map_err(bad)?),
            BIND_METHOD => Reply::Bind(Head::deserialize(result).map_err(bad)?),
            // Anything but an object has no readable `INSTALLED`: `Installation::Unknown`.
            APP_INFO_METHOD => Reply::AppInfo(AppInfo::deserialize(result).unwrap_or_default()),
            RECENT_METHOD => Reply::Recent(List::deserialize(result).map_err(bad)?),
            _ => Reply::Done,
        })
    }

    /// [`Reply::decode`] for the widget in a chat, which reads only its dialog, its user and
    /// its writes' results: the sidebar bundle's port decodes with this, so the decoders of the
    /// app page's calls (placements, `app.info`, the operator's list) are not in its bytes. Any
    /// other method is [`CallError::BadResponse`].
    pub fn decode_in_chat<'de, D>(method: &str, result: D) -> Result<Reply, CallError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        Self::in_chat(method, result).unwrap_or_else(|_| {
            Err(CallError::BadResponse(format!(
                "{method}: not a call of the widget in a chat"
            )))
        })
    }

    /// The widget's own calls decoded; `Err(result)` back for every other method.
    fn in_chat<'de, D>(method: &str, result: D) -> Result<Result<Reply, CallError>, D>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        let bad = |e: D::Error| CallError::undecodable(method, e);
        Ok(match method {
            STATE_METHOD => DialogAnswer::deserialize(result)
                .map(Reply::Dialog)
                .map_err(bad),
            PROFILE_METHOD => ProfileAnswer::deserialize(result)
                .map(Reply::Profile)
                .map_err(bad),
            PIN_ALL_METHOD | UNPIN_ALL_METHOD => {
                List::deserialize(result).map(Reply::Sessions).map_err(bad)
            }
            PIN_METHOD | SILENT_METHOD => Ok(Reply::Done),
            _ => return Err(result),
        })
    }
}

/// Takes the answer of one kind out of a reply, or says which method gave
/// something else (a fake or a host that answered the wrong call).
macro_rules! reply_as {
    ($($name:ident: $variant:ident($ty:ty);)+) => {
        impl Reply {
            $(
                /// The answer, when the reply is of this kind.
                pub fn $name(self) -> Result<$ty, CallError> {
                    match self {
                        Reply::$variant(answer) => Ok(answer),
                        _ => Err(CallError::BadResponse(format!(
                            "expected the answer of another call than {}",
                            stringify!($variant)
                        ))),
                    }
                }
            )+
        }
    };
}

reply_as! {
    dialog: Dialog(DialogAnswer);
    profile: Profile(ProfileAnswer);
    sessions: Sessions(List<Loose>);
    placements: Placements(List<PlacementRow>);
    bind: Bind(Head);
    app_info: AppInfo(AppInfo);
    recent: Recent(List<Option<RecentItem>>);
}
