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

/// Debug builds only: when the official library did not load at all (`BX24` undefined, as on a
/// machine without internet), load the local sandbox's stand-in from the portal named in
/// `window.name`. Release builds have no such path: they use what index.html loaded.
#[cfg(debug_assertions)]
pub(super) async fn load_dev_library() {
    use futures::channel::oneshot;
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
    let Some(document) = window.document() else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let script: web_sys::HtmlScriptElement = script.unchecked_into();
    script.set_src(&src);
    let (tx, rx) = oneshot::channel::<()>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let done = {
        let tx = tx.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(());
            }
        })
    };
    script.set_onload(Some(done.as_ref().unchecked_ref()));
    script.set_onerror(Some(done.as_ref().unchecked_ref()));
    web_sys::console::info_1(&format!("dev build: loading the BX24 stand-in from {src}").into());
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
        let _ = rx.await;
    }
    drop(done);
}

/// The browser's language (`navigator.language`), for the few texts shown before or without a
/// portal (which otherwise tells the language).
pub fn browser_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
