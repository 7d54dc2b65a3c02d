//! The install page: what the app shows when the portal opens it in install mode, at an
//! installation path with `?install=1` or, registered with one URL for both, at its handler
//! while `app.info` says `INSTALLED: false` (routing in `app.rs`). It binds the widget to every
//! home (above the chat input and in the chat sidebar) and then calls `installFinish`; until
//! then the portal keeps the app "not fully installed" and shows it nowhere.
//!
//! It starts by itself, says what it is doing, and on failure says why in the alert region with
//! "Try again". Every step is idempotent (each home is re-bound, so exactly one binding of each
//! is left; `installFinish` outside install mode does nothing), so repeating it is always safe.

use std::rc::Rc;

use leptos::prelude::*;

use super::regions::Regions;
use super::runner;
use super::HostHandle;
use super::Tr;
use crate::controller;
use crate::controller::verdict::{after_install, InstallStep, Retry};
use crate::domain::install::{handler_url, PlacementChange};
use crate::host::Host;
use crate::i18n::Msg;

/// Element id of the page's heading.
pub const TITLE_ID: &str = "olm-install-title";

/// The install page.
#[component]
pub fn InstallPage(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The administrator's texts.
    tr: Tr,
    /// Where failures and outcomes are announced.
    regions: Regions,
) -> impl IntoView {
    let step = RwSignal::new(InstallStep::Binding);
    let busy = RwSignal::new(false);
    let t = move |m: Msg| tr.text(&m);

    let start = move || {
        let task = move |h: Rc<dyn Host>| async move {
            step.set(InstallStep::Binding);
            let handler = handler_url(&h.page_url());
            let result = controller::install(&*h, &handler, &tr.text(&Msg::Title)).await;
            let (next, verdict) = after_install(&result);
            step.try_set(next);
            verdict
        };
        runner::run(host, busy, regions, task, |_| {});
    };

    regions.on_retry.set_value(Some(Callback::new(move |retry| {
        if retry == Retry::Placement(PlacementChange::Install) {
            runner::focus_for_retry(host, retry);
            start();
        }
    })));
    start();

    // When done, the status region says so (once, announced); the page adds nothing.
    let progress = move || {
        let (text, busy) = match step.get() {
            InstallStep::Binding => (t(Msg::InstallBinding), true),
            InstallStep::Done => return None,
            InstallStep::Stopped => (t(Msg::InstallStopped), false),
        };
        Some(view! { <p class="olm-hint" aria-busy=busy.then_some("true")>{text}</p> })
    };
    view! {
        <h1 class="olm-title" id=TITLE_ID tabindex="-1">{t(Msg::InstallTitle)}</h1>
        {progress}
    }
}
