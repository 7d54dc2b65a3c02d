//! The alert and status live regions: mounted, empty, from the first render; text goes in when
//! something happens, so assistive technology announces it.

use leptos::prelude::*;

use super::focus_id;
use super::Tr;
use crate::controller::verdict::{Retry, Say, Verdict};
use crate::host::Host;
use crate::i18n::Msg;

/// What the alert region says, and what can be repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// What failed, why, and what to do.
    pub msg: Msg,
    /// `None` when repeating makes no sense (e.g. the re-read shows the change happened).
    pub retry: Option<Retry>,
}

/// The two regions' contents, and who handles "Try again".
#[derive(Clone, Copy)]
pub struct Regions {
    /// `role="alert"`: failures.
    pub alert: RwSignal<Option<Alert>>,
    /// `role="status"`: outcomes ("3 dialogs pinned").
    pub status: RwSignal<Option<Msg>>,
    /// Set by the view that can repeat things (the sidebar, the app page, the install page).
    pub on_retry: StoredValue<Option<Callback<Retry>>>,
}

impl Regions {
    /// Both empty.
    pub fn new() -> Self {
        Self {
            alert: RwSignal::new(None),
            status: RwSignal::new(None),
            on_retry: StoredValue::new(None),
        }
    }

    /// Empties both (a new action starts).
    pub fn clear(&self) {
        self.alert.try_set(None);
        self.status.try_set(None);
    }

    /// Says what `verdict` says, and moves the focus where it says (through the host).
    pub fn show(&self, verdict: &Verdict, host: &dyn Host) {
        match &verdict.say {
            Say::Nothing => {}
            Say::Status(msg) => {
                self.status.try_set(Some(msg.clone()));
            }
            Say::Alert(msg) => {
                self.alert.try_set(Some(Alert {
                    msg: msg.clone(),
                    retry: verdict.retry,
                }));
            }
        }
        if let Some(focus) = verdict.focus {
            host.focus(focus_id(focus));
        }
    }
}

impl Default for Regions {
    fn default() -> Self {
        Self::new()
    }
}

/// Renders the regions.
#[component]
pub fn LiveRegions(
    /// Their contents.
    regions: Regions,
    /// The language they speak.
    #[prop(into)]
    tr: Signal<Tr>,
) -> impl IntoView {
    let alert = move || {
        regions.alert.get().map(|alert| {
            let retry = alert.retry.map(|retry| {
                let repeat = move |_| {
                    if let Some(handler) = regions.on_retry.get_value() {
                        handler.run(retry);
                    }
                };
                view! {
                    <button type="button" class="olm-btn" on:click=repeat>
                        {tr.get_untracked().text(&Msg::TryAgain)}
                    </button>
                }
            });
            view! {
                <p>{tr.get_untracked().text(&alert.msg)}</p>
                {retry}
            }
        })
    };
    let status = move || {
        regions
            .status
            .get()
            .map(|msg| tr.get_untracked().text(&msg))
    };
    view! {
        <div class="olm-alert" role="alert">{alert}</div>
        <div class="olm-status" role="status">{status}</div>
    }
}
