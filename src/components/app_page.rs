//! The app's own page (`DEFAULT`, opened from the portal's app menu): what the app does,
//! where operators find the widget (administrators: every home, above the chat input and in the
//! chat sidebar, read with one `placement.get`, each with buttons to add, re-add or remove it),
//! and the operator's "all my dialogs" controls.
//!
//! The bulk controls are the sidebar's [`BulkActions`] over the same use-case
//! ([`controller::execute`]); each request is sent once and never retried by itself.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::BulkActions;
use super::regions::Regions;
use super::runner;
use super::HostHandle;
use super::Tr;
use crate::controller::verdict::{
    after_check, after_placement, Binding, HomeChange, ReRead, Retry, Verdict,
};
use crate::controller::{self, AfterReRead};
use crate::domain::command::Command;
use crate::domain::install::{handler_url, Home, HomeBinding, PlacementChange};
use crate::host::Host;
use crate::i18n::Msg;

/// Element id of the add / re-add button of `home`.
pub fn bind_id(home: Home) -> &'static str {
    match home {
        Home::Textarea => "olm-textarea-bind",
        Home::Sidebar => "olm-sidebar-bind",
    }
}
/// Element id of the heading of the section about where operators find the widget.
pub const STATE_ID: &str = "olm-homes-title";

/// The page's state and behaviour; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Page {
    host: HostHandle,
    tr: Tr,
    regions: Regions,
    known: RwSignal<Binding>,
    /// A change to a home is in flight (one at a time: each is followed by a read of all).
    busy_homes: RwSignal<bool>,
    busy_bulk: RwSignal<bool>,
    /// The bulk controls gave way to a message (the portal lacks the methods).
    bulk_gone: RwSignal<Option<Msg>>,
    on_install_check: Option<Callback<()>>,
}

impl Page {
    fn text(&self, msg: Msg) -> String {
        self.tr.text(&msg)
    }

    /// Reads the bindings and shows what [`after_check`] says.
    async fn check(self, host: &dyn Host) {
        let handler = handler_url(&host.page_url());
        let result = controller::check_homes(host, &handler).await;
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

    /// Adds, re-adds or removes one home's binding, once; then reads them all again.
    fn change(self, change: HomeChange) {
        let task = move |h: Rc<dyn Host>| async move {
            let handler = handler_url(&h.page_url());
            let title = self.text(Msg::Title);
            let result = controller::change_home(&*h, change, &handler, &title).await;
            if result.is_ok() {
                self.check(&*h).await;
            }
            after_placement(change.placement(), &result, Some(change.done()))
        };
        runner::run(self.host, self.busy_homes, self.regions, task, |_| {});
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
            Retry::Placement(
                change @ (PlacementChange::Add(_)
                | PlacementChange::Readd(_)
                | PlacementChange::Remove(_)),
            ) => {
                if let Some(change) = HomeChange::of(change) {
                    self.change(change);
                }
            }
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
        busy_homes: RwSignal::new(false),
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

    // One line above the homes: who may see them, the read in flight, or that operators will
    // not find the widget anywhere.
    let state_text = move || match p.known.get() {
        Binding::AdminOnly => Some(p.text(Msg::HomesAdminOnly)),
        Binding::Checking => Some(p.text(Msg::HomesChecking)),
        // The read failed: the alert says why and offers Try again; nothing is being checked.
        Binding::Unreadable => None,
        Binding::Read(read) => read.none().then(|| p.text(Msg::HomesNone)),
    };
    let checking = move || matches!(p.known.get(), Binding::Checking).then_some("true");
    let homes = admin.then(|| {
        Home::ALL
            .into_iter()
            .map(|home| view! { <HomeRow p=p home=home /> })
            .collect_view()
    });
    let warn = move || matches!(p.known.get(), Binding::Read(read) if read.none());
    let bulk = Callback::new(move |command| p.bulk(command));

    view! {
        <h1 class="olm-title">{p.text(Msg::Title)}</h1>
        <p class="olm-hint olm-about">{p.text(Msg::AppAbout)}</p>
        <section class="olm-section" aria-labelledby=STATE_ID aria-busy=checking>
            <h2 class="olm-section-title" id=STATE_ID tabindex="-1">{p.text(Msg::HomesTitle)}</h2>
            <p class="olm-homes-state" class:olm-warning=warn>{state_text}</p>
            {homes}
        </section>
        {move || match p.bulk_gone.get() {
            None => view! { <BulkActions tr=tr busy=p.busy_bulk on_confirm=bulk /> }.into_any(),
            Some(msg) => view! { <super::Notice text=p.text(msg) /> }.into_any(),
        }}
    }
}

/// One home on the app page: its name, where the messenger shows it, how the widget sits
/// there, and its buttons (hidden until the bindings are read).
#[component]
fn HomeRow(p: Page, home: Home) -> impl IntoView {
    let binding = Memo::new(move |_| match p.known.get() {
        Binding::Read(read) => Some(read.of(home).clone()),
        Binding::AdminOnly | Binding::Checking | Binding::Unreadable => None,
    });
    let bound = move || binding.get().map(|b| b != HomeBinding::NotBound);
    let state = move || {
        binding.get().map(|b| {
            p.text(match b {
                HomeBinding::Bound => Msg::HomeBound(home),
                HomeBinding::BoundElsewhere(_) => Msg::HomeBoundElsewhere(home),
                HomeBinding::NotBound => Msg::HomeNotBound(home),
            })
        })
    };
    let busy_attr = move || p.busy_homes.get().then_some("true");
    let title_id = format!("olm-{}-title", home.key());
    let labelled_by = title_id.clone();
    view! {
        <div class="olm-home" role="group" aria-labelledby=labelled_by>
            <h3 class="olm-home-title" id=title_id>{p.text(Msg::HomeTitle(home))}</h3>
            <p class="olm-hint">{p.text(Msg::HomeAbout(home))}</p>
            <p class="olm-home-state" hidden=move || binding.get().is_none()>{state}</p>
            <div class="olm-actions">
                <button
                    type="button"
                    class="olm-btn olm-btn--primary"
                    id=bind_id(home)
                    hidden=move || bound().is_none()
                    aria-busy=busy_attr
                    on:click=move |_| {
                        p.change(HomeChange::bind(home, bound() == Some(true)))
                    }
                >
                    {move || {
                        p.text(if bound() == Some(true) {
                            Msg::ReaddTo(home)
                        } else {
                            Msg::AddTo(home)
                        })
                    }}
                </button>
                <button
                    type="button"
                    class="olm-btn"
                    hidden=move || bound() != Some(true)
                    aria-busy=busy_attr
                    on:click=move |_| p.change(HomeChange::Remove(home))
                >
                    {p.text(Msg::RemoveFrom(home))}
                </button>
            </div>
        </div>
    }
}
