//! The admin bundle's root: the app's own page and its install page, for administrators. The
//! sidebar bundle loads it for the `DEFAULT` placement ([`super::sidebar`]), so operators never
//! download it.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{boot, first_texts, FrameFit, Shell};
use crate::components::app_page::AppPage;
use crate::components::install::InstallPage;
use crate::components::regions::Regions;
use crate::components::HostHandle;
use crate::components::{Notice, Skeleton, Tr};
use crate::controller;
use crate::controller::verdict::after_install_check;
use crate::domain::install::DefaultPage;
use crate::domain::route::{route, Route};
use crate::host::bx24::Bx24Host;
use crate::host::Host;
use crate::i18n::Msg;

/// What the root shows.
#[derive(Clone, Debug, PartialEq)]
enum Boot {
    /// Waiting for `BX24.init` and the texts.
    Starting,
    /// Cannot work here: one message, no controls.
    Notice(Msg),
    /// The app's own page.
    AppPage,
    /// The install page.
    Install,
}

/// Takes the page over from the sidebar bundle and mounts the admin root.
pub fn start() {
    let bx24 = Bx24Host::new();
    bx24.begin();
    let host: Rc<dyn Host> = Rc::new(bx24);
    host.take_over();
    leptos::mount::mount_to_body(move || view! { <AdminRoot host=host /> });
}

/// The admin bundle's root over any host (tests pass a fake one): `DEFAULT` opened through the
/// install URL → the install page; other `DEFAULT` → one `app.info`: the install page while the
/// portal is installing the app, else the app page. Anything else gets one clear notice.
#[component]
pub fn AdminRoot(
    /// The port to Bitrix24.
    host: Rc<dyn Host>,
) -> impl IntoView {
    let tr = RwSignal::new(first_texts(&*host));
    let host = HostHandle::new(host);
    let boot_state = RwSignal::new(Boot::Starting);
    let regions = Regions::new();

    spawn_local(async move {
        let Some(h) = host.get() else { return };
        match boot(&*h, |_| {}).await {
            Ok((info, texts)) => {
                tr.try_set(Tr::new(texts));
                match route(&info.placement.code, &info.placement.options, &h.page_url()) {
                    Route::Install => {
                        boot_state.try_set(Boot::Install);
                    }
                    Route::AppPage => open_default(host, boot_state, regions).await,
                    Route::Widget(..) | Route::NoChat(..) | Route::Elsewhere => {
                        boot_state.try_set(Boot::Notice(Msg::AppPage));
                    }
                }
            }
            Err((msg, texts)) => {
                tr.try_set(Tr::new(texts));
                boot_state.try_set(Boot::Notice(msg));
            }
        }
    });

    let content = move || match boot_state.get() {
        Boot::Starting => view! { <Skeleton label=None /> }.into_any(),
        Boot::Notice(msg) => view! { <Notice text=tr.get_untracked().text(&msg) /> }.into_any(),
        Boot::AppPage => {
            // "Try again" after a failed app.info asks again (and may open the install page).
            let recheck = Callback::new(move |()| {
                regions.clear();
                spawn_local(open_default(host, boot_state, regions));
            });
            view! {
                <AppPage
                    host=host
                    tr=tr.get_untracked()
                    regions=regions
                    on_install_check=recheck
                />
            }
            .into_any()
        }
        Boot::Install => {
            view! { <InstallPage host=host tr=tr.get_untracked() regions=regions /> }.into_any()
        }
    };

    let fit = RwSignal::new(FrameFit::Follow);
    view! { <Shell host=host tr=tr regions=regions fit=fit>{content}</Shell> }
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
