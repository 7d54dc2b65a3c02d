//! Thin views. What every view needs (the host, the texts, the live regions) is one [`Ctx`],
//! provided by the root; a write is an [`Action`] whose `pending()` is its control's busy flag
//! ([`Write`]). What to show after an answer, what a control says and where focus goes are
//! decided in [`crate::controller::verdict`]; the views render and forward events.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

use crate::controller::verdict::{retry_focus, Retry, SwitchView, Verdict};
use crate::host::Host;
use crate::i18n::{Locale, Msg, Texts};
use regions::Regions;

pub mod app_page;
pub mod bulk;
pub mod dialogs;
pub mod install;
pub mod regions;
pub mod sidebar;

/// What every view needs, provided once by the root ([`Ctx::provide`]) and taken with [`ctx`].
/// `Copy`, so every handler can own it; the host and the texts are not `Send`, so they are
/// stored once and looked up on the one browser thread.
#[derive(Clone, Copy)]
pub struct Ctx {
    host: StoredValue<Rc<dyn Host>, LocalStorage>,
    /// The page's texts: English (with the browser's plural rules) until the host has told
    /// the language.
    pub texts: RwSignal<Texts, LocalStorage>,
    /// The page's live regions.
    pub regions: Regions,
    /// Set by the view that can repeat things (the sidebar, the app page, the install page).
    pub on_retry: StoredValue<Option<Callback<Retry>>>,
}

/// The [`Ctx`] the root provided.
pub fn ctx() -> Ctx {
    expect_context()
}

impl Ctx {
    /// Provides the context of a root over `host`, with empty regions.
    pub fn provide(host: Rc<dyn Host>) -> Ctx {
        let texts = Texts::new(Locale::En, None, host.numbers(Locale::En));
        let cx = Ctx {
            host: StoredValue::new_local(host),
            texts: RwSignal::new_local(texts),
            regions: Regions::new(),
            on_retry: StoredValue::new(None),
        };
        provide_context(cx);
        cx
    }

    /// The host; `None` once the root is gone (a request answered after the widget was
    /// unmounted then has nothing left to update).
    pub fn host(&self) -> Option<Rc<dyn Host>> {
        self.host.try_get_value()
    }

    /// `msg` in the page's language.
    pub fn text(&self, msg: &Msg) -> String {
        self.texts
            .try_with_untracked(|t| t.text(msg))
            .unwrap_or_default()
    }

    /// Empties both regions (a new action starts).
    pub fn clear(&self) {
        self.regions.clear();
    }

    /// Says what `verdict` says, and moves the focus where it says.
    pub fn show(&self, verdict: &Verdict) {
        if self.regions.alert.is_disposed() {
            return;
        }
        self.regions.say(verdict);
        if let (Some(focus), Some(host)) = (verdict.focus, self.host()) {
            host.focus(focus.element_id());
        }
    }

    /// "Try again": the button disappears with its alert, so the keyboard moves where
    /// [`retry_focus`] says; then the page repeats `retry`.
    pub fn retry(&self, retry: Retry) {
        if let (Some(focus), Some(host)) = (retry_focus(retry), self.host()) {
            host.focus(focus.element_id());
        }
        if let Some(handler) = self.on_retry.get_value() {
            handler.run(retry);
        }
    }
}

/// One control's writes: an [`Action`] whose `pending()` is the control's busy flag.
pub struct Write<I: 'static> {
    action: Action<I, ()>,
    /// A write is in flight: the control is busy and ignores clicks.
    pub busy: Memo<bool>,
}

impl<I: 'static> Clone for Write<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static> Copy for Write<I> {}

impl<I: Clone + 'static> Write<I> {
    /// A write that runs `task` on the host: the page's regions are emptied when it starts,
    /// and what its verdict says is shown when it ends.
    pub fn new<Fut>(task: impl Fn(I, Rc<dyn Host>) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Verdict> + 'static,
    {
        let cx = ctx();
        Self::reporting(task, move |verdict: Option<&Verdict>| match verdict {
            None => cx.clear(),
            Some(verdict) => cx.show(verdict),
        })
    }

    /// A write that reports elsewhere (a row of the operator's list): `report(None)` when it
    /// starts, `report(Some(verdict))` when it ends.
    pub fn reporting<Fut>(
        task: impl Fn(I, Rc<dyn Host>) -> Fut + 'static,
        report: impl Fn(Option<&Verdict>) + Copy + 'static,
    ) -> Self
    where
        Fut: Future<Output = Verdict> + 'static,
    {
        let cx = ctx();
        let action = Action::new_local(move |input: &I| {
            report(None);
            let run = cx.host().map(|h| task(input.clone(), h));
            async move {
                if let Some(run) = run {
                    report(Some(&run.await));
                }
            }
        });
        Write {
            action,
            busy: action.pending(),
        }
    }

    /// Sends `input` once, unless a write of this control is in flight.
    pub fn send(&self, input: I) {
        if !self.busy.get_untracked() {
            self.action.dispatch_local(input);
        }
    }
}

/// A switch: a real `<button role="switch">` with a constant label, `aria-checked`, `aria-busy`
/// while its write is in flight, `aria-disabled` when the operator may not use it, and the line
/// under it that [`SwitchView`] says. In a row of the operator's list (`named`) the column says
/// what it is: no visible label, the accessible name says which dialog, and the line is for
/// assistive technology only.
#[component]
pub fn Switch(
    /// Visible label and accessible name, e.g. "Pin dialog".
    label: Msg,
    /// Element id; the line under it gets `<id>-hint`.
    #[prop(into)]
    id: String,
    /// What it shows ([`crate::controller::verdict::pin_switch`] …; `None` before a state).
    state: Memo<Option<SwitchView>>,
    /// Sends what a click sends.
    on_click: Write<crate::domain::command::Command>,
    /// A row's switch: its accessible name ("Pin dialog Alice"), instead of the visible label.
    #[prop(optional, into)]
    named: Option<Signal<String>>,
) -> impl IntoView {
    let cx = ctx();
    let hint_id = format!("{id}-hint");
    let is = move |on: fn(&SwitchView) -> bool| move || state.with(|v| v.as_ref().is_some_and(on));
    let flag = move |on| move || is(on)().then_some("true");
    let visible = named.is_none().then(|| {
        view! {
            <span class="olm-switch__label">{cx.text(&label)}</span>
        }
    });
    view! {
        <div class="olm-control" class:olm-control--row=named.is_some()>
            <button
                type="button"
                class="olm-switch"
                role="switch"
                id=id
                aria-label=move || named.map(|n| n.get())
                aria-checked=move || if is(|v| v.checked)() { "true" } else { "false" }
                aria-busy=flag(|v| v.busy)
                aria-disabled=flag(|v| v.disabled)
                aria-describedby=hint_id.clone()
                on:click=move |_| {
                    if let Some(command) = state.with_untracked(|v| v.as_ref().and_then(|v| v.click)) {
                        on_click.send(command);
                    }
                }
            >
                <span class="olm-switch__track" aria-hidden="true">
                    <span class="olm-switch__thumb"></span>
                </span>
                {visible}
            </button>
            <p class="olm-hint" class:olm-sr-only=named.is_some() id=hint_id>
                {move || state.with(|v| v.as_ref().map(|v| cx.text(&v.line)))}
            </p>
        </div>
    }
}

/// The compact placeholder shown while the state is read.
#[component]
pub fn Skeleton(
    /// Text for assistive technology ("Loading dialog…"), once the language is known.
    #[prop(optional, into)]
    label: MaybeProp<Msg>,
) -> impl IntoView {
    let cx = ctx();
    let label = move || {
        label.get().map(|l| {
            view! { <span class="olm-sr-only">{cx.texts.with(|t| t.text(&l))}</span> }
        })
    };
    view! {
        <div class="olm-skeleton" aria-busy="true">
            <div class="olm-skeleton__bar"></div>
            <div class="olm-skeleton__bar"></div>
            {label}
        </div>
    }
}

/// One clear message where the widget cannot work; no controls.
#[component]
pub fn Notice(
    /// The message.
    msg: Msg,
) -> impl IntoView {
    view! { <p class="olm-notice">{ctx().text(&msg)}</p> }
}
