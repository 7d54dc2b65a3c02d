//! What the widget does, named once for messages, logs and error classification. A leaf of the
//! domain: it depends on nothing, so `error` can name an action without depending on the
//! commands (which depend on `error`).

/// What the widget was doing when something failed (for messages and logs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Reading the dialog state (`imopenlines.dialog.get` + `profile`).
    Load,
    /// Pinning the dialog ([`super::command::Command::Pin`]).
    Pin,
    /// Unpinning it ([`super::command::Command::Unpin`]).
    Unpin,
    /// Turning whisper mode on ([`super::command::Command::WhisperOn`]).
    WhisperOn,
    /// Turning it off ([`super::command::Command::WhisperOff`]).
    WhisperOff,
    /// Pinning all the operator's dialogs ([`super::command::Command::PinAll`]).
    PinAll,
    /// Unpinning them all ([`super::command::Command::UnpinAll`]).
    UnpinAll,
}

every_variant!(Action: Load, Pin, Unpin, WhisperOn, WhisperOff, PinAll, UnpinAll);

impl Action {
    /// A stable lower-case name for console logs: `load`, `pin`, `unpin`, `whisper-on`, …
    pub fn name(self) -> &'static str {
        match self {
            Action::Load => "load",
            Action::Pin => "pin",
            Action::Unpin => "unpin",
            Action::WhisperOn => "whisper-on",
            Action::WhisperOff => "whisper-off",
            Action::PinAll => "pin-all",
            Action::UnpinAll => "unpin-all",
        }
    }

    /// `true` for everything but [`Action::Load`].
    pub fn is_write(self) -> bool {
        !matches!(self, Action::Load)
    }
}
