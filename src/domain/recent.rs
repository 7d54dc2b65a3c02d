//! The operator's open-line dialogs at a glance: every dialog's pin and whisper state from one
//! `batch` of `im.recent.get {ONLY_OPENLINES: "Y"}` and `profile` (docs/bitrix24.md §11).
//!
//! - The list is the queue's offers to the user, then the open-line chats they are a member
//!   of; keys are lower case; an offer made before the chat had a message is a `null` entry
//!   (skipped here). The top-level `pinned` is the messenger's "pin to the top of the list",
//!   **not** the open-line pin, and is never read.
//! - A row's pin is `chat.entity_data_1` field #3, whisper `chat.entity_data_3`, exactly as in
//!   the sidebar ([`super::state::parse_dialog`] reads the same chat fields).
//! - `pinAll` / `unpinAll` change the sessions where the user is the operator, in work
//!   (status 10–49), whose pin differs ([`forecast`]); the list tells which those are.

use serde::Deserialize;

use super::command::Command;
use super::dialog::ChatId;
use super::rest::{Call, Params};
use super::state::{
    parse_dialog, permissions, Blocked, CurrentUser, DialogAnswer, DialogState, Permissions,
    ME_KEY, PROFILE_METHOD,
};
use super::wire::{List, Loose};

/// `im.recent.get`: the user's recent chats; with `ONLY_OPENLINES=Y` every open-line dialog
/// they are a member of or are offered, with no paging (scope `im`).
pub const RECENT_METHOD: &str = "im.recent.get";
/// The key of the list call in [`list_batch`].
pub const LIST_KEY: &str = "list";

/// The list and who is looking, in one round trip.
///
/// `[("list", "im.recent.get", {"ONLY_OPENLINES": "Y"}), ("me", "profile", {})]`.
pub fn list_batch() -> Vec<Call> {
    vec![
        Call::new(LIST_KEY, RECENT_METHOD, Params::OnlyOpenLines { only: "Y" }),
        Call::new(ME_KEY, PROFILE_METHOD, Params::None {}),
    ]
}

/// One entry of `im.recent.get`, as far as the list reads it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RecentItem {
    /// `chat<N>`.
    pub id: Loose,
    /// The chat's title (the client's name and the line).
    pub title: Loose,
    /// The chat: the same fields `imopenlines.dialog.get` gives (`entity_data_1` …).
    pub chat: Option<DialogAnswer>,
    /// The session joined to the row.
    pub lines: Option<Lines>,
}

record! {
    /// `lines` of an `im.recent.get` entry: the session.
    pub struct Lines {
        /// The session id (0: none joined).
        id: "id",
        /// The session's status (docs/bitrix24.md §11.3).
        status: "status",
    }
}

/// Where a dialog's session stands, from its numeric status (`imopenlines/lib/session.php`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// 10–49: an operator is working on it (the only stage `pinAll` changes).
    InWork,
    /// Below 10: waiting for an operator (offered from the queue).
    Waiting,
    /// 50–59: waiting for the client before it closes.
    Closing,
    /// 60 and above: closed.
    Closed,
    /// No session joined to the row (`lines` missing or its id 0).
    NoSession,
}

every_variant!(Stage: InWork, Waiting, Closing, Closed, NoSession);

impl Stage {
    /// The stage of session `id` with `status`.
    pub fn of(id: u64, status: u64) -> Stage {
        match (id, status) {
            (0, _) => Stage::NoSession,
            (_, 0..=9) => Stage::Waiting,
            (_, 10..=49) => Stage::InWork,
            (_, 50..=59) => Stage::Closing,
            _ => Stage::Closed,
        }
    }

    /// A stable name, for catalogue keys and element classes.
    pub fn key(self) -> &'static str {
        match self {
            Stage::InWork => "in_work",
            Stage::Waiting => "waiting",
            Stage::Closing => "closing",
            Stage::Closed => "closed",
            Stage::NoSession => "no_session",
        }
    }
}

/// One dialog of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRow {
    /// The dialog's state, read like the sidebar reads it (title: the row's `title`, else the
    /// chat's `name`).
    pub state: DialogState,
    /// Where its session stands.
    pub stage: Stage,
    /// The session id of `lines` (0 when none).
    pub session: u64,
    /// The channel: the connector of `chat.entity_id` (`livechat`, `telegrambot` …); empty
    /// when unknown.
    pub channel: String,
    /// The user is the one responsible (`chat.owner` is them).
    pub mine: bool,
    /// What the user may toggle on this row, and why not: the sidebar's rules
    /// ([`super::state::permissions`]), and the pin only on the user's own dialogs.
    pub permissions: Permissions,
}

/// The list as the portal has it now, and who is looking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogList {
    /// The rows, in the order [`parse_list`] gives.
    pub rows: Vec<DialogRow>,
    /// The user.
    pub me: CurrentUser,
    /// Entries that were not dialogs and were left out (`null` offers, other chat types,
    /// unreadable chats): counted for the console.
    pub skipped: usize,
}

impl DialogList {
    /// The row of `chat`, if listed.
    pub fn row(&self, chat: ChatId) -> Option<&DialogRow> {
        self.rows.iter().find(|row| row.state.chat == chat)
    }
}

/// Reads the list for `me`: one row per open-line dialog (an entry that is `null`, not an
/// open line, or has no usable chat is skipped and counted), in work first, then waiting,
/// closing, closed and those without a session; within a stage the portal's order (its
/// pinned-to-top first, then the newest message).
pub fn parse_list(items: &List<Option<RecentItem>>, me: CurrentUser) -> DialogList {
    let mut skipped = 0;
    let mut rows: Vec<DialogRow> = items
        .0
        .iter()
        .filter_map(|item| {
            let row = item.as_ref().and_then(|item| row(item, me));
            skipped += usize::from(row.is_none());
            row
        })
        .collect();
    // Stable: the portal's order stays within a stage.
    rows.sort_by_key(|row| row.stage);
    DialogList { rows, me, skipped }
}

fn row(item: &RecentItem, me: CurrentUser) -> Option<DialogRow> {
    let chat_answer = item.chat.as_ref()?;
    let chat = chat_answer
        .id
        .as_u64()
        .or_else(|| item.id.as_str()?.strip_prefix("chat")?.parse().ok())
        .and_then(ChatId::new)?;
    let mut state = parse_dialog(chat, chat_answer).ok()?;
    if !state.is_open_line() {
        return None;
    }
    if let Some(title) = item.title.as_str().filter(|t| !t.trim().is_empty()) {
        state.title = title.to_owned();
    }
    let lines = item.lines.clone().unwrap_or_default();
    let session = lines.id.as_u64().unwrap_or(0);
    let stage = Stage::of(session, lines.status.as_u64().unwrap_or(0));
    let channel = chat_answer
        .entity_id
        .as_str()
        .and_then(|id| id.split('|').next())
        .unwrap_or("")
        .to_owned();
    let mine = state.owner == Some(me.id);
    // As in the sidebar, except that a dialog nobody has taken (a queue offer, owner 0) is not
    // offered for pinning: the list knows it is not the user's.
    let mut may = permissions(&state, &me);
    if !mine && may.pin.is_ok() {
        may.pin = Err(Blocked::OtherOperator);
    }
    Some(DialogRow {
        mine,
        permissions: may,
        state,
        stage,
        session,
        channel,
    })
}

/// The sessions `command` (pin all / unpin all) will change, by the server's rule: the user
/// is the operator (`chat.owner`, as in the sidebar), the session is in work (status 10–49),
/// and its pin differs from the target. Other commands change no session of the list.
pub fn forecast(list: &DialogList, command: Command) -> Vec<u64> {
    let target = match command {
        Command::PinAll => true,
        Command::UnpinAll => false,
        _ => return Vec::new(),
    };
    list.rows
        .iter()
        .filter(|row| row.mine && row.stage == Stage::InWork && row.state.pinned != target)
        .map(|row| row.session)
        .collect()
}
