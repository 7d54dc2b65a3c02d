//! The admin bundle's root: the app's own page (the operator's list of their dialogs, and for
//! administrators where the widget is bound), its install page, and the list alone in the
//! messenger's navigation. The sidebar bundle loads it for `DEFAULT` and `IM_NAVIGATION`
//! ([`super::sidebar`]), so the widget in a chat never downloads it.

use std::rc::Rc;

use leptos::prelude::*;

use super::{ready, texts, FrameFit, Shell};
use crate::components::app_page::AppPage;
use crate::components::dialogs::Dialogs;
use crate::components::install::InstallPage;
use crate::components::{Ctx, Notice, Skeleton};
use crate::controller;
use crate::controller::verdict::after_install_check;
use crate::domain::error::CallError;
use crate::domain::install::DefaultPage;
use crate::domain::recent::DialogList;
use crate::domain::route::Route;
use crate::host::bx24::Bx24Host;
use crate::host::Host;
use crate::i18n::Msg;

/// What the root shows.
#[derive(Clone, Debug, PartialEq)]
enum Page {
    /// Cannot work here: one message, no controls.
    Notice(Msg),
    /// The app's own page.
    App,
    /// The install page.
    Install,
    /// The operator's list alone (the messenger's navigation item).
    Dialogs,
}

impl Page {
    /// The page for what `app.info` said (a failed check opens the app page:
    /// [`DefaultPage::AppUnchecked`] says why).
    fn of(page: DefaultPage) -> Page {
        match page {
            DefaultPage::Install => Page::Install,
            DefaultPage::App | DefaultPage::AppUnchecked(_) => Page::App,
        }
    }
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
    let cx = Ctx::provide(host);
    // Asks the portal whether it is installing the app; a failure is said with "Try again".
    let decided = move |page| {
        cx.show(&after_install_check(page));
        Page::of(page)
    };
    let check = move || async move {
        let h = cx.host()?;
        Some(decided(controller::default_page(&*h).await))
    };
    // The first time, the operator's list is read in the same request (one request to the
    // dialogs' true states).
    let list = StoredValue::new_local(None::<Result<DialogList, CallError>>);
    let open = move || async move {
        let h = cx.host()?;
        let (page, first) = controller::open_app_page(&*h).await;
        list.set_value(Some(first));
        Some(decided(page))
    };
    // The app page follows its content; the messenger navigation's content area has a size.
    let fit = RwSignal::new(FrameFit::Follow);
    let first = LocalResource::new(move || async move {
        let ready = ready(&*cx.host().ok_or(Msg::NoHost)?).await;
        if let Some(h) = cx.host() {
            cx.texts.try_set(texts(&*h, &ready).await);
        }
        if let Ok((_, route)) = &ready {
            fit.try_set(FrameFit::of(Some(route)));
        }
        Ok::<_, Msg>(match ready?.1 {
            Route::Install => Page::Install,
            Route::AppPage => open().await.unwrap_or(Page::App),
            Route::Dialogs => Page::Dialogs,
            Route::Widget(..) | Route::NoChat(..) | Route::Elsewhere => Page::Notice(Msg::AppPage),
        })
    });
    // "Try again" after a failed app.info asks again (and may open the install page).
    let recheck = Action::new_local(move |()| {
        cx.clear();
        check()
    });
    let on_install_check = Callback::new(move |()| {
        recheck.dispatch_local(());
    });

    let content = move || {
        Suspend::new(async move {
            let first = first.await.unwrap_or_else(Page::Notice);
            // Showing the app page again would mount it anew (and read the bindings again).
            let page = Memo::new(move |_| recheck.value().get().flatten().unwrap_or(first.clone()));
            move || match page.get() {
                Page::Notice(msg) => view! { <Notice msg /> }.into_any(),
                Page::App => {
                    let list = list.try_update_value(Option::take).flatten();
                    view! { <AppPage on_install_check list /> }.into_any()
                }
                Page::Install => view! { <InstallPage /> }.into_any(),
                Page::Dialogs => view! { <Dialogs /> }.into_any(),
            }
        })
    };
    view! {
        <Shell fit>
            <Suspense fallback=|| view! { <Skeleton /> }>{content}</Suspense>
        </Shell>
    }
}
