//! The widget's texts in English, Russian, German and Ukrainian: own catalogues, plain `String`s
//! (the view renders them as text nodes, never as HTML).
//!
//! - [`Locale`]: from Bitrix24's `LANG` code (`BX24.getLang()`).
//! - [`Msg`]: every user-facing text, with its data.
//! - [`text`]: a message in a locale.
//! - [`plural`]: CLDR-style plural categories for the counts.
//!
//! **Completeness is checked by the compiler.** Each catalogue (`en.rs`, `ru.rs`, `de.rs`,
//! `ua.rs`) is one exhaustive `match` over [`Msg`], with tables that match exhaustively over
//! [`Action`], [`PlacementChange`], [`BindProblem`] and the advice of a failure; which advice a
//! [`Problem`] gets for an [`Action`], how a count picks its plural form and how a failure text is
//! put together are decided here, once for every language. There is no wildcard arm anywhere, so
//! adding a variant to any of them does not compile until every language has a text for it.
//! `tests/i18n_catalogue.rs` then checks that every text is non-empty and actually translated.

mod de;
mod en;
pub mod plural;
mod ru;
mod ua;

use crate::domain::command::Action;
use crate::domain::dialog::PlacementProblem;
use crate::domain::error::Problem;
use crate::domain::install::{BindProblem, PlacementChange};
use crate::domain::state::Blocked;

pub use plural::{category, PluralCategory};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, also the fallback for every language we do not have.
    #[default]
    En,
    /// Russian (`ru`).
    Ru,
    /// German (`de`).
    De,
    /// Ukrainian (Bitrix24 code `ua`; ISO 639-1 `uk`).
    Ua,
}

impl Locale {
    /// Every locale, in declaration order.
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Ru, Locale::De, Locale::Ua];

    /// The locale for a Bitrix24 `LANG` code: `ru`, `en`, `de`, `ua` (and `uk`), any case,
    /// surrounding spaces ignored, a region suffix (`ru-RU`, `de_AT`) ignored. Anything else,
    /// including `""`, is [`Locale::En`].
    pub fn from_lang(code: &str) -> Locale {
        let code = code.trim();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "ru" => Locale::Ru,
            "de" => Locale::De,
            "ua" | "uk" => Locale::Ua,
            _ => Locale::En,
        }
    }

    /// The Bitrix24 code: `"en"`, `"ru"`, `"de"`, `"ua"`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::De => "de",
            Locale::Ua => "ua",
        }
    }

    /// The BCP 47 tag for the HTML `lang` attribute: like [`Locale::code`] but `"uk"` for
    /// Ukrainian (`ua` is not a language tag).
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::De => "de",
            Locale::Ua => "uk",
        }
    }

    /// [`text`] in this locale.
    pub fn text(self, msg: &Msg) -> String {
        text(self, msg)
    }
}

/// Every user-facing text of the widget.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// The widget's heading / accessible name: "Dialog modes".
    Title,
    /// While the state is read: "Loading dialog…".
    Loading,
    /// While a write is in flight: "Saving…".
    Saving,

    /// The pin switch's label: "Pin dialog".
    PinLabel,
    /// Hint under the pin switch when the dialog is pinned.
    PinHintPinned,
    /// Hint under the pin switch when the dialog is not pinned.
    PinHintUnpinned,
    /// The whisper switch's label: "Whisper mode".
    WhisperLabel,
    /// Hint under the whisper switch.
    WhisperHint,
    /// Why a switch is disabled.
    Blocked(Blocked),
    /// Status after a successful pin.
    DialogPinned,
    /// Status after a successful unpin.
    DialogUnpinned,
    /// Status after whisper mode was turned on.
    WhisperTurnedOn,
    /// Status after whisper mode was turned off.
    WhisperTurnedOff,

    /// The bulk section's title: "All my dialogs".
    BulkTitle,
    /// Button: "Pin all my dialogs".
    PinAllButton,
    /// Button: "Unpin all my dialogs".
    UnpinAllButton,
    /// Confirmation question before pin-all.
    ConfirmPinAll,
    /// Confirmation question before unpin-all.
    ConfirmUnpinAll,
    /// Button: "Confirm".
    Confirm,
    /// Button: "Cancel".
    Cancel,
    /// Button: "Try again".
    TryAgain,
    /// Result of pin-all: how many dialogs were pinned (0 has its own text).
    PinnedCount(u64),
    /// Result of unpin-all: how many dialogs were unpinned (0 has its own text).
    UnpinnedCount(u64),

    /// Something failed: what, why, and what to do.
    Failed {
        /// What was being done.
        action: Action,
        /// What went wrong.
        problem: Problem,
    },

    /// Cannot work: no Bitrix24 around the page.
    NoHost,
    /// Cannot work: the placement options do not name a group chat.
    Placement(PlacementProblem),
    /// Cannot work: the chat is not an open-line chat ([`crate::domain::state::DialogKind::Other`]).
    NotOpenLine,
    /// Cannot work: `imopenlines.dialog.get` answered `ACCESS_ERROR` (not an open line, or no
    /// access to it; the server does not say which).
    NoDialogAccess,
    /// Cannot work: the portal lacks `imopenlines.session.mode.*`.
    PortalTooOld,
    /// Cannot work: `BX24.init` never answered.
    InitTimeout,
    /// The app was opened as its own page or in another placement.
    AppPage,

    /// App page: what the app does and where operators find it.
    AppAbout,
    /// App page: heading of the section about the chat sidebar.
    SidebarTitle,
    /// App page: while `placement.get` is read.
    SidebarChecking,
    /// App page: the widget is in the chat sidebar at this address.
    SidebarBound,
    /// App page: the sidebar shows the widget from another (earlier) address only.
    SidebarBoundElsewhere,
    /// App page: the widget is not in the chat sidebar.
    SidebarNotBound,
    /// App page, non-admins: only an administrator can see and change the sidebar binding.
    SidebarAdminOnly,
    /// Button: bind the widget to the chat sidebar.
    AddToSidebar,
    /// Button: remove every binding of the app, then bind this address.
    ReaddToSidebar,
    /// Button: remove the widget from the chat sidebar.
    RemoveFromSidebar,
    /// Status after a bind or rebind.
    SidebarAdded,
    /// Status after an unbind.
    SidebarRemoved,
    /// Install page heading.
    InstallTitle,
    /// Install progress: binding the sidebar.
    InstallBinding,
    /// Install done (shown until the portal reloads the page, or for good outside install mode).
    InstallDone,
    /// The install page after a failure (the alert says why).
    InstallStopped,
    /// A placement change or read failed: what, why, and what to do.
    PlacementFailed {
        /// What was being done.
        change: PlacementChange,
        /// What went wrong.
        problem: BindProblem,
    },
}

/// `msg` in `locale`, as plain text.
pub fn text(locale: Locale, msg: &Msg) -> String {
    match locale {
        Locale::En => en::text(msg),
        Locale::Ru => ru::text(msg),
        Locale::De => de::text(msg),
        Locale::Ua => ua::text(msg),
    }
}

/// The texts a count takes in one language: `none` for zero (a sentence of its own), then one per
/// plural category ([`category`]), `{n}` standing for the number.
struct PluralForms {
    /// `0`.
    none: &'static str,
    /// [`PluralCategory::One`].
    one: &'static str,
    /// [`PluralCategory::Few`] (ru, ua); en and de never have it and give their `other`.
    few: &'static str,
    /// [`PluralCategory::Many`] and [`PluralCategory::Other`] (no language of ours has both).
    other: &'static str,
}

/// `n` in `locale`, in the form of its plural category.
fn count(locale: Locale, n: u64, forms: PluralForms) -> String {
    if n == 0 {
        return forms.none.to_owned();
    }
    let form = match category(locale, n) {
        PluralCategory::One => forms.one,
        PluralCategory::Few => forms.few,
        PluralCategory::Many | PluralCategory::Other => forms.other,
    };
    form.replace("{n}", &n.to_string())
}

/// What the operator is told when the placement names no group chat ([`Msg::Placement`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NoChat {
    /// Bitrix24 did not say which chat is open: no options, no `dialogId`, or not a chat id.
    NotSaid,
    /// The widget was opened in a private chat.
    Private,
}

/// [`Msg::Placement`] in any language: which text `problem` gets is decided here, once; each
/// language gives only its table.
fn placement(problem: &PlacementProblem, texts: fn(NoChat) -> &'static str) -> String {
    let kind = match problem {
        PlacementProblem::MissingOptions
        | PlacementProblem::MissingDialogId
        | PlacementProblem::NotAChatId { .. } => NoChat::NotSaid,
        PlacementProblem::PrivateChat { .. } => NoChat::Private,
    };
    texts(kind).to_owned()
}

/// Why something failed and what to do: one text per distinct advice. Where the advice depends
/// on what was being done, [`advice`] says so, once for every language. Sorted by name, so that
/// a catalogue's table reads like an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Advice {
    /// [`Problem::AuthLost`].
    AuthLost,
    /// [`Problem::ChatNotFound`].
    ChatNotFound,
    /// [`Problem::Garbled`] on pin-all or unpin-all.
    GarbledAll,
    /// [`Problem::Garbled`] on a write to this dialog.
    GarbledDialog,
    /// [`Problem::Garbled`] on the read.
    GarbledRead,
    /// [`Problem::MissingScope`].
    MissingScope,
    /// [`Problem::NoAccess`].
    NoAccess,
    /// [`Problem::NoAnswer`] on pin-all or unpin-all.
    NoAnswerAll,
    /// [`Problem::NoAnswer`] on a write to this dialog: it may or may not have been applied.
    NoAnswerDialog,
    /// [`Problem::NoAnswer`] on the read.
    NoAnswerRead,
    /// [`Problem::NoHost`].
    NoHost,
    /// [`Problem::NotOpenLine`].
    NotOpenLine,
    /// [`Problem::NotOperator`] on anything else.
    NotOperatorOther,
    /// [`Problem::NotOperator`] on pin or unpin.
    NotOperatorPin,
    /// [`Problem::NotOperator`] on a whisper switch.
    NotOperatorWhisper,
    /// [`Problem::PlanRestricted`].
    PlanRestricted,
    /// [`Problem::PortalTooOld`] on the read (`imopenlines.dialog.get`).
    PortalTooOldRead,
    /// [`Problem::PortalTooOld`] on a write (`imopenlines.session.mode.*`).
    PortalTooOldWrite,
    /// [`Problem::RateLimited`].
    RateLimited,
    /// [`Problem::ServerModule`].
    ServerModule,
    /// [`Problem::TimeLimited`].
    TimeLimited,
    /// [`Problem::Unknown`].
    Unknown,
}

/// The advice for `problem` when it ended `action`.
fn advice(action: Action, problem: Problem) -> Advice {
    // What the action was about, where the advice depends on it.
    enum Target {
        Read,
        Dialog,
        AllDialogs,
    }
    let target = match action {
        Action::Load => Target::Read,
        Action::Pin | Action::Unpin | Action::WhisperOn | Action::WhisperOff => Target::Dialog,
        Action::PinAll | Action::UnpinAll => Target::AllDialogs,
    };
    match problem {
        Problem::NotOperator => match action {
            Action::Pin | Action::Unpin => Advice::NotOperatorPin,
            Action::WhisperOn | Action::WhisperOff => Advice::NotOperatorWhisper,
            Action::Load | Action::PinAll | Action::UnpinAll => Advice::NotOperatorOther,
        },
        Problem::NoAccess => Advice::NoAccess,
        Problem::NotOpenLine => Advice::NotOpenLine,
        Problem::ChatNotFound => Advice::ChatNotFound,
        Problem::AuthLost => Advice::AuthLost,
        Problem::MissingScope => Advice::MissingScope,
        Problem::PlanRestricted => Advice::PlanRestricted,
        Problem::PortalTooOld => match target {
            Target::Read => Advice::PortalTooOldRead,
            Target::Dialog | Target::AllDialogs => Advice::PortalTooOldWrite,
        },
        Problem::ServerModule => Advice::ServerModule,
        Problem::RateLimited => Advice::RateLimited,
        Problem::TimeLimited => Advice::TimeLimited,
        Problem::NoAnswer => match target {
            Target::Read => Advice::NoAnswerRead,
            Target::Dialog => Advice::NoAnswerDialog,
            Target::AllDialogs => Advice::NoAnswerAll,
        },
        Problem::Garbled => match target {
            Target::Read => Advice::GarbledRead,
            Target::Dialog => Advice::GarbledDialog,
            Target::AllDialogs => Advice::GarbledAll,
        },
        Problem::NoHost => Advice::NoHost,
        Problem::Unknown => Advice::Unknown,
    }
}

/// A language's tables for the failure texts, which [`Failures::failed`] and
/// [`Failures::placement_failed`] put together the same way in every language.
#[derive(Clone, Copy)]
struct Failures {
    /// The head when the action failed: "Pinning failed."
    what: fn(Action) -> &'static str,
    /// The head when its outcome is unknown: "Pinning was not confirmed."
    unconfirmed: fn(Action) -> &'static str,
    /// Why, and what to do ([`advice`]).
    why: fn(Advice) -> &'static str,
    /// The head when a placement change failed.
    placement_head: fn(PlacementChange) -> &'static str,
    /// Why a placement change failed, and what to do.
    placement_why: fn(BindProblem) -> &'static str,
}

impl Failures {
    /// The tables, in the order of the fields.
    const fn new(
        what: fn(Action) -> &'static str,
        unconfirmed: fn(Action) -> &'static str,
        why: fn(Advice) -> &'static str,
        placement_head: fn(PlacementChange) -> &'static str,
        placement_why: fn(BindProblem) -> &'static str,
    ) -> Failures {
        Failures {
            what,
            unconfirmed,
            why,
            placement_head,
            placement_why,
        }
    }

    /// [`Msg::Failed`]: a head, then why and what to do. The head says "not confirmed" when the
    /// outcome is unknown (the write may have happened, so it is not called a failure) and
    /// "… failed" otherwise.
    fn failed(self, action: Action, problem: Problem) -> String {
        let head = match problem {
            Problem::NoAnswer | Problem::Garbled => (self.unconfirmed)(action),
            Problem::NotOperator
            | Problem::NoAccess
            | Problem::NotOpenLine
            | Problem::ChatNotFound
            | Problem::AuthLost
            | Problem::MissingScope
            | Problem::PlanRestricted
            | Problem::PortalTooOld
            | Problem::ServerModule
            | Problem::RateLimited
            | Problem::TimeLimited
            | Problem::NoHost
            | Problem::Unknown => (self.what)(action),
        };
        format!("{head} {}", (self.why)(advice(action, problem)))
    }

    /// [`Msg::PlacementFailed`]: the change's head, then why and what to do.
    fn placement_failed(self, change: PlacementChange, problem: BindProblem) -> String {
        let head = (self.placement_head)(change);
        format!("{head} {}", (self.placement_why)(problem))
    }
}
