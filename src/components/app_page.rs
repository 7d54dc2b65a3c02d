//! The app's own page (`DEFAULT`, opened from the portal's app menu): what the app does,
//! where operators find the widget (administrators: every home, above the chat input and in the
//! chat sidebar, read with one `placement.get`, each with buttons to add, re-add or remove it),
//! and, for everyone, the operator's open-line dialogs ([`Dialogs`]).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialogs::Dialogs;
use super::{ctx, Ctx, Write};
use crate::controller;
use crate::controller::verdict::{after_check, after_placement, bind_id, Binding, HomeChange};
use crate::controller::verdict::{Retry, HOMES_TITLE_ID};
use crate::domain::error::CallError;
use crate::domain::install::{handler_url, Home, PlacementChange};
use crate::domain::recent::DialogList;
use crate::host::Host;
use crate::i18n::Msg;

/// Reads the bindings and shows what [`after_check`] says.
async fn check(cx: Ctx, known: RwSignal<Binding>, host: &dyn Host) {
    let result = controller::check_homes(host, &handler_url(&host.page_url())).await;
    if let Some(before) = known.try_get_untracked() {
        let (now, verdict) = after_check(result, &before);
        known.set(now);
        cx.show(&verdict);
    }
}

/// The app page.
#[component]
pub fn AppPage(
    /// "Try again" after a failed install check (`app.info`): the root asks again.
    #[prop(optional)]
    on_install_check: Option<Callback<()>>,
    /// The operator's list, read with `app.info` in the page's one request.
    #[prop(default = None)]
    list: Option<Result<DialogList, CallError>>,
) -> impl IntoView {
    let cx = ctx();
    let host = cx.host();
    let admin = host.as_ref().is_some_and(|h| h.is_admin());
    let known = RwSignal::new(if admin {
        Binding::Checking
    } else {
        Binding::AdminOnly
    });

    // Adds, re-adds or removes one home's binding, once; then reads them all again (one change
    // at a time).
    let change = Write::new(move |change: HomeChange, h| async move {
        let handler = handler_url(&h.page_url());
        let result = controller::change_home(&*h, change, &handler, &cx.text(&Msg::Title)).await;
        if result.is_ok() {
            check(cx, known, &*h).await;
        }
        after_placement(change.placement(), &result, Some(change.done()))
    });
    let recheck = move || {
        cx.clear();
        known.set(known.get_untracked().rechecking());
        if let Some(h) = cx.host() {
            spawn_local(async move { check(cx, known, &*h).await });
        }
    };
    cx.on_retry
        .set_value(Some(Callback::new(move |retry| match retry {
            // The operator's list repeats its own reads and bulk commands (it wraps this).
            Retry::Command(_) | Retry::Read => {}
            Retry::Placement(PlacementChange::Check) => recheck(),
            Retry::Placement(PlacementChange::InstallCheck) => {
                if let Some(recheck) = on_install_check {
                    recheck.run(());
                }
            }
            Retry::Placement(placement) => {
                if let Some(home_change) = HomeChange::of(placement) {
                    change.send(home_change);
                }
            }
        })));
    if let Some(h) = host.filter(|_| admin) {
        spawn_local(async move { check(cx, known, &*h).await });
    }

    let line = move || known.with(Binding::line);
    let checking = move || known.with(|k| *k == Binding::Checking).then_some("true");
    let warn = move || known.with(Binding::warns);
    let homes = admin.then(|| {
        Home::ALL
            .into_iter()
            .map(|home| view! { <HomeRow known home change /> })
            .collect_view()
    });

    view! {
        <h1 class="olm-title">{cx.text(&Msg::Title)}</h1>
        <p class="olm-hint olm-about">{cx.text(&Msg::AppAbout)}</p>
        <section class="olm-section" aria-labelledby=HOMES_TITLE_ID aria-busy=checking>
            <h2 class="olm-section-title" id=HOMES_TITLE_ID tabindex="-1">
                {cx.text(&Msg::HomesTitle)}
            </h2>
            <p class="olm-homes-state" class:olm-warning=warn>
                {move || line().map(|m| cx.text(&m))}
            </p>
            {homes}
        </section>
        <Dialogs first=list />
    }
}

/// One home on the app page: its name, where the messenger shows it, how the widget sits
/// there, and its buttons (hidden until the bindings are read).
#[component]
fn HomeRow(known: RwSignal<Binding>, home: Home, change: Write<HomeChange>) -> impl IntoView {
    let cx = ctx();
    let row = Memo::new(move |_| known.with(|k| k.home(home)));
    let text = move |m: Msg| cx.text(&m);
    let busy = move || change.busy.get().then_some("true");
    let title_id = format!("olm-{}-title", home.key());
    let labelled_by = title_id.clone();
    view! {
        <div class="olm-home" role="group" aria-labelledby=labelled_by>
            <h3 class="olm-home-title" id=title_id>{text(Msg::HomeTitle(home))}</h3>
            <p class="olm-hint">{text(Msg::HomeAbout(home))}</p>
            <p class="olm-home-state" hidden=move || row.with(Option::is_none)>
                {move || row.get().map(|r| text(r.line))}
            </p>
            <div class="olm-actions">
                <button
                    type="button"
                    class="olm-btn olm-btn--primary"
                    id=bind_id(home)
                    hidden=move || row.with(Option::is_none)
                    aria-busy=busy
                    on:click=move |_| {
                        if let Some(r) = row.get_untracked() {
                            change.send(r.add);
                        }
                    }
                >
                    {move || row.get().map(|r| text(r.add_label))}
                </button>
                <button
                    type="button"
                    class="olm-btn"
                    hidden=move || row.with(|r| r.as_ref().and_then(|r| r.remove).is_none())
                    aria-busy=busy
                    on:click=move |_| {
                        if let Some(remove) = row.with_untracked(|r| r.as_ref().and_then(|r| r.remove)) {
                            change.send(remove);
                        }
                    }
                >
                    {text(Msg::RemoveFrom(home))}
                </button>
            </div>
        </div>
    }
}
