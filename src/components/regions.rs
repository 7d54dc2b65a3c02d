//! The alert and status live regions: mounted, empty, from the first render; text goes in when
//! something happens, so assistive technology announces it.

use leptos::prelude::*;

use crate::domain::command::Command;
use crate::domain::install::PlacementChange;
use crate::i18n::{Locale, Msg};

/// What "Try again" repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Exactly the command that failed, sent once more (only when the operator asks).
    Command(Command),
    /// The state read.
    Read,
    /// A change to the app's place in the portal (install page, app page), or its read.
    Placement(PlacementChange),
}

/// What the alert region says, and what can be repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// What failed, why, and what to do: plain text.
    pub text: String,
    /// `None` when repeating makes no sense (e.g. the re-read shows the change happened).
    pub retry: Option<Retry>,
}

/// The two regions' contents, and who handles "Try again".
#[derive(Clone, Copy)]
pub struct Regions {
    /// `role="alert"`: failures.
    pub alert: RwSignal<Option<Alert>>,
    /// `role="status"`: outcomes ("3 dialogs pinned").
    pub status: RwSignal<String>,
    /// Set by the view that can repeat things (the sidebar, the app page, the install page).
    pub on_retry: StoredValue<Option<Callback<Retry>>>,
}

impl Regions {
    /// Both empty.
    pub fn new() -> Self {
        Self {
            alert: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            on_retry: StoredValue::new(None),
        }
    }

    /// Empties both (a new action starts).
    pub fn clear(&self) {
        self.alert.set(None);
        self.status.set(String::new());
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
    /// For the "Try again" label.
    #[prop(into)]
    locale: Signal<Locale>,
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
                        {locale.get_untracked().text(&Msg::TryAgain)}
                    </button>
                }
            });
            view! {
                <p>{alert.text}</p>
                {retry}
            }
        })
    };
    view! {
        <div class="olm-alert" role="alert">{alert}</div>
        <div class="olm-status" role="status">{move || regions.status.get()}</div>
    }
}
