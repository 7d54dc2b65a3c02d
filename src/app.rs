//! Composition roots. Two bundles share this crate ([`crate`] docs, `index.html`):
//!
//! - [`sidebar`] (`src/main.rs`, what every page load fetches): waits for the host, then
//!   `IM_TEXTAREA` / `IM_SIDEBAR` → the widget; `DEFAULT` (the app's own page, admins) → hands the page
//!   to the admin bundle; anything else → one clear notice.
//! - [`admin`] (`src/bin/admin.rs`, loaded only for `DEFAULT`): the install page when opened
//!   through the install URL (`?install=1`) or while the portal is installing the app (one
//!   `app.info`, [`crate::domain::install`]), else the app page.
//!
//! Both render inside [`Shell`] and get their texts from [`boot`].

use std::rc::Rc;

use leptos::prelude::*;

use crate::components::regions::{LiveRegions, Regions};
use crate::components::HostHandle;
use crate::components::Tr;
use crate::controller;
use crate::domain::error::CallError;
use crate::host::{Host, HostInfo, Subscription};
use crate::i18n::{Locale, Msg, Texts};

pub mod admin;
pub mod sidebar;

/// Waits for the host and fetches the texts of its language: `Ok` with what the host said, or
/// `Err` with the message to show instead (in the browser's language) when it never got ready.
/// `on_ready` runs as soon as the host is ready, before the texts are awaited (the sidebar
/// starts its first read there).
pub async fn boot(
    h: &dyn Host,
    on_ready: impl FnOnce(&HostInfo),
) -> Result<(HostInfo, Texts), (Msg, Texts)> {
    match h.ready().await {
        Ok(info) => {
            h.mark("olm-ready");
            on_ready(&info);
            let texts = controller::texts(h, Locale::from_lang(&info.lang)).await;
            Ok((info, texts))
        }
        Err(err) => {
            h.log(&format!("host not ready: {err}"));
            let texts = controller::texts(h, Locale::from_lang(&h.browser_lang())).await;
            let msg = match err {
                CallError::InitTimeout => Msg::InitTimeout,
                _ => Msg::NoHost,
            };
            Err((msg, texts))
        }
    }
}

/// English texts with the browser's plural rules: what a page shows before it knows its language.
pub fn first_texts(h: &dyn Host) -> Tr {
    Tr::new(Texts::new(Locale::En, None, h.numbers(Locale::En)))
}

/// How the frame's size relates to the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameFit {
    /// Not known before the host has said where the page is: the frame is left alone.
    Unknown,
    /// The frame follows the content's height (`resizeWindow`): the chat sidebar, the app page.
    Follow,
    /// The frame has a size of its own that the page fits (the popup above the chat input,
    /// sized by the binding): never resized, and the page fills it.
    Fixed,
}

/// The root element of every page: its language and direction, the live regions, and the frame
/// following the content's height both ways where it should ([`FrameFit`]; see
/// `host::dom::watch_height` for why this is `resizeWindow` with a measured height and not
/// `fitWindow`).
#[component]
pub fn Shell(
    /// The port to Bitrix24.
    host: HostHandle,
    /// The page's texts (English until the host has told the language).
    tr: RwSignal<Tr>,
    /// Where failures and outcomes are announced.
    regions: Regions,
    /// Whether the frame follows the content.
    fit: RwSignal<FrameFit>,
    /// The page.
    children: Children,
) -> impl IntoView {
    let watch = StoredValue::new_local(None::<Subscription>);
    Effect::new(move |_| {
        if fit.get() != FrameFit::Follow {
            watch.set_value(None);
            return;
        }
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
        watch.set_value(sub);
    });

    view! {
        <main
            id="olm-root"
            class="olm"
            class:olm--fixed=move || fit.get() == FrameFit::Fixed
            lang=move || tr.get().lang()
            dir=move || tr.get().dir()
        >
            {children()}
            <LiveRegions regions=regions tr=tr />
        </main>
    }
}
