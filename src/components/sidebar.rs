//! The widget, the same in both its homes (`IM_TEXTAREA` above the chat input, `IM_SIDEBAR` in
//! the chat sidebar): the dialog's true state, the pin and whisper switches, and the bulk actions.
//!
//! Every write is sent once; the switch stays on the portal's last known state, busy, until the
//! write has been answered and the state read again; then it shows what the portal has.
//! Nothing is retried automatically.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::BulkActions;
use super::{ctx, Ctx, Notice, Skeleton, Switch, Write};
use crate::controller::verdict::{after_read, pin_switch, whisper_switch, Control, Phase};
use crate::controller::verdict::{ReRead, ReadOrder, Retry, Verdict, PIN_ID, WHISPER_ID};
use crate::controller::{self, AfterReRead, Snapshot};
use crate::domain::command::Command;
use crate::domain::dialog::ChatId;
use crate::domain::error::CallError;
use crate::host::Host;
use crate::i18n::Msg;

/// The widget's state; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Widget {
    cx: Ctx,
    chat: ChatId,
    phase: RwSignal<Phase>,
    snapshot: RwSignal<Option<Snapshot>>,
    reads: StoredValue<ReadOrder>,
}

impl Widget {
    /// Shows `phase`. Setting a signal notifies even when the value is equal, and a phase
    /// notification rebuilds the view: without this check every re-read rebuilt the controls
    /// (and leaked about 2.3 KB of wasm memory per pin/unpin cycle, measured by bench/).
    fn show(&self, phase: Phase) {
        if self.phase.try_with_untracked(|p| *p != phase) == Some(true) {
            self.phase.set(phase);
        }
    }

    /// Read `ticket` answered `result`: shows what [`after_read`] says, unless a newer read's
    /// state is shown already ([`ReadOrder`]); tells how the read ended.
    fn answered(self, ticket: u64, result: Result<Snapshot, CallError>) -> ReRead {
        match self
            .reads
            .try_update_value(|r| r.settle(ticket, result.is_ok()))
        {
            // The widget is gone.
            None => return ReRead::Failed,
            Some(None) => return ReRead::Superseded,
            Some(Some(_)) => {}
        }
        let Some(phase) = self.phase.try_get_untracked() else {
            return ReRead::Failed;
        };
        // Every read but the very first (the root's) follows something the operator did.
        let read = after_read(result, &phase, ticket > 1);
        if let (true, Some(host)) = (read.first_shown(&phase), self.cx.host()) {
            host.mark("olm-state-shown");
        }
        if let Some(snapshot) = read.show.clone() {
            self.snapshot.set(Some(snapshot));
        }
        self.show(read.phase.clone());
        self.cx.show(&read.verdict);
        read.reread()
    }

    /// Reads the state again and shows it ([`Widget::answered`]).
    async fn reload(self) -> ReRead {
        let (Some(host), Some(ticket)) =
            (self.cx.host(), self.reads.try_update_value(|r| r.start()))
        else {
            return ReRead::Failed;
        };
        let result = controller::load(&*host, self.chat).await;
        self.answered(ticket, result)
    }

    /// One write through [`controller::write`], which decides what is said; this view only
    /// reads the state again, and gives way to a message when the verdict says so.
    async fn write(self, command: Command, host: Rc<dyn Host>) -> Verdict {
        let now = |said: &Verdict| self.cx.show(said);
        let reread = || async move {
            AfterReRead {
                reread: self.reload().await,
                shown: self
                    .snapshot
                    .try_with_untracked(|s| s.as_ref().map(|s| s.state.clone()))
                    .flatten(),
                replaced: self.phase.try_with_untracked(Phase::replaced) == Some(true),
            }
        };
        let verdict = controller::write(&*host, command, now, reread).await;
        if let Some(msg) = &verdict.replace {
            self.show(Phase::Cannot(msg.clone()));
        }
        verdict
    }
}

/// The widget for one open-line chat, over the answer of the root's first read of it.
#[component]
pub fn Sidebar(
    /// The chat from the placement options.
    chat: ChatId,
    /// The first read's answer (read by the root before anything rendered).
    first: Result<Snapshot, CallError>,
) -> impl IntoView {
    let cx = ctx();
    let w = Widget {
        cx,
        chat,
        phase: RwSignal::new(Phase::Loading),
        snapshot: RwSignal::new(None),
        reads: StoredValue::new(ReadOrder::default()),
    };
    let ticket = w.reads.try_update_value(|r| r.start()).unwrap_or_default();
    w.answered(ticket, first);

    let write = move || Write::new(move |command, host| w.write(command, host));
    let (pin, whisper, bulk) = (write(), write(), write());
    let send = move |command: Command| match Control::of(command) {
        Control::Pin => pin.send(command),
        Control::Whisper => whisper.send(command),
        Control::Bulk => bulk.send(command),
    };
    let reread = move || spawn_local(async move { _ = w.reload().await });
    cx.on_retry
        .set_value(Some(Callback::new(move |retry| match retry {
            Retry::Command(command) => send(command),
            Retry::Read => {
                cx.clear();
                w.show(w.phase.get_untracked().rereading());
                reread();
            }
            // Only the app and install pages offer it.
            Retry::Placement(_) => {}
        })));
    // Coming back to the chat: what the operator sees must be the portal's state now.
    let _visible = StoredValue::new_local(cx.host().map(|h| {
        h.on_visible(Rc::new(move || {
            if w.phase.try_with_untracked(Phase::rereads_on_return) == Some(true) {
                reread();
            }
        }))
    }));

    let switch = move |busy: Memo<bool>, of: fn(&Snapshot, bool) -> _| {
        Memo::new(move |_| w.snapshot.with(|s| s.as_ref().map(|s| of(s, busy.get()))))
    };
    let title = move || {
        w.snapshot
            .with(|s| s.as_ref().map(|s| s.state.title.clone()))
    };
    let controls = move || {
        view! {
            <h1 class="olm-title">{cx.text(&Msg::Title)}</h1>
            <p class="olm-hint olm-dialog-name">{title}</p>
            <section class="olm-section">
                <Switch id=PIN_ID label=Msg::PinLabel state=switch(pin.busy, pin_switch) on_click=pin />
                <Switch
                    id=WHISPER_ID
                    label=Msg::WhisperLabel
                    state=switch(whisper.busy, whisper_switch)
                    on_click=whisper
                />
            </section>
            <BulkActions write=bulk />
        }
    };

    // Only phase changes rebuild the DOM; state updates flow into the same switches, so focus
    // stays where the operator left it.
    move || match w.phase.get() {
        Phase::Loading => view! { <Skeleton label=Msg::Loading /> }.into_any(),
        // Nothing is loading any more: the alert says why and offers "Try again".
        Phase::Unreadable => ().into_any(),
        Phase::Ready => controls().into_any(),
        Phase::Cannot(msg) => view! { <Notice msg /> }.into_any(),
    }
}
