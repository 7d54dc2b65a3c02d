//! The app's own page (`DEFAULT`, opened from the portal's app menu): what the app does,
//! whether the widget is in the chat sidebar (administrators: read with `placement.get`, with
//! buttons to add, re-add or remove it), and the operator's "all my dialogs" controls.
//!
//! The bulk controls are the sidebar's [`BulkActions`] over the same use-case
//! ([`controller::execute`]); each request is sent once and never retried by itself.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::{sessions_changed, BulkActions};
use super::install::sidebar_bind_params;
use super::regions::{Alert, Regions, Retry};
use crate::app::HostHandle;
use crate::controller::{self, Outcome};
use crate::domain::command::Command;
use crate::domain::error::{classify, log_line, Problem};
use crate::domain::install::{
    bind_log_line, classify_bind, handler_url, BindProblem, PlacementChange, SidebarBinding,
};
use crate::host::dom;
use crate::i18n::{Locale, Msg};

/// What the page knows about the sidebar binding.
#[derive(Clone, Debug, PartialEq)]
enum Known {
    /// Not an administrator: `placement.get` is not theirs to call.
    AdminOnly,
    /// First read in flight.
    Checking,
    /// The first read failed; the alert says why.
    Unreadable,
    /// As read.
    Read(SidebarBinding),
}

const BIND_ID: &str = "olm-sidebar-bind";
const STATE_ID: &str = "olm-sidebar-state";

/// The page's state and behaviour; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Page {
    host: HostHandle,
    locale: Locale,
    regions: Regions,
    known: RwSignal<Known>,
    busy_sidebar: RwSignal<bool>,
    busy_bulk: RwSignal<bool>,
    on_install_check: Option<Callback<()>>,
}

impl Page {
    fn text(&self, msg: Msg) -> String {
        self.locale.text(&msg)
    }

    fn handler(&self) -> String {
        self.host
            .get()
            .map(|h| handler_url(&h.page_url()))
            .unwrap_or_default()
    }

    fn fail(&self, change: PlacementChange, problem: BindProblem) {
        self.regions.alert.set(Some(Alert {
            text: self.text(Msg::PlacementFailed { change, problem }),
            retry: Some(Retry::Placement(change)),
        }));
    }

    /// Reads the binding. A failed re-read keeps what was shown and says so in the alert.
    async fn check(self) {
        let Some(h) = self.host.get() else {
            return;
        };
        let result = controller::sidebar_binding(&*h, &self.handler()).await;
        if self.known.is_disposed() {
            return;
        }
        match result {
            Ok(binding) => {
                if let SidebarBinding::BoundElsewhere(others) = &binding {
                    h.log(&format!(
                        "openline-modes: the chat sidebar is bound to other addresses: {}",
                        others.join(", ")
                    ));
                }
                self.known.set(Known::Read(binding));
            }
            Err(err) => {
                h.log(&bind_log_line(PlacementChange::Check, &err));
                if self.known.get_untracked() == Known::Checking {
                    self.known.set(Known::Unreadable);
                }
                self.fail(PlacementChange::Check, classify_bind(&err));
            }
        }
    }

    fn recheck(self) {
        self.regions.clear();
        if self.known.get_untracked() == Known::Unreadable {
            self.known.set(Known::Checking);
        }
        spawn_local(async move { self.check().await });
    }

    /// Adds, re-adds or removes the binding, once; then reads it again.
    fn change(self, change: PlacementChange) {
        let is_change = matches!(
            change,
            PlacementChange::Add | PlacementChange::Readd | PlacementChange::Remove
        );
        if !is_change || self.busy_sidebar.get_untracked() {
            return;
        }
        let Some(h) = self.host.get() else {
            return;
        };
        self.busy_sidebar.set(true);
        self.regions.clear();
        spawn_local(async move {
            let handler = self.handler();
            let params = sidebar_bind_params(&handler, self.locale);
            let result = match change {
                PlacementChange::Add => controller::bind_sidebar(&*h, params, &handler)
                    .await
                    .map(|_| Msg::SidebarAdded),
                PlacementChange::Readd => controller::rebind_sidebar(&*h, params, &handler)
                    .await
                    .map(|_| Msg::SidebarAdded),
                PlacementChange::Remove
                | PlacementChange::Install
                | PlacementChange::Check
                | PlacementChange::InstallCheck => controller::unbind_sidebar(&*h)
                    .await
                    .map(|_| Msg::SidebarRemoved),
            };
            if self.known.is_disposed() {
                return;
            }
            match result {
                Ok(done) => {
                    self.check().await;
                    if self.known.is_disposed() {
                        return;
                    }
                    self.regions.status.set(self.text(done));
                    // After a removal the remove button is gone: keep the keyboard nearby.
                    if change == PlacementChange::Remove {
                        dom::focus(BIND_ID);
                    }
                }
                Err(err) => {
                    h.log(&bind_log_line(change, &err));
                    self.fail(change, classify_bind(&err));
                }
            }
            self.busy_sidebar.set(false);
        });
    }

    /// Pin all / unpin all, sent once (the same use-case and messages as the sidebar's).
    fn bulk(self, command: Command) {
        if self.busy_bulk.get_untracked() {
            return;
        }
        let Some(h) = self.host.get() else {
            return;
        };
        self.busy_bulk.set(true);
        self.regions.clear();
        spawn_local(async move {
            let result = controller::execute(&*h, command).await;
            if self.busy_bulk.is_disposed() {
                return;
            }
            match result {
                Ok(Outcome::Sessions(ids)) => {
                    self.regions
                        .status
                        .set(self.text(sessions_changed(command, &ids)));
                }
                Ok(Outcome::Done) => {}
                Err(err) => {
                    h.log(&log_line(command.action(), &err));
                    let problem = classify(&err);
                    self.regions.alert.set(Some(Alert {
                        text: self.text(Msg::Failed {
                            action: command.action(),
                            problem,
                        }),
                        // Repeating cannot help on a portal without the method.
                        retry: (problem != Problem::PortalTooOld)
                            .then_some(Retry::Command(command)),
                    }));
                }
            }
            self.busy_bulk.set(false);
        });
    }

    fn retry(self, retry: Retry) {
        match retry {
            Retry::Command(command) => {
                dom::focus("olm-bulk-title");
                self.bulk(command);
            }
            Retry::Read | Retry::Placement(PlacementChange::Check) => {
                dom::focus(STATE_ID);
                self.recheck();
            }
            Retry::Placement(change @ (PlacementChange::Add | PlacementChange::Readd)) => {
                dom::focus(BIND_ID);
                self.change(change);
            }
            Retry::Placement(PlacementChange::Remove) => {
                dom::focus(STATE_ID);
                self.change(PlacementChange::Remove);
            }
            Retry::Placement(PlacementChange::InstallCheck) => {
                dom::focus(STATE_ID);
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
    /// The user's language.
    locale: Locale,
    /// Where failures and outcomes are announced.
    regions: Regions,
    /// "Try again" after a failed install check (`app.info`): the root asks again.
    #[prop(optional)]
    on_install_check: Option<Callback<()>>,
) -> impl IntoView {
    let admin = host.get().is_some_and(|h| h.is_admin());
    let p = Page {
        host,
        locale,
        regions,
        known: RwSignal::new(if admin {
            Known::Checking
        } else {
            Known::AdminOnly
        }),
        busy_sidebar: RwSignal::new(false),
        busy_bulk: RwSignal::new(false),
        on_install_check,
    };
    regions
        .on_retry
        .set_value(Some(Callback::new(move |retry| p.retry(retry))));
    if admin {
        spawn_local(async move { p.check().await });
    }

    let state_text = move || {
        p.text(match p.known.get() {
            Known::AdminOnly => Msg::SidebarAdminOnly,
            Known::Checking | Known::Unreadable => Msg::SidebarChecking,
            Known::Read(SidebarBinding::Bound) => Msg::SidebarBound,
            Known::Read(SidebarBinding::BoundElsewhere(_)) => Msg::SidebarBoundElsewhere,
            Known::Read(SidebarBinding::NotBound) => Msg::SidebarNotBound,
        })
    };
    let checking = move || matches!(p.known.get(), Known::Checking).then_some("true");
    // `Some(bound anywhere)` once read; the buttons follow it without being rebuilt.
    let bound = Memo::new(move |_| match p.known.get() {
        Known::Read(SidebarBinding::NotBound) => Some(false),
        Known::Read(_) => Some(true),
        Known::AdminOnly | Known::Checking | Known::Unreadable => None,
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
                        p.change(if bound.get_untracked() == Some(true) {
                            PlacementChange::Readd
                        } else {
                            PlacementChange::Add
                        })
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
                    on:click=move |_| p.change(PlacementChange::Remove)
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
        <BulkActions locale=locale busy=p.busy_bulk on_confirm=bulk />
    }
}
