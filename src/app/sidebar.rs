//! The sidebar bundle's root: what every open of the chat sidebar runs.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{boot, first_texts, Shell, APP_PLACEMENT, SIDEBAR_PLACEMENT};
use crate::components::regions::Regions;
use crate::components::sidebar::Sidebar;
use crate::components::{Notice, Skeleton, Tr};
use crate::domain::dialog::{chat_from_placement, ChatId};
use crate::host::bx24::Bx24Host;
use crate::host::{Host, HostHandle};
use crate::i18n::Msg;

/// What the root shows.
#[derive(Clone, Debug, PartialEq)]
enum Boot {
    /// Waiting for `BX24.init` and the texts.
    Starting,
    /// Cannot work here: one message, no controls.
    Notice(Msg),
    /// The sidebar widget for this chat.
    Sidebar(ChatId),
    /// The app's own page: the admin bundle is loading and will take the page over.
    Admin,
}

thread_local! {
    /// The mounted root, dropped (unmounted) when the admin bundle takes the page over.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Mounts the sidebar bundle's root over the BX24 library.
pub fn start() {
    let host: Rc<dyn Host> = Rc::new(Bx24Host::new());
    let release = Callback::new(|()| {
        let _unmounted = MOUNTED.with(|m| m.borrow_mut().take());
    });
    let handle = leptos::mount::mount_to(leptos::tachys::dom::body(), move || {
        view! { <SidebarRoot host=host release=release /> }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
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

    spawn_local(async move {
        let Some(h) = host.get() else { return };
        let next = match boot(&*h).await {
            Ok((info, texts)) => {
                tr.try_set(Tr::new(texts));
                match info.placement.code.as_str() {
                    SIDEBAR_PLACEMENT => match chat_from_placement(&info.placement.options) {
                        Ok(chat) => Boot::Sidebar(chat),
                        Err(problem) => Boot::Notice(Msg::Placement(problem)),
                    },
                    APP_PLACEMENT => Boot::Admin,
                    _ => Boot::Notice(Msg::AppPage),
                }
            }
            Err((msg, texts)) => {
                tr.try_set(Tr::new(texts));
                Boot::Notice(msg)
            }
        };
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
        Boot::Notice(msg) => view! { <Notice text=tr.get_untracked().text(&msg) /> }.into_any(),
        Boot::Sidebar(chat) => {
            view! { <Sidebar host=host chat=chat tr=tr.get_untracked() regions=regions /> }
                .into_any()
        }
    };

    view! { <Shell host=host tr=tr regions=regions>{content}</Shell> }
}
