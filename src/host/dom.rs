//! The page around the widget: frame size, visibility, performance marks, and (debug builds
//! only) the local sandbox's stand-in for the BX24 library.
//!
//! Sibling of `bx24.rs` and the second (last) file allowed to name the JS crates.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::Subscription;

/// Width of the frame's viewport in CSS pixels (0 when unknown).
pub fn viewport_width() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(0, |e| e.client_width().max(0) as u32)
}

/// Calls `on_height` with the element's rounded-up height whenever it changes, once per
/// `debounce_ms` burst of changes.
///
/// Measures the element itself, not `<html>`: `BX24.fitWindow()` reports the document's
/// scroll height, which never shrinks below the frame, so the frame could only grow
/// (docs/bitrix24.md §8).
pub fn watch_height(
    element_id: &str,
    debounce_ms: u32,
    on_height: Rc<dyn Fn(u32)>,
) -> Subscription {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
    else {
        return Subscription::none();
    };
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let last = Rc::new(RefCell::new(0u32));
    let target = element.clone();
    let pending_in_cb = pending.clone();
    let observer_cb = Closure::<dyn FnMut()>::new(move || {
        let on_height = on_height.clone();
        let target = target.clone();
        let last = last.clone();
        // Replacing the pending timeout cancels it: only the last change of a burst reports.
        *pending_in_cb.borrow_mut() = Some(Timeout::new(debounce_ms, move || {
            let height = target.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            if height != *last.borrow() {
                *last.borrow_mut() = height;
                on_height(height);
            }
        }));
    });
    let Ok(observer) = web_sys::ResizeObserver::new(observer_cb.as_ref().unchecked_ref()) else {
        return Subscription::none();
    };
    observer.observe(&element);
    Subscription::new(move || {
        observer.disconnect();
        pending.borrow_mut().take(); // cancels a pending report
        drop(observer_cb);
    })
}

/// Calls `on_visible` each time the page becomes visible again (the operator came back to the
/// chat, or the sidebar was reopened).
pub fn on_visible(on_visible: Rc<dyn Fn()>) -> Subscription {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Subscription::none();
    };
    let doc = document.clone();
    let listener = EventListener::new(&document, "visibilitychange", move |_| {
        if doc.visibility_state() == web_sys::VisibilityState::Visible {
            on_visible();
        }
    });
    Subscription::new(move || drop(listener))
}

/// Moves keyboard focus to the element with this id, if it exists and can take focus.
pub fn focus(element_id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Places a `performance.mark` (the benchmark reads them; harmless elsewhere).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Waits until the library index.html started has run or failed to load (`window.__olmLibrary`,
/// a promise of whether it loaded); at once when there is no such promise (a page that loads the
/// library itself, as the browser tests do).
pub(super) async fn library_settled() {
    let pending = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__olmLibrary".into()).ok())
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    if let Some(pending) = pending {
        let _ = wasm_bindgen_futures::JsFuture::from(pending).await;
    }
}

/// Debug builds only: when the official library did not load at all (`BX24` undefined, as on a
/// machine without internet), load the local sandbox's stand-in from the portal named in
/// `window.name`. Release builds have no such path: they use what index.html loaded.
#[cfg(debug_assertions)]
pub(super) async fn load_dev_library() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let bx24 = js_sys::Reflect::get(&window, &"BX24".into()).unwrap_or(JsValue::NULL);
    if !bx24.is_undefined() {
        return; // loaded, or `null`: the library itself said we are not in a portal
    }
    let name = window.name().unwrap_or_default();
    let parts: Vec<&str> = name.split('|').collect();
    let [host, protocol, sid] = parts[..] else {
        return;
    };
    if host.is_empty() || sid.is_empty() {
        return;
    }
    let scheme = if protocol == "1" { "https" } else { "http" };
    let src = format!("{scheme}://{host}/api/v1/");
    web_sys::console::info_1(&format!("dev build: loading the BX24 stand-in from {src}").into());
    if load_script(&src, false).await.is_err() {
        web_sys::console::warn_1(&format!("dev build: the stand-in {src} did not load").into());
    }
}

/// How long [`load_script`] waits for a script to run or fail before giving up (a server that
/// accepts the connection and never answers).
pub const SCRIPT_TIMEOUT_MS: u32 = 15_000;

/// A script element's `onload` / `onerror` closures, kept alive for as long as they are
/// installed: dropping this (the script settled, the deadline passed, or the waiting future was
/// dropped) takes them off the element first, so a late event never calls a freed closure.
struct ScriptHandlers {
    script: web_sys::HtmlScriptElement,
    _loaded: Closure<dyn FnMut()>,
    _failed: Closure<dyn FnMut()>,
}

impl Drop for ScriptHandlers {
    fn drop(&mut self) {
        self.script.set_onload(None);
        self.script.set_onerror(None);
    }
}

/// Adds `<script src>` (a module script when `module`) to the head and waits until it has run
/// (`Ok`) or failed to load (`Err`), at most [`SCRIPT_TIMEOUT_MS`] (`Err`).
pub async fn load_script(src: &str, module: bool) -> Result<(), ()> {
    use futures::channel::oneshot;
    use futures::future::{select, Either};
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| ())?
        .unchecked_into();
    if module {
        script.set_type("module");
    }
    script.set_src(src);
    let (tx, rx) = oneshot::channel::<bool>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let settle = |ok: bool| {
        let tx = tx.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(ok);
            }
        })
    };
    let (loaded, failed) = (settle(true), settle(false));
    script.set_onload(Some(loaded.as_ref().unchecked_ref()));
    script.set_onerror(Some(failed.as_ref().unchecked_ref()));
    let _handlers = ScriptHandlers {
        script: script.clone(),
        _loaded: loaded,
        _failed: failed,
    };
    document
        .head()
        .ok_or(())?
        .append_child(&script)
        .map_err(|_| ())?;
    match select(
        rx,
        gloo_timers::future::TimeoutFuture::new(SCRIPT_TIMEOUT_MS),
    )
    .await
    {
        Either::Left((Ok(true), _)) => Ok(()),
        Either::Left(_) | Either::Right(_) => Err(()),
    }
}

/// The name of the page-wide function through which one bundle hands the page to the next
/// (the sidebar's to the admin pages', [`release_page`], [`take_over_page`]).
const RELEASE: &str = "__olmReleasePage";

/// Lets the bundle loaded next call `release` (once) just before it takes the page over.
pub fn release_page(release: Box<dyn FnOnce()>) {
    let release = Closure::once_into_js(release);
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &RELEASE.into(), &release);
    }
}

/// Calls what the bundle before this one left with [`release_page`], if anything.
pub fn take_over_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let release = js_sys::Reflect::get(&window, &RELEASE.into()).unwrap_or(JsValue::UNDEFINED);
    let _ = js_sys::Reflect::delete_property(&window, &RELEASE.into());
    if let Some(release) = release.dyn_ref::<js_sys::Function>() {
        // The sidebar root could not let go: both roots are on the page. Said once, for
        // engineers (the admin page still works).
        if let Err(err) = release.call0(&JsValue::NULL) {
            web_sys::console::warn_2(
                &"openline-modes: the sidebar bundle did not release the page:".into(),
                &err,
            );
        }
    }
}

/// The catalogue `i18n/<id>.json` beside the page, as text: what index.html's first script
/// started fetching for the `LANG` of the page's query (`window.__olmCatalogue`, so the fetch
/// runs while the library and the wasm load), else a fetch now. `None` on any failure.
pub async fn catalogue(id: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&window, &"__olmCatalogue".into()).ok()?;
    let early_id = js_sys::Reflect::get(&early, &"id".into())
        .ok()
        .and_then(|v| v.as_string());
    let text = if early_id.as_deref() == Some(id) {
        js_sys::Reflect::get(&early, &"text".into()).ok()?
    } else {
        let response = JsFuture::from(window.fetch_with_str(&format!("i18n/{id}.json")))
            .await
            .ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        response.text().ok()?.into()
    };
    let text = match text.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise).await.ok()?,
        Err(value) => value,
    };
    text.as_string()
}

/// `Intl.PluralRules` and `Intl.NumberFormat` of one language tag, made on the first count:
/// the first `Intl` object of a page costs about 15 ms (the browser loads its locale data; the
/// benchmark's marks showed it inside the first render), and most opens never show a count.
pub struct IntlNumbers {
    tag: String,
    intl: std::cell::OnceCell<(js_sys::Intl::PluralRules, js_sys::Function)>,
}

impl IntlNumbers {
    /// The browser's rules and format for `tag` (`"ar"`, `"pt-BR"` …), made when first used.
    pub fn new(tag: &str) -> IntlNumbers {
        IntlNumbers {
            tag: tag.to_owned(),
            intl: std::cell::OnceCell::new(),
        }
    }

    fn intl(&self) -> &(js_sys::Intl::PluralRules, js_sys::Function) {
        self.intl.get_or_init(|| {
            let locales = js_sys::Array::of1(&self.tag.as_str().into());
            let options = js_sys::Object::new();
            (
                js_sys::Intl::PluralRules::new(&locales, &options),
                js_sys::Intl::NumberFormat::new(&locales, &options).format(),
            )
        })
    }
}

impl crate::domain::locale::Numbers for IntlNumbers {
    fn category(&self, n: u64) -> crate::domain::locale::PluralCategory {
        let name = String::from(self.intl().0.select(n as f64));
        crate::domain::locale::PluralCategory::from_name(&name)
    }

    fn format(&self, n: u64) -> String {
        self.intl()
            .1
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

/// The browser's language (`navigator.language`), for the few texts shown before or without a
/// portal (which otherwise tells the language).
pub fn browser_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
