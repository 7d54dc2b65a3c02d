//! The widget, the same in both its homes (`IM_TEXTAREA` above the chat input, `IM_SIDEBAR` in
//! the chat sidebar): the dialog's true state, the pin and whisper switches, and the bulk actions.
//!
//! Every write is sent once; the switch stays on the portal's last known state, busy, until the
//! write has been answered and the state read again; then it shows what the portal has.
//! Nothing is retried automatically.

use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{FutureExt, Shared};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::BulkActions;
use super::regions::Regions;
use super::runner;
use super::HostHandle;
use super::{Notice, Skeleton, Switch, Tr};
use crate::controller::verdict::{after_read, Phase, ReRead, ReadOrder, Retry, Verdict};
use crate::controller::{self, AfterReRead, Snapshot};
use crate::domain::command::Command;
use crate::domain::dialog::ChatId;
use crate::domain::error::CallError;
use crate::host::Host;
use crate::i18n::Msg;

/// Element id of the pin switch.
pub const PIN_ID: &str = "olm-pin";
/// Element id of the whisper switch.
pub const WHISPER_ID: &str = "olm-whisper";

/// The first read of the dialog, started before the widget renders (the root starts it as soon
/// as the host is ready, so the request leaves before anything renders).
#[derive(Clone, Default)]
pub struct FirstRead(Rc<std::cell::RefCell<Option<FirstAnswer>>>);

/// What the first read will answer (shared: the root waits for it, the widget takes it).
type FirstAnswer = Shared<oneshot::Receiver<Result<Snapshot, CallError>>>;

impl FirstRead {
    /// Starts reading `chat` now.
    pub fn start(host: Rc<dyn Host>, chat: ChatId) -> FirstRead {
        let (tx, rx) = oneshot::channel();
        spawn_local(async move {
            let _ = tx.send(controller::load(&*host, chat).await);
        });
        FirstRead(Rc::new(std::cell::RefCell::new(Some(rx.shared()))))
    }

    /// Waits until the answer is there (at once when there is no first read).
    pub async fn answered(&self) {
        let answer = self.0.borrow().clone();
        if let Some(answer) = answer {
            let _ = answer.await;
        }
    }

    /// The answer, once; `None` when there was no first read or it was already taken (or it
    /// was dropped before answering: the caller then reads again).
    async fn take(&self) -> Option<Result<Snapshot, CallError>> {
        let answer = self.0.borrow_mut().take()?;
        answer.await.ok()
    }
}

/// The widget's state and behaviour; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Widget {
    host: HostHandle,
    chat: ChatId,
    tr: Tr,
    phase: RwSignal<Phase>,
    snapshot: RwSignal<Option<Snapshot>>,
    busy_pin: RwSignal<bool>,
    busy_whisper: RwSignal<bool>,
    busy_bulk: RwSignal<bool>,
    regions: Regions,
    reads: StoredValue<ReadOrder>,
    first: StoredValue<FirstRead, LocalStorage>,
}

impl Widget {
    fn text(&self, msg: Msg) -> String {
        self.tr.text(&msg)
    }

    /// Shows `phase`. Setting a signal notifies even when the value is equal, and a phase
    /// notification rebuilds the view: without this check every re-read rebuilt the controls
    /// (and leaked about 2.3 KB of wasm memory per pin/unpin cycle, measured by bench/).
    fn show(&self, phase: Phase) {
        if self.phase.try_get_untracked().as_ref() != Some(&phase) {
            self.phase.set(phase);
        }
    }

    fn busy_for(&self, command: Command) -> RwSignal<bool> {
        match command {
            Command::Pin(_) | Command::Unpin(_) => self.busy_pin,
            Command::WhisperOn(_) | Command::WhisperOff(_) => self.busy_whisper,
            Command::PinAll | Command::UnpinAll => self.busy_bulk,
        }
    }

    /// Reads the state and shows what [`after_read`] says; tells how the read ended.
    async fn reload(self) -> ReRead {
        let Some(host) = self.host.get() else {
            return ReRead::Failed;
        };
        let mut ticket = 0;
        self.reads.update_value(|r| ticket = r.start());
        let first = self.first.try_get_value().unwrap_or_default();
        let result = match first.take().await {
            Some(result) => result,
            None => controller::load(&*host, self.chat).await,
        };
        let ok = result.is_ok();
        match self.reads.try_update_value(|r| r.settle(ticket, ok)) {
            // The widget is gone.
            None => return ReRead::Failed,
            // A newer read's state is shown already (ReadOrder says why a failure is not).
            Some(None) => return ReRead::Superseded,
            Some(Some(_)) => {}
        }
        let Some(phase) = self.phase.try_get_untracked() else {
            return ReRead::Failed;
        };
        // Every read but the very first follows something the operator did.
        let read = after_read(result, &phase, ticket > 1);
        let fresh = read.show.is_some();
        if let Some(snapshot) = read.show {
            self.snapshot.set(Some(snapshot));
            if phase != Phase::Ready {
                host.mark("olm-state-shown");
            }
        }
        self.show(read.phase);
        self.regions.show(&read.verdict, &*host);
        if fresh {
            ReRead::Fresh
        } else {
            ReRead::Failed
        }
    }

    /// Sends `command` once (ignored while the same control is busy) through
    /// [`controller::write`], which decides what is said; this view only re-reads the state.
    fn run(self, command: Command) {
        let task = move |host: Rc<dyn Host>| async move {
            let now = |said: &Verdict| self.regions.show(said, &*host);
            let reread = || async move {
                let reread = self.reload().await;
                AfterReRead {
                    reread,
                    shown: self
                        .snapshot
                        .try_with_untracked(|s| s.as_ref().map(|s| s.state.clone()))
                        .flatten(),
                    replaced: matches!(self.phase.try_get_untracked(), Some(Phase::Cannot(_))),
                }
            };
            controller::write(&*host, command, now, reread).await
        };
        let apply = move |verdict: &Verdict| {
            if let Some(msg) = &verdict.replace {
                self.show(Phase::Cannot(msg.clone()));
            }
        };
        runner::run(self.host, self.busy_for(command), self.regions, task, apply);
    }

    fn retry(self, retry: Retry) {
        runner::focus_for_retry(self.host, retry);
        match retry {
            Retry::Command(command) => self.run(command),
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

/// The sidebar widget for one open-line chat.
#[component]
pub fn Sidebar(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The chat from the placement options.
    chat: ChatId,
    /// The operator's texts.
    tr: Tr,
    /// Where failures and outcomes are announced.
    regions: Regions,
    /// The first read, if the root already started it (else the widget starts one).
    #[prop(optional)]
    first: FirstRead,
) -> impl IntoView {
    let w = Widget {
        host,
        chat,
        tr,
        phase: RwSignal::new(Phase::Loading),
        snapshot: RwSignal::new(None),
        busy_pin: RwSignal::new(false),
        busy_whisper: RwSignal::new(false),
        busy_bulk: RwSignal::new(false),
        regions,
        reads: StoredValue::new(ReadOrder::default()),
        first: StoredValue::new_local(first),
    };
    regions
        .on_retry
        .set_value(Some(Callback::new(move |retry| w.retry(retry))));
    spawn_local(async move {
        w.reload().await;
    });
    // Coming back to the chat: what the operator sees must be the portal's state now.
    let _visible = StoredValue::new_local(host.get().map(|h| {
        h.on_visible(Rc::new(move || {
            if w.phase.try_get_untracked() == Some(Phase::Ready) {
                spawn_local(async move {
                    w.reload().await;
                });
            }
        }))
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
    let toggle_pin =
        Callback::new(move |_| w.run(Command::toggled_pin(chat, pinned.get_untracked())));
    let toggle_whisper =
        Callback::new(move |_| w.run(Command::toggled_whisper(chat, whisper.get_untracked())));
    let bulk = Callback::new(move |command| w.run(command));

    let switch = move |id: &'static str,
                       label: Msg,
                       checked: Signal<bool>,
                       busy: RwSignal<bool>,
                       blocked: Signal<Option<String>>,
                       hint: Signal<String>,
                       on_toggle: Callback<()>| {
        let (label, saving) = (w.text(label), w.text(Msg::Saving));
        view! { <Switch id label checked busy blocked hint on_toggle saving /> }
    };
    let controls = move || {
        view! {
            <h1 class="olm-title">{w.text(Msg::Title)}</h1>
            <p class="olm-hint olm-dialog-name">{move || state().map(|s| s.title)}</p>
            <section class="olm-section">
                {switch(PIN_ID, Msg::PinLabel, pinned, w.busy_pin, pin_blocked, pin_hint, toggle_pin)}
                {switch(
                    WHISPER_ID,
                    Msg::WhisperLabel,
                    whisper,
                    w.busy_whisper,
                    whisper_blocked,
                    whisper_hint,
                    toggle_whisper,
                )}
            </section>
            <BulkActions tr=w.tr busy=w.busy_bulk on_confirm=bulk />
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
