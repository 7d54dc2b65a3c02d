//! The writes the widget makes and their exact REST method and params (docs/bitrix24.md §1).

pub use super::action::Action;
use super::dialog::ChatId;
use super::error::CallError;
use super::rest::{Call, Params};
use super::wire::{List, Loose};

/// `imopenlines.session.mode.pin`: pins with `ACTIVATE` `"Y"` and unpins with exactly `"N"`.
///
/// `imopenlines.session.mode.unpin` exists in code but has no DOCS page, so unpinning goes
/// through `pin` too (docs/bitrix24.md §1.1–1.2: only the exact string `N` unpins).
pub const PIN_METHOD: &str = "imopenlines.session.mode.pin";
/// `imopenlines.session.mode.silent`: on only with the exact string `ACTIVATE = "Y"`.
pub const SILENT_METHOD: &str = "imopenlines.session.mode.silent";
/// `imopenlines.session.mode.pinAll`: returns the pinned session ids.
pub const PIN_ALL_METHOD: &str = "imopenlines.session.mode.pinAll";
/// `imopenlines.session.mode.unpinAll`: returns the unpinned session ids.
pub const UNPIN_ALL_METHOD: &str = "imopenlines.session.mode.unpinAll";

/// One write to the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Pin this dialog to the current operator.
    Pin(ChatId),
    /// Unpin this dialog.
    Unpin(ChatId),
    /// Turn whisper (silent) mode on: the client stops seeing the operator's messages.
    WhisperOn(ChatId),
    /// Turn whisper mode off.
    WhisperOff(ChatId),
    /// Pin all the current operator's active dialogs.
    PinAll,
    /// Unpin all the current operator's pinned dialogs.
    UnpinAll,
}

impl Command {
    /// The command that flips the pin switch: pinned → [`Command::Unpin`], else [`Command::Pin`].
    pub fn toggled_pin(chat: ChatId, currently_pinned: bool) -> Command {
        if currently_pinned {
            Command::Unpin(chat)
        } else {
            Command::Pin(chat)
        }
    }

    /// The command that flips the whisper switch.
    pub fn toggled_whisper(chat: ChatId, currently_on: bool) -> Command {
        if currently_on {
            Command::WhisperOff(chat)
        } else {
            Command::WhisperOn(chat)
        }
    }

    /// The dialog it is about; `None` for pin all / unpin all.
    pub fn chat(&self) -> Option<ChatId> {
        match *self {
            Command::Pin(chat)
            | Command::Unpin(chat)
            | Command::WhisperOn(chat)
            | Command::WhisperOff(chat) => Some(chat),
            Command::PinAll | Command::UnpinAll => None,
        }
    }

    /// The REST method name.
    pub fn method(&self) -> &'static str {
        match self {
            Command::Pin(_) | Command::Unpin(_) => PIN_METHOD,
            Command::WhisperOn(_) | Command::WhisperOff(_) => SILENT_METHOD,
            Command::PinAll => PIN_ALL_METHOD,
            Command::UnpinAll => UNPIN_ALL_METHOD,
        }
    }

    /// The REST params, always an object (`{}` for the bulk commands: one build of BX24
    /// throws on `undefined` params). Keys are upper case; the server reads them
    /// case-sensitively. `CHAT_ID` is a number.
    pub fn params(&self) -> Params {
        let mode = |chat: ChatId, activate| Params::Mode {
            chat_id: chat.get(),
            activate,
        };
        match *self {
            Command::Pin(chat) | Command::WhisperOn(chat) => mode(chat, "Y"),
            Command::Unpin(chat) | Command::WhisperOff(chat) => mode(chat, "N"),
            Command::PinAll | Command::UnpinAll => Params::None {},
        }
    }

    /// The call: method, params, and what its answer is read as.
    pub fn call(&self) -> Call {
        Call::single(self.method(), self.params())
    }

    /// What this command is, for messages.
    pub fn action(&self) -> Action {
        match self {
            Command::Pin(_) => Action::Pin,
            Command::Unpin(_) => Action::Unpin,
            Command::WhisperOn(_) => Action::WhisperOn,
            Command::WhisperOff(_) => Action::WhisperOff,
            Command::PinAll => Action::PinAll,
            Command::UnpinAll => Action::UnpinAll,
        }
    }
}

/// The session ids in a `pinAll` / `unpinAll` result (their count is what the widget reports).
///
/// - `[339, 337]` → those ids; `[]` → none.
/// - Ids given as decimal strings (`["339"]`) are accepted.
/// - `{}` → none: the BX24 library turns an empty body into `{result: {}}`
///   (docs/bitrix24.md §4.4), and PHP may encode a list with gaps as an object, so an object's
///   values are read as the ids ([`List`]).
/// - Anything else (`null`, `true`, a number — these do not decode as a [`List`] —, a negative
///   or fractional id, a nested value) is [`CallError::BadResponse`]: the method promises
///   `int[]`, and reporting "nothing to do" on a garbled answer would be a lie.
pub fn parse_session_ids(result: &List<Loose>) -> Result<Vec<u64>, CallError> {
    result
        .0
        .iter()
        .map(|item| {
            item.as_u64().ok_or_else(|| {
                CallError::BadResponse(format!("not a session id: {}", item.short()))
            })
        })
        .collect()
}
