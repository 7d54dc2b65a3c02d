//! Every decision between an answer from the portal and what the user sees: pure functions from
//! (what was done, how it went, what the re-read found) to a [`Verdict`] the views only render.
//! Tested natively as a decision table (`tests/controller_verdict.rs`).

use super::{reached, Outcome, Snapshot};
use crate::domain::command::{Action, Command};
use crate::domain::dialog::ChatId;
use crate::domain::error::{classify, outcome_unknown, CallError, Problem};
use crate::domain::install::{
    classify_change, Bindings, DefaultPage, Home, HomeBinding, PlacementChange,
};
use crate::domain::recent::{DialogList, Stage};
use crate::domain::state::{Blocked, DialogState};
use crate::i18n::Msg;

/// What "Try again" repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Exactly the command that failed, sent once more (only when the operator asks).
    Command(Command),
    /// The state read.
    Read,
    /// A change to the app's place in the portal (install page, app page), or its read.
    Placement(PlacementChange),
}

/// Where keyboard focus goes (the control that had it is gone, e.g. the "Try again" button).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The switch or button of this command.
    Control(Command),
    /// The app page's add / re-add button of a home.
    BindButton(Home),
    /// The app page's heading of the section saying where operators find the widget.
    HomesState,
    /// The install page's heading.
    InstallTitle,
}

impl Focus {
    /// The id of the element it names.
    pub fn element_id(self) -> &'static str {
        match self {
            Focus::Control(command) => match Control::of(command) {
                Control::Pin => PIN_ID,
                Control::Whisper => WHISPER_ID,
                Control::Bulk if command == Command::UnpinAll => UNPIN_ALL_ID,
                Control::Bulk => PIN_ALL_ID,
            },
            Focus::BindButton(home) => bind_id(home),
            Focus::HomesState => HOMES_TITLE_ID,
            Focus::InstallTitle => INSTALL_TITLE_ID,
        }
    }
}

/// Element id of the pin switch.
pub const PIN_ID: &str = "olm-pin";
/// Element id of the whisper switch.
pub const WHISPER_ID: &str = "olm-whisper";
/// Element id of the "Pin all my dialogs" button.
pub const PIN_ALL_ID: &str = "olm-pin-all";
/// Element id of the "Unpin all my dialogs" button.
pub const UNPIN_ALL_ID: &str = "olm-unpin-all";
/// Element id of the app page's heading of the section about where operators find the widget.
pub const HOMES_TITLE_ID: &str = "olm-homes-title";
/// Element id of the install page's heading.
pub const INSTALL_TITLE_ID: &str = "olm-install-title";

/// Element id of the app page's add / re-add button of `home`.
pub fn bind_id(home: Home) -> &'static str {
    match home {
        Home::Textarea => "olm-textarea-bind",
        Home::Sidebar => "olm-sidebar-bind",
        Home::Navigation => "olm-navigation-bind",
    }
}

/// The controls that send writes; each has at most one write in flight (a click on a busy
/// control is ignored), and the two bulk buttons share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The pin switch.
    Pin,
    /// The whisper switch.
    Whisper,
    /// Pin all / unpin all.
    Bulk,
}

impl Control {
    /// The control that sends `command`.
    pub fn of(command: Command) -> Control {
        match command {
            Command::Pin(_) | Command::Unpin(_) => Control::Pin,
            Command::WhisperOn(_) | Command::WhisperOff(_) => Control::Whisper,
            Command::PinAll | Command::UnpinAll => Control::Bulk,
        }
    }
}

/// What a switch shows and what a click on it sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwitchView {
    /// `aria-checked`: the portal's state.
    pub checked: bool,
    /// `aria-busy`: its write is in flight.
    pub busy: bool,
    /// `aria-disabled`: the operator may not use it.
    pub disabled: bool,
    /// The line under it: "Saving…" while busy, else why it is disabled, else what the state
    /// means.
    pub line: Msg,
    /// What a click sends; `None` (the click is ignored) while busy or disabled.
    pub click: Option<Command>,
}

/// The pin switch over `snapshot`; `busy` while its write is in flight.
pub fn pin_switch(snapshot: &Snapshot, busy: bool) -> SwitchView {
    let s = &snapshot.state;
    let hint = if s.pinned {
        Msg::PinHintPinned
    } else {
        Msg::PinHintUnpinned
    };
    let command = Command::toggled_pin(s.chat, s.pinned);
    switch_view(s.pinned, busy, snapshot.permissions.pin, hint, command)
}

/// The whisper switch over `snapshot`; `busy` while its write is in flight.
pub fn whisper_switch(snapshot: &Snapshot, busy: bool) -> SwitchView {
    let s = &snapshot.state;
    let command = Command::toggled_whisper(s.chat, s.whisper);
    let may = snapshot.permissions.whisper;
    switch_view(s.whisper, busy, may, Msg::WhisperHint, command)
}

fn switch_view(
    checked: bool,
    busy: bool,
    may: Result<(), Blocked>,
    hint: Msg,
    command: Command,
) -> SwitchView {
    SwitchView {
        checked,
        busy,
        disabled: may.is_err(),
        line: match may {
            _ if busy => Msg::Saving,
            Err(blocked) => Msg::Blocked(blocked),
            Ok(()) => hint,
        },
        click: (!busy && may.is_ok()).then_some(command),
    }
}

/// The question that confirms pin all or unpin all.
pub fn confirm_question(command: Command) -> Msg {
    match command {
        Command::UnpinAll => Msg::ConfirmUnpinAll,
        _ => Msg::ConfirmPinAll,
    }
}

/// What the live regions say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Say {
    /// Leave them as they are.
    Nothing,
    /// `role="status"`: an outcome.
    Status(Msg),
    /// `role="alert"`: a failure, or a message that replaces the controls.
    Alert(Msg),
}

/// What a finished action shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// What the regions say.
    pub say: Say,
    /// What "Try again" (next to an alert) repeats; `None`: no "Try again".
    pub retry: Option<Retry>,
    /// The controls give way to this message (the method is missing, the chat is gone…).
    pub replace: Option<Msg>,
    /// Where keyboard focus goes afterwards.
    pub focus: Option<Focus>,
}

impl Verdict {
    /// Nothing to say or change.
    pub fn nothing() -> Self {
        Self::say(Say::Nothing)
    }

    fn say(say: Say) -> Self {
        Self {
            say,
            retry: None,
            replace: None,
            focus: None,
        }
    }

    fn alert(msg: Msg, retry: Option<Retry>) -> Self {
        Self {
            retry,
            ..Self::say(Say::Alert(msg))
        }
    }

    /// The controls give way to `msg`; announced when it follows something the user did (the
    /// control that had the focus is gone, and a replaced view is not announced by itself).
    fn replaced(msg: Msg, announce: bool) -> Self {
        Self {
            replace: Some(msg.clone()),
            ..Self::say(if announce {
                Say::Alert(msg)
            } else {
                Say::Nothing
            })
        }
    }
}

/// How the state read that follows a write ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReRead {
    /// It answered and its state is shown.
    Fresh,
    /// A read that started later answered first: its state is shown (and it is newer than the
    /// write's answer, so it tells whether the write took).
    Superseded,
    /// It failed: what is shown is older than the write.
    Failed,
    /// No re-read (the app page's bulk actions, the controls already replaced).
    Skipped,
}

/// The order of overlapping reads of the dialog: each read gets a ticket when it starts, and
/// when it answers, [`ReadOrder::settle`] says whether its answer may still be shown.
///
/// The newest *successful* answer wins. A failed answer is shown (its alert) unless a newer
/// read's state is already on screen, and it never makes an older successful answer stale: a
/// write followed by a read that succeeded is judged on that read, even when a later read
/// failed first (before, such a failure counted as "newer" and the write was judged on the
/// state from before it: a pin that worked was reported as failed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOrder {
    started: u64,
    shown: u64,
}

impl ReadOrder {
    /// A read starts: its ticket (1 for the first read, then 2, 3 …).
    pub fn start(&mut self) -> u64 {
        self.started += 1;
        self.started
    }

    /// Read `ticket` answered (`ok`: with a state): `Some(ReRead::Fresh)` or
    /// `Some(ReRead::Failed)` when its answer is to be shown, `None` when a newer read's state
    /// is already shown ([`ReRead::Superseded`] for the write that waited on it).
    pub fn settle(&mut self, ticket: u64, ok: bool) -> Option<ReRead> {
        if ticket <= self.shown {
            return None;
        }
        if ok {
            self.shown = ticket;
            Some(ReRead::Fresh)
        } else {
            Some(ReRead::Failed)
        }
    }
}

/// What the sidebar shows instead of, or as, its controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// First read in flight.
    Loading,
    /// The controls, over the snapshot.
    Ready,
    /// The first read failed for a passing reason: the alert says why, with "Try again".
    Unreadable,
    /// Cannot work for this dialog: one message, no controls.
    Cannot(Msg),
}

impl Phase {
    /// The phase while "Try again" reads the state again: the placeholder after a failed first
    /// read, else what is shown stays.
    pub fn rereading(&self) -> Phase {
        match self {
            Phase::Unreadable => Phase::Loading,
            other => other.clone(),
        }
    }

    /// Whether coming back to the chat reads the state again (only over the controls: a
    /// message that replaced them stays, and a read in flight is not doubled).
    pub fn rereads_on_return(&self) -> bool {
        *self == Phase::Ready
    }

    /// Whether the controls have given way to a message.
    pub fn replaced(&self) -> bool {
        matches!(self, Phase::Cannot(_))
    }
}

/// What a state read leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadVerdict {
    /// The phase from now on.
    pub phase: Phase,
    /// Show this state (on [`Phase::Ready`]).
    pub show: Option<Snapshot>,
    /// What the regions say, and whether "Try again" re-reads.
    pub verdict: Verdict,
}

impl ReadVerdict {
    /// How the read ended for a write waiting on it: [`ReRead::Fresh`] when it shows a state.
    pub fn reread(&self) -> ReRead {
        if self.show.is_some() {
            ReRead::Fresh
        } else {
            ReRead::Failed
        }
    }

    /// Whether this read puts the dialog's state on screen where it was not (the benchmark's
    /// `olm-state-shown` mark), given the phase `before` it.
    pub fn first_shown(&self, before: &Phase) -> bool {
        self.show.is_some() && *before != Phase::Ready
    }
}

/// The state read's result, given the phase shown now and whether this read follows something
/// the operator did (every read but the very first does).
pub fn after_read(
    result: Result<Snapshot, CallError>,
    phase: &Phase,
    after_action: bool,
) -> ReadVerdict {
    let cannot = |msg: Msg| ReadVerdict {
        // Already saying it: do not announce it twice.
        verdict: if *phase == Phase::Cannot(msg.clone()) {
            Verdict::nothing()
        } else {
            Verdict::replaced(msg.clone(), after_action)
        },
        phase: Phase::Cannot(msg),
        show: None,
    };
    match result {
        Ok(snapshot) if !snapshot.state.is_open_line() => cannot(Msg::NotOpenLine),
        Ok(snapshot) => ReadVerdict {
            phase: Phase::Ready,
            show: Some(snapshot),
            verdict: Verdict::nothing(),
        },
        Err(err) => {
            let problem = classify(Action::Load, &err);
            let shown = *phase == Phase::Ready;
            match problem {
                Problem::NoAccess if !shown => cannot(Msg::NoDialogAccess),
                Problem::NotOpenLine => cannot(Msg::NotOpenLine),
                // The read method itself is missing: say which one (not session.mode.*).
                Problem::PortalTooOld => cannot(Msg::Failed {
                    action: Action::Load,
                    problem,
                }),
                Problem::NoHost => cannot(Msg::NoHost),
                _ => ReadVerdict {
                    phase: if shown {
                        Phase::Ready
                    } else {
                        Phase::Unreadable
                    },
                    show: None,
                    verdict: Verdict::alert(
                        Msg::Failed {
                            action: Action::Load,
                            problem,
                        },
                        Some(Retry::Read),
                    ),
                },
            }
        }
    }
}

/// What follows a write's answer, before any re-read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterAnswer {
    /// Stop here: this is the verdict (the method is missing: the controls give way).
    Stop(Verdict),
    /// Read the state again; say `now` at once (an unknown outcome is announced at the write's
    /// deadline, not after a re-read that may wait out a deadline of its own).
    ReRead {
        /// Said before the re-read.
        now: Verdict,
    },
}

/// The write's answer: stop, or re-read (saying "not confirmed" now when the outcome is
/// unknown; "Try again" only comes with the re-read's result).
pub fn after_answer(command: Command, written: &Result<Outcome, CallError>) -> AfterAnswer {
    match written {
        Err(err) if classify(command.action(), err) == Problem::PortalTooOld => {
            AfterAnswer::Stop(Verdict::replaced(Msg::PortalTooOld, true))
        }
        Err(err) if outcome_unknown(err) => AfterAnswer::ReRead {
            now: Verdict::alert(failed(command.action(), err), None),
        },
        _ => AfterAnswer::ReRead {
            now: Verdict::nothing(),
        },
    }
}

/// The write's verdict once the state was read again. `shown` is the state on screen now (this
/// re-read's, or a newer read's when superseded); `replaced` says the controls have given way
/// (by this re-read or another one, whose announcement must stand).
pub fn after_write(
    command: Command,
    written: &Result<Outcome, CallError>,
    reread: ReRead,
    shown: Option<&DialogState>,
    replaced: bool,
) -> Verdict {
    if replaced {
        return Verdict::nothing();
    }
    let now = match reread {
        ReRead::Fresh | ReRead::Superseded => shown.and_then(|s| reached(command, s)),
        ReRead::Failed | ReRead::Skipped => None,
    };
    match written {
        Ok(Outcome::Sessions(ids)) => Verdict::say(Say::Status(sessions_changed(command, ids))),
        // The portal said yes but the state did not change: say so.
        Ok(Outcome::Done) if now == Some(false) => Verdict::alert(
            Msg::Failed {
                action: command.action(),
                problem: Problem::Unknown,
            },
            Some(Retry::Command(command)),
        ),
        // Accepted, but the state could not be read back: the read's alert says so, and
        // "pinned" next to a switch still showing the old state would contradict it.
        Ok(Outcome::Done) if now.is_none() => Verdict::nothing(),
        Ok(Outcome::Done) => {
            done(command).map_or_else(Verdict::nothing, |msg| Verdict::say(Say::Status(msg)))
        }
        // A re-read showing the change applied (an unknown outcome that did happen) leaves
        // nothing to repeat.
        Err(err) => Verdict::alert(
            failed(command.action(), err),
            (now != Some(true)).then_some(Retry::Command(command)),
        ),
    }
}

/// A placement change's verdict (app page: add, re-add, remove; install page: install).
/// `done` is the status of a success (`None`: say nothing).
pub fn after_placement(
    change: PlacementChange,
    result: &Result<(), CallError>,
    done: Option<Msg>,
) -> Verdict {
    match result {
        Ok(()) => Verdict {
            // The remove button disappears with the binding; its home's add button stays.
            focus: match change {
                PlacementChange::Remove(home) => Some(Focus::BindButton(home)),
                _ => None,
            },
            ..Verdict::say(done.map_or(Say::Nothing, Say::Status))
        },
        Err(err) => placement_failed(change, err),
    }
}

fn placement_failed(change: PlacementChange, err: &CallError) -> Verdict {
    Verdict::alert(
        Msg::PlacementFailed {
            change,
            problem: classify_change(change, err),
        },
        Some(Retry::Placement(change)),
    )
}

/// What the app page knows about the widget's homes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Binding {
    /// Not an administrator: `placement.get` is not theirs to call.
    AdminOnly,
    /// First read in flight.
    Checking,
    /// The first read failed; the alert says why.
    Unreadable,
    /// As read.
    Read(Bindings),
}

/// The bindings read's result: what the page knows now (a failed re-read keeps what was
/// shown) and what it says.
pub fn after_check(result: Result<Bindings, CallError>, known: &Binding) -> (Binding, Verdict) {
    match result {
        Ok(bindings) => (Binding::Read(bindings), Verdict::nothing()),
        Err(err) => (
            match known {
                Binding::Checking => Binding::Unreadable,
                other => other.clone(),
            },
            placement_failed(PlacementChange::Check, &err),
        ),
    }
}

impl Binding {
    /// What the page knows while "Try again" reads the bindings again: "Checking…" after a
    /// failed first read, else what is shown stays.
    pub fn rechecking(&self) -> Binding {
        match self {
            Binding::Unreadable => Binding::Checking,
            other => other.clone(),
        }
    }

    /// The line above the homes: who may see them, the read in flight, or that operators will
    /// not find the widget anywhere (`None`: nothing; after a failed read the alert says why).
    pub fn line(&self) -> Option<Msg> {
        match self {
            Binding::AdminOnly => Some(Msg::HomesAdminOnly),
            Binding::Checking => Some(Msg::HomesChecking),
            Binding::Unreadable => None,
            Binding::Read(read) => read.none().then_some(Msg::HomesNone),
        }
    }

    /// Whether the line above the homes is a warning (operators will not find the widget).
    pub fn warns(&self) -> bool {
        matches!(self, Binding::Read(read) if read.none())
    }

    /// What the row of `home` shows once the bindings are read (`None`: not read, the row
    /// shows its name and what it is only).
    pub fn home(&self, home: Home) -> Option<HomeView> {
        let Binding::Read(read) = self else {
            return None;
        };
        let binding = read.of(home);
        let bound = *binding != HomeBinding::NotBound;
        Some(HomeView {
            line: match binding {
                HomeBinding::Bound => Msg::HomeBound(home),
                HomeBinding::BoundElsewhere(_) => Msg::HomeBoundElsewhere(home),
                HomeBinding::NotBound => Msg::HomeNotBound(home),
            },
            add: HomeChange::bind(home, bound),
            add_label: if bound {
                Msg::ReaddTo(home)
            } else {
                Msg::AddTo(home)
            },
            remove: bound.then_some(HomeChange::Remove(home)),
        })
    }
}

/// One home's row on the app page, once the bindings are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomeView {
    /// How the widget sits there.
    pub line: Msg,
    /// What the add button does: add, or re-add where the widget is bound at all.
    pub add: HomeChange,
    /// The add button's label.
    pub add_label: Msg,
    /// The remove button's change (`None`: not bound, no remove button).
    pub remove: Option<HomeChange>,
}

/// A change the app page makes to one home of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HomeChange {
    /// `placement.bind`.
    Add(Home),
    /// `placement.unbind`, then `placement.bind` of this address.
    Readd(Home),
    /// `placement.unbind`.
    Remove(Home),
}

impl HomeChange {
    /// The home it changes.
    pub fn home(self) -> Home {
        match self {
            HomeChange::Add(home) | HomeChange::Readd(home) | HomeChange::Remove(home) => home,
        }
    }

    /// The change for messages, logs and "Try again".
    pub fn placement(self) -> PlacementChange {
        match self {
            HomeChange::Add(home) => PlacementChange::Add(home),
            HomeChange::Readd(home) => PlacementChange::Readd(home),
            HomeChange::Remove(home) => PlacementChange::Remove(home),
        }
    }

    /// The add button's change for `home`: re-add when the widget is bound there at all
    /// (possibly to another address), else add.
    pub fn bind(home: Home, bound: bool) -> Self {
        if bound {
            HomeChange::Readd(home)
        } else {
            HomeChange::Add(home)
        }
    }

    /// What a successful change reports.
    pub fn done(self) -> Msg {
        match self {
            HomeChange::Add(home) | HomeChange::Readd(home) => Msg::HomeAdded(home),
            HomeChange::Remove(home) => Msg::HomeRemoved(home),
        }
    }

    /// The change "Try again" repeats after `change` failed (`None`: not a home change).
    pub fn of(change: PlacementChange) -> Option<HomeChange> {
        match change {
            PlacementChange::Add(home) => Some(HomeChange::Add(home)),
            PlacementChange::Readd(home) => Some(HomeChange::Readd(home)),
            PlacementChange::Remove(home) => Some(HomeChange::Remove(home)),
            PlacementChange::Install | PlacementChange::Check | PlacementChange::InstallCheck => {
                None
            }
        }
    }
}

/// Where the install page stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallStep {
    /// Binding every home (in flight).
    Binding,
    /// Bound and `installFinish` sent: the portal reloads the page (in install mode).
    Done,
    /// Failed; the alert says why.
    Stopped,
}

impl InstallStep {
    /// What the page says under its heading (`None` once done: the status region says so).
    pub fn line(self) -> Option<Msg> {
        match self {
            InstallStep::Binding => Some(Msg::InstallBinding),
            InstallStep::Done => None,
            InstallStep::Stopped => Some(Msg::InstallStopped),
        }
    }
}

/// The install step's result.
pub fn after_install(result: &Result<(), CallError>) -> (InstallStep, Verdict) {
    let step = if result.is_ok() {
        InstallStep::Done
    } else {
        InstallStep::Stopped
    };
    (
        step,
        after_placement(PlacementChange::Install, result, Some(Msg::InstallDone)),
    )
}

/// What opening the app's own page says about the install check (`app.info`): a failure is
/// shown with its reason and "Try again"; otherwise nothing.
pub fn after_install_check(page: DefaultPage) -> Verdict {
    match page {
        DefaultPage::AppUnchecked(problem) => Verdict::alert(
            Msg::PlacementFailed {
                change: PlacementChange::InstallCheck,
                problem,
            },
            Some(Retry::Placement(PlacementChange::InstallCheck)),
        ),
        DefaultPage::Install | DefaultPage::App => Verdict::nothing(),
    }
}

/// Where focus goes when "Try again" (which disappears with its alert) repeats `retry`
/// (`None`: the sidebar's read shows the skeleton, which takes no focus).
pub fn retry_focus(retry: Retry) -> Option<Focus> {
    match retry {
        Retry::Command(command) => Some(Focus::Control(command)),
        Retry::Read => None,
        Retry::Placement(PlacementChange::Check | PlacementChange::InstallCheck) => {
            Some(Focus::HomesState)
        }
        Retry::Placement(
            PlacementChange::Add(home)
            | PlacementChange::Readd(home)
            | PlacementChange::Remove(home),
        ) => Some(Focus::BindButton(home)),
        Retry::Placement(PlacementChange::Install) => Some(Focus::InstallTitle),
    }
}

/// What a finished pin-all / unpin-all reports: how many dialogs changed (`ids` are the
/// session ids the portal returned).
pub fn sessions_changed(command: Command, ids: &[u64]) -> Msg {
    let n = ids.len() as u64;
    match command {
        Command::UnpinAll => Msg::UnpinnedCount(n),
        _ => Msg::PinnedCount(n),
    }
}

/// What a row of the operator's list shows besides its switches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowView {
    /// The dialog's title, as text.
    pub title: String,
    /// Its channel (`None` when the portal did not say).
    pub channel: Option<Msg>,
    /// Where its session stands.
    pub stage: Stage,
    /// Whether the user is its operator.
    pub responsible: Msg,
}

/// The row of `chat` in `list`: what it shows, and its state as the sidebar's switches read it
/// ([`pin_switch`], [`whisper_switch`]).
pub fn row_view(list: &DialogList, chat: ChatId) -> Option<(RowView, Snapshot)> {
    let row = list.row(chat)?;
    let view = RowView {
        title: row.state.title.clone(),
        channel: (!row.channel.is_empty()).then(|| Msg::Channel(row.channel.clone())),
        stage: row.stage,
        responsible: Msg::Responsible(row.mine),
    };
    let snapshot = Snapshot {
        state: row.state.clone(),
        me: list.me,
        permissions: row.permissions,
    };
    Some((view, snapshot))
}

/// The question that confirms pin all or unpin all on the operator's list: how many of the
/// listed dialogs it will change ([`crate::domain::recent::forecast`]; none before the list is
/// read).
pub fn forecast_question(list: Option<&DialogList>, command: Command) -> Msg {
    let n = list.map_or(0, |l| {
        crate::domain::recent::forecast(l, command).len() as u64
    });
    match command {
        Command::UnpinAll => Msg::ConfirmUnpinAllCount(n),
        _ => Msg::ConfirmPinAllCount(n),
    }
}

/// What a read of the operator's list says: nothing when it answered; else why, with "Try
/// again" (the list stays as last read, or loading).
pub fn list_read<T>(result: &Result<T, CallError>) -> Verdict {
    match result {
        Ok(_) => Verdict::nothing(),
        Err(err) => Verdict::alert(failed(Action::Load, err), Some(Retry::Read)),
    }
}

/// A pin-all / unpin-all verdict from the operator's list, against the list's forecast
/// (`expected` sessions, [`crate::domain::recent::forecast`]): a count that differs says what
/// the list expected too. Every other verdict stays as it is.
pub fn against_forecast(verdict: Verdict, expected: u64) -> Verdict {
    match &verdict.say {
        Say::Status(done @ (Msg::PinnedCount(n) | Msg::UnpinnedCount(n))) if *n != expected => {
            Verdict::say(Say::Status(Msg::AgainstForecast {
                done: Box::new(done.clone()),
                expected,
            }))
        }
        _ => verdict,
    }
}

/// The status of a switch's write that took (bulk writes report their count instead).
fn done(command: Command) -> Option<Msg> {
    match command {
        Command::Pin(_) => Some(Msg::DialogPinned),
        Command::Unpin(_) => Some(Msg::DialogUnpinned),
        Command::WhisperOn(_) => Some(Msg::WhisperTurnedOn),
        Command::WhisperOff(_) => Some(Msg::WhisperTurnedOff),
        Command::PinAll | Command::UnpinAll => None,
    }
}

/// `action` failed with `err`: what, and why ([`classify`]).
fn failed(action: Action, err: &CallError) -> Msg {
    Msg::Failed {
        action,
        problem: classify(action, err),
    }
}
