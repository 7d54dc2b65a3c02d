//! The sidebar bundle's root: what every open of the chat sidebar runs.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{boot, first_texts, FrameFit, Shell};
use crate::components::regions::Regions;
use crate::components::sidebar::{FirstRead, Sidebar};
use crate::components::HostHandle;
use crate::components::{Notice, Skeleton, Tr};
use crate::domain::dialog::ChatId;
use crate::domain::route::{route, Route};
use crate::host::bx24::Bx24Host;
use crate::host::{Host, HostInfo, Page};
use crate::i18n::Msg;

/// What the root shows.
#[derive(Clone, Debug, PartialEq)]
enum Boot {
    /// Waiting for `BX24.init` and the texts.
    Starting,
    /// The dialog's state is being read (the placeholder, now with its words).
    Reading,
    /// Cannot work here: one message, no controls.
    Notice(Msg),
    /// The widget for this chat (in any of its homes).
    Widget(ChatId),
    /// The app's own page: the admin bundle is loading and will take the page over.
    Admin,
}

thread_local! {
    /// The mounted root, dropped (unmounted) when the admin bundle takes the page over.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Mounts the sidebar bundle's root over the BX24 library. `BX24.init` is registered first, so
/// its callback runs as soon as the library has the init data, not after the first render.
pub fn start() {
    let bx24 = Bx24Host::new();
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

/// What the sidebar bundle's root shows for a [`Route`].
fn boot_of(route: &Route) -> Boot {
    match route {
        Route::Widget(_, chat) => Boot::Widget(*chat),
        Route::NoChat(_, problem) => Boot::Notice(Msg::Placement(problem.clone())),
        Route::Install | Route::AppPage => Boot::Admin,
        Route::Elsewhere => Boot::Notice(Msg::AppPage),
    }
}

/// The sidebar bundle's root over any host (tests pass a fake one).
#[component]
pub fn SidebarRoot(
    /// The port to Bitrix24.
    host: Rc<dyn Host>,
    /// Removes this root from the page (called when the admin bundle takes it over).
    release: Callback<()>,
) -> impl IntoView {
    let tr = RwSignal::new(first_texts(&*host));
    let host = HostHandle::new(host);
    let boot_state = RwSignal::new(Boot::Starting);
    let regions = Regions::new();
    let first = StoredValue::new_local(FirstRead::default());
    let fit = RwSignal::new(FrameFit::Unknown);

    spawn_local(async move {
        let Some(h) = host.get() else { return };
        // The dialog is read as soon as the host is ready: before the texts are awaited, and
        // before anything renders (the library sends 10 ms after the call, and a render in
        // between would hold the request back).
        // Routed once, the moment the host is ready (BX24.placement.info(), never the URL).
        let routed = Rc::new(RefCell::new(None));
        let read_first = |info: &HostInfo| {
            let to = route(&info.placement.code, &info.placement.options, &h.page_url());
            if let Route::Widget(_, chat) = to {
                first.set_value(FirstRead::start(h.clone(), chat));
            }
            // Above the chat input the popup has the binding's size: the widget fits it and
            // never resizes the frame. Everywhere else the frame follows the content.
            fit.try_set(if to.fixed_size() {
                FrameFit::Fixed
            } else {
                FrameFit::Follow
            });
            *routed.borrow_mut() = Some(to);
        };
        let next = match boot(&*h, read_first).await {
            Ok((_, texts)) => {
                tr.try_set(Tr::new(texts));
                routed
                    .borrow()
                    .as_ref()
                    .map_or(Boot::Notice(Msg::AppPage), boot_of)
            }
            Err((msg, texts)) => {
                tr.try_set(Tr::new(texts));
                Boot::Notice(msg)
            }
        };
        if matches!(next, Boot::Widget(_)) {
            // The placeholder stays until the answer is there: the widget then renders once,
            // with the dialog's state.
            boot_state.try_set(Boot::Reading);
            first.get_value().answered().await;
        }
        boot_state.try_set(next.clone());
        if next == Boot::Admin {
            let release = Box::new(move || release.run(()));
            if h.open_admin(release).await.is_err() {
                h.log("admin bundle: admin-loader.js did not load");
                boot_state.try_set(Boot::Notice(Msg::PageLoadFailed));
            }
        }
    });

    let content = move || match boot_state.get() {
        Boot::Starting | Boot::Admin => view! { <Skeleton label=None /> }.into_any(),
        Boot::Reading => {
            view! { <Skeleton label=Some(tr.get_untracked().text(&Msg::Loading)) /> }.into_any()
        }
        Boot::Notice(msg) => view! { <Notice text=tr.get_untracked().text(&msg) /> }.into_any(),
        Boot::Widget(chat) => {
            let first = first.get_value();
            view! {
                <Sidebar host=host chat=chat tr=tr.get_untracked() regions=regions first=first />
            }
            .into_any()
        }
    };

    view! { <Shell host=host tr=tr regions=regions fit=fit>{content}</Shell> }
}
