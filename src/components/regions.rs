//! The alert and status live regions: mounted, empty, from the first render; text goes in when
//! something happens, so assistive technology announces it.

use leptos::prelude::*;

use super::ctx;
use crate::controller::verdict::Retry;
use crate::i18n::Msg;

/// What the alert region says, and what can be repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// What failed, why, and what to do.
    pub msg: Msg,
    /// `None` when repeating makes no sense (e.g. the re-read shows the change happened).
    pub retry: Option<Retry>,
}

/// Renders the regions of the page's [`super::Ctx`].
#[component]
pub fn LiveRegions() -> impl IntoView {
    let cx = ctx();
    let alert = move || {
        cx.alert.get().map(|alert| {
            let retry = alert.retry.map(|retry| {
                view! {
                    <button type="button" class="olm-btn" on:click=move |_| cx.retry(retry)>
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
    let status = move || cx.status.get().map(|msg| cx.text(&msg));
    view! {
        <div class="olm-alert" role="alert">{alert}</div>
        <div class="olm-status" role="status">{status}</div>
    }
}
