//! What a successful call's `result` is decoded into, decided once per method
//! ([`Reply::decode`]): the edge decodes the portal's answer straight into these domain types
//! with serde (`serde-wasm-bindgen` in the browser, `serde_json` in the tests' fake).

use std::fmt;

use serde::{Deserialize, Deserializer};

use super::command::{PIN_ALL_METHOD, UNPIN_ALL_METHOD};
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
        let bad = |e: D::Error| CallError::BadResponse(format!("{method}: {e}"));
        Ok(match method {
            STATE_METHOD => Reply::Dialog(DialogAnswer::deserialize(result).map_err(bad)?),
            PROFILE_METHOD => Reply::Profile(ProfileAnswer::deserialize(result).map_err(bad)?),
            PIN_ALL_METHOD | UNPIN_ALL_METHOD => {
                Reply::Sessions(List::deserialize(result).map_err(bad)?)
            }
            GET_METHOD => Reply::Placements(List::deserialize(result).map_err(bad)?),
            BIND_METHOD => Reply::Bind(Head::deserialize(result).map_err(bad)?),
            // Anything but an object has no readable `INSTALLED`: `Installation::Unknown`.
            APP_INFO_METHOD => Reply::AppInfo(AppInfo::deserialize(result).unwrap_or_default()),
            RECENT_METHOD => Reply::Recent(List::deserialize(result).map_err(bad)?),
            _ => Reply::Done,
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
