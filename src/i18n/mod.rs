//! The widget's texts in the 20 languages of Bitrix24: plain `String`s (the view renders them
//! as text nodes, never as HTML).
//!
//! - [`Locale`]: the portal language from `BX24.getLang()`, its BCP 47 tag and direction.
//! - [`Msg`]: every user-facing text, with its data.
//! - [`Catalogue`]: one language's texts, `i18n/<id>.json` in the repository. English is compiled
//!   in (the fallback, and every text before a catalogue has arrived); the others are data the
//!   host fetches, so adding a language adds no byte to the widget's wasm.
//! - [`Texts`]: a message in the operator's language: its catalogue, English for any key it
//!   lacks, and the language's plural rules and digits from the browser ([`Numbers`], `Intl`).
//!
//! Which keys a [`Msg`] reads is decided here, once for every language ([`Texts::text`]): which
//! advice a [`Problem`] gets for an [`Action`], how a failure text is put together, how a count
//! picks its form. Completeness is checked by tests, not by the compiler: `tests/i18n_catalogue.rs`
//! renders every message from every catalogue and fails on a missing key, and
//! `scripts/i18n-check.mjs` (run by `e2e/catalogues.spec.ts`) fails when a catalogue lacks a key,
//! a placeholder or a plural form `Intl.PluralRules` names, or still has an English text.

mod catalogue;

use std::rc::Rc;

use crate::domain::command::Action;
use crate::domain::dialog::PlacementProblem;
use crate::domain::error::Problem;
use crate::domain::install::{BindProblem, Home, PlacementChange};
use crate::domain::recent::Stage;
use crate::domain::state::Blocked;

pub use crate::domain::locale::{Locale, Numbers, PluralCategory};
pub use catalogue::Catalogue;

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
    /// The admin pages' bundle could not be loaded.
    PageLoadFailed,

    /// App page: what the app does and where operators find it.
    AppAbout,
    /// App page: heading of the section about where operators find the widget.
    HomesTitle,
    /// App page: while `placement.get` is read.
    HomesChecking,
    /// App page: no home has the widget; operators will not find it.
    HomesNone,
    /// App page, non-admins: only an administrator can see and change the bindings.
    HomesAdminOnly,
    /// App page: a home's name ("Chat sidebar").
    HomeTitle(Home),
    /// App page: where and when the messenger shows this home.
    HomeAbout(Home),
    /// App page: the widget is in this home at this address.
    HomeBound(Home),
    /// App page: this home shows the widget from another (earlier) address.
    HomeBoundElsewhere(Home),
    /// App page: the widget is not in this home.
    HomeNotBound(Home),
    /// Button: bind the widget to this home.
    AddTo(Home),
    /// Button: remove every binding of the app in this home, then bind this address.
    ReaddTo(Home),
    /// Button: remove the widget from this home.
    RemoveFrom(Home),
    /// Status after a bind or rebind.
    HomeAdded(Home),
    /// Status after an unbind.
    HomeRemoved(Home),
    /// Install page heading.
    InstallTitle,
    /// Install progress: binding every home.
    InstallBinding,
    /// Install done (shown until the portal reloads the page, or for good outside install mode).
    InstallDone,
    /// The install page after a failure (the alert says why).
    InstallStopped,
    /// The operator's list: heading, "My open-line dialogs".
    DialogsTitle,
    /// The list: while it is read.
    DialogsLoading,
    /// The list: how many dialogs it holds (0 has its own text: there are none).
    DialogsCount(u64),
    /// The list's column headings.
    Column(Column),
    /// The list: where a dialog's session stands.
    Stage(Stage),
    /// The list: the user is the dialog's operator, or not.
    Responsible(bool),
    /// The list: a dialog's channel (the connector id, when there is no name for it).
    Channel(String),
    /// The list: accessible name of a row's pin switch, with the dialog's title.
    PinRow(String),
    /// The list: accessible name of a row's whisper switch, with the dialog's title.
    WhisperRow(String),
    /// Bulk confirmation with the forecast: how many of the listed dialogs pin all will pin.
    ConfirmPinAllCount(u64),
    /// Bulk confirmation with the forecast: how many unpin all will unpin.
    ConfirmUnpinAllCount(u64),
    /// After a bulk write whose count differs from the list's forecast: what was done, and
    /// what the list expected.
    AgainstForecast {
        /// [`Msg::PinnedCount`] or [`Msg::UnpinnedCount`].
        done: Box<Msg>,
        /// How many the list expected.
        expected: u64,
    },

    /// A placement change or read failed: what, why, and what to do.
    PlacementFailed {
        /// What was being done.
        change: PlacementChange,
        /// What went wrong.
        problem: BindProblem,
    },
}

/// Messages in one language, cheap to clone.
#[derive(Clone)]
pub struct Texts {
    locale: Locale,
    /// The language's own catalogue; `None` for English (or while it has not arrived).
    own: Option<Rc<Catalogue>>,
    numbers: Rc<dyn Numbers>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Texts({:?}, own: {})", self.locale, self.own.is_some())
    }
}

impl Texts {
    /// `locale` with its catalogue (`None`: English texts; the root still gets `locale`'s `lang`
    /// only when the catalogue is there, see [`Texts::lang`]) and its plural rules and digits.
    pub fn new(locale: Locale, own: Option<Rc<Catalogue>>, numbers: Rc<dyn Numbers>) -> Texts {
        Texts {
            locale,
            own,
            numbers,
        }
    }

    /// The language the texts are in: `locale` when its catalogue is there (or it is English),
    /// else English.
    pub fn locale(&self) -> Locale {
        if self.own.is_some() {
            self.locale
        } else {
            Locale::En
        }
    }

    /// The BCP 47 tag of the language the texts are in, for the root's `lang`.
    pub fn lang(&self) -> &'static str {
        self.locale().html_lang()
    }

    /// The writing direction of the language the texts are in, for the root's `dir`.
    pub fn dir(&self) -> &'static str {
        self.locale().dir()
    }

    /// `msg` as plain text.
    pub fn text(&self, msg: &Msg) -> String {
        match msg {
            Msg::Title => self.get("title"),
            Msg::Loading => self.get("loading"),
            Msg::Saving => self.get("saving"),
            Msg::PinLabel => self.get("pin_label"),
            Msg::PinHintPinned => self.get("pin_hint_pinned"),
            Msg::PinHintUnpinned => self.get("pin_hint_unpinned"),
            Msg::WhisperLabel => self.get("whisper_label"),
            Msg::WhisperHint => self.get("whisper_hint"),
            Msg::Blocked(Blocked::OtherOperator) => self.get("blocked.other_operator"),
            Msg::Blocked(Blocked::NoSession) => self.get("blocked.no_session"),
            Msg::DialogPinned => self.get("dialog_pinned"),
            Msg::DialogUnpinned => self.get("dialog_unpinned"),
            Msg::WhisperTurnedOn => self.get("whisper_turned_on"),
            Msg::WhisperTurnedOff => self.get("whisper_turned_off"),
            Msg::BulkTitle => self.get("bulk_title"),
            Msg::PinAllButton => self.get("pin_all_button"),
            Msg::UnpinAllButton => self.get("unpin_all_button"),
            Msg::ConfirmPinAll => self.get("confirm_pin_all"),
            Msg::ConfirmUnpinAll => self.get("confirm_unpin_all"),
            Msg::Confirm => self.get("confirm"),
            Msg::Cancel => self.get("cancel"),
            Msg::TryAgain => self.get("try_again"),
            Msg::PinnedCount(n) => self.count("pinned_count", *n),
            Msg::UnpinnedCount(n) => self.count("unpinned_count", *n),
            Msg::Failed { action, problem } => self.failed(*action, *problem),
            Msg::NoHost => self.get(NO_HOST),
            Msg::Placement(problem) => self.get(no_chat(problem)),
            Msg::NotOpenLine => self.get("not_open_line"),
            Msg::NoDialogAccess => self.get("no_dialog_access"),
            Msg::PortalTooOld => self.get(PORTAL_TOO_OLD),
            Msg::InitTimeout => self.get("init_timeout"),
            Msg::AppPage => self.get("app_page"),
            Msg::PageLoadFailed => self.get("page_load_failed"),
            Msg::AppAbout => self.get("app_about"),
            Msg::HomesTitle => self.get("homes_title"),
            Msg::HomesChecking => self.get("homes_checking"),
            Msg::HomesNone => self.get("homes_none"),
            Msg::HomesAdminOnly => self.get("homes_admin_only"),
            Msg::HomeTitle(home) => self.home(*home, "title"),
            Msg::HomeAbout(home) => self.home(*home, "about"),
            Msg::HomeBound(home) => self.home(*home, "bound"),
            Msg::HomeBoundElsewhere(home) => self.home(*home, "bound_elsewhere"),
            Msg::HomeNotBound(home) => self.home(*home, "not_bound"),
            Msg::AddTo(home) => self.home(*home, "add"),
            Msg::ReaddTo(home) => self.home(*home, "readd"),
            Msg::RemoveFrom(home) => self.home(*home, "remove"),
            Msg::HomeAdded(home) => self.home(*home, "added"),
            Msg::HomeRemoved(home) => self.home(*home, "removed"),
            Msg::InstallTitle => self.get("install_title"),
            Msg::InstallBinding => self.get("install_binding"),
            Msg::InstallDone => self.get("install_done"),
            Msg::InstallStopped => self.get("install_stopped"),
            Msg::DialogsTitle => self.get("dialogs_title"),
            Msg::DialogsLoading => self.get("dialogs_loading"),
            Msg::DialogsCount(n) => self.count("dialogs_count", *n),
            Msg::Column(column) => self.get(&format!("column.{}", column.key())),
            Msg::Stage(stage) => self.get(&format!("stage.{}", stage.key())),
            Msg::Responsible(mine) => self.get(if *mine {
                "responsible.me"
            } else {
                "responsible.other"
            }),
            Msg::Channel(id) => match channel_key(id) {
                Some(key) => self.get(key),
                None => channel_brand(id).map_or_else(|| id.clone(), str::to_owned),
            },
            Msg::PinRow(title) => self.get("pin_row").replace("{title}", title),
            Msg::WhisperRow(title) => self.get("whisper_row").replace("{title}", title),
            Msg::ConfirmPinAllCount(n) => self.count("confirm_pin_all_count", *n),
            Msg::ConfirmUnpinAllCount(n) => self.count("confirm_unpin_all_count", *n),
            Msg::AgainstForecast { done, expected } => self
                .get("against_forecast")
                .replace("{done}", &self.text(done))
                .replace("{expected}", &self.count("forecast_differs", *expected)),
            Msg::PlacementFailed { change, problem } => format!(
                "{} {}",
                self.get(&format!("placement_failed.{}", change_key(*change))),
                self.get(&format!("placement_why.{}", bind_key(*problem)))
            ),
        }
    }

    /// The text of `home` under `what` (`home.<home>.<what>`).
    fn home(&self, home: Home, what: &str) -> String {
        self.get(&format!("home.{}.{what}", home.key()))
    }

    /// The text under `key`: this language's, else English; the key itself when even English
    /// lacks it (`tests/i18n_catalogue.rs` makes sure it never does).
    fn get(&self, key: &str) -> String {
        self.own
            .as_deref()
            .and_then(|c| c.text(key))
            .or_else(|| Catalogue::english().text(key))
            .unwrap_or(key)
            .to_owned()
    }

    /// `n` with the form of `key` for its plural category (`none` for 0, a sentence of its own),
    /// `{n}` replaced by the number in the language's digits.
    fn count(&self, key: &str, n: u64) -> String {
        let form = if n == 0 {
            "none"
        } else {
            self.numbers.category(n).name()
        };
        // A form the catalogue lacks is its `other` (every CLDR language has one); a count the
        // catalogue lacks is English's.
        fn in_catalogue<'a>(c: &'a Catalogue, key: &str, form: &str) -> Option<&'a str> {
            c.form(key, form).or_else(|| c.form(key, "other"))
        }
        let template = self
            .own
            .as_deref()
            .and_then(|c| in_catalogue(c, key, form))
            .or_else(|| in_catalogue(Catalogue::english(), key, form))
            .unwrap_or(key);
        template.replace("{n}", &self.numbers.format(n))
    }

    /// [`Msg::Failed`]: a head, then why and what to do. The head says "not confirmed" when the
    /// outcome is unknown (the write may have happened, so it is not called a failure) and
    /// "… failed" otherwise.
    fn failed(&self, action: Action, problem: Problem) -> String {
        let head = match problem {
            Problem::NoAnswer | Problem::Garbled => "unconfirmed",
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
            | Problem::Unknown => "failed",
        };
        format!(
            "{} {}",
            self.get(&format!("{head}.{}", action_key(action))),
            self.get(advice(action, problem))
        )
    }
}

/// The key shared by [`Msg::NoHost`] and its advice.
const NO_HOST: &str = "no_host";
/// The key shared by [`Msg::PortalTooOld`] and the advice after a write.
const PORTAL_TOO_OLD: &str = "portal_too_old";

/// An action's part of the failure keys (`failed.<it>`, `unconfirmed.<it>`).
/// The list's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The dialog (client and line).
    Dialog,
    /// Its channel.
    Channel,
    /// Where its session stands.
    Status,
    /// Whether the user is its operator.
    Operator,
    /// Pinned.
    Pinned,
    /// Whisper mode.
    Whisper,
}

crate::domain::every_variant!(Column: Dialog, Channel, Status, Operator, Pinned, Whisper);

impl Column {
    /// A stable name, for catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            Column::Dialog => "dialog",
            Column::Channel => "channel",
            Column::Status => "status",
            Column::Operator => "operator",
            Column::Pinned => "pinned",
            Column::Whisper => "whisper",
        }
    }
}

/// The catalogue key of a channel whose name is a word of the language (the live chat on the
/// portal's site); `None` for the messengers, which are brand names.
fn channel_key(id: &str) -> Option<&'static str> {
    match id {
        "livechat" => Some("channel.livechat"),
        "network" => Some("channel.network"),
        _ => None,
    }
}

/// The brand name of a messenger connector (`imconnector`'s ids); `None` when unknown (the id
/// itself is shown).
fn channel_brand(id: &str) -> Option<&'static str> {
    Some(match id {
        "telegrambot" | "telegram" => "Telegram",
        "whatsappbytwilio" | "whatsappbyedna" | "whatsappbyedna2" | "wz_whatsapp" => "WhatsApp",
        "vkgroup" | "vkgrouporder" => "VK",
        "facebook" | "facebookcomments" => "Facebook",
        "fbinstagramdirect" | "fbinstagram" | "instagram" => "Instagram",
        "viber" => "Viber",
        "avito" => "Avito",
        "imessage" => "Apple Messages for Business",
        "olx" => "OLX",
        "ok" => "Odnoklassniki",
        _ => return None,
    })
}

fn action_key(action: Action) -> &'static str {
    match action {
        Action::Load => "load",
        Action::Pin => "pin",
        Action::Unpin => "unpin",
        Action::WhisperOn => "whisper_on",
        Action::WhisperOff => "whisper_off",
        Action::PinAll => "pin_all",
        Action::UnpinAll => "unpin_all",
    }
}

/// A placement change's part of `placement_failed.<it>` (a home's change: `<home>.<change>`).
fn change_key(change: PlacementChange) -> String {
    match change {
        PlacementChange::Install => "install".into(),
        PlacementChange::Check => "check".into(),
        PlacementChange::Add(home) => format!("{}.add", home.key()),
        PlacementChange::Readd(home) => format!("{}.readd", home.key()),
        PlacementChange::Remove(home) => format!("{}.remove", home.key()),
        PlacementChange::InstallCheck => "install_check".into(),
    }
}

/// A placement problem's part of `placement_why.<it>`.
fn bind_key(problem: BindProblem) -> &'static str {
    match problem {
        BindProblem::NotAdmin => "not_admin",
        BindProblem::MissingScope => "missing_scope",
        BindProblem::Rejected => "rejected",
        BindProblem::AuthLost => "auth_lost",
        BindProblem::NoAnswer => "no_answer",
        BindProblem::Busy => "busy",
        BindProblem::Unknown => "unknown",
    }
}

/// What the operator is told when the placement names no group chat ([`Msg::Placement`]):
/// Bitrix24 did not say which chat is open, or it is a private chat.
fn no_chat(problem: &PlacementProblem) -> &'static str {
    match problem {
        PlacementProblem::MissingOptions
        | PlacementProblem::MissingDialogId
        | PlacementProblem::NotAChatId { .. } => "no_chat.not_said",
        PlacementProblem::PrivateChat { .. } => "no_chat.private",
    }
}

/// Why something failed and what to do: the key of the advice for `problem` when it ended
/// `action`. Where the advice depends on what was being done, this says so, once for every
/// language.
fn advice(action: Action, problem: Problem) -> &'static str {
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
            Action::Pin | Action::Unpin => "why.not_operator_pin",
            Action::WhisperOn | Action::WhisperOff => "why.not_operator_whisper",
            Action::Load | Action::PinAll | Action::UnpinAll => "why.not_operator_other",
        },
        Problem::NoAccess => "why.no_access",
        Problem::NotOpenLine => "why.not_open_line",
        Problem::ChatNotFound => "why.chat_not_found",
        Problem::AuthLost => "why.auth_lost",
        Problem::MissingScope => "why.missing_scope",
        Problem::PlanRestricted => "why.plan_restricted",
        Problem::PortalTooOld => match target {
            Target::Read => "why.portal_too_old_read",
            Target::Dialog | Target::AllDialogs => PORTAL_TOO_OLD,
        },
        Problem::ServerModule => "why.server_module",
        Problem::RateLimited => "why.rate_limited",
        Problem::TimeLimited => "why.time_limited",
        Problem::NoAnswer => match target {
            Target::Read => "why.no_answer_read",
            Target::Dialog => "why.no_answer_dialog",
            Target::AllDialogs => "why.no_answer_all",
        },
        Problem::Garbled => match target {
            Target::Read => "why.garbled_read",
            Target::Dialog => "why.garbled_dialog",
            Target::AllDialogs => "why.garbled_all",
        },
        Problem::NoHost => NO_HOST,
        Problem::Unknown => "why.unknown",
    }
}
