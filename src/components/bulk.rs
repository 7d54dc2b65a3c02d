//! "All my dialogs": pin all / unpin all, each behind an explicit confirmation.

use leptos::html::Button;
use leptos::prelude::*;

use super::{ctx, Write};
use crate::controller::verdict::{confirm_question, PIN_ALL_ID, UNPIN_ALL_ID};
use crate::domain::command::Command;
use crate::i18n::Msg;

/// The section with the two bulk buttons and their confirmation.
#[component]
pub fn BulkActions(
    /// Sends [`Command::PinAll`] or [`Command::UnpinAll`] once confirmed; busy while one is in
    /// flight (the buttons ignore clicks then).
    write: Write<Command>,
    /// The confirmation's question for a command (the operator's list says how many of its
    /// dialogs will change); [`confirm_question`] when not given.
    #[prop(optional)]
    question: Option<Callback<Command, Msg>>,
) -> impl IntoView {
    let cx = ctx();
    let t = move |m: Msg| cx.text(&m);
    // The command being confirmed, and the button that asked (focus goes back there).
    let pending = RwSignal::new(None::<(Command, NodeRef<Button>)>);
    let confirm = NodeRef::<Button>::new();

    // Focus follows the conversation: into the confirmation when it opens, back to the button
    // that opened it when it closes.
    Effect::new(move |_| {
        if let (Some(_), Some(button)) = (pending.get(), confirm.get()) {
            let _ = button.focus();
        }
    });
    let close = move || {
        if let Some((_, opener)) = pending.get_untracked() {
            pending.set(None);
            if let Some(button) = opener.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let accept = move |_| {
        if let Some((command, _)) = pending.get_untracked() {
            close();
            write.send(command);
        }
    };
    let busy = move || write.busy.get().then_some("true");
    let button = move |command: Command, id: &'static str, label: Msg| {
        let node = NodeRef::<Button>::new();
        let open = move |_| {
            if !write.busy.get_untracked() {
                pending.set(Some((command, node)));
            }
        };
        view! {
            <button type="button" class="olm-btn" id=id node_ref=node aria-busy=busy on:click=open>
                {t(label)}
            </button>
        }
    };
    let confirmation = move |command: Command| {
        view! {
            <div
                class="olm-confirm"
                role="group"
                aria-labelledby="olm-confirm-question"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <p id="olm-confirm-question">
                    {t(question.map_or_else(|| confirm_question(command), |q| q.run(command)))}
                </p>
                <div class="olm-actions">
                    <button
                        type="button"
                        class="olm-btn olm-btn--primary"
                        node_ref=confirm
                        on:click=accept
                    >
                        {t(Msg::Confirm)}
                    </button>
                    <button type="button" class="olm-btn" on:click=move |_| close()>
                        {t(Msg::Cancel)}
                    </button>
                </div>
            </div>
        }
    };

    view! {
        <section class="olm-section" aria-labelledby="olm-bulk-title">
            <h2 class="olm-section-title" id="olm-bulk-title">{t(Msg::BulkTitle)}</h2>
            <div class="olm-actions">
                {button(Command::PinAll, PIN_ALL_ID, Msg::PinAllButton)}
                {button(Command::UnpinAll, UNPIN_ALL_ID, Msg::UnpinAllButton)}
            </div>
            {move || pending.get().map(|(command, _)| confirmation(command))}
        </section>
    }
}
