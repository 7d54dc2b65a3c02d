//! The sidebar bundle's root: what every open of the chat sidebar runs.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::{ready, texts, FrameFit, Shell};
use crate::components::sidebar::Sidebar;
use crate::components::{Ctx, Notice, Skeleton};
use crate::controller::{self, Snapshot};
use crate::domain::dialog::ChatId;
use crate::domain::error::CallError;
use crate::domain::route::Route;
use crate::host::bx24::Bx24Host;
use crate::host::{Host, Page};
use crate::i18n::Msg;

thread_local! {
    /// The mounted root, dropped (unmounted) when the admin bundle takes the page over.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Mounts the sidebar bundle's root over the BX24 library. `BX24.init` is registered first, so
/// its callback runs as soon as the library has the init data, not after the first render.
pub fn start() {
    let bx24 = Bx24Host::in_chat();
    // The benchmark's waterfall: the wasm is compiled and instantiated (bench/README.md).
    bx24.mark("olm-main");
    bx24.begin();
    let host: Rc<dyn Host> = Rc::new(bx24);
    let release = Callback::new(|()| {
        let _unmounted = MOUNTED.with(|m| m.borrow_mut().take());
    });
    let handle = leptos::mount::mount_to(leptos::tachys::dom::body(), move || {
        view! { <SidebarRoot host=host release=release /> }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// The message the sidebar bundle shows instead of a page for a [`Route`] (`None`: the widget
/// or the admin bundle).
fn notice_of(route: &Route) -> Option<Msg> {
    match route {
        Route::Widget(..) | Route::Install | Route::AppPage | Route::Dialogs => None,
        Route::NoChat(_, problem) => Some(Msg::Placement(problem.clone())),
        Route::Elsewhere => Some(Msg::AppPage),
    }
}

/// What the sidebar bundle's root shows once it has booted.
#[derive(Clone)]
enum Booted {
    /// The widget, over the first read of its chat.
    Widget(ChatId, Result<Snapshot, CallError>),
    /// One message instead of a page.
    Notice(Msg),
    /// The admin bundle takes the page over (`false`: it could not be loaded).
    Admin(bool),
}

/// The sidebar bundle's root over any host (tests pass a fake one).
#[component]
pub fn SidebarRoot(
    /// The port to Bitrix24.
    host: Rc<dyn Host>,
    /// Removes this root from the page (called when the admin bundle takes it over).
    release: Callback<()>,
) -> impl IntoView {
    let cx = Ctx::provide(host);
    let fit = RwSignal::new(FrameFit::Unknown);
    // The dialog is being read and the texts are there: the placeholder can say so.
    let reading = RwSignal::new(false);
    // One resource boots the page: the host's ready, then the dialog's read and the texts side
    // by side (the read first: the library sends 10 ms after the call, and nothing may hold it
    // back), or, for the app's own page and the messenger navigation's list, the texts and then
    // the admin bundle, which takes the page over.
    let booted = LocalResource::new(move || async move {
        let Some(h) = cx.host() else {
            return Booted::Notice(Msg::NoHost);
        };
        let ready = ready(&*h).await;
        let to = ready.as_ref().ok().map(|(_, to)| to.clone());
        fit.try_set(FrameFit::of(to.as_ref()));
        let chat = match &to {
            Some(Route::Widget(_, chat)) => Some(*chat),
            _ => None,
        };
        let first = async {
            match chat {
                Some(chat) => Some(controller::load(&*h, chat).await),
                None => None,
            }
        };
        let said = async {
            cx.texts.try_set(texts(&*h, &ready).await);
            reading.try_set(chat.is_some());
        };
        let (first, ()) = futures::join!(first, said);
        if let (Some(chat), Some(first)) = (chat, first) {
            return Booted::Widget(chat, first);
        }
        match ready.map(|(_, to)| notice_of(&to)) {
            Err(msg) | Ok(Some(msg)) => Booted::Notice(msg),
            Ok(None) => {
                let loaded = h
                    .open_admin(Box::new(move || release.run(())))
                    .await
                    .is_ok();
                if !loaded {
                    h.log("admin bundle: admin-loader.js did not load");
                }
                Booted::Admin(loaded)
            }
        }
    });

    // The placeholder stays until the answer is there: the widget then renders once, with the
    // dialog's state.
    let content = move || {
        Suspend::new(async move {
            match booted.await {
                Booted::Widget(chat, first) => view! { <Sidebar chat first /> }.into_any(),
                Booted::Notice(msg) => view! { <Notice msg /> }.into_any(),
                Booted::Admin(false) => view! { <Notice msg=Msg::PageLoadFailed /> }.into_any(),
                Booted::Admin(true) => view! { <Skeleton /> }.into_any(),
            }
        })
    };
    let label = Signal::derive(move || reading.get().then_some(Msg::Loading));
    view! {
        <Shell fit>
            <Suspense fallback=move || view! { <Skeleton label /> }>{content}</Suspense>
        </Shell>
    }
}
