//! The dialog's true state, read from `imopenlines.dialog.get` and `profile` (docs/bitrix24.md §2).
//!
//! Nothing here was checked against a live portal, so the readers are tolerant: keys in lower
//! or upper case, numbers as JSON numbers or decimal strings, short or missing `entity_data_1`.
//! Only the exact string `"Y"` means "on", as on the server.

use super::dialog::ChatId;
use super::error::CallError;
use super::rest::{Call, Params};
use super::wire::{parse_decimal, Loose};

/// Reads the dialog: `imopenlines.dialog.get {DIALOG_ID: "chat12"}`.
pub const STATE_METHOD: &str = "imopenlines.dialog.get";
/// Reads the current user (`ID`, `ADMIN`); scope `basic`.
pub const PROFILE_METHOD: &str = "profile";
/// The key of the dialog call in [`state_batch`].
pub const DIALOG_KEY: &str = "dialog";
/// The key of the profile call in [`state_batch`].
pub const ME_KEY: &str = "me";

/// Position of PAUSE (= pinned) in `entity_data_1`.
const PAUSE_FIELD: usize = 3;
/// Position of SESSION_ID in `entity_data_1` (`0` after the session closed).
const SESSION_FIELD: usize = 5;

/// What kind of chat `imopenlines.dialog.get` describes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DialogKind {
    /// An open-line chat: `entity_type` `LINES`, or `type` `lines`, or `message_type` `L`.
    OpenLine,
    /// Anything else; carries the `entity_type` (or `type`, or `message_type`) for the console.
    Other(String),
}

/// What the widget shows, as read from the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogState {
    /// The chat this state belongs to.
    pub chat: ChatId,
    /// `entity_data_1` field #3 (PAUSE) is exactly `"Y"`.
    pub pinned: bool,
    /// `entity_data_3` is exactly `"Y"` (`"N"` and `""` are both off).
    pub whisper: bool,
    /// `owner` (the chat's author = the operator who accepted it); `0` or missing → `None`.
    pub owner: Option<u64>,
    /// `entity_data_1` field #5 (SESSION_ID); `0` or missing → `None` (no active session).
    pub session_id: Option<u64>,
    /// Open-line chat or not.
    pub kind: DialogKind,
    /// `name`, plain text as sent (render as a text node, never as HTML).
    pub title: String,
}

impl DialogState {
    /// `true` for an open-line chat (the only kind the switches work on).
    pub fn is_open_line(&self) -> bool {
        self.kind == DialogKind::OpenLine
    }
}

/// The user the widget runs as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentUser {
    /// `ID`. (`ADMIN` is not read: what the app page offers follows `BX24.isAdmin()`, and the
    /// portal checks every admin-only call itself.)
    pub id: u64,
}

/// Why a switch is not available.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Blocked {
    /// The dialog belongs to another operator: only the session's operator may pin.
    OtherOperator,
    /// The dialog has no active session (`entity_data_1` SESSION_ID is 0 or missing).
    NoSession,
}

every_variant!(Blocked: OtherOperator, NoSession);

/// Which switches the current user may use; `Err` carries the reason to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permissions {
    /// The pin switch (and only it: the bulk buttons act on the user's own dialogs).
    pub pin: Result<(), Blocked>,
    /// The whisper switch.
    pub whisper: Result<(), Blocked>,
}

/// Both reads in one `batch` round trip.
///
/// `[("dialog", "imopenlines.dialog.get", {"DIALOG_ID": "chat12"}), ("me", "profile", {})]`.
pub fn state_batch(chat: ChatId) -> Vec<Call> {
    vec![
        Call::new(
            DIALOG_KEY,
            STATE_METHOD,
            Params::Dialog {
                dialog_id: chat.dialog_id(),
            },
        ),
        Call::new(ME_KEY, PROFILE_METHOD, Params::None {}),
    ]
}

record! {
    /// `imopenlines.dialog.get`'s result, as sent (keys in any case).
    pub struct DialogAnswer {
        /// The chat id.
        id: "id",
        /// `|`-separated: PAUSE (pinned) at #3, SESSION_ID at #5.
        entity_data_1: "entity_data_1",
        /// Silent mode, `"Y"` when on.
        entity_data_3: "entity_data_3",
        /// The chat's author (the operator who accepted it).
        owner: "owner",
        /// `LINES` for an open line.
        entity_type: "entity_type",
        /// `<connector>|<line>|…` for an open line (the operator's list shows the connector).
        entity_id: "entity_id",
        /// `lines` for an open line (the messenger's chat type).
        chat_type: "type",
        /// `L` for an open line.
        message_type: "message_type",
        /// The chat's name.
        name: "name",
    }
}

/// Reads `imopenlines.dialog.get`'s result for `chat`.
///
/// Errors only when the answer has none of the dialog's fields (`{}`, `[]`, an object of other
/// keys), or names a different chat in `id`. Everything else degrades to defaults (not
/// pinned, whisper off, no owner, no session).
pub fn parse_dialog(chat: ChatId, answer: &DialogAnswer) -> Result<DialogState, CallError> {
    if *answer == DialogAnswer::default() {
        return Err(CallError::BadResponse(
            "imopenlines.dialog.get: expected a dialog object, got one without dialog fields"
                .into(),
        ));
    }
    if let Some(id) = answer.id.as_u64() {
        if id != chat.get() {
            return Err(CallError::BadResponse(format!(
                "imopenlines.dialog.get: asked for {chat}, got chat {id}"
            )));
        }
    }

    let data_1 = answer.entity_data_1.as_str().unwrap_or("");
    let parts: Vec<&str> = data_1.split('|').collect();
    let pinned = parts.get(PAUSE_FIELD).is_some_and(|p| *p == "Y");
    let session_id = parts
        .get(SESSION_FIELD)
        .and_then(|s| parse_decimal(s))
        .filter(|&n| n > 0);

    let whisper = answer.entity_data_3.as_str() == Some("Y");
    let owner = answer.owner.as_u64().filter(|&n| n > 0);

    let [entity_type, chat_type, message_type] =
        [&answer.entity_type, &answer.chat_type, &answer.message_type]
            .map(|field| field.as_str().unwrap_or(""));
    let kind = if entity_type.eq_ignore_ascii_case("LINES")
        || chat_type.eq_ignore_ascii_case("lines")
        || message_type.eq_ignore_ascii_case("L")
    {
        DialogKind::OpenLine
    } else {
        let seen = [entity_type, chat_type, message_type]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_default();
        DialogKind::Other(seen.to_owned())
    };

    // A name is text or a number (a chat called "2024"); a boolean is no name.
    let title = match &answer.name {
        name @ (Loose::Text(_) | Loose::Int(_) | Loose::Float(_)) => name.text(),
        _ => String::new(),
    };

    Ok(DialogState {
        chat,
        pinned,
        whisper,
        owner,
        session_id,
        kind,
        title,
    })
}

record! {
    /// `profile`'s result: `{"ID": "1" | 1, …}`.
    pub struct ProfileAnswer {
        /// The user id.
        id: "ID",
    }
}

/// Reads `profile`'s result. A missing, zero or non-numeric `ID` is
/// [`CallError::BadResponse`].
pub fn parse_profile(answer: &ProfileAnswer) -> Result<CurrentUser, CallError> {
    let id = answer.id.as_u64().filter(|&n| n > 0).ok_or_else(|| {
        CallError::BadResponse(format!("profile: no user ID, got {}", answer.id.short()))
    })?;
    Ok(CurrentUser { id })
}

/// Which switches `me` may use on this dialog.
///
/// - No active session → both blocked with [`Blocked::NoSession`] (pin would start a session,
///   silent would write to a dead chat).
/// - `owner` is someone else → pin blocked with [`Blocked::OtherOperator`]; whisper stays
///   allowed (the server lets any member with access toggle silent mode).
/// - `owner` is `me` or unknown (`None`) with a session → both allowed; the server has the last
///   word (its refusal arrives as the empty error code, see [`super::error::Problem::NotOperator`]).
///
/// Using `owner` as the session's operator is an inference (docs/bitrix24.md §2).
pub fn permissions(state: &DialogState, me: &CurrentUser) -> Permissions {
    if state.session_id.is_none() {
        return Permissions {
            pin: Err(Blocked::NoSession),
            whisper: Err(Blocked::NoSession),
        };
    }
    let pin = match state.owner {
        Some(owner) if owner != me.id => Err(Blocked::OtherOperator),
        _ => Ok(()),
    };
    Permissions {
        pin,
        whisper: Ok(()),
    }
}
