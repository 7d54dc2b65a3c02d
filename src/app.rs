//! Composition root: picks the host, waits for it, reads placement and language, and routes:
//! `IM_SIDEBAR` → the sidebar widget (no further request); `DEFAULT` opened through the install
//! URL (`?install=1`) → the install page; other `DEFAULT` → one `app.info`: the install page
//! while the portal is installing the app, else the app page (see [`crate::domain::install`]).
//! Anything else gets one clear notice.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::app_page::AppPage;
use crate::components::install::InstallPage;
use crate::components::regions::{LiveRegions, Regions};
use crate::components::sidebar::Sidebar;
use crate::components::{Notice, Skeleton};
use crate::controller;
use crate::controller::verdict::after_install_check;
use crate::domain::dialog::chat_from_placement;
use crate::domain::error::CallError;
use crate::domain::install::{is_install_url, DefaultPage};
use crate::host::bx24::Bx24Host;
use crate::host::{Host, HostHandle, Subscription};
use crate::i18n::{Locale, Msg};

/// The placement code of the open-line chat sidebar.
pub const SIDEBAR_PLACEMENT: &str = "IM_SIDEBAR";
/// The placement code of the app's own page (and of its install page).
pub const APP_PLACEMENT: &str = "DEFAULT";

/// What the root shows.
#[derive(Clone, Debug, PartialEq)]
enum Boot {
    /// Waiting for `BX24.init`.
    Starting,
    /// Cannot work here: one message, no controls.
    Notice(Msg),
    /// The sidebar widget for this chat.
    Sidebar(crate::domain::dialog::ChatId),
    /// The app's own page.
    AppPage,
    /// The install page.
    Install,
}

/// The app in a real page: the BX24 library's host.
#[component]
pub fn App() -> impl IntoView {
    view! { <Root host=Rc::new(Bx24Host::new()) /> }
}

/// The app over any host (tests pass a fake one).
#[component]
pub fn Root(
    /// The port to Bitrix24.
    host: Rc<dyn Host>,
) -> impl IntoView {
    let locale = RwSignal::new(Locale::from_lang(&host.browser_lang()));
    let host = HostHandle::new(host);
    let boot = RwSignal::new(Boot::Starting);
    let regions = Regions::new();

    spawn_local(async move {
        let Some(h) = host.get() else { return };
        match h.ready().await {
            Ok(info) => {
                locale.set(Locale::from_lang(&info.lang));
                let next = match info.placement.code.as_str() {
                    SIDEBAR_PLACEMENT => match chat_from_placement(&info.placement.options) {
                        Ok(chat) => Boot::Sidebar(chat),
                        Err(problem) => Boot::Notice(Msg::Placement(problem)),
                    },
                    APP_PLACEMENT if is_install_url(&h.page_url()) => Boot::Install,
                    APP_PLACEMENT => {
                        open_default(host, boot, regions).await;
                        return;
                    }
                    _ => Boot::Notice(Msg::AppPage),
                };
                boot.set(next);
            }
            Err(err) => {
                h.log(&format!("host not ready: {err}"));
                boot.set(Boot::Notice(match err {
                    CallError::InitTimeout => Msg::InitTimeout,
                    _ => Msg::NoHost,
                }));
            }
        }
    });

    // The frame follows the content's height both ways (see host::dom::watch_height for why
    // this is resizeWindow with a measured height and not fitWindow).
    let fit = StoredValue::new_local(None::<Subscription>);
    Effect::new(move |_| {
        let sub = host.get().map(|h| {
            h.watch_height(
                "olm-root",
                50,
                Rc::new(move |height| {
                    if let Some(h) = host.get() {
                        h.fit_height(height);
                    }
                }),
            )
        });
        fit.set_value(sub);
    });

    let content = move || match boot.get() {
        Boot::Starting => view! { <Skeleton label=None /> }.into_any(),
        Boot::Notice(msg) => view! { <Notice text=locale.get_untracked().text(&msg) /> }.into_any(),
        Boot::Sidebar(chat) => {
            view! { <Sidebar host=host chat=chat locale=locale.get_untracked() regions=regions /> }
                .into_any()
        }
        Boot::AppPage => {
            // "Try again" after a failed app.info asks again (and may open the install page).
            let recheck = Callback::new(move |()| {
                regions.clear();
                spawn_local(open_default(host, boot, regions));
            });
            view! {
                <AppPage
                    host=host
                    locale=locale.get_untracked()
                    regions=regions
                    on_install_check=recheck
                />
            }
            .into_any()
        }
        Boot::Install => {
            view! { <InstallPage host=host locale=locale.get_untracked() regions=regions /> }
                .into_any()
        }
    };

    view! {
        <main id="olm-root" class="olm" lang=move || locale.get().html_lang()>
            {content}
            <LiveRegions regions=regions locale=locale />
        </main>
    }
}

/// Asks the portal whether it is installing the app and shows the install page or the app
/// page. When the answer is a failure, the app page opens with the reason in the alert and
/// "Try again" ([`DefaultPage::AppUnchecked`] says why that is the admin's expected page).
async fn open_default(host: HostHandle, boot: RwSignal<Boot>, regions: Regions) {
    let Some(h) = host.get() else { return };
    let page = controller::default_page(&*h).await;
    if boot.is_disposed() {
        return;
    }
    regions.show(&after_install_check(page), &*h);
    let next = match page {
        DefaultPage::Install => Boot::Install,
        DefaultPage::App | DefaultPage::AppUnchecked(_) => Boot::AppPage,
    };
    // Showing the app page again would mount it anew (and read the sidebar binding again).
    if boot.get_untracked() != next {
        boot.set(next);
    }
}
