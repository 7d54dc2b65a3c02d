//! "All my dialogs": pin all / unpin all, each behind an explicit confirmation.

use leptos::html::Button;
use leptos::prelude::*;

use super::Tr;
use crate::domain::command::Command;
use crate::i18n::Msg;

/// Element id of the "Pin all my dialogs" button.
pub const PIN_ALL_ID: &str = "olm-pin-all";
/// Element id of the "Unpin all my dialogs" button.
pub const UNPIN_ALL_ID: &str = "olm-unpin-all";

/// The section with the two bulk buttons and their confirmation.
#[component]
pub fn BulkActions(
    /// Texts.
    tr: Tr,
    /// A bulk request is in flight (buttons are busy and ignore clicks).
    #[prop(into)]
    busy: Signal<bool>,
    /// Called with [`Command::PinAll`] or [`Command::UnpinAll`] once confirmed.
    on_confirm: Callback<Command>,
) -> impl IntoView {
    let pending = RwSignal::new(None::<Command>);
    let pin_all = NodeRef::<Button>::new();
    let unpin_all = NodeRef::<Button>::new();
    let confirm = NodeRef::<Button>::new();
    let t = move |m: Msg| tr.text(&m);

    // Focus follows the conversation: into the confirmation when it opens, back to the button
    // that opened it when it closes.
    Effect::new(move |_| {
        if pending.get().is_some() {
            if let Some(button) = confirm.get() {
                let _ = button.focus();
            }
        }
    });
    let close = move || {
        let opener = match pending.get_untracked() {
            Some(Command::UnpinAll) => unpin_all,
            _ => pin_all,
        };
        pending.set(None);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    let open = move |command: Command| {
        if !busy.get_untracked() {
            pending.set(Some(command));
        }
    };
    let accept = move |_| {
        if let Some(command) = pending.get_untracked() {
            close();
            on_confirm.run(command);
        }
    };
    let question = move |command: Command| match command {
        Command::UnpinAll => t(Msg::ConfirmUnpinAll),
        _ => t(Msg::ConfirmPinAll),
    };
    let busy_attr = move || busy.get().then_some("true");
    let button = move |command: Command, id: &'static str, node: NodeRef<Button>, label: Msg| {
        view! {
            <button
                type="button"
                class="olm-btn"
                id=id
                node_ref=node
                aria-busy=busy_attr
                on:click=move |_| open(command)
            >
                {t(label)}
            </button>
        }
    };

    view! {
        <section class="olm-section" aria-labelledby="olm-bulk-title">
            <h2 class="olm-section-title" id="olm-bulk-title">{t(Msg::BulkTitle)}</h2>
            <div class="olm-actions">
                {button(Command::PinAll, PIN_ALL_ID, pin_all, Msg::PinAllButton)}
                {button(Command::UnpinAll, UNPIN_ALL_ID, unpin_all, Msg::UnpinAllButton)}
            </div>
            {move || {
                pending
                    .get()
                    .map(|command| {
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
                                <p id="olm-confirm-question">{question(command)}</p>
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
                    })
            }}
        </section>
    }
}
