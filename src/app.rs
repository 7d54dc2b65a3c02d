//! Composition roots. Two bundles share this crate ([`crate`] docs, `index.html`):
//!
//! - [`sidebar`] (`src/main.rs`, what every page load fetches): waits for the host, then
//!   `IM_TEXTAREA` / `IM_SIDEBAR` → the widget; `DEFAULT` (the app's own page, admins) → hands the page
//!   to the admin bundle; anything else → one clear notice.
//! - [`admin`] (`src/bin/admin.rs`, loaded only for `DEFAULT`): the install page when opened
//!   through the install URL (`?install=1`) or while the portal is installing the app (one
//!   `app.info`, [`crate::domain::install`]), else the app page.
//!
//! Both render inside [`Shell`] under one [`crate::components::Ctx`], and boot with one
//! `LocalResource` under one `<Suspense>`: [`ready`], then [`texts`] (in the sidebar bundle side
//! by side with the dialog's first read), then what the page shows.

use leptos::prelude::*;

use crate::components::ctx;
use crate::components::regions::LiveRegions;
use crate::controller;
use crate::domain::error::CallError;
use crate::domain::route::{route, Route};
use crate::host::{Host, Subscription};
use crate::i18n::{Locale, Msg, Texts};

pub mod admin;
pub mod sidebar;

/// Where the page is, once the host is ready: its language and where it goes (routed once, on
/// `BX24.placement.info()`, never on the URL); or, when the host never got ready (logged), the
/// message to show instead.
pub async fn ready(h: &dyn Host) -> Result<(Locale, Route), Msg> {
    match h.ready().await {
        Ok(info) => {
            h.mark("olm-ready");
            let to = route(&info.placement.code, &info.placement.options, &h.page_url());
            Ok((Locale::from_lang(&info.lang), to))
        }
        Err(err) => {
            h.log(&format!("host not ready: {err}"));
            Err(match err {
                CallError::InitTimeout => Msg::InitTimeout,
                _ => Msg::NoHost,
            })
        }
    }
}

/// The texts of the language [`ready`] found: the host's, or the browser's when the host never
/// got ready.
pub async fn texts(h: &dyn Host, ready: &Result<(Locale, Route), Msg>) -> Texts {
    let locale = match ready {
        Ok((locale, _)) => *locale,
        Err(_) => Locale::from_lang(&h.browser_lang()),
    };
    controller::texts(h, locale).await
}

/// How the frame's size relates to the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameFit {
    /// Not known before the host has said where the page is: the frame is left alone.
    Unknown,
    /// The frame follows the content's height (`resizeWindow`): the chat sidebar, the app page.
    Follow,
    /// The frame has a size of its own that the page fits (the popup above the chat input,
    /// sized by the binding; the messenger's content area): never resized, and the page fills
    /// it, scrolling inside.
    Fixed,
}

impl FrameFit {
    /// The fit of a page the host routed to (`None`: not routed yet, or never, the host being
    /// absent): the popup above the chat input has the binding's size, and the widget fits it;
    /// everywhere else the frame follows the content.
    pub fn of(routed: Option<&Route>) -> FrameFit {
        match routed {
            None => FrameFit::Unknown,
            Some(to) if to.fixed_size() => FrameFit::Fixed,
            Some(_) => FrameFit::Follow,
        }
    }
}

/// The root element of every page: its language and direction, the live regions, and the frame
/// following the content's height both ways where it should ([`FrameFit`]; see
/// `host::dom::watch_height` for why this is `resizeWindow` with a measured height and not
/// `fitWindow`).
#[component]
pub fn Shell(
    /// Whether the frame follows the content.
    #[prop(into)]
    fit: Signal<FrameFit>,
    /// The page.
    children: Children,
) -> impl IntoView {
    let cx = ctx();
    let watch = StoredValue::new_local(None::<Subscription>);
    Effect::new(move |_| {
        if fit.get() != FrameFit::Follow {
            watch.set_value(None);
            return;
        }
        let sub = cx.host().map(|h| {
            h.watch_height(
                "olm-root",
                50,
                std::rc::Rc::new(move |height| {
                    if let Some(h) = cx.host() {
                        h.fit_height(height);
                    }
                }),
            )
        });
        watch.set_value(sub);
    });

    view! {
        <main
            id="olm-root"
            class="olm"
            class:olm--fixed=move || fit.get() == FrameFit::Fixed
            lang=move || cx.texts.with(Texts::lang)
            dir=move || cx.texts.with(Texts::dir)
        >
            {children()}
            <LiveRegions />
        </main>
    }
}
