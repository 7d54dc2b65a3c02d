//! The sidebar widget (`IM_SIDEBAR`): the dialog's true state, the pin and whisper switches,
//! and the bulk actions.
//!
//! Every write is sent once; the switch stays on the portal's last known state, busy, until the
//! write has been answered and the state read again; then it shows what the portal has.
//! Nothing is retried automatically.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::{sessions_changed, BulkActions, PIN_ALL_ID, UNPIN_ALL_ID};
use super::regions::{Alert, Regions, Retry};
use super::{Notice, Skeleton, Switch};
use crate::app::HostHandle;
use crate::controller::{self, reached, Outcome, Snapshot};
use crate::domain::command::{Action, Command};
use crate::domain::dialog::ChatId;
use crate::domain::error::{classify, log_line, CallError, Problem};
use crate::domain::state::DialogKind;
use crate::host::dom;
use crate::i18n::{Locale, Msg};

/// What the widget shows, apart from the live data.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// First read in flight.
    Loading,
    /// The controls, over `snapshot`.
    Ready,
    /// The first read failed for a passing reason: the alert says why, with "Try again".
    Unreadable,
    /// Cannot work for this dialog: one message, no controls.
    Cannot(Msg),
}

/// Order of state reads: a read that started earlier but answered later is older news.
#[derive(Default)]
struct Reads {
    started: u64,
    applied: u64,
}

/// The widget's state and behaviour; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Widget {
    host: HostHandle,
    chat: ChatId,
    locale: Locale,
    phase: RwSignal<Phase>,
    snapshot: RwSignal<Option<Snapshot>>,
    busy_pin: RwSignal<bool>,
    busy_whisper: RwSignal<bool>,
    busy_bulk: RwSignal<bool>,
    regions: Regions,
    reads: StoredValue<Reads>,
}

impl Widget {
    fn text(&self, msg: Msg) -> String {
        self.locale.text(&msg)
    }

    /// Shows `phase`. Setting a signal notifies even when the value is equal, and a phase
    /// notification rebuilds the view: without this check every re-read rebuilt the controls
    /// (and leaked about 2.3 KB of wasm memory per pin/unpin cycle, measured by bench/).
    fn show(&self, phase: Phase) {
        if self.phase.try_get_untracked().as_ref() != Some(&phase) {
            self.phase.set(phase);
        }
    }

    /// Replaces the controls with `msg`. When that follows something the operator did (a write,
    /// "Try again", coming back to the chat), the alert region says it too: the control that had
    /// the focus is gone, and a screen reader announces nothing of a replaced view by itself.
    /// The first read's message is simply the page's content.
    fn cannot(&self, msg: Msg, announce: bool) {
        let text = announce.then(|| self.text(msg.clone()));
        let phase = Phase::Cannot(msg);
        if self.phase.try_get_untracked().as_ref() == Some(&phase) {
            return;
        }
        if let Some(text) = text {
            self.regions.alert.set(Some(Alert { text, retry: None }));
        }
        self.show(phase);
    }

    fn busy_for(&self, command: Command) -> RwSignal<bool> {
        match command {
            Command::Pin(_) | Command::Unpin(_) => self.busy_pin,
            Command::WhisperOn(_) | Command::WhisperOff(_) => self.busy_whisper,
            Command::PinAll | Command::UnpinAll => self.busy_bulk,
        }
    }

    /// Reads the state and shows it. Returns whether a fresh state is now shown.
    async fn reload(self) -> bool {
        let Some(host) = self.host.get() else {
            return false;
        };
        let mut ticket = 0;
        self.reads.update_value(|r| {
            r.started += 1;
            ticket = r.started;
        });
        let result = controller::load(&*host, self.chat).await;
        let mut stale = true;
        let _ = self.reads.try_update_value(|r| {
            if ticket > r.applied {
                r.applied = ticket;
                stale = false;
            }
        });
        if stale || self.phase.is_disposed() {
            return false;
        }
        // Every read but the very first follows something the operator did.
        let announce = ticket > 1;
        match result {
            Ok(snapshot) if snapshot.state.kind != DialogKind::OpenLine => {
                self.cannot(Msg::NotOpenLine, announce);
                false
            }
            Ok(snapshot) => {
                let first = self.phase.get_untracked() != Phase::Ready;
                self.snapshot.set(Some(snapshot));
                self.show(Phase::Ready);
                if first {
                    dom::mark("olm-state-shown");
                }
                true
            }
            Err(err) => {
                host.log(&log_line(Action::Load, &err));
                let problem = classify(&err);
                let first = self.snapshot.with_untracked(Option::is_none);
                match problem {
                    Problem::NoAccess if first => self.cannot(Msg::NoDialogAccess, announce),
                    Problem::NotOpenLine => self.cannot(Msg::NotOpenLine, announce),
                    // The read method itself is missing: say which one (not session.mode.*).
                    Problem::PortalTooOld => self.cannot(
                        Msg::Failed {
                            action: Action::Load,
                            problem,
                        },
                        announce,
                    ),
                    Problem::NoHost => self.cannot(Msg::NoHost, announce),
                    _ => {
                        if first {
                            self.show(Phase::Unreadable);
                        }
                        self.regions.alert.set(Some(Alert {
                            text: self.text(Msg::Failed {
                                action: Action::Load,
                                problem,
                            }),
                            retry: Some(Retry::Read),
                        }));
                    }
                }
                false
            }
        }
    }

    /// Sends `command` once (ignored while the same control is busy), then re-reads the state.
    fn run(self, command: Command) {
        let busy = self.busy_for(command);
        if busy.get_untracked() {
            return;
        }
        let Some(host) = self.host.get() else {
            return;
        };
        // Queued before the busy state's re-render, so the write reaches the library first;
        // `busy` itself is set right away (below), so a second click is already ignored.
        spawn_local(async move {
            let result = controller::execute(&*host, command).await;
            if let Err(err) = &result {
                host.log(&log_line(command.action(), err));
                if classify(err) == Problem::PortalTooOld {
                    self.cannot(Msg::PortalTooOld, true);
                    busy.set(false);
                    return;
                }
                // No answer by the deadline: say so now. The re-read below can wait out a
                // deadline of its own when the same cause holds it (a token refresh the portal
                // never answers), and the operator must not wait twice to hear it. "Try again"
                // comes with the re-read's result (it may show the change took).
                if *err == CallError::Timeout {
                    self.regions.alert.set(Some(Alert {
                        text: self.text(Msg::Failed {
                            action: command.action(),
                            problem: Problem::NoAnswer,
                        }),
                        retry: None,
                    }));
                }
            }
            let fresh = self.reload().await;
            if self.phase.is_disposed() {
                return;
            }
            // The controls are gone and the alert says why (by this re-read or another one):
            // a failure of this command, with "Try again", would only replace that.
            if matches!(self.phase.get_untracked(), Phase::Cannot(_)) {
                busy.set(false);
                return;
            }
            let now = if fresh {
                self.snapshot
                    .with_untracked(|s| s.as_ref().and_then(|s| reached(command, &s.state)))
            } else {
                None
            };
            let failed = |problem: Problem, retry: bool| Alert {
                text: self.text(Msg::Failed {
                    action: command.action(),
                    problem,
                }),
                retry: retry.then_some(Retry::Command(command)),
            };
            match result {
                Ok(Outcome::Sessions(ids)) => {
                    self.regions
                        .status
                        .set(self.text(sessions_changed(command, &ids)));
                }
                // The portal said yes but the state did not change: say so.
                Ok(Outcome::Done) if now == Some(false) => {
                    self.regions.alert.set(Some(failed(Problem::Unknown, true)));
                }
                // Accepted, but the state could not be read back: the alert already says so,
                // and "pinned" next to a switch still showing the old state would contradict it.
                Ok(Outcome::Done) if !fresh => {}
                Ok(Outcome::Done) => {
                    self.regions.status.set(self.text(match command {
                        Command::Pin(_) => Msg::DialogPinned,
                        Command::Unpin(_) => Msg::DialogUnpinned,
                        Command::WhisperOn(_) => Msg::WhisperTurnedOn,
                        _ => Msg::WhisperTurnedOff,
                    }));
                }
                Err(err) => {
                    // A re-read showing the change applied (an unknown outcome that did
                    // happen) leaves nothing to repeat.
                    let retry = now != Some(true);
                    self.regions.alert.set(Some(failed(classify(&err), retry)));
                }
            }
            busy.set(false);
        });
        busy.set(true);
        self.regions.clear();
    }

    fn retry(self, retry: Retry) {
        match retry {
            Retry::Command(command) => {
                // The "Try again" button disappears with the alert: keep the keyboard in place.
                dom::focus(match command {
                    Command::Pin(_) | Command::Unpin(_) => PIN_ID,
                    Command::WhisperOn(_) | Command::WhisperOff(_) => WHISPER_ID,
                    Command::PinAll => PIN_ALL_ID,
                    Command::UnpinAll => UNPIN_ALL_ID,
                });
                self.run(command);
            }
            Retry::Read => {
                self.regions.clear();
                if self.phase.get_untracked() == Phase::Unreadable {
                    self.show(Phase::Loading);
                }
                spawn_local(async move {
                    self.reload().await;
                });
            }
            // Only the app and install pages offer it.
            Retry::Placement(_) => {}
        }
    }
}

const PIN_ID: &str = "olm-pin";
const WHISPER_ID: &str = "olm-whisper";

/// The sidebar widget for one open-line chat.
#[component]
pub fn Sidebar(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The chat from the placement options.
    chat: ChatId,
    /// The operator's language.
    locale: Locale,
    /// Where failures and outcomes are announced.
    regions: Regions,
) -> impl IntoView {
    let w = Widget {
        host,
        chat,
        locale,
        phase: RwSignal::new(Phase::Loading),
        snapshot: RwSignal::new(None),
        busy_pin: RwSignal::new(false),
        busy_whisper: RwSignal::new(false),
        busy_bulk: RwSignal::new(false),
        regions,
        reads: StoredValue::new(Reads::default()),
    };
    regions
        .on_retry
        .set_value(Some(Callback::new(move |retry| w.retry(retry))));
    spawn_local(async move {
        w.reload().await;
    });
    // Coming back to the chat: what the operator sees must be the portal's state now.
    let _visible = StoredValue::new_local(dom::on_visible(move || {
        if w.phase.try_get_untracked() == Some(Phase::Ready) {
            spawn_local(async move {
                w.reload().await;
            });
        }
    }));

    let state = move || w.snapshot.get().map(|s| s.state);
    let pinned = Signal::derive(move || state().is_some_and(|s| s.pinned));
    let whisper = Signal::derive(move || state().is_some_and(|s| s.whisper));
    let blocked = move |pick: fn(&Snapshot) -> Option<crate::domain::state::Blocked>| {
        Signal::derive(move || {
            w.snapshot
                .with(|s| s.as_ref().and_then(pick))
                .map(|b| w.text(Msg::Blocked(b)))
        })
    };
    let pin_blocked = blocked(|s| s.permissions.pin.err());
    let whisper_blocked = blocked(|s| s.permissions.whisper.err());
    let pin_hint = Signal::derive(move || {
        w.text(if pinned.get() {
            Msg::PinHintPinned
        } else {
            Msg::PinHintUnpinned
        })
    });
    let whisper_hint = Signal::derive(move || w.text(Msg::WhisperHint));
    let toggle_pin = Callback::new(move |_| {
        w.run(if pinned.get_untracked() {
            Command::Unpin(chat)
        } else {
            Command::Pin(chat)
        })
    });
    let toggle_whisper = Callback::new(move |_| {
        w.run(if whisper.get_untracked() {
            Command::WhisperOff(chat)
        } else {
            Command::WhisperOn(chat)
        })
    });
    let bulk = Callback::new(move |command| w.run(command));

    let controls = move || {
        view! {
            <h1 class="olm-title">{w.text(Msg::Title)}</h1>
            <p class="olm-hint olm-dialog-name">{move || state().map(|s| s.title)}</p>
            <section class="olm-section">
                <Switch
                    id=PIN_ID
                    label=w.text(Msg::PinLabel)
                    checked=pinned
                    busy=w.busy_pin
                    blocked=pin_blocked
                    hint=pin_hint
                    on_toggle=toggle_pin
                    saving=w.text(Msg::Saving)
                />
                <Switch
                    id=WHISPER_ID
                    label=w.text(Msg::WhisperLabel)
                    checked=whisper
                    busy=w.busy_whisper
                    blocked=whisper_blocked
                    hint=whisper_hint
                    on_toggle=toggle_whisper
                    saving=w.text(Msg::Saving)
                />
            </section>
            <BulkActions locale=locale busy=w.busy_bulk on_confirm=bulk />
        }
    };

    // Only phase changes rebuild the DOM; state updates flow into the same switches, so focus
    // stays where the operator left it.
    move || match w.phase.get() {
        Phase::Loading => view! { <Skeleton label=Some(w.text(Msg::Loading)) /> }.into_any(),
        // Nothing is loading any more: the alert says why and offers "Try again".
        Phase::Unreadable => ().into_any(),
        Phase::Ready => controls().into_any(),
        Phase::Cannot(msg) => view! { <Notice text=w.text(msg) /> }.into_any(),
    }
}
