//! The app's own page (`DEFAULT`, opened from the portal's app menu): what the app does,
//! whether the widget is in the chat sidebar (administrators: read with `placement.get`, with
//! buttons to add, re-add or remove it), and the operator's "all my dialogs" controls.
//!
//! The bulk controls are the sidebar's [`BulkActions`] over the same use-case
//! ([`controller::execute`]); each request is sent once and never retried by itself.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::BulkActions;
use super::install::sidebar_bind_params;
use super::regions::Regions;
use super::runner;
use super::Tr;
use crate::controller::verdict::{
    after_check, after_placement, Binding, ReRead, Retry, SidebarChange, Verdict,
};
use crate::controller::{self, AfterReRead};
use crate::domain::command::Command;
use crate::domain::install::{handler_url, PlacementChange, SidebarBinding};
use crate::host::{Host, HostHandle};
use crate::i18n::Msg;

/// Element id of the add / re-add button.
pub const BIND_ID: &str = "olm-sidebar-bind";
/// Element id of the line about the sidebar binding.
pub const STATE_ID: &str = "olm-sidebar-state";

/// The page's state and behaviour; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Page {
    host: HostHandle,
    tr: Tr,
    regions: Regions,
    known: RwSignal<Binding>,
    busy_sidebar: RwSignal<bool>,
    busy_bulk: RwSignal<bool>,
    /// The bulk controls gave way to a message (the portal lacks the methods).
    bulk_gone: RwSignal<Option<Msg>>,
    on_install_check: Option<Callback<()>>,
}

impl Page {
    fn text(&self, msg: Msg) -> String {
        self.tr.text(&msg)
    }

    /// Reads the binding and shows what [`after_check`] says.
    async fn check(self, host: &dyn Host) {
        let handler = handler_url(&host.page_url());
        let result = controller::check_sidebar(host, &handler).await;
        let Some(known) = self.known.try_get_untracked() else {
            return;
        };
        let (known, verdict) = after_check(result, &known);
        self.known.set(known);
        self.regions.show(&verdict, host);
    }

    fn recheck(self) {
        self.regions.clear();
        if self.known.get_untracked() == Binding::Unreadable {
            self.known.set(Binding::Checking);
        }
        let Some(h) = self.host.get() else {
            return;
        };
        spawn_local(async move { self.check(&*h).await });
    }

    /// Adds, re-adds or removes the binding, once; then reads it again.
    fn change(self, change: SidebarChange) {
        let task = move |h: Rc<dyn Host>| async move {
            let handler = handler_url(&h.page_url());
            let params = sidebar_bind_params(&*h, &handler, self.tr).await;
            let result = controller::change_sidebar(&*h, change, params, &handler).await;
            if result.is_ok() {
                self.check(&*h).await;
            }
            after_placement(change.placement(), &result, Some(change.done()))
        };
        runner::run(self.host, self.busy_sidebar, self.regions, task, |_| {});
    }

    /// Pin all / unpin all, sent once: the same use-case and verdicts as the sidebar's (with
    /// no dialog state to re-read).
    fn bulk(self, command: Command) {
        let task = move |h: Rc<dyn Host>| async move {
            let now = |said: &Verdict| self.regions.show(said, &*h);
            let no_dialog = || async {
                AfterReRead {
                    reread: ReRead::Skipped,
                    shown: None,
                    replaced: false,
                }
            };
            controller::write(&*h, command, now, no_dialog).await
        };
        let apply = move |verdict: &Verdict| {
            if verdict.replace.is_some() {
                self.bulk_gone.set(verdict.replace.clone());
            }
        };
        runner::run(self.host, self.busy_bulk, self.regions, task, apply);
    }

    fn retry(self, retry: Retry) {
        runner::focus_for_retry(self.host, retry);
        match retry {
            Retry::Command(command) => self.bulk(command),
            Retry::Read | Retry::Placement(PlacementChange::Check) => self.recheck(),
            Retry::Placement(PlacementChange::Add) => self.change(SidebarChange::Add),
            Retry::Placement(PlacementChange::Readd) => self.change(SidebarChange::Readd),
            Retry::Placement(PlacementChange::Remove) => self.change(SidebarChange::Remove),
            Retry::Placement(PlacementChange::InstallCheck) => {
                if let Some(recheck) = self.on_install_check {
                    recheck.run(());
                }
            }
            Retry::Placement(PlacementChange::Install) => {}
        }
    }
}

/// The app page.
#[component]
pub fn AppPage(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The user's texts.
    tr: Tr,
    /// Where failures and outcomes are announced.
    regions: Regions,
    /// "Try again" after a failed install check (`app.info`): the root asks again.
    #[prop(optional)]
    on_install_check: Option<Callback<()>>,
) -> impl IntoView {
    let admin = host.get().is_some_and(|h| h.is_admin());
    let p = Page {
        host,
        tr,
        regions,
        known: RwSignal::new(if admin {
            Binding::Checking
        } else {
            Binding::AdminOnly
        }),
        busy_sidebar: RwSignal::new(false),
        busy_bulk: RwSignal::new(false),
        bulk_gone: RwSignal::new(None),
        on_install_check,
    };
    regions
        .on_retry
        .set_value(Some(Callback::new(move |retry| p.retry(retry))));
    if let Some(h) = host.get().filter(|_| admin) {
        spawn_local(async move { p.check(&*h).await });
    }

    let state_text = move || {
        p.text(match p.known.get() {
            Binding::AdminOnly => Msg::SidebarAdminOnly,
            Binding::Checking | Binding::Unreadable => Msg::SidebarChecking,
            Binding::Read(SidebarBinding::Bound) => Msg::SidebarBound,
            Binding::Read(SidebarBinding::BoundElsewhere(_)) => Msg::SidebarBoundElsewhere,
            Binding::Read(SidebarBinding::NotBound) => Msg::SidebarNotBound,
        })
    };
    let checking = move || matches!(p.known.get(), Binding::Checking).then_some("true");
    // `Some(bound anywhere)` once read; the buttons follow it without being rebuilt.
    let bound = Memo::new(move |_| match p.known.get() {
        Binding::Read(SidebarBinding::NotBound) => Some(false),
        Binding::Read(_) => Some(true),
        Binding::AdminOnly | Binding::Checking | Binding::Unreadable => None,
    });
    let busy_attr = move || p.busy_sidebar.get().then_some("true");
    let admin_controls = admin.then(|| {
        view! {
            <div class="olm-actions">
                <button
                    type="button"
                    class="olm-btn olm-btn--primary"
                    id=BIND_ID
                    hidden=move || bound.get().is_none()
                    aria-busy=busy_attr
                    on:click=move |_| {
                        p.change(SidebarChange::bind(bound.get_untracked() == Some(true)))
                    }
                >
                    {move || {
                        p.text(if bound.get() == Some(true) {
                            Msg::ReaddToSidebar
                        } else {
                            Msg::AddToSidebar
                        })
                    }}
                </button>
                <button
                    type="button"
                    class="olm-btn"
                    hidden=move || bound.get() != Some(true)
                    aria-busy=busy_attr
                    on:click=move |_| p.change(SidebarChange::Remove)
                >
                    {p.text(Msg::RemoveFromSidebar)}
                </button>
            </div>
        }
    });
    let bulk = Callback::new(move |command| p.bulk(command));

    view! {
        <h1 class="olm-title">{p.text(Msg::Title)}</h1>
        <p class="olm-hint olm-about">{p.text(Msg::AppAbout)}</p>
        <section class="olm-section" aria-labelledby="olm-sidebar-title">
            <h2 class="olm-section-title" id="olm-sidebar-title">{p.text(Msg::SidebarTitle)}</h2>
            <p id=STATE_ID tabindex="-1" aria-busy=checking>{state_text}</p>
            {admin_controls}
        </section>
        {move || match p.bulk_gone.get() {
            None => view! { <BulkActions tr=tr busy=p.busy_bulk on_confirm=bulk /> }.into_any(),
            Some(msg) => view! { <super::Notice text=p.text(msg) /> }.into_any(),
        }}
    }
}
