//! The sidebar bundle's root: what every open of the chat sidebar runs.

use std::cell::RefCell;
use std::future::IntoFuture;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use super::{ready, texts, FrameFit, Shell};
use crate::components::sidebar::Sidebar;
use crate::components::{Ctx, Notice, Skeleton};
use crate::controller;
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

/// `resource`'s value, awaited without subscribing to it. Each resource here resolves once; a
/// resource that subscribed to another while it loaded would run again when it resolved (a
/// second read of the dialog, a second catalogue fetch, a second load of the admin bundle).
async fn once<T: Clone + 'static>(resource: LocalResource<T>) -> T {
    ScopedFuture::new_untracked(resource.into_future()).await
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
    let ready = LocalResource::new(move || async move {
        let h = cx.host().ok_or(Msg::NoHost)?;
        ready(&*h).await
    });
    // The dialog is read the moment the host is ready: before the texts are awaited, and before
    // anything renders (the library sends 10 ms after the call, and a render in between would
    // hold the request back).
    let first = LocalResource::new(move || async move {
        let (Ok((_, Route::Widget(_, chat))), Some(h)) = (once(ready).await, cx.host()) else {
            return None;
        };
        Some((chat, controller::load(&*h, chat).await))
    });
    let texts = LocalResource::new(move || async move {
        let ready = once(ready).await;
        if let Some(h) = cx.host() {
            cx.texts.try_set(texts(&*h, &ready).await);
        }
    });
    // The app's own page (and the messenger navigation's list): once the texts are there, the
    // admin bundle is loaded and takes the page over; `Some(false)` when it could not be loaded.
    let admin = LocalResource::new(move || async move {
        once(texts).await;
        let (Ok((_, Route::Install | Route::AppPage | Route::Dialogs)), Some(h)) =
            (once(ready).await, cx.host())
        else {
            return None;
        };
        let loaded = h
            .open_admin(Box::new(move || release.run(())))
            .await
            .is_ok();
        if !loaded {
            h.log("admin bundle: admin-loader.js did not load");
        }
        Some(loaded)
    });
    let fit = Signal::derive(move || {
        FrameFit::of(ready.get().and_then(Result::ok).map(|r| r.1).as_ref())
    });

    // The placeholder stays until the answer is there: the widget then renders once, with the
    // dialog's state.
    let widget = move || {
        let read = Suspend::new(async move {
            first
                .await
                .map(|(chat, first)| view! { <Sidebar chat first /> })
        });
        view! { <Suspense fallback=|| view! { <Skeleton label=Msg::Loading /> }>{read}</Suspense> }
    };
    let content = move || {
        Suspend::new(async move {
            texts.await;
            match ready.await.map(|(_, to)| (notice_of(&to), to)) {
                Err(msg) | Ok((Some(msg), _)) => view! { <Notice msg /> }.into_any(),
                Ok((None, Route::Widget(..))) => widget().into_any(),
                Ok((None, _)) => match admin.await {
                    Some(false) => view! { <Notice msg=Msg::PageLoadFailed /> }.into_any(),
                    _ => view! { <Skeleton /> }.into_any(),
                },
            }
        })
    };
    view! {
        <Shell fit>
            <Suspense fallback=|| view! { <Skeleton /> }>{content}</Suspense>
        </Shell>
    }
}
