//! Thin views. State lives in signals owned by the page views ([`sidebar::Sidebar`],
//! [`app_page::AppPage`], [`install::InstallPage`]); they render it and forward events. What to
//! show after an answer is decided in [`crate::controller::verdict`]; every action runs through
//! [`runner::run`].

use std::rc::Rc;

use leptos::prelude::*;

use crate::controller::verdict::Focus;
use crate::domain::command::Command;
use crate::host::Host;
use crate::i18n::{Msg, Texts};
use app_page::{bind_id, STATE_ID};
use bulk::{PIN_ALL_ID, UNPIN_ALL_ID};
use install::TITLE_ID;
use sidebar::{PIN_ID, WHISPER_ID};

pub mod app_page;
pub mod bulk;
pub mod install;
pub mod regions;
pub mod runner;
pub mod sidebar;

/// A copyable handle on the host, usable from reactive closures (which must be `Send`; the
/// host is not, so it is stored once and looked up on the one browser thread).
#[derive(Clone, Copy)]
pub struct HostHandle(StoredValue<Rc<dyn Host>, LocalStorage>);

impl HostHandle {
    /// Stores the host for the lifetime of the current reactive owner.
    pub fn new(host: Rc<dyn Host>) -> Self {
        Self(StoredValue::new_local(host))
    }

    /// The host; `None` once the owner is gone (the widget was unmounted while a request was
    /// in flight: its continuation then has nothing left to update).
    pub fn get(&self) -> Option<Rc<dyn Host>> {
        self.0.try_get_value()
    }
}

/// The texts of a view, as a `Copy` handle every closure can own ([`Texts`] holds `Rc`s).
#[derive(Clone, Copy)]
pub struct Tr(StoredValue<Texts, LocalStorage>);

impl Tr {
    /// A handle on `texts` for the lifetime of the current reactive owner.
    pub fn new(texts: Texts) -> Tr {
        Tr(StoredValue::new_local(texts))
    }

    /// `msg` as plain text (empty once the owner is gone).
    pub fn text(&self, msg: &Msg) -> String {
        self.0.try_with_value(|t| t.text(msg)).unwrap_or_default()
    }

    /// The BCP 47 tag of the language the texts are in.
    pub fn lang(&self) -> &'static str {
        self.0.try_with_value(Texts::lang).unwrap_or("en")
    }

    /// The writing direction of the language the texts are in.
    pub fn dir(&self) -> &'static str {
        self.0.try_with_value(Texts::dir).unwrap_or("ltr")
    }
}

/// The element a [`Focus`] names.
pub fn focus_id(focus: Focus) -> &'static str {
    match focus {
        Focus::Control(Command::Pin(_) | Command::Unpin(_)) => PIN_ID,
        Focus::Control(Command::WhisperOn(_) | Command::WhisperOff(_)) => WHISPER_ID,
        Focus::Control(Command::PinAll) => PIN_ALL_ID,
        Focus::Control(Command::UnpinAll) => UNPIN_ALL_ID,
        Focus::BindButton(home) => bind_id(home),
        Focus::HomesState => STATE_ID,
        Focus::InstallTitle => TITLE_ID,
    }
}

/// A switch: a real `<button role="switch">` with a constant visible label, `aria-checked`,
/// `aria-busy` while its request is in flight (clicks are ignored then), and `aria-disabled`
/// with the reason in its description when the operator may not use it.
#[component]
pub fn Switch(
    /// Visible label and accessible name, e.g. "Pin dialog".
    label: String,
    /// Element id; the hint gets `<id>-hint`.
    id: &'static str,
    /// The portal's state.
    #[prop(into)]
    checked: Signal<bool>,
    /// A request for this switch is in flight.
    #[prop(into)]
    busy: Signal<bool>,
    /// Why the operator may not use it (`None`: usable).
    #[prop(into)]
    blocked: Signal<Option<String>>,
    /// What the state means (shown under the switch when it is usable).
    #[prop(into)]
    hint: Signal<String>,
    /// Shown instead of the hint while busy ("Saving…"), so the wait is visible in words.
    saving: String,
    /// Called on activation (click, Space, Enter) when usable and not busy.
    on_toggle: Callback<()>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="olm-control">
            <button
                type="button"
                class="olm-switch"
                role="switch"
                id=id
                aria-checked=move || if checked.get() { "true" } else { "false" }
                aria-busy=move || busy.get().then_some("true")
                aria-disabled=move || blocked.with(|b| b.is_some()).then_some("true")
                aria-describedby=hint_id.clone()
                on:click=move |_| {
                    if !busy.get_untracked() && blocked.with_untracked(|b| b.is_none()) {
                        on_toggle.run(());
                    }
                }
            >
                <span class="olm-switch__track" aria-hidden="true">
                    <span class="olm-switch__thumb"></span>
                </span>
                <span class="olm-switch__label">{label}</span>
            </button>
            <p class="olm-hint" id=hint_id>
                {move || {
                    if busy.get() {
                        saving.clone()
                    } else {
                        blocked.get().unwrap_or_else(|| hint.get())
                    }
                }}
            </p>
        </div>
    }
}

/// The compact placeholder shown while the state is read.
#[component]
pub fn Skeleton(
    /// Text for assistive technology ("Loading dialog…"), if the language is known yet.
    label: Option<String>,
) -> impl IntoView {
    view! {
        <div class="olm-skeleton" aria-busy="true">
            <div class="olm-skeleton__bar"></div>
            <div class="olm-skeleton__bar"></div>
            {label.map(|l| view! { <span class="olm-sr-only">{l}</span> })}
        </div>
    }
}

/// One clear message where the widget cannot work; no controls.
#[component]
pub fn Notice(
    /// The message, as plain text.
    text: String,
) -> impl IntoView {
    view! { <p class="olm-notice">{text}</p> }
}
