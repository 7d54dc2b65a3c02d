//! Browser adapter: the classic BX24 library (`//api.bitrix24.com/api/v1/`) behind [`Host`].
//!
//! This file and its sibling `dom.rs` are the only places that name wasm-bindgen, js-sys,
//! web-sys or gloo. Every `JsValue` becomes owned Rust data here.
//!
//! Contract of the library, as recorded from the official build (docs/bitrix24.md §4, every
//! `callMethod` / `callBatch` case of `tests/fixtures/bx24-observed.json` is replayed against this
//! file by `tests/browser_conformance.rs`):
//! - `BX24` is missing when the script did not load and `null` when the page is not inside a
//!   portal frame (the library then throws at load). Both are a normal [`CallError::NoHost`].
//! - Callbacks receive an `ajaxResult`; the answer is a failure when `answer.error` is not
//!   `undefined` — **even an empty string** (a pin refused to a non-operator comes back exactly
//!   like that) or `null`. A batch sub-result always has the key, `undefined` on success, and
//!   its error is the server's object `{error, error_description}`.
//! - On 5xx, a body that is not JSON, the body `null`, a network error, or a batch that fails
//!   as a whole, the library throws inside its XHR handler and **never calls back**: every call
//!   is raced against a deadline, whose expiry means "outcome unknown" and is never retried here.
//! - `callMethod` with `undefined` or `null` params throws synchronously, so params are always
//!   an object.
//!
//! Params go out through `serde-wasm-bindgen` (plain objects, as JSON would have them); every
//! answer comes back through it too, straight into the domain's types ([`Reply::decode`]): no
//! JSON text is written or parsed on the way.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either, FutureExt, Shared};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{BatchResults, HostFuture, HostInfo, Page, Placement, Rest, Subscription};
use crate::domain::dialog::PlacementOptions;
use crate::domain::envelope::Head;
use crate::domain::error::CallError;
use crate::domain::locale::{CatalogueTexts, Locale, Numbers};
use crate::domain::reply::Reply;
use crate::domain::rest::Call;

#[wasm_bindgen]
extern "C" {
    /// The object the library passes to `callMethod` callbacks (`ajaxResult`).
    type AjaxResult;

    #[wasm_bindgen(method, getter)]
    fn status(this: &AjaxResult) -> JsValue;

    /// The answer as the library built it (for a batch sub-result:
    /// `{result, error, total, next}`, `error` present even when `undefined`).
    #[wasm_bindgen(method, getter)]
    fn answer(this: &AjaxResult) -> JsValue;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = init)]
    fn bx24_init(cb: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = callMethod)]
    fn bx24_call_method(method: &str, params: &JsValue, cb: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = callBatch)]
    fn bx24_call_batch(calls: &JsValue, cb: &JsValue, halt: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["BX24", "placement"], js_name = info)]
    fn bx24_placement_info() -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = getLang)]
    fn bx24_get_lang() -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = resizeWindow)]
    fn bx24_resize_window(width: u32, height: u32) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = BX24, js_name = isAdmin)]
    fn bx24_is_admin() -> Result<JsValue, JsValue>;

    // Looked up at call time: after init the library has replaced it with a no-op unless the
    // init data said INSTALL.
    #[wasm_bindgen(catch, js_namespace = BX24, js_name = installFinish)]
    fn bx24_install_finish() -> Result<(), JsValue>;
}

/// The admin pages' loader, beside index.html (`static/admin-loader.js`).
const ADMIN_LOADER: &str = "admin-loader.js";

/// The real host: the classic BX24 library in the page.
#[derive(Debug, Clone)]
pub struct Bx24Host {
    call_timeout_ms: u32,
    init_timeout_ms: u32,
    /// The init callback, registered once ([`Bx24Host::begin`] or the first [`Page::ready`]),
    /// for every [`Page::ready`] to wait on.
    init: Rc<RefCell<Option<InitReply>>>,
    /// How a successful result is decoded ([`Reply::decode`], or [`Reply::decode_in_chat`]
    /// for the sidebar bundle: [`Bx24Host::in_chat`]).
    decode: fn(&str, JsValue) -> Result<Reply, CallError>,
}

/// Resolves when `BX24.init`'s callback runs; shared, so several can wait on one registration.
type InitReply = Shared<oneshot::Receiver<Result<(), CallError>>>;

impl Bx24Host {
    /// Deadline for one REST call. The cloud request timeout is 60 s; an operator should not
    /// wait that long to learn that the portal did not answer.
    pub const CALL_TIMEOUT_MS: u32 = 15_000;
    /// Deadline for `BX24.init` (the parent's reply to `getInitData`).
    pub const INIT_TIMEOUT_MS: u32 = 10_000;

    /// The adapter with the production deadlines, decoding every call's answer.
    pub fn new() -> Self {
        Self::with_timeouts(Self::CALL_TIMEOUT_MS, Self::INIT_TIMEOUT_MS)
    }

    /// The adapter of the widget in a chat (the sidebar bundle): production deadlines, and
    /// only the widget's own calls decoded ([`Reply::decode_in_chat`]), so the app page's
    /// decoders stay out of the bundle every chat downloads.
    pub fn in_chat() -> Self {
        Self {
            decode: |method, result| {
                Reply::decode_in_chat(method, serde_wasm_bindgen::Deserializer::from(result))
            },
            ..Self::new()
        }
    }

    /// The adapter with other deadlines (browser tests use short ones).
    pub fn with_timeouts(call_timeout_ms: u32, init_timeout_ms: u32) -> Self {
        Self {
            call_timeout_ms,
            init_timeout_ms,
            init: Rc::default(),
            decode: |method, result| {
                Reply::decode(method, serde_wasm_bindgen::Deserializer::from(result))
            },
        }
    }

    /// Registers the init callback now (`BX24.init`), before anything renders, so that it runs
    /// as soon as the library has the init data rather than after the first render; [`Page::ready`]
    /// then waits on it. Does nothing when the library is not there yet (index.html inserts it,
    /// so it may still be loading; a debug build may load the stand-in): `ready` registers then.
    pub fn begin(&self) {
        if self.present() && self.init.borrow().is_none() {
            *self.init.borrow_mut() = register_init().ok();
        }
    }

    /// One REST call whose result is decoded into any serde type (the conformance suite reads
    /// recorded answers as they are with it); [`Rest::call`] decodes into [`Reply`].
    pub async fn call_as<T: DeserializeOwned + 'static>(
        &self,
        method: &str,
        params: &impl Serialize,
    ) -> Result<T, CallError> {
        let params = to_js(params)?;
        let name = method.to_owned();
        self.send(method, params, move |result| decode(&name, result))
            .await
    }

    /// A `batch` of `(key, method, params)` whose results are decoded into any serde type;
    /// [`Rest::batch`] decodes into [`Reply`].
    pub async fn batch_as<T: DeserializeOwned + 'static, P: Serialize>(
        &self,
        calls: &[(String, String, P)],
    ) -> Result<BTreeMap<String, Result<T, CallError>>, CallError> {
        let mut spec = Vec::new();
        for (key, method, params) in calls {
            spec.push((key.clone(), method.clone(), to_js(params)?));
        }
        let keys: Vec<String> = calls.iter().map(|(key, _, _)| key.clone()).collect();
        let results = self
            .send_batch(spec, |method, result| decode(method, result))
            .await?;
        Ok(keys.into_iter().zip(results).collect())
    }

    async fn send<T: 'static>(
        &self,
        method: &str,
        params: JsValue,
        decode: impl FnOnce(JsValue) -> Result<T, CallError> + 'static,
    ) -> Result<T, CallError> {
        if !self.present() {
            return Err(CallError::NoHost);
        }
        let (tx, rx) = oneshot::channel();
        // `once_into_js`: the function frees itself when called; if the library never
        // calls it (5xx), it stays alive and a late call cannot hit a dropped closure.
        let cb = Closure::once_into_js(move |res: JsValue| {
            let _ = tx.send(outcome(&res.unchecked_into()).and_then(decode));
        });
        bx24_call_method(method, &params, &cb).map_err(thrown)?;
        with_deadline(sent(rx), self.call_timeout_ms, CallError::Timeout).await
    }

    /// Sends `(key, method, params)` as one `batch`, or takes index.html's early read when it
    /// asked exactly these; `decode(method, result)` reads each successful sub-result. The
    /// outcomes come back in the order of `calls`.
    async fn send_batch<T: 'static>(
        &self,
        calls: Vec<(String, String, JsValue)>,
        decode: impl Fn(&str, JsValue) -> Result<T, CallError> + 'static,
    ) -> Result<Vec<Result<T, CallError>>, CallError> {
        if !self.present() {
            return Err(CallError::NoHost);
        }
        let keys: Vec<(String, String)> = calls
            .iter()
            .map(|(key, method, _)| (key.clone(), method.clone()))
            .collect();
        // `[[key, method, params], …]` as index.html's early read writes it, and
        // `{key: [method, params]}` as the library wants it.
        let asked = js_sys::Array::new();
        let spec = Object::new();
        for (key, method, params) in &calls {
            let method = JsValue::from_str(method);
            asked.push(&js_sys::Array::of3(
                &JsValue::from_str(key),
                &method,
                params,
            ));
            let pair = js_sys::Array::of2(&method, params);
            Reflect::set(&spec, &JsValue::from_str(key), &pair).map_err(thrown)?;
        }
        let read = move |res: &JsValue| batch_results(res, &keys, &decode);
        // The dialog read index.html sent while the wasm was compiling, when it is exactly
        // this batch: its answer, decoded here like any other (docs/architecture.md).
        match take_early_read(&asked) {
            EarlyRead::None => {}
            EarlyRead::Differs => {
                self.log("openline-modes: the early read asked something else; reading again")
            }
            EarlyRead::Same(answer) => {
                self.mark("olm-early-read");
                // The library never calls back on 5xx or a network error: the same
                // deadline as for a batch the widget sends itself.
                let answer = async {
                    let res = wasm_bindgen_futures::JsFuture::from(answer).await;
                    res.map(|res| read(&res)).map_err(thrown)
                };
                return with_deadline(answer, self.call_timeout_ms, CallError::Timeout).await;
            }
        }
        let (tx, rx) = oneshot::channel();
        let cb = Closure::once_into_js(move |res: JsValue| {
            let _ = tx.send(Ok(read(&res)));
        });
        bx24_call_batch(&spec, &cb, false).map_err(thrown)?;
        with_deadline(sent(rx), self.call_timeout_ms, CallError::Timeout).await
    }
}

/// A successful result decoded into `T`, or [`CallError::BadResponse`] naming the method.
fn decode<T: DeserializeOwned>(method: &str, result: JsValue) -> Result<T, CallError> {
    serde_wasm_bindgen::from_value(result).map_err(|e| CallError::undecodable(method, e))
}

/// `BX24.init(cb)`: the receiver resolves when the library runs `cb`. The library may call it
/// again (a second init reply): that call does nothing, where a once-closure would throw. The
/// closure is handed to JS for good (`forget`), as the library or the promise keeps it.
///
/// When index.html has already registered its own init callback (`window.__olmInit`, a promise
/// it resolves there), `cb` waits on that instead: the library runs a callback registered after
/// its init reply only 10 ms after the registration (docs/bitrix24.md §4.1, §9), and the wasm usually
/// starts after the reply, so a callback of its own would hold the first render back 10 ms.
fn register_init() -> Result<InitReply, CallError> {
    let (tx, rx) = oneshot::channel();
    let mut tx = Some(tx);
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if let Some(tx) = tx.take() {
            let _ = tx.send(Ok(()));
        }
    });
    let inited = web_sys::window()
        .and_then(|w| Reflect::get(&w, &INIT.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match inited {
        Some(inited) => _ = inited.then(&cb),
        None => bx24_init(cb.as_ref()).map_err(thrown)?,
    }
    cb.forget();
    Ok(rx.shared())
}

impl Default for Bx24Host {
    fn default() -> Self {
        Self::new()
    }
}

impl Rest for Bx24Host {
    fn call(&self, call: Call) -> HostFuture<'_, Result<Reply, CallError>> {
        Box::pin(async move {
            let params = to_js(&call.params)?;
            let (method, decode) = (call.method, self.decode);
            self.send(method, params, move |result| decode(method, result))
                .await
        })
    }

    fn batch(&self, calls: Vec<Call>) -> HostFuture<'_, Result<BatchResults, CallError>> {
        Box::pin(async move {
            let mut spec = Vec::new();
            for call in &calls {
                spec.push((
                    call.key.to_owned(),
                    call.method.to_owned(),
                    to_js(&call.params)?,
                ));
            }
            let results = self.send_batch(spec, self.decode).await?;
            Ok(calls.iter().map(|call| call.key).zip(results).collect())
        })
    }
}

impl Page for Bx24Host {
    fn present(&self) -> bool {
        bx24_object().is_some()
    }

    fn ready(&self) -> HostFuture<'_, Result<HostInfo, CallError>> {
        Box::pin(async move {
            // One start-up deadline for the library's load and its init reply: a CDN that
            // accepts the connection and never answers would otherwise leave the placeholder
            // up for good.
            let mut deadline = TimeoutFuture::new(self.init_timeout_ms);
            let library = Box::pin(super::dom::library_settled());
            if let Either::Right(_) = select(library, &mut deadline).await {
                return Err(CallError::InitTimeout);
            }
            #[cfg(debug_assertions)]
            super::dom::load_dev_library().await;
            if !self.present() {
                return Err(CallError::NoHost);
            }
            let early = self.init.borrow().clone();
            let init = match early {
                Some(init) => init,
                None => {
                    let init = register_init()?;
                    *self.init.borrow_mut() = Some(init.clone());
                    init
                }
            };
            match select(init, deadline).await {
                Either::Left((Ok(result), _)) => result?,
                Either::Left((Err(_), _)) => {
                    return Err(CallError::BadResponse("callback dropped".into()))
                }
                Either::Right(_) => return Err(CallError::InitTimeout),
            }

            let info = bx24_placement_info().map_err(thrown)?;
            let code = Reflect::get(&info, &"placement".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "DEFAULT".to_owned());
            let options = Reflect::get(&info, &"options".into())
                .map(|v| placement_options(&v))
                .unwrap_or_default();
            let lang = bx24_get_lang()
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            Ok(HostInfo {
                placement: Placement { code, options },
                lang,
            })
        })
    }

    fn fit_height(&self, height: u32) {
        if !self.present() || height == 0 {
            return;
        }
        let width = super::dom::viewport_width();
        if width == 0 {
            return;
        }
        if let Err(e) = bx24_resize_window(width, height) {
            self.log(&format!("resizeWindow failed: {}", describe(&e)));
        }
    }

    fn log(&self, line: &str) {
        web_sys::console::warn_1(&JsValue::from_str(line));
    }

    fn page_url(&self) -> String {
        // Through Reflect: web-sys's `Location` would need one more crate feature for one getter.
        Reflect::get(&js_sys::global(), &"location".into())
            .and_then(|location| Reflect::get(&location, &"href".into()))
            .ok()
            .and_then(|href| href.as_string())
            .unwrap_or_default()
    }

    fn is_admin(&self) -> bool {
        self.present() && bx24_is_admin().is_ok_and(|v| v.is_truthy())
    }

    fn focus(&self, element_id: &str) {
        super::dom::focus(element_id);
    }

    fn mark(&self, name: &str) {
        super::dom::mark(name);
    }

    fn on_visible(&self, on_visible: Rc<dyn Fn()>) -> Subscription {
        super::dom::on_visible(on_visible)
    }

    fn watch_height(
        &self,
        element_id: &str,
        debounce_ms: u32,
        on_height: Rc<dyn Fn(u32)>,
    ) -> Subscription {
        super::dom::watch_height(element_id, debounce_ms, on_height)
    }

    fn browser_lang(&self) -> String {
        super::dom::browser_lang()
    }

    fn catalogue(&self, locale: Locale) -> HostFuture<'_, Result<CatalogueTexts, String>> {
        Box::pin(async move {
            let text = super::dom::catalogue(locale.code())
                .await
                .ok_or("not available")?;
            let value =
                js_sys::JSON::parse(&text).map_err(|e| format!("not JSON: {}", describe(&e)))?;
            serde_wasm_bindgen::from_value(value).map_err(|e| format!("not a catalogue: {e}"))
        })
    }

    fn numbers(&self, locale: Locale) -> Rc<dyn Numbers> {
        Rc::new(super::dom::IntlNumbers::new(locale.html_lang()))
    }

    fn open_admin(&self, release: Box<dyn FnOnce()>) -> HostFuture<'_, Result<(), ()>> {
        super::dom::release_page(release);
        Box::pin(super::dom::load_script(ADMIN_LOADER, true))
    }

    fn take_over(&self) {
        super::dom::take_over_page();
    }

    fn install_finish(&self) {
        if !self.present() {
            return;
        }
        if let Err(e) = bx24_install_finish() {
            self.log(&format!("installFinish failed: {}", describe(&e)));
        }
    }
}

/// `window.BX24` when it is a usable object (not missing, not `null`).
fn bx24_object() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"BX24".into())
        .ok()
        .filter(|v| v.is_object())
}

/// `placement.info().options` decoded. A string is parsed once with `JSON.parse` (some
/// portals pass `PLACEMENT_OPTIONS` through as the raw form field); when it holds an object, a
/// list or `null`, that is the options, otherwise the string itself is (and means none).
fn placement_options(value: &JsValue) -> PlacementOptions {
    let inner = value
        .as_string()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .filter(|inner| inner.is_object() || inner.is_null());
    serde_wasm_bindgen::from_value(inner.unwrap_or_else(|| value.clone())).unwrap_or_default()
}

/// The library's batch answer `{key: ajaxResult}` as results in the order of `keys`, each
/// success decoded by `decode(method, result)`.
fn batch_results<T>(
    res: &JsValue,
    keys: &[(String, String)],
    decode: &impl Fn(&str, JsValue) -> Result<T, CallError>,
) -> Vec<Result<T, CallError>> {
    keys.iter()
        .map(|(key, method)| {
            let one = Reflect::get(res, &JsValue::from_str(key))
                .ok()
                .filter(|v| v.is_object());
            let value = match one {
                Some(one) => outcome(&one.unchecked_into()).and_then(|r| decode(method, r)),
                None => Err(CallError::BadResponse(format!(
                    "batch answer has no result for {key}"
                ))),
            };
            value
        })
        .collect()
}

/// The page-wide early read index.html starts: `{calls: [[key, method, params], …], answer:
/// Promise<{key: ajaxResult}>}`.
const EARLY_READ: &str = "__olmEarlyRead";
/// index.html's `BX24.init` callback, as a promise it resolves ([`register_init`]).
const INIT: &str = "__olmInit";

/// What index.html's early read is to a batch the widget is about to send.
enum EarlyRead {
    /// There is none (any more).
    None,
    /// It asked other calls: the widget reads itself (`tests/browser_bridge.rs` and the e2e
    /// suite make sure the two never differ).
    Differs,
    /// It asked exactly these calls (keys, methods and params): its answer's promise.
    Same(js_sys::Promise),
}

/// Takes (once) index.html's early read, and says how it relates to `asked`
/// (`[[key, method, params], …]`): the same when both write the same JSON.
fn take_early_read(asked: &js_sys::Array) -> EarlyRead {
    let Some(window) = web_sys::window() else {
        return EarlyRead::None;
    };
    let early = Reflect::get(&window, &EARLY_READ.into()).unwrap_or(JsValue::UNDEFINED);
    if !early.is_object() {
        return EarlyRead::None;
    }
    let _ = Reflect::delete_property(&window, &EARLY_READ.into());
    let json = |v: &JsValue| js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string());
    let sent = Reflect::get(&early, &"calls".into())
        .ok()
        .and_then(|v| json(&v));
    let answer = Reflect::get(&early, &"answer".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    match answer {
        Some(answer) if sent.is_some() && sent == json(asked) => EarlyRead::Same(answer),
        _ => EarlyRead::Differs,
    }
}

/// Waits for `answer` or the deadline, whichever comes first.
async fn with_deadline<T>(
    answer: impl std::future::Future<Output = Result<T, CallError>>,
    ms: u32,
    on_expiry: CallError,
) -> Result<T, CallError> {
    match select(std::pin::pin!(answer), TimeoutFuture::new(ms)).await {
        Either::Left((value, _)) => value,
        Either::Right(_) => Err(on_expiry),
    }
}

/// The value a callback sent; a callback dropped without sending is a bad response.
async fn sent<T>(rx: oneshot::Receiver<Result<T, CallError>>) -> Result<T, CallError> {
    rx.await
        .unwrap_or_else(|_| Err(CallError::BadResponse("callback dropped".into())))
}

/// Turns one `ajaxResult` into the call's outcome, exactly as the library decides it: its
/// `result` (still a JS value, for the caller to decode) or its failure.
///
/// Only the envelope's defined keys are read ([`envelope`]); [`Head::failure`] then decides
/// success, code and description from them.
fn outcome(res: &AjaxResult) -> Result<JsValue, CallError> {
    let status = res.status().as_f64().map_or(0, |s| s as u16);
    let envelope = envelope(&res.answer());
    let head: Head = serde_wasm_bindgen::from_value(envelope.clone())
        .map_err(|e| CallError::BadResponse(e.to_string()))?;
    match head.failure(status) {
        Some(err) => Err(err),
        None => Ok(Reflect::get(&envelope, &"result".into()).unwrap_or(JsValue::UNDEFINED)),
    }
}

/// The answer's envelope keys (`result`, `error`, `error_description`) whose value is not
/// `undefined`, as a fresh object: the JS side of the library's `typeof answer.error !==
/// 'undefined'`, decided before the conversion turns `undefined` into `null`.
///
/// - Every batch sub-result has an `error` key, `undefined` when the sub-call succeeded
///   (docs/bitrix24.md §4.1): copying it whenever the key exists made every success a failure.
/// - On an error the library sets `answer.ex = new ajaxError(status, …)`, for a string error a
///   cycle (`answer.ex.ex === answer`) that a deep conversion follows until the wasm stack
///   overflows: `ex` is never copied.
fn envelope(answer: &JsValue) -> JsValue {
    if !answer.is_object() {
        return answer.clone();
    }
    let copy = Object::new();
    for key in ["result", "error", "error_description"] {
        let key = JsValue::from_str(key);
        let value = Reflect::get(answer, &key).unwrap_or(JsValue::UNDEFINED);
        if !value.is_undefined() {
            let _ = Reflect::set(&copy, &key, &value);
        }
    }
    copy.into()
}

/// Params as a plain JS object, as JSON would have them (maps as objects, not `Map`s).
fn to_js(params: &impl Serialize) -> Result<JsValue, CallError> {
    params
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| CallError::Thrown(e.to_string()))
}

fn thrown(e: JsValue) -> CallError {
    CallError::Thrown(describe(&e))
}

/// A thrown value as text for logs (an `Error`'s message, a thrown string, or its type).
pub(super) fn describe(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    format!("{e:?}")
}
