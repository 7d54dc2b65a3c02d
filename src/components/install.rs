//! The install page: what the app shows when the portal opens it in install mode, at an
//! installation path with `?install=1` or, registered with one URL for both, at its handler
//! while `app.info` says `INSTALLED: false` (routing in `app.rs`). It binds the widget to the
//! chat sidebar and then calls `installFinish`; until then the portal keeps the app "not fully
//! installed" and shows no sidebar item.
//!
//! It starts by itself, says what it is doing, and on failure says why in the alert region with
//! "Try again". Every step is idempotent ("already bound" is success, `installFinish` outside
//! install mode does nothing), so repeating it is always safe.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::regions::{Alert, Regions, Retry};
use crate::app::HostHandle;
use crate::controller;
use crate::domain::install::{
    bind_log_line, bind_params, classify_bind, handler_url, PlacementChange,
};
use crate::host::dom;
use crate::i18n::{Locale, Msg};

/// `placement.bind` params for this page's address: the title in the administrator's
/// language, and in every language the widget speaks in `LANG_ALL`.
pub fn sidebar_bind_params(handler: &str, locale: Locale) -> Value {
    let titles: Vec<(&str, String)> = Locale::ALL
        .iter()
        .map(|l| (l.code(), l.text(&Msg::Title)))
        .collect();
    bind_params(handler, &locale.text(&Msg::Title), &titles)
}

/// Where the install stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Binding the sidebar (in flight).
    Binding,
    /// Bound and `installFinish` sent: the portal reloads the page (in install mode).
    Done,
    /// Failed; the alert says why.
    Stopped,
}

const TITLE_ID: &str = "olm-install-title";

/// The install page.
#[component]
pub fn InstallPage(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The administrator's language.
    locale: Locale,
    /// Where failures and outcomes are announced.
    regions: Regions,
) -> impl IntoView {
    let step = RwSignal::new(Step::Binding);
    let running = StoredValue::new(false);
    let t = move |m: Msg| locale.text(&m);

    let start = move || {
        if running.get_value() {
            return;
        }
        let Some(h) = host.get() else {
            return;
        };
        running.set_value(true);
        regions.clear();
        step.set(Step::Binding);
        spawn_local(async move {
            let handler = handler_url(&h.page_url());
            let params = sidebar_bind_params(&handler, locale);
            let result = controller::install(&*h, params, &handler).await;
            if step.is_disposed() {
                return;
            }
            match result {
                Ok(_) => {
                    step.set(Step::Done);
                    regions.status.set(t(Msg::InstallDone));
                }
                Err(err) => {
                    h.log(&bind_log_line(PlacementChange::Install, &err));
                    step.set(Step::Stopped);
                    regions.alert.set(Some(Alert {
                        text: t(Msg::PlacementFailed {
                            change: PlacementChange::Install,
                            problem: classify_bind(&err),
                        }),
                        retry: Some(Retry::Placement(PlacementChange::Install)),
                    }));
                }
            }
            running.set_value(false);
        });
    };

    regions.on_retry.set_value(Some(Callback::new(move |retry| {
        if retry == Retry::Placement(PlacementChange::Install) {
            // The "Try again" button goes away with the alert: keep the keyboard on the page.
            dom::focus(TITLE_ID);
            start();
        }
    })));
    start();

    // When done, the status region says so (once, announced); the page adds nothing.
    let progress = move || {
        let (text, busy) = match step.get() {
            Step::Binding => (t(Msg::InstallBinding), true),
            Step::Done => return None,
            Step::Stopped => (t(Msg::InstallStopped), false),
        };
        Some(view! { <p class="olm-hint" aria-busy=busy.then_some("true")>{text}</p> })
    };
    view! {
        <h1 class="olm-title" id=TITLE_ID tabindex="-1">{t(Msg::InstallTitle)}</h1>
        {progress}
    }
}
