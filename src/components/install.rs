//! The install page: what the app shows when the portal opens it in install mode, at an
//! installation path with `?install=1` or, registered with one URL for both, at its handler
//! while `app.info` says `INSTALLED: false` (routing in `app.rs`). It binds the widget to every
//! home (above the chat input and in the chat sidebar) and then calls `installFinish`; until
//! then the portal keeps the app "not fully installed" and shows it nowhere.
//!
//! It starts by itself, says what it is doing, and on failure says why in the alert region with
//! "Try again". Every step is idempotent (each home is re-bound, so exactly one binding of each
//! is left; `installFinish` outside install mode does nothing), so repeating it is always safe.

use leptos::prelude::*;

use super::{ctx, Write};
use crate::controller;
use crate::controller::verdict::{after_install, InstallStep, Retry, INSTALL_TITLE_ID};
use crate::domain::install::{handler_url, PlacementChange};
use crate::i18n::Msg;

/// The install page.
#[component]
pub fn InstallPage() -> impl IntoView {
    let cx = ctx();
    let step = RwSignal::new(InstallStep::Binding);
    let install = Write::new(move |(), h| async move {
        step.try_set(InstallStep::Binding);
        let handler = handler_url(&h.page_url());
        let result = controller::install(&*h, &handler, &cx.text(&Msg::Title)).await;
        let (next, verdict) = after_install(&result);
        step.try_set(next);
        verdict
    });
    cx.on_retry.set_value(Some(Callback::new(move |retry| {
        if retry == Retry::Placement(PlacementChange::Install) {
            install.send(());
        }
    })));
    install.send(());

    // When done, the status region says so (once, announced); the page adds nothing.
    let busy = move || (step.get() == InstallStep::Binding).then_some("true");
    let progress = move || {
        let line = step.get().line()?;
        Some(view! { <p class="olm-hint" aria-busy=busy>{cx.text(&line)}</p> })
    };
    view! {
        <h1 class="olm-title" id=INSTALL_TITLE_ID tabindex="-1">{cx.text(&Msg::InstallTitle)}</h1>
        {progress}
    }
}
