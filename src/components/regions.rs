//! The alert and status live regions: mounted, empty, from the first render; text goes in when
//! something happens, so assistive technology announces it. The page has one pair (in
//! [`super::Ctx`]); each row of the operator's list has its own.

use leptos::prelude::*;

use super::ctx;
use crate::controller::verdict::{Retry, Say, Verdict};
use crate::i18n::Msg;

/// What the alert region says, and what can be repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// What failed, why, and what to do.
    pub msg: Msg,
    /// `None` when repeating makes no sense (e.g. the re-read shows the change happened).
    pub retry: Option<Retry>,
}

/// A pair of live regions.
#[derive(Clone, Copy)]
pub struct Regions {
    /// `role="alert"`: failures, with what "Try again" repeats.
    pub alert: RwSignal<Option<Alert>>,
    /// `role="status"`: outcomes ("3 dialogs pinned").
    pub status: RwSignal<Option<Msg>>,
}

impl Regions {
    /// Empty regions.
    pub fn new() -> Regions {
        Regions {
            alert: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }

    /// Empties both (a new action starts).
    pub fn clear(&self) {
        self.alert.try_set(None);
        self.status.try_set(None);
    }

    /// Says what `verdict` says.
    pub fn say(&self, verdict: &Verdict) {
        match &verdict.say {
            Say::Nothing => {}
            Say::Status(msg) => _ = self.status.try_set(Some(msg.clone())),
            Say::Alert(msg) => {
                _ = self.alert.try_set(Some(Alert {
                    msg: msg.clone(),
                    retry: verdict.retry,
                }))
            }
        }
    }
}

impl Default for Regions {
    fn default() -> Self {
        Self::new()
    }
}

/// Renders `regions` (the page's by default); "Try again" runs `on_retry` (the page's by
/// default: [`super::Ctx::retry`]).
#[component]
pub fn LiveRegions(
    #[prop(optional)] regions: Option<Regions>,
    #[prop(optional)] on_retry: Option<Callback<Retry>>,
) -> impl IntoView {
    let cx = ctx();
    let regions = regions.unwrap_or(cx.regions);
    let alert = move || {
        regions.alert.get().map(|alert| {
            let retry = alert.retry.map(|retry| {
                let again = move |_| match on_retry {
                    Some(on_retry) => on_retry.run(retry),
                    None => cx.retry(retry),
                };
                view! {
                    <button type="button" class="olm-btn" on:click=again>
                        {cx.text(&Msg::TryAgain)}
                    </button>
                }
            });
            view! {
                <p>{cx.text(&alert.msg)}</p>
                {retry}
            }
        })
    };
    let status = move || regions.status.get().map(|msg| cx.text(&msg));
    view! {
        <div class="olm-alert" role="alert">{alert}</div>
        <div class="olm-status" role="status">{status}</div>
    }
}
