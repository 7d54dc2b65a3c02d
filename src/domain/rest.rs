//! Every REST call the app makes, as data: its method and its params, which the edge
//! serializes (`serde-wasm-bindgen` in the browser, `serde_json` in the tests' fake). What each
//! answer is decoded into is [`super::reply`]'s.

use std::collections::BTreeMap;

use serde::Serialize;

/// A call's params: always an object (`{}` when there are none: one build of BX24 throws on
/// `undefined` params). Keys are upper case where the server reads them case-sensitively.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Params {
    /// `{}`.
    None {},
    /// `{"DIALOG_ID": "chat12"}`.
    Dialog {
        /// The messenger's dialog id.
        #[serde(rename = "DIALOG_ID")]
        dialog_id: String,
    },
    /// `{"CHAT_ID": 12, "ACTIVATE": "Y"}` (pin, silent).
    Mode {
        /// The chat.
        #[serde(rename = "CHAT_ID")]
        chat_id: u64,
        /// `Y` or `N`, always explicit.
        #[serde(rename = "ACTIVATE")]
        activate: &'static str,
    },
    /// `{"PLACEMENT": "IM_SIDEBAR"}` (`placement.unbind`).
    Placement {
        /// The placement code.
        #[serde(rename = "PLACEMENT")]
        placement: &'static str,
    },
    /// `placement.bind`.
    Bind(BindParams),
    /// `{"ONLY_OPENLINES": "Y"}` (`im.recent.get`: only the exact `Y` turns it on).
    OnlyOpenLines {
        /// `Y`.
        #[serde(rename = "ONLY_OPENLINES")]
        only: &'static str,
    },
}

/// One REST call: `key` names it inside a `batch` (empty for a call on its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The sub-call's name in a batch.
    pub key: &'static str,
    /// The REST method.
    pub method: &'static str,
    /// Its params.
    pub params: Params,
}

impl Call {
    /// A sub-call of a batch.
    pub fn new(key: &'static str, method: &'static str, params: Params) -> Call {
        Call {
            key,
            method,
            params,
        }
    }

    /// A call on its own.
    pub fn single(method: &'static str, params: Params) -> Call {
        Call::new("", method, params)
    }
}

/// `placement.bind` params ([`super::install::bind_params`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct BindParams {
    /// The placement code.
    pub placement: &'static str,
    /// The page's address.
    pub handler: String,
    /// The title in the installing administrator's language.
    pub title: String,
    /// The item's options.
    pub options: BindOptions,
    /// `{code: {TITLE}}` for every language.
    pub lang_all: BTreeMap<String, LangTitle>,
}

/// `OPTIONS` of a binding ([`super::install::Home::options`]), as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BindOptions {
    /// The item's icon.
    #[serde(rename = "iconName")]
    pub icon_name: &'static str,
    /// The item's color (in a chat; the navigation does not declare one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<&'static str>,
    /// The chats it shows in (none for the navigation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<&'static str>,
    /// Who sees it.
    pub role: &'static str,
    /// Whether extranet users see it.
    pub extranet: &'static str,
    /// The popup's width in pixels (above the chat input only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// The popup's height in pixels (above the chat input only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// One language's title in `LANG_ALL`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LangTitle {
    /// The title.
    #[serde(rename = "TITLE")]
    pub title: String,
}
