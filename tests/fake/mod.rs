//! A scriptable host for tests: answers by method name, records every request, and can hold
//! answers back until the test releases them (to see the busy state).
//!
//! Pure Rust (no JS), so it serves native controller tests and browser component tests alike.
//! It lives here, beside the tests, and is compiled into each test crate that says `mod fake;`:
//! nothing under `src/` exists only for tests. Each test uses part of it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use futures::channel::oneshot;
use serde_json::{json, Value};

use openline_modes::domain::dialog::PlacementOptions;
use openline_modes::domain::error::CallError;
use openline_modes::domain::locale::CatalogueTexts;
use openline_modes::domain::reply::Reply;
use openline_modes::domain::rest::Call;
use openline_modes::host::{
    BatchResults, HostFuture, HostInfo, Page, Placement, Rest, Subscription,
};
use openline_modes::i18n::{Locale, Numbers, PluralCategory};

type Responder = Box<dyn FnMut(&Value) -> Result<Value, CallError>>;
/// Plural rules and digits per locale, as a test sets them.
type NumbersFor = Rc<dyn Fn(Locale) -> Rc<dyn Numbers>>;

/// One request as the portal would have seen it.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// A single `callMethod`.
    Call {
        /// REST method.
        method: String,
        /// Params sent.
        params: Value,
    },
    /// One `batch` round trip with its sub-calls.
    Batch(Vec<Sent>),
}

/// One sub-call of a batch as sent: its key, method and params (as JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// Name of the sub-call in the result.
    pub key: String,
    /// REST method.
    pub method: String,
    /// Params sent.
    pub params: Value,
}

impl From<&Call> for Sent {
    fn from(call: &Call) -> Sent {
        Sent {
            key: call.key.to_owned(),
            method: call.method.to_owned(),
            params: params_json(call),
        }
    }
}

/// A call's params as the portal receives them.
pub fn params_json(call: &Call) -> Value {
    serde_json::to_value(&call.params).expect("params serialize")
}

/// Placement options as the adapter decodes them (`src/host/bx24.rs::placement_options`): a
/// string holding an object, a list or `null` is parsed once.
pub fn placement_options(options: &Value) -> PlacementOptions {
    let inner = options
        .as_str()
        .and_then(|text| serde_json::from_str::<Value>(text).ok())
        .filter(|inner| inner.is_object() || inner.is_array() || inner.is_null());
    serde_json::from_value(inner.unwrap_or_else(|| options.clone())).unwrap_or_default()
}

#[derive(Default)]
struct Inner {
    absent: bool,
    info: Option<Result<HostInfo, CallError>>,
    responders: HashMap<String, Responder>,
    requests: Vec<Request>,
    holding: bool,
    held: VecDeque<oneshot::Sender<()>>,
    heights: Vec<u32>,
    logs: Vec<String>,
    page_url: String,
    admin: bool,
    install_finished: usize,
    focused: Vec<String>,
    marks: Vec<String>,
    visible: Vec<std::rc::Weak<dyn Fn()>>,
    /// Live `watch_height` subscriptions (the frame following the content).
    watching: Rc<std::cell::Cell<usize>>,
    catalogues: HashMap<Locale, String>,
    /// `Some` while catalogues are held: the senders that let each waiting one arrive.
    catalogues_held: Option<Vec<oneshot::Sender<()>>>,
    numbers: Option<NumbersFor>,
    admin_opened: usize,
    admin_fails: bool,
    release: Option<Box<dyn FnOnce()>>,
}

/// The fake host. Clones share one state, so a test keeps a handle while the app holds another.
#[derive(Clone, Default)]
pub struct FakeHost {
    inner: Rc<RefCell<Inner>>,
}

impl FakeHost {
    /// A present host in the sidebar of `dialog_id`, language `lang`, with no methods scripted
    /// (an unscripted method answers like a portal: 404 `ERROR_METHOD_NOT_FOUND`).
    pub fn sidebar(dialog_id: &str, lang: &str) -> Self {
        Self::with_placement("IM_SIDEBAR", json!({ "dialogId": dialog_id }), lang)
    }

    /// A present host in any placement.
    pub fn with_placement(code: &str, options: Value, lang: &str) -> Self {
        let host = Self::default();
        host.inner.borrow_mut().info = Some(Ok(HostInfo {
            placement: Placement {
                code: code.to_owned(),
                options: placement_options(&options),
            },
            lang: lang.to_owned(),
        }));
        host
    }

    /// The app's own page (`DEFAULT`, no options) at [`FakeHost::APP_URL`] of an installed app
    /// (`app.info` answers `INSTALLED: true`); `admin` as `BX24.isAdmin()` says.
    pub fn app_page(lang: &str, admin: bool) -> Self {
        let host = Self::with_placement("DEFAULT", json!([]), lang);
        host.set_admin(admin);
        host.set_page_url(&format!(
            "{}?DOMAIN=portal.example&PROTOCOL=1&LANG={lang}&APP_SID=0123",
            Self::APP_URL
        ));
        host.on("app.info", |_| Ok(Self::app_info(json!(true))));
        // The operator's list on the page: no dialogs, as a portal answers a new operator.
        host.on("im.recent.get", |_| Ok(json!([])));
        host.on("profile", |_| Ok(json!({ "ID": "1" })));
        host
    }

    /// The portal installing an app registered with one URL for handler and installation
    /// path: [`FakeHost::app_page`]'s address, and `app.info` answers `INSTALLED: false`.
    pub fn installing(lang: &str, admin: bool) -> Self {
        let host = Self::app_page(lang, admin);
        host.on("app.info", |_| Ok(Self::app_info(json!(false))));
        host
    }

    /// An `app.info` result as a portal sends it, with this `INSTALLED`.
    pub fn app_info(installed: Value) -> Value {
        json!({
            "ID": 7,
            "CODE": "local.openline-modes",
            "VERSION": 1,
            "STATUS": "L",
            "INSTALLED": installed,
            "PAYMENT_EXPIRED": "N",
            "DAYS": null,
        })
    }

    /// The install page: `DEFAULT`, opened through the install URL (`?install=1`).
    pub fn install_page(lang: &str, admin: bool) -> Self {
        let host = Self::app_page(lang, admin);
        host.set_page_url(&format!(
            "{}?install=1&DOMAIN=portal.example&PROTOCOL=1&LANG={lang}&APP_SID=0123",
            Self::APP_URL
        ));
        host
    }

    /// Where [`FakeHost::app_page`] and [`FakeHost::install_page`] are served from.
    pub const APP_URL: &'static str = "https://widget.example/olm/";

    /// `location.href` of the framed page from now on.
    pub fn set_page_url(&self, url: &str) {
        self.inner.borrow_mut().page_url = url.to_owned();
    }

    /// What `BX24.isAdmin()` says from now on.
    pub fn set_admin(&self, admin: bool) {
        self.inner.borrow_mut().admin = admin;
    }

    /// How many times the app called `installFinish`.
    pub fn install_finished(&self) -> usize {
        self.inner.borrow().install_finished
    }

    /// No host around the page (opened outside a portal).
    pub fn absent() -> Self {
        let host = Self::default();
        host.inner.borrow_mut().absent = true;
        host
    }

    /// `ready()` fails with this error (e.g. [`CallError::InitTimeout`]).
    pub fn failing_ready(err: CallError) -> Self {
        let host = Self::default();
        host.inner.borrow_mut().info = Some(Err(err));
        host
    }

    /// Answers `method` with `respond(params)` from now on.
    pub fn on(
        &self,
        method: &str,
        respond: impl FnMut(&Value) -> Result<Value, CallError> + 'static,
    ) -> &Self {
        self.inner
            .borrow_mut()
            .responders
            .insert(method.to_owned(), Box::new(respond));
        self
    }

    /// From now on, answers wait until [`FakeHost::release`] (requests are still recorded at
    /// once, so a test can see what was sent while the widget is busy).
    pub fn hold(&self) {
        self.inner.borrow_mut().holding = true;
    }

    /// Lets the oldest held request be answered; returns false when none was waiting.
    pub fn release(&self) -> bool {
        let next = self.inner.borrow_mut().held.pop_front();
        next.map(|tx| tx.send(()).is_ok()).unwrap_or(false)
    }

    /// Stops holding and lets every held request be answered.
    pub fn release_all(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.holding = false;
        for tx in inner.held.drain(..) {
            let _ = tx.send(());
        }
    }

    /// How many requests are waiting to be released.
    pub fn held(&self) -> usize {
        self.inner.borrow().held.len()
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.inner.borrow().requests.clone()
    }

    /// Every method call so far, batches flattened into their sub-calls, as `(method, params)`.
    pub fn calls(&self) -> Vec<(String, Value)> {
        self.requests()
            .into_iter()
            .flat_map(|r| match r {
                Request::Call { method, params } => vec![(method, params)],
                Request::Batch(calls) => calls.into_iter().map(|c| (c.method, c.params)).collect(),
            })
            .collect()
    }

    /// Calls of `method` only (params of each).
    pub fn calls_of(&self, method: &str) -> Vec<Value> {
        self.calls()
            .into_iter()
            .filter(|(m, _)| m == method)
            .map(|(_, p)| p)
            .collect()
    }

    /// How many `watch_height` subscriptions are live: 1 while the page makes the frame follow
    /// its content, 0 where the frame has a size of its own.
    pub fn watching(&self) -> usize {
        self.inner.borrow().watching.get()
    }

    /// Heights the app asked the frame to take.
    pub fn heights(&self) -> Vec<u32> {
        self.inner.borrow().heights.clone()
    }

    /// Lines the app logged for engineers.
    pub fn logs(&self) -> Vec<String> {
        self.inner.borrow().logs.clone()
    }

    /// Element ids the app asked to focus, in order.
    pub fn focused(&self) -> Vec<String> {
        self.inner.borrow().focused.clone()
    }

    /// Performance marks the app placed, in order.
    pub fn marks(&self) -> Vec<String> {
        self.inner.borrow().marks.clone()
    }

    /// The page becomes visible again (the operator comes back to the chat): every live
    /// [`Host::on_visible`] subscriber is called.
    pub fn become_visible(&self) {
        let subscribers: Vec<_> = self
            .inner
            .borrow()
            .visible
            .iter()
            .filter_map(std::rc::Weak::upgrade)
            .collect();
        for on_visible in subscribers {
            on_visible();
        }
    }

    /// Lets the request held at `index` (0 = oldest) be answered, out of order: an answer that
    /// overtakes an earlier one. Returns false when there is none.
    pub fn release_at(&self, index: usize) -> bool {
        let next = self.inner.borrow_mut().held.remove(index);
        next.map(|tx| tx.send(()).is_ok()).unwrap_or(false)
    }

    /// Serves `json` as the catalogue of `locale` ([`Host::catalogue`]); without one it has none.
    pub fn set_catalogue(&self, locale: Locale, json: &str) {
        self.inner
            .borrow_mut()
            .catalogues
            .insert(locale, json.to_owned());
    }

    /// From now on, catalogues wait until [`FakeHost::release_catalogues`] (a slow
    /// `i18n/<id>.json`).
    pub fn hold_catalogues(&self) {
        self.inner.borrow_mut().catalogues_held = Some(Vec::new());
    }

    /// Stops holding catalogues and lets every waiting one arrive.
    pub fn release_catalogues(&self) {
        let held = self.inner.borrow_mut().catalogues_held.take();
        for tx in held.into_iter().flatten() {
            let _ = tx.send(());
        }
    }

    /// Plural rules and digits per locale (default: [`SimpleNumbers`] for every locale).
    pub fn set_numbers(&self, numbers: impl Fn(Locale) -> Rc<dyn Numbers> + 'static) {
        self.inner.borrow_mut().numbers = Some(Rc::new(numbers));
    }

    /// How often the app asked for the admin pages' bundle.
    pub fn admin_opened(&self) -> usize {
        self.inner.borrow().admin_opened
    }

    /// The admin pages' bundle fails to load from now on.
    pub fn fail_admin(&self) {
        self.inner.borrow_mut().admin_fails = true;
    }

    /// The admin pages' bundle takes the page over: calls what [`Host::open_admin`] was given.
    /// Returns false when there was nothing to call.
    pub fn admin_takes_over(&self) -> bool {
        let release = self.inner.borrow_mut().release.take();
        release.map(|release| release()).is_some()
    }

    /// Forgets recorded requests (e.g. after the initial load).
    pub fn clear_requests(&self) {
        self.inner.borrow_mut().requests.clear();
    }

    /// The scripted answer to `method`, decoded as the adapter decodes a real one.
    fn answer(&self, method: &str, params: &Value) -> Result<Reply, CallError> {
        let mut inner = self.inner.borrow_mut();
        let result = match inner.responders.get_mut(method) {
            Some(respond) => respond(params),
            None => Err(CallError::Rest {
                status: 404,
                code: "ERROR_METHOD_NOT_FOUND".into(),
                description: "Method not found!".into(),
            }),
        };
        result.and_then(|result| Reply::decode(method, result))
    }

    /// Records the request; when holding, waits for the test to release it.
    async fn gate(&self, request: Request) {
        let wait = {
            let mut inner = self.inner.borrow_mut();
            inner.requests.push(request);
            if inner.holding {
                let (tx, rx) = oneshot::channel();
                inner.held.push_back(tx);
                Some(rx)
            } else {
                None
            }
        };
        if let Some(rx) = wait {
            let _ = rx.await;
        }
    }
}

impl Rest for FakeHost {
    fn call(&self, call: Call) -> HostFuture<'_, Result<Reply, CallError>> {
        Box::pin(async move {
            if !self.present() {
                return Err(CallError::NoHost);
            }
            let params = params_json(&call);
            self.gate(Request::Call {
                method: call.method.to_owned(),
                params: params.clone(),
            })
            .await;
            self.answer(call.method, &params)
        })
    }

    fn batch(&self, calls: Vec<Call>) -> HostFuture<'_, Result<BatchResults, CallError>> {
        Box::pin(async move {
            if !self.present() {
                return Err(CallError::NoHost);
            }
            let sent: Vec<Sent> = calls.iter().map(Sent::from).collect();
            self.gate(Request::Batch(sent.clone())).await;
            Ok(calls
                .iter()
                .zip(&sent)
                .map(|(c, s)| (c.key, self.answer(c.method, &s.params)))
                .collect())
        })
    }
}

impl Page for FakeHost {
    fn present(&self) -> bool {
        !self.inner.borrow().absent
    }

    fn ready(&self) -> HostFuture<'_, Result<HostInfo, CallError>> {
        Box::pin(async move {
            if !self.present() {
                return Err(CallError::NoHost);
            }
            self.inner
                .borrow()
                .info
                .clone()
                .unwrap_or(Err(CallError::InitTimeout))
        })
    }

    fn fit_height(&self, height: u32) {
        self.inner.borrow_mut().heights.push(height);
    }

    fn log(&self, line: &str) {
        self.inner.borrow_mut().logs.push(line.to_owned());
    }

    fn page_url(&self) -> String {
        self.inner.borrow().page_url.clone()
    }

    fn is_admin(&self) -> bool {
        self.present() && self.inner.borrow().admin
    }

    fn install_finish(&self) {
        if self.present() {
            self.inner.borrow_mut().install_finished += 1;
        }
    }

    fn focus(&self, element_id: &str) {
        self.inner.borrow_mut().focused.push(element_id.to_owned());
    }

    fn mark(&self, name: &str) {
        self.inner.borrow_mut().marks.push(name.to_owned());
    }

    fn on_visible(&self, on_visible: Rc<dyn Fn()>) -> Subscription {
        // Held weakly: dropping the subscription (the widget unmounts) is what ends it.
        self.inner
            .borrow_mut()
            .visible
            .push(Rc::downgrade(&on_visible));
        Subscription::new(move || drop(on_visible))
    }

    fn watch_height(&self, _id: &str, _debounce_ms: u32, _on: Rc<dyn Fn(u32)>) -> Subscription {
        // No layout here: tests call `fit_height` through the real adapter's suite. Counted, so
        // a test sees whether the page follows its content at all.
        let watching = self.inner.borrow().watching.clone();
        watching.set(watching.get() + 1);
        Subscription::new(move || watching.set(watching.get() - 1))
    }

    fn browser_lang(&self) -> String {
        String::new()
    }

    fn catalogue(&self, locale: Locale) -> HostFuture<'_, Result<CatalogueTexts, String>> {
        let mut inner = self.inner.borrow_mut();
        let json = inner.catalogues.get(&locale).cloned();
        let gate = inner.catalogues_held.as_mut().map(|held| {
            let (tx, rx) = oneshot::channel();
            held.push(tx);
            rx
        });
        drop(inner);
        Box::pin(async move {
            if let Some(gate) = gate {
                let _ = gate.await;
            }
            let json = json.ok_or("not available")?;
            serde_json::from_str(&json).map_err(|e| format!("not a catalogue: {e}"))
        })
    }

    fn numbers(&self, locale: Locale) -> Rc<dyn Numbers> {
        let numbers = self.inner.borrow().numbers.clone();
        match numbers {
            Some(numbers) => numbers(locale),
            None => Rc::new(SimpleNumbers),
        }
    }

    fn open_admin(&self, release: Box<dyn FnOnce()>) -> HostFuture<'_, Result<(), ()>> {
        let mut inner = self.inner.borrow_mut();
        inner.admin_opened += 1;
        let fails = inner.admin_fails;
        if !fails {
            inner.release = Some(release);
        }
        Box::pin(async move {
            if fails {
                Err(())
            } else {
                Ok(())
            }
        })
    }
}

/// Plural rules and digits for tests without a browser: `one` for 1, `other` for the rest,
/// ASCII digits. Browser tests use the real `Intl` ([`openline_modes::host::dom::IntlNumbers`]).
pub struct SimpleNumbers;

impl Numbers for SimpleNumbers {
    fn category(&self, n: u64) -> PluralCategory {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    fn format(&self, n: u64) -> String {
        n.to_string()
    }
}
