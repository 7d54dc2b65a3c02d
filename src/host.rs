//! The port: everything the widget needs from its host, in domain types and owned errors, in
//! two parts for two audiences: [`Rest`] (the portal's REST API: a [`Call`] out, a decoded
//! [`Reply`] back) and [`Page`] (the frame and the browser: start-up, size, focus, texts).
//! [`Host`] is both.
//!
//! [`bx24::Bx24Host`] implements them in the browser, through the classic BX24 library; the
//! tests' scriptable fake (`tests/fake/`) implements them too. Only `src/host/` names the JS
//! crates.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::domain::dialog::PlacementOptions;
use crate::domain::error::CallError;
use crate::domain::locale::{CatalogueTexts, Locale, Numbers};
use crate::domain::reply::Reply;
use crate::domain::rest::Call;

pub mod bx24;
pub mod dom;

/// A future returned by the port. Not `Send`: browser futures live on the one JS thread.
pub type HostFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Per-key outcome of a batch: each sub-call succeeds or fails on its own. A batch has two or
/// three calls, so a list in the order asked does (a map cost the sidebar's wasm a sort and a
/// tree builder, about 1 KB gzip).
#[derive(Debug, Default, PartialEq)]
pub struct BatchResults(Vec<(&'static str, Result<Reply, CallError>)>);

impl BatchResults {
    /// Takes the outcome of the call under `key` out (`None`: the batch had none).
    pub fn remove(&mut self, key: &str) -> Option<Result<Reply, CallError>> {
        let at = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.swap_remove(at).1)
    }
}

impl FromIterator<(&'static str, Result<Reply, CallError>)> for BatchResults {
    fn from_iter<I: IntoIterator<Item = (&'static str, Result<Reply, CallError>)>>(it: I) -> Self {
        BatchResults(it.into_iter().collect())
    }
}

/// Where the app was opened, as `BX24.placement.info()` reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// `IM_TEXTAREA`, `IM_SIDEBAR`, `DEFAULT` (the app's own page) …
    pub code: String,
    /// `PLACEMENT_OPTIONS` as the host gave it (an object such as `{"dialogId":"chat12"}`,
    /// possibly empty, `null` or even a JSON string), decoded tolerantly.
    pub options: PlacementOptions,
}

/// What the host tells the app once it is ready.
#[derive(Debug, Clone, PartialEq)]
pub struct HostInfo {
    /// The placement the frame was opened in.
    pub placement: Placement,
    /// The portal language id (`BX24.getLang()`: `ru`, `en`, `de`, `ua` …).
    pub lang: String,
}

/// Keeps a page listener alive; dropping it removes the listener (so a widget that unmounts
/// leaves nothing behind that could call into disposed state).
#[must_use = "dropping the subscription removes the listener"]
pub struct Subscription(Option<Box<dyn FnOnce()>>);

impl Subscription {
    /// A subscription that runs `cleanup` when dropped.
    pub fn new(cleanup: impl FnOnce() + 'static) -> Self {
        Self(Some(Box::new(cleanup)))
    }

    /// Nothing to clean up (no listener could be added).
    pub fn none() -> Self {
        Self(None)
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(cleanup) = self.0.take() {
            cleanup();
        }
    }
}

/// The host, as the rest of the app sees it: its REST API and its page.
pub trait Host: Rest + Page {}

impl<T: Rest + Page + ?Sized> Host for T {}

/// The portal's REST API. Every answer comes back decoded into the domain's types
/// ([`Reply::decode`]), or as a [`CallError`].
pub trait Rest {
    /// Calls one REST method. Resolves exactly once: with the decoded result, the portal's
    /// error, or [`CallError::Timeout`]; never retried.
    fn call(&self, call: Call) -> HostFuture<'_, Result<Reply, CallError>>;

    /// Calls several methods in one round trip (`batch`), each under its [`Call::key`].
    fn batch(&self, calls: Vec<Call>) -> HostFuture<'_, Result<BatchResults, CallError>>;
}

/// The frame and the browser around the widget.
pub trait Page {
    /// Whether a host is around the page at all (false when opened outside a portal).
    fn present(&self) -> bool;

    /// Waits until the host is ready (`BX24.init`) and reports placement and language.
    /// Fails with [`CallError::NoHost`] or [`CallError::InitTimeout`].
    fn ready(&self) -> HostFuture<'_, Result<HostInfo, CallError>>;

    /// Asks the portal to give the frame this content height in CSS pixels.
    fn fit_height(&self, height: u32);

    /// Writes a line for engineers (the browser console). Raw REST codes go here, never to the
    /// operator; no token ever does.
    fn log(&self, line: &str);

    /// The address of the framed page (`location.href`, with the query the portal added). The
    /// domain derives the handler URL and install mode from it
    /// ([`crate::domain::install::handler_url`], [`crate::domain::install::is_install_url`]).
    /// Empty when unknown.
    fn page_url(&self) -> String {
        String::new()
    }

    /// Whether the current user is a portal administrator (`BX24.isAdmin()`, from the init
    /// data; valid after [`Page::ready`]). Decides only what the app page offers: the portal
    /// checks every admin-only call itself.
    fn is_admin(&self) -> bool {
        false
    }

    /// Moves keyboard focus to the element with this id, if it exists and can take focus.
    fn focus(&self, element_id: &str);

    /// Places a performance mark (the benchmark reads `olm-state-shown`).
    fn mark(&self, name: &str);

    /// Calls `on_visible` each time the page becomes visible again (the operator came back to
    /// the chat). Dropping the subscription stops it.
    fn on_visible(&self, on_visible: Rc<dyn Fn()>) -> Subscription;

    /// Calls `on_height` with the element's rounded-up height whenever it changes, once per
    /// `debounce_ms` burst of changes. Dropping the subscription stops it.
    fn watch_height(
        &self,
        element_id: &str,
        debounce_ms: u32,
        on_height: Rc<dyn Fn(u32)>,
    ) -> Subscription;

    /// The browser's language, for the texts shown before the host tells one.
    fn browser_lang(&self) -> String;

    /// The catalogue of `locale` (`i18n/<id>.json` beside the page), decoded; `Err` with the
    /// reason for the console when it cannot be had.
    fn catalogue(&self, locale: Locale) -> HostFuture<'_, Result<CatalogueTexts, String>>;

    /// The browser's plural rules and digits for `locale` (`Intl.PluralRules`,
    /// `Intl.NumberFormat`).
    fn numbers(&self, locale: Locale) -> Rc<dyn Numbers>;

    /// Loads the admin pages' bundle (`admin-loader.js`, the app page and the install page are
    /// not in the sidebar's). Just before that bundle takes the page over it calls `release`, so
    /// this one can remove itself. `Err` when the bundle could not be loaded.
    fn open_admin(&self, release: Box<dyn FnOnce()>) -> HostFuture<'_, Result<(), ()>>;

    /// In the admin pages' bundle: lets the bundle that loaded it go (its `release`).
    fn take_over(&self) {}

    /// Tells the portal that installation is complete (`BX24.installFinish()`): the portal marks
    /// the app installed, shows its placements and reloads the page. Does nothing outside the
    /// portal's install mode (the library replaces it with a no-op), so calling it again is safe.
    fn install_finish(&self) {}
}
