//! The widget in a real browser, over the scriptable host and a small stateful portal: what the
//! operator sees (roles, visible text, `aria-*`) and what the portal receives, per behaviour.
#![cfg(target_arch = "wasm32")]

mod catalogues;
mod fake;
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use fake::{FakeHost, Request, Sent};
use openline_modes::controller::verdict::PIN_ALL_ID;
use openline_modes::domain::error::CallError;
use openline_modes::host::dom;
use openline_modes::i18n::Locale;
use serde_json::{json, Value};
use support::{text_of, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

// What the operator reads, written out (not computed with the texts under test).
const DE_LOAD_PORTAL_TOO_OLD: &str = "Der Zustand des Dialogs konnte nicht gelesen werden. Diesem Portal fehlt die Methode, mit der das Widget den Dialog liest (imopenlines.dialog.get). Bitten Sie Ihren Administrator, Bitrix24 zu aktualisieren.";
const DIALOG_PINNED: &str = "The dialog is pinned to you.";
const LOADING: &str = "Loading dialog…";
const LOAD_NO_ANSWER: &str = "Could not read the dialog state. Bitrix24 did not answer in time. Check your connection and try again.";
const LOAD_PORTAL_TOO_OLD: &str = "Could not read the dialog state. This portal does not have the method the widget reads the dialog with (imopenlines.dialog.get). Ask your administrator to update Bitrix24.";
const NOT_OPEN_LINE: &str =
    "This chat is not an open-line dialog. Pin and whisper mode work only in open-line chats.";
const NO_DIALOG_ACCESS: &str =
    "This chat is not an open-line dialog, or you do not have access to it.";
const PIN_AUTH_LOST: &str =
    "Pinning failed. Your Bitrix24 authorization has expired. Reload the page.";
const PIN_NOT_OPERATOR: &str =
    "Pinning failed. Only the operator who handles this dialog can pin or unpin it.";
const PIN_NO_ANSWER: &str = "Pinning was not confirmed. Bitrix24 did not answer in time. The change may or may not have been applied; the switch shows the dialog's current state.";
const PIN_RATE_LIMITED: &str = "Pinning failed. Bitrix24 is receiving too many requests right now. Wait a minute and try again.";
const PIN_UNKNOWN: &str = "Pinning failed. Something unexpected happened. Try again; if it keeps happening, reload the page.";
const PORTAL_TOO_OLD: &str = "This portal does not have the pin and whisper methods yet (imopenlines.session.mode.*). Ask your administrator to update Bitrix24.";
const RU_NOT_OPEN_LINE: &str = "Этот чат не является диалогом открытой линии. Закрепление и скрытый режим работают только в чатах открытых линий.";
const RU_PAGE_LOAD_FAILED: &str = "Страница приложения не загрузилась. Перезагрузите страницу; если это повторяется, сообщите администратору.";
const RU_PIN_NOT_OPERATOR: &str = "Не удалось закрепить диалог. Закрепить или открепить диалог может только оператор, который его ведёт.";
const RU_NO_CHAT_SAID: &str = "Битрикс24 не сообщил виджету, какой чат открыт. Откройте чат заново и снова запустите из него виджет.";
const UA_NO_HOST: &str = "Поруч із цією сторінкою немає Бітрікс24. Відкрийте віджет із чату відкритої лінії на вашому порталі.";
const UNPIN_NO_ACCESS: &str = "Unpinning failed. You do not have permission for this dialog. Ask your administrator for access to this open line.";
const WHISPER_ON_NOT_OPEN_LINE: &str = "Turning whisper mode on failed. This chat is not an open-line dialog; pin and whisper mode work only there.";
const WHISPER_TURNED_ON: &str = "Whisper mode is on.";

const DIALOG_GET: &str = "imopenlines.dialog.get";
const PIN: &str = "imopenlines.session.mode.pin";
const SILENT: &str = "imopenlines.session.mode.silent";
const PIN_ALL: &str = "imopenlines.session.mode.pinAll";
const UNPIN_ALL: &str = "imopenlines.session.mode.unpinAll";
/// The operator using the widget (`profile` → `ID`).
const ME: u64 = 1;

// ---------------------------------------------------------------------------------------------
// The portal: one open-line dialog, `chat12`, whose state the writes change.
// ---------------------------------------------------------------------------------------------

/// What the portal has for `chat12`.
struct Dialog {
    pinned: bool,
    /// `entity_data_3` as sent: `"Y"`, `"N"` or `""`.
    whisper: &'static str,
    owner: u64,
    /// `entity_data_1` SESSION_ID; `0` = no active session.
    session: u64,
    name: String,
    entity_type: &'static str,
    chat_type: &'static str,
    /// `false`: writes answer `true` and change nothing (the portal's queue-lock quirk).
    writes_apply: bool,
    /// What `pinAll` / `unpinAll` answer.
    bulk_ids: Vec<u64>,
}

/// A stateful fake portal behind the [`FakeHost`]; clones share the dialog.
#[derive(Clone)]
struct Portal(Rc<RefCell<Dialog>>);

impl Portal {
    /// An open-line dialog with an active session, handled by [`ME`], not pinned, whisper off.
    fn new() -> Self {
        Portal(Rc::new(RefCell::new(Dialog {
            pinned: false,
            whisper: "N",
            owner: ME,
            session: 343,
            name: "Anna from Telegram".into(),
            entity_type: "LINES",
            chat_type: "lines",
            writes_apply: true,
            bulk_ids: vec![],
        })))
    }

    fn with(self, change: impl FnOnce(&mut Dialog)) -> Self {
        change(&mut self.0.borrow_mut());
        self
    }

    fn pinned(&self) -> bool {
        self.0.borrow().pinned
    }

    /// `imopenlines.dialog.get`'s result, keys lower case as the portal sends them.
    fn dialog_json(&self) -> Value {
        let d = self.0.borrow();
        json!({
            "id": "12",
            "dialog_id": "chat12",
            "type": d.chat_type,
            "message_type": if d.chat_type == "lines" { "L" } else { "C" },
            "entity_type": d.entity_type,
            "entity_data_1": format!(
                "N|NONE|0|{}|N|{}|1773682918|1|0|0",
                if d.pinned { "Y" } else { "N" },
                d.session
            ),
            "entity_data_3": d.whisper,
            "owner": d.owner,
            "name": d.name,
        })
    }

    /// Scripts `fake` to answer like this portal.
    fn serve(&self, fake: &FakeHost) {
        let portal = self.clone();
        fake.on(DIALOG_GET, move |_| Ok(portal.dialog_json()));
        fake.on("profile", |_| {
            Ok(json!({ "ID": ME.to_string(), "ADMIN": false }))
        });
        let portal = self.clone();
        fake.on(PIN, move |params| {
            let mut d = portal.0.borrow_mut();
            if d.writes_apply {
                // Only the exact string "N" unpins (docs/bitrix24.md §1.2).
                d.pinned = params["ACTIVATE"] != "N";
            }
            Ok(json!(true))
        });
        let portal = self.clone();
        fake.on(SILENT, move |params| {
            let mut d = portal.0.borrow_mut();
            if d.writes_apply {
                d.whisper = if params["ACTIVATE"] == "Y" { "Y" } else { "N" };
            }
            Ok(json!(true))
        });
        let portal = self.clone();
        fake.on(PIN_ALL, move |_| {
            let mut d = portal.0.borrow_mut();
            d.pinned = true;
            Ok(json!(d.bulk_ids))
        });
        let portal = self.clone();
        fake.on(UNPIN_ALL, move |_| {
            let mut d = portal.0.borrow_mut();
            d.pinned = false;
            Ok(json!(d.bulk_ids))
        });
    }
}

/// A sidebar host for `chat12` in `locale`, answered by `portal`.
fn sidebar(portal: &Portal, locale: Locale) -> FakeHost {
    let fake = FakeHost::sidebar("chat12", locale.code());
    portal.serve(&fake);
    fake
}

fn rest_error(status: u16, code: &str, description: &str) -> CallError {
    CallError::Rest {
        status,
        code: code.into(),
        description: description.into(),
    }
}

fn pin_params(activate: &str) -> Value {
    json!({ "CHAT_ID": 12, "ACTIVATE": activate })
}

// ---------------------------------------------------------------------------------------------
// The widget, and a small vocabulary to act on it like an operator.
// ---------------------------------------------------------------------------------------------

/// The mounted widget (dropping it unmounts it) and the fake host behind it.
struct Widget {
    fake: FakeHost,
    page: Mounted,
}

/// Mounts the app over `fake` and returns at once (nothing has been answered yet).
fn mount(fake: &FakeHost) -> Widget {
    Widget {
        fake: fake.clone(),
        page: Mounted::new(fake),
    }
}

/// Mounts the app and waits until it shows the dialog or a message.
async fn open_widget(fake: &FakeHost) -> Widget {
    let w = mount(fake);
    w.until("the first state is shown", || !w.loading()).await;
    w.settle().await;
    w
}

fn aria(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn focused() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

fn press(el: &Element) {
    el.clone().unchecked_into::<HtmlElement>().click();
}

impl Widget {
    fn all(&self, selector: &str) -> Vec<Element> {
        self.page.all(selector)
    }

    fn one(&self, selector: &str) -> Element {
        self.page
            .root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector} in: {}", self.visible_text()))
    }

    fn visible_text(&self) -> String {
        text_of(&self.page.root)
    }

    fn shows(&self, text: &str) -> bool {
        self.visible_text().contains(text)
    }

    fn loading(&self) -> bool {
        !self
            .all("[aria-busy=true]:not([role=switch]):not(button)")
            .is_empty()
    }

    fn switches(&self) -> Vec<Element> {
        self.all("[role=switch]")
    }

    fn switch(&self, name: &str) -> Element {
        let all = self.switches();
        let names: Vec<String> = all.iter().map(text_of).collect();
        all.into_iter()
            .find(|s| text_of(s) == name)
            .unwrap_or_else(|| panic!("no switch {name:?}; switches: {names:?}"))
    }

    fn checked(&self, name: &str) -> Option<String> {
        aria(&self.switch(name), "aria-checked")
    }

    fn click_switch(&self, name: &str) {
        press(&self.switch(name));
    }

    fn button(&self, name: &str) -> Option<Element> {
        self.all("button")
            .into_iter()
            .find(|b| b.get_attribute("role").is_none() && text_of(b) == name)
    }

    fn click(&self, name: &str) {
        let button = self
            .button(name)
            .unwrap_or_else(|| panic!("no button {name:?} in: {}", self.visible_text()));
        press(&button);
    }

    fn buttons(&self) -> usize {
        self.all("button").len()
    }

    fn region(&self, role: &str) -> Element {
        self.one(&format!("[role={role}]"))
    }

    /// The alert's message, without the labels of its buttons.
    fn alert_text(&self) -> String {
        let nodes = self.region("alert").child_nodes();
        let text: String = (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter(|n| n.node_name() != "BUTTON")
            .filter_map(|n| n.text_content())
            .collect();
        text.trim().to_owned()
    }

    fn status_text(&self) -> String {
        text_of(&self.region("status"))
    }

    fn confirmation(&self) -> Option<Element> {
        self.all("[role=group]").into_iter().next()
    }

    /// Writes (plain calls) the portal received, as `(method, params)`.
    fn writes(&self) -> Vec<(String, Value)> {
        self.fake
            .requests()
            .into_iter()
            .filter_map(|r| match r {
                Request::Call { method, params } => Some((method, params)),
                Request::Batch(_) => None,
            })
            .collect()
    }

    /// Awaits ticks until `cond` holds (bounded, no timers).
    async fn until(&self, what: &str, cond: impl Fn() -> bool) {
        for _ in 0..200 {
            if cond() {
                return;
            }
            leptos::task::tick().await;
        }
        panic!(
            "gave up waiting until {what}; the widget shows: {:?}; requests: {:?}",
            self.visible_text(),
            self.fake.requests()
        );
    }

    /// Awaits ticks until nothing changes any more (requests, text, switch and button states).
    async fn settle(&self) {
        let fingerprint = || {
            let states: Vec<_> = self
                .all("button")
                .iter()
                .map(|b| {
                    (
                        aria(b, "aria-checked"),
                        aria(b, "aria-busy"),
                        aria(b, "aria-disabled"),
                    )
                })
                .collect();
            (self.fake.requests().len(), self.visible_text(), states)
        };
        let mut last = fingerprint();
        let mut quiet = 0;
        for _ in 0..400 {
            leptos::task::tick().await;
            let now = fingerprint();
            if now == last {
                quiet += 1;
                if quiet == 15 {
                    return;
                }
            } else {
                quiet = 0;
                last = now;
            }
        }
        panic!("the widget never settled: {:?}", self.visible_text());
    }
}

/// Opens the widget on `portal`, lets `method` fail with `err`, toggles `switch`, and returns
/// the widget once the alert is up.
async fn toggle_failing(
    portal: &Portal,
    locale: Locale,
    method: &str,
    err: CallError,
    switch: &str,
) -> Widget {
    let fake = sidebar(portal, locale);
    fake.on(method, move |_| Err(err.clone()));
    let w = open_widget(&fake).await;
    w.click_switch(switch);
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    w
}

// ---------------------------------------------------------------------------------------------
// 1. Loading
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn alert_and_status_regions_are_present_and_empty_from_the_first_render() {
    let fake = sidebar(&Portal::new(), Locale::En);
    fake.hold();
    let w = mount(&fake);
    for role in ["alert", "status"] {
        let region = w.region(role);
        assert_eq!(text_of(&region), "", "{role} starts empty");
        assert_eq!(region.child_element_count(), 0, "{role} starts empty");
    }
    fake.release_all();
}

#[wasm_bindgen_test]
async fn while_the_state_is_read_a_skeleton_shows_and_no_switches() {
    let fake = sidebar(&Portal::new(), Locale::En);
    fake.hold();
    let w = mount(&fake);
    w.until("the state read is sent", || fake.held() == 1).await;
    w.settle().await;
    assert!(w.loading(), "a busy skeleton: {:?}", w.visible_text());
    assert!(w.shows(LOADING));
    assert!(
        w.switches().is_empty(),
        "no switches before the state is known"
    );
    assert_eq!(w.alert_text(), "");
    assert_eq!(w.status_text(), "");

    fake.release_all();
    w.until("the switches appear", || w.switches().len() == 2)
        .await;
    assert!(!w.loading());
}

#[wasm_bindgen_test]
async fn a_first_read_without_an_answer_says_so_and_try_again_reads_again() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let fake = sidebar(&portal, Locale::En);
    let first = Rc::new(RefCell::new(true));
    let (answers, once) = (portal.clone(), first.clone());
    fake.on(DIALOG_GET, move |_| {
        if std::mem::replace(&mut *once.borrow_mut(), false) {
            Err(CallError::Timeout)
        } else {
            Ok(answers.dialog_json())
        }
    });
    let w = mount(&fake);
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert_eq!(w.alert_text(), LOAD_NO_ANSWER);
    assert!(w.switches().is_empty(), "no switches over an unknown state");

    w.click("Try again");
    w.until("the switches appear", || w.switches().len() == 2)
        .await;
    w.settle().await;
    assert_eq!(w.alert_text(), "");
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert!(w.writes().is_empty(), "reading is all that was repeated");
    assert_eq!(fake.requests().len(), 2, "two reads: {:?}", fake.requests());
}

#[wasm_bindgen_test]
async fn coming_back_to_the_chat_shows_the_state_changed_elsewhere() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    portal.0.borrow_mut().pinned = true; // another tab pinned it
    fake.become_visible(); // the host reports the page visible again
    w.until("the switch shows the portal's state", || {
        w.checked("Pin dialog").as_deref() == Some("true")
    })
    .await;
    assert!(w.writes().is_empty());
}

// ---------------------------------------------------------------------------------------------
// 2–3. The switches show the portal's state
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_pinned_dialog_shows_the_pin_switch_on() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = open_widget(&sidebar(&portal, Locale::En)).await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert_eq!(w.checked("Whisper mode").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn an_unpinned_dialog_shows_the_pin_switch_off() {
    let w = open_widget(&sidebar(&Portal::new(), Locale::En)).await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn in_russian_the_pin_switch_is_labelled_zakrepit_dialog() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = open_widget(&sidebar(&portal, Locale::Ru)).await;
    assert_eq!(w.checked("Закрепить диалог").as_deref(), Some("true"));
    assert_eq!(
        aria(&w.one("main"), "lang").as_deref(),
        Some("ru"),
        "the page language follows the portal"
    );
}

#[wasm_bindgen_test]
async fn whisper_y_shows_the_whisper_switch_on() {
    let portal = Portal::new().with(|d| d.whisper = "Y");
    let w = open_widget(&sidebar(&portal, Locale::En)).await;
    assert_eq!(w.checked("Whisper mode").as_deref(), Some("true"));
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn whisper_n_or_empty_shows_the_whisper_switch_off() {
    for value in ["N", ""] {
        let portal = Portal::new().with(|d| d.whisper = value);
        let w = open_widget(&sidebar(&portal, Locale::En)).await;
        assert_eq!(
            w.checked("Whisper mode").as_deref(),
            Some("false"),
            "entity_data_3 = {value:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn in_russian_the_whisper_switch_is_labelled_skrytyj_rezhim() {
    let portal = Portal::new().with(|d| d.whisper = "Y");
    let w = open_widget(&sidebar(&portal, Locale::Ru)).await;
    assert_eq!(w.checked("Скрытый режим").as_deref(), Some("true"));
}

// ---------------------------------------------------------------------------------------------
// 4. One round trip to load
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn loading_is_one_batch_of_dialog_get_and_profile() {
    let fake = sidebar(&Portal::new(), Locale::En);
    let _w = open_widget(&fake).await;
    // Exactly this: in particular no `app.info` (only the app's own page asks whether the
    // portal is installing the app).
    assert_eq!(
        fake.requests(),
        vec![Request::Batch(vec![
            Sent {
                key: "dialog".into(),
                method: DIALOG_GET.into(),
                params: json!({ "DIALOG_ID": "chat12" }),
            },
            Sent {
                key: "me".into(),
                method: "profile".into(),
                params: json!({}),
            },
        ])]
    );
}

#[wasm_bindgen_test]
async fn the_first_read_leaves_before_the_widget_renders_and_its_answer_is_shown_once() {
    // The root reads the dialog as soon as the host is ready and keeps its placeholder until the
    // answer: the widget renders once, with the state, and does not read again.
    let portal = Portal::new().with(|d| d.pinned = true);
    let fake = sidebar(&portal, Locale::En);
    fake.hold();
    let w = mount(&fake);
    w.until("the batch is held", || fake.requests().len() == 1)
        .await;
    w.settle().await;
    assert!(w.loading(), "{:?}", w.visible_text());
    assert!(
        w.all("[role=switch]").is_empty(),
        "nothing but the placeholder yet"
    );
    assert!(fake.release());
    w.until("the state is shown", || !w.loading()).await;
    w.settle().await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert_eq!(fake.requests().len(), 1, "{:?}", fake.requests());
}

#[wasm_bindgen_test]
async fn the_first_read_does_not_wait_for_the_catalogue() {
    // The dialog is read the moment the host is ready, while the operator's catalogue is still
    // on its way; the widget shows the state once both are there, in the operator's language.
    let portal = Portal::new().with(|d| d.pinned = true);
    let fake = sidebar(&portal, Locale::Ru);
    fake.hold_catalogues();
    let w = mount(&fake);
    w.until("the read is sent while the catalogue is held", || {
        fake.requests().len() == 1
    })
    .await;
    w.settle().await;
    assert!(w.loading(), "{:?}", w.visible_text());
    assert!(
        w.all("[role=switch]").is_empty(),
        "no texts yet, no switches"
    );
    fake.release_catalogues();
    w.until("the state is shown", || !w.loading()).await;
    w.settle().await;
    assert_eq!(w.checked("Закрепить диалог").as_deref(), Some("true"));
    assert_eq!(fake.requests().len(), 1, "{:?}", fake.requests());
}

// ---------------------------------------------------------------------------------------------
// 5. A click is one write, then a re-read; the switch ends in the portal's state
// ---------------------------------------------------------------------------------------------

/// Toggles `switch` on `portal` and checks: exactly one write of `method` with `params`, then a
/// state read, and the switch ends `expected`; returns the widget for further checks.
async fn toggle_and_expect(
    portal: &Portal,
    locale: Locale,
    switch: &str,
    method: &str,
    params: Value,
    expected: &str,
) -> Widget {
    let fake = sidebar(portal, locale);
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click_switch(switch);
    w.until("the switch shows the portal's new state", || {
        w.checked(switch).as_deref() == Some(expected)
    })
    .await;
    w.settle().await;
    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "one write, one re-read: {requests:?}");
    assert_eq!(
        requests[0],
        Request::Call {
            method: method.into(),
            params
        }
    );
    assert!(
        matches!(&requests[1], Request::Batch(calls) if calls[0].method == DIALOG_GET),
        "then the state is read again: {requests:?}"
    );
    assert_eq!(w.alert_text(), "");
    w
}

#[wasm_bindgen_test]
async fn clicking_pin_sends_activate_y_once_then_rereads_and_shows_pinned() {
    let portal = Portal::new();
    let w = toggle_and_expect(
        &portal,
        Locale::En,
        "Pin dialog",
        PIN,
        pin_params("Y"),
        "true",
    )
    .await;
    assert!(portal.pinned());
    assert_eq!(w.status_text(), DIALOG_PINNED);
}

#[wasm_bindgen_test]
async fn clicking_a_pinned_switch_sends_activate_n_and_shows_unpinned() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = toggle_and_expect(
        &portal,
        Locale::Ru,
        "Закрепить диалог",
        PIN,
        pin_params("N"),
        "false",
    )
    .await;
    assert!(!portal.pinned());
    assert_eq!(w.status_text(), "Диалог откреплён.");
}

#[wasm_bindgen_test]
async fn turning_whisper_on_sends_silent_with_activate_y() {
    let w = toggle_and_expect(
        &Portal::new(),
        Locale::En,
        "Whisper mode",
        SILENT,
        pin_params("Y"),
        "true",
    )
    .await;
    assert_eq!(w.status_text(), WHISPER_TURNED_ON);
}

#[wasm_bindgen_test]
async fn turning_whisper_off_sends_silent_with_activate_n() {
    let portal = Portal::new().with(|d| d.whisper = "Y");
    let w = toggle_and_expect(
        &portal,
        Locale::Ru,
        "Скрытый режим",
        SILENT,
        pin_params("N"),
        "false",
    )
    .await;
    assert_eq!(w.status_text(), "Скрытый режим выключен.");
}

// ---------------------------------------------------------------------------------------------
// 6. Busy
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn while_a_pin_is_in_flight_the_switch_is_busy_and_ignores_clicks() {
    let fake = sidebar(&Portal::new(), Locale::En);
    let w = open_widget(&fake).await;
    assert_eq!(aria(&w.switch("Pin dialog"), "aria-busy"), None);
    fake.clear_requests();
    fake.hold();

    w.click_switch("Pin dialog");
    w.until("the pin switch is busy", || {
        aria(&w.switch("Pin dialog"), "aria-busy").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        w.checked("Pin dialog").as_deref(),
        Some("false"),
        "stays on the portal's last known state while in flight"
    );
    let saving = "Saving…";
    assert_eq!(
        text_of(&w.one("#olm-pin-hint")),
        saving,
        "the wait is visible in words"
    );
    w.click_switch("Pin dialog");
    w.settle().await;
    assert_eq!(w.writes().len(), 1, "the second click sent nothing");

    fake.release_all();
    w.until("the pin switch is no longer busy", || {
        aria(&w.switch("Pin dialog"), "aria-busy").is_none()
    })
    .await;
    w.settle().await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert_ne!(text_of(&w.one("#olm-pin-hint")), saving);
    assert_eq!(w.writes(), vec![(PIN.to_owned(), pin_params("Y"))]);
}

// ---------------------------------------------------------------------------------------------
// 7. Errors: their text in the alert, the switch on the portal's true state
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_pin_refused_with_an_empty_error_code_shows_the_operator_only_rule() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        PIN,
        rest_error(400, "", ""),
        "Pin dialog",
    )
    .await;
    assert_eq!(w.alert_text(), PIN_NOT_OPERATOR);
    assert!(w.alert_text().contains("Only the operator"));
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    assert_eq!(w.status_text(), "", "a failure is not a success");
}

#[wasm_bindgen_test]
async fn in_russian_the_operator_only_rule_is_in_russian() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::Ru,
        PIN,
        rest_error(400, "", ""),
        "Закрепить диалог",
    )
    .await;
    assert_eq!(w.alert_text(), RU_PIN_NOT_OPERATOR);
    assert!(w.button("Повторить").is_some());
}

#[wasm_bindgen_test]
async fn access_denied_on_unpin_shows_the_no_permission_text_and_the_dialog_stays_pinned() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = toggle_failing(
        &portal,
        Locale::En,
        PIN,
        rest_error(
            400,
            "ACCESS_DENIED",
            "You do not have permission to access this chat.",
        ),
        "Pin dialog",
    )
    .await;
    assert_eq!(w.alert_text(), UNPIN_NO_ACCESS);
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn chat_type_on_whisper_shows_the_not_an_open_line_text() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        SILENT,
        rest_error(400, "CHAT_TYPE", "Chat is not an open line"),
        "Whisper mode",
    )
    .await;
    assert_eq!(w.alert_text(), WHISPER_ON_NOT_OPEN_LINE);
    assert_eq!(w.checked("Whisper mode").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_pin_without_an_answer_says_it_may_or_may_not_have_happened() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        PIN,
        CallError::Timeout,
        "Pin dialog",
    )
    .await;
    assert_eq!(w.alert_text(), PIN_NO_ANSWER);
    assert!(
        w.alert_text().contains("not confirmed"),
        "{}",
        w.alert_text()
    );
    assert!(
        w.alert_text().contains("may or may not"),
        "{}",
        w.alert_text()
    );
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    assert!(
        w.button("Try again").is_some(),
        "it did not happen: it may be repeated"
    );
}

#[wasm_bindgen_test]
async fn a_timed_out_pin_that_did_apply_shows_pinned_and_offers_no_try_again() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let applied = portal.clone();
    fake.on(PIN, move |_| {
        applied.0.borrow_mut().pinned = true;
        Err(CallError::Timeout)
    });
    let w = open_widget(&fake).await;
    w.click_switch("Pin dialog");
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert_eq!(w.alert_text(), PIN_NO_ANSWER);
    assert!(w.button("Try again").is_none(), "nothing left to repeat");
}

#[wasm_bindgen_test]
async fn an_expired_token_says_to_reload() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        PIN,
        rest_error(
            401,
            "expired_token",
            "The access token provided has expired.",
        ),
        "Pin dialog",
    )
    .await;
    assert_eq!(w.alert_text(), PIN_AUTH_LOST);
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn too_many_requests_says_to_wait() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        PIN,
        rest_error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"),
        "Pin dialog",
    )
    .await;
    assert_eq!(w.alert_text(), PIN_RATE_LIMITED);
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
}

/// Shared by the en and ru "Try again" tests.
/// In `locale`, with its words for the pin switch, "Try again", and a pin refused to a
/// non-operator.
async fn try_again_repeats_exactly_the_failed_command(
    locale: Locale,
    pin: &str,
    again: &str,
    refused: &str,
) {
    let portal = Portal::new();
    let fake = sidebar(&portal, locale);
    let failures = Rc::new(RefCell::new(0));
    let count = failures.clone();
    fake.on(PIN, move |_| {
        *count.borrow_mut() += 1;
        Err(rest_error(400, "", ""))
    });
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click_switch(pin);
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert_eq!(
        w.writes(),
        vec![(PIN.to_owned(), pin_params("Y"))],
        "never repeated by itself"
    );

    w.click(again);
    w.until("the write is repeated", || w.writes().len() == 2)
        .await;
    w.settle().await;
    assert_eq!(
        w.writes(),
        vec![
            (PIN.to_owned(), pin_params("Y")),
            (PIN.to_owned(), pin_params("Y"))
        ],
        "the same method and params, once more"
    );
    assert_eq!(*failures.borrow(), 2);
    assert_eq!(w.alert_text(), refused);
}

#[wasm_bindgen_test]
async fn try_again_repeats_exactly_the_failed_command_only_when_clicked() {
    try_again_repeats_exactly_the_failed_command(
        Locale::En,
        "Pin dialog",
        "Try again",
        PIN_NOT_OPERATOR,
    )
    .await;
}

#[wasm_bindgen_test]
async fn povtorit_repeats_exactly_the_failed_command_only_when_clicked() {
    try_again_repeats_exactly_the_failed_command(
        Locale::Ru,
        "Закрепить диалог",
        "Повторить",
        RU_PIN_NOT_OPERATOR,
    )
    .await;
}

#[wasm_bindgen_test]
async fn try_again_after_a_success_leaves_the_portal_in_the_asked_state() {
    // The first attempt is refused, the second goes through: the switch follows the portal.
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let refuse = Rc::new(RefCell::new(true));
    let (state, first) = (portal.clone(), refuse.clone());
    fake.on(PIN, move |params| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return Err(rest_error(503, "QUERY_LIMIT_EXCEEDED", ""));
        }
        state.0.borrow_mut().pinned = params["ACTIVATE"] == "Y";
        Ok(json!(true))
    });
    let w = open_widget(&fake).await;
    w.click_switch("Pin dialog");
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    w.click("Try again");
    w.until("the dialog shows pinned", || {
        w.checked("Pin dialog").as_deref() == Some("true")
    })
    .await;
    w.settle().await;
    assert_eq!(w.alert_text(), "");
    assert_eq!(w.status_text(), DIALOG_PINNED);
    assert_eq!(w.writes().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// 8. A "success" that changed nothing
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_write_that_succeeds_but_changes_nothing_is_reported_as_a_failure() {
    let portal = Portal::new().with(|d| d.writes_apply = false);
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    w.click_switch("Pin dialog");
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert_eq!(w.alert_text(), PIN_UNKNOWN);
    assert_eq!(w.status_text(), "", "not reported as a success");
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    assert!(w.button("Try again").is_some());
}

// ---------------------------------------------------------------------------------------------
// 9–10. Blocked switches
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_dialog_of_another_operator_has_the_pin_switch_disabled_with_the_reason() {
    let portal = Portal::new().with(|d| d.owner = 7);
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    assert_eq!(
        aria(&w.switch("Pin dialog"), "aria-disabled").as_deref(),
        Some("true")
    );
    assert!(w.shows("This dialog is handled by another operator"));
    fake.clear_requests();
    w.click_switch("Pin dialog");
    w.settle().await;
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    assert!(!portal.pinned());
}

#[wasm_bindgen_test]
async fn whisper_still_works_on_another_operators_dialog() {
    let portal = Portal::new().with(|d| d.owner = 7);
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    assert_eq!(aria(&w.switch("Whisper mode"), "aria-disabled"), None);
    w.click_switch("Whisper mode");
    w.until("whisper shows on", || {
        w.checked("Whisper mode").as_deref() == Some("true")
    })
    .await;
    assert_eq!(w.writes(), vec![(SILENT.to_owned(), pin_params("Y"))]);
}

#[wasm_bindgen_test]
async fn in_russian_another_operators_dialog_says_so_in_russian() {
    let portal = Portal::new().with(|d| d.owner = 7);
    let w = open_widget(&sidebar(&portal, Locale::Ru)).await;
    assert_eq!(
        aria(&w.switch("Закрепить диалог"), "aria-disabled").as_deref(),
        Some("true")
    );
    assert!(w.shows("Этот диалог ведёт другой оператор"));
}

#[wasm_bindgen_test]
async fn a_dialog_without_an_active_session_disables_both_switches() {
    let portal = Portal::new().with(|d| d.session = 0);
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    for name in ["Pin dialog", "Whisper mode"] {
        assert_eq!(
            aria(&w.switch(name), "aria-disabled").as_deref(),
            Some("true"),
            "{name}"
        );
    }
    assert!(w.shows("This dialog has no active session"));
    fake.clear_requests();
    w.click_switch("Pin dialog");
    w.click_switch("Whisper mode");
    w.settle().await;
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
}

// ---------------------------------------------------------------------------------------------
// 11–13. Where the widget cannot work: one message, no controls
// ---------------------------------------------------------------------------------------------

/// Checks that `w` shows exactly `message`, no controls and an empty alert.
fn assert_only_message(w: &Widget, message: &str) {
    assert!(
        w.shows(message),
        "expected {message:?}, the widget shows {:?}",
        w.visible_text()
    );
    assert!(w.switches().is_empty(), "no switches");
    assert_eq!(w.buttons(), 0, "no controls at all");
    assert_eq!(w.alert_text(), "", "one message, not two");
}

#[wasm_bindgen_test]
async fn dialog_get_access_error_shows_one_message_and_no_switches() {
    let fake = sidebar(&Portal::new(), Locale::En);
    fake.on(DIALOG_GET, |_| {
        Err(rest_error(
            400,
            "ACCESS_ERROR",
            "You do not have access to the specified dialog",
        ))
    });
    let w = open_widget(&fake).await;
    assert_only_message(&w, NO_DIALOG_ACCESS);
}

#[wasm_bindgen_test]
async fn a_chat_that_is_not_an_open_line_shows_one_message_and_no_switches() {
    let portal = Portal::new().with(|d| {
        d.entity_type = "";
        d.chat_type = "chat";
    });
    let w = open_widget(&sidebar(&portal, Locale::Ru)).await;
    assert_only_message(&w, RU_NOT_OPEN_LINE);
}

#[wasm_bindgen_test]
async fn without_bitrix24_the_widget_says_so_and_calls_nothing() {
    let fake = FakeHost::absent();
    let w = open_widget(&fake).await;
    assert_eq!(dom::browser_lang(), "en-US", "the test browser's language");
    assert_only_message(
        &w,
        "Bitrix24 is not around this page. Open the widget from an open-line chat in your portal.",
    );
    assert!(fake.requests().is_empty());
}

#[wasm_bindgen_test]
async fn an_init_that_never_answers_says_to_reload() {
    let fake = FakeHost::failing_ready(CallError::InitTimeout);
    let w = open_widget(&fake).await;
    assert_eq!(dom::browser_lang(), "en-US", "the test browser's language");
    assert_only_message(
        &w,
        "Bitrix24 did not answer while the widget was starting. Reload the page.",
    );
    assert!(fake.requests().is_empty());
}

#[wasm_bindgen_test]
async fn a_private_chat_placement_says_the_widget_works_only_in_open_lines() {
    let fake = FakeHost::with_placement("IM_SIDEBAR", json!({ "dialogId": "5" }), "en");
    let w = open_widget(&fake).await;
    assert_only_message(
        &w,
        "This is a private chat. Pin and whisper mode work only in open-line chats.",
    );
    assert!(fake.requests().is_empty());
}

#[wasm_bindgen_test]
async fn empty_placement_options_say_the_chat_is_unknown() {
    let fake = FakeHost::with_placement("IM_SIDEBAR", json!({}), "ru");
    let w = open_widget(&fake).await;
    assert_only_message(&w, RU_NO_CHAT_SAID);
    assert!(fake.requests().is_empty());
}

/// The widget in each of its homes: the same one read, the same controls; above the chat input
/// the frame has the binding's size (the root fills it and never asks for another height), in
/// the sidebar it follows the content.
#[wasm_bindgen_test]
async fn both_homes_show_the_same_widget_and_only_the_sidebar_follows_its_content() {
    for (placement, fixed) in [("IM_TEXTAREA", true), ("IM_SIDEBAR", false)] {
        let fake = FakeHost::with_placement(placement, json!({ "dialogId": "chat12" }), "en");
        Portal::new().with(|d| d.pinned = true).serve(&fake);
        let w = open_widget(&fake).await;
        assert_eq!(
            fake.requests().len(),
            1,
            "{placement}: one read of the true state"
        );
        assert!(
            matches!(&fake.requests()[0], Request::Batch(_)),
            "{placement}"
        );
        assert_eq!(
            w.checked("Pin dialog").as_deref(),
            Some("true"),
            "{placement}"
        );
        assert_eq!(
            w.checked("Whisper mode").as_deref(),
            Some("false"),
            "{placement}"
        );
        let root = w.one("#olm-root");
        assert_eq!(
            root.class_list().contains("olm--fixed"),
            fixed,
            "{placement}"
        );
        assert_eq!(fake.watching(), usize::from(!fixed), "{placement}");
    }
}

#[wasm_bindgen_test]
async fn another_placement_points_to_the_chat_sidebar() {
    // `DEFAULT` (the app's own page) has its own page now; any other placement gets this notice.
    let fake = FakeHost::with_placement("CRM_LEAD_DETAIL_TAB", json!({ "ID": "5" }), "en");
    let w = open_widget(&fake).await;
    assert_only_message(&w, "Open this app from an open-line chat.");
    assert!(fake.requests().is_empty());
}

#[wasm_bindgen_test]
async fn the_app_page_is_not_in_the_sidebar_bundle_it_hands_the_page_to_the_admin_bundle() {
    // The sidebar bundle never renders the app page: it asks for the admin bundle, asks the
    // portal nothing, and shows its placeholder until that bundle takes the page over.
    let fake = FakeHost::app_page("en", true);
    let w = mount(&fake);
    w.until("the admin bundle is asked for", || fake.admin_opened() == 1)
        .await;
    w.settle().await;
    assert!(w.loading(), "the placeholder stays: {:?}", w.visible_text());
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    assert!(
        fake.admin_takes_over(),
        "the admin bundle can release this root"
    );
    assert_eq!(fake.admin_opened(), 1);
}

#[wasm_bindgen_test]
async fn when_the_admin_bundle_cannot_be_loaded_the_page_says_so() {
    let fake = FakeHost::app_page("ru", true);
    fake.fail_admin();
    let w = open_widget(&fake).await;
    assert_only_message(&w, RU_PAGE_LOAD_FAILED);
    assert!(fake.logs().iter().any(|l| l.contains("admin-loader.js")));
}

/// Bug: after a click, the message that replaced the switches was never announced.
#[wasm_bindgen_test]
async fn a_portal_without_the_pin_method_says_it_is_too_old_hides_the_controls_and_announces_it() {
    let w = toggle_failing_to_notice(rest_error(
        404,
        "ERROR_METHOD_NOT_FOUND",
        "Method not found!",
    ))
    .await;
    assert_replaced_and_announced(&w, PORTAL_TOO_OLD);
    assert_eq!(w.writes().len(), 1, "sent once, not repeated");
}

// ---------------------------------------------------------------------------------------------
// 13b. After an action, the message that replaces the controls is announced
// ---------------------------------------------------------------------------------------------

/// Checks that `w` replaced its controls with `message` and put the same text in the alert
/// region (which screen readers announce), without "Try again": nothing there can be repeated.
fn assert_replaced_and_announced(w: &Widget, message: &str) {
    let notice = w.all("p.olm-notice");
    assert_eq!(
        notice.iter().map(text_of).collect::<Vec<_>>(),
        [message],
        "the message replaces the controls; the widget shows {:?}",
        w.visible_text()
    );
    assert!(w.switches().is_empty(), "no switches");
    assert_eq!(w.buttons(), 0, "no controls at all, no Try again");
    assert_eq!(w.alert_text(), message, "announced in the alert region");
    assert_eq!(w.status_text(), "", "no success claim");
}

/// Opens the widget on `portal`, pins once, and waits until the controls are gone.
async fn pin_until_the_controls_are_gone(portal: &Portal, fake: &FakeHost, pin: &str) -> Widget {
    let w = open_widget(fake).await;
    assert_eq!(w.switches().len(), 2, "controls before the write");
    assert!(!portal.pinned());
    w.click_switch(pin);
    w.until("the controls are gone", || w.switches().is_empty())
        .await;
    w.settle().await;
    w
}

/// Scripts the pin to succeed, after which `dialog.get` fails with the error put into the
/// returned cell (none: it keeps answering).
fn answer_after_the_write(portal: &Portal, fake: &FakeHost) -> Rc<RefCell<Option<CallError>>> {
    let after: Rc<RefCell<Option<CallError>>> = Rc::default();
    let written = Rc::new(RefCell::new(false));
    let w = written.clone();
    fake.on(PIN, move |_| {
        *w.borrow_mut() = true;
        Ok(json!(true))
    });
    let (answers, error) = (portal.clone(), after.clone());
    fake.on(DIALOG_GET, move |_| match &*error.borrow() {
        Some(err) if *written.borrow() => Err(err.clone()),
        _ => Ok(answers.dialog_json()),
    });
    after
}

/// Makes the portal's chat a plain group chat (someone changed it while the widget was open).
fn becomes_group_chat(portal: &Portal) {
    let mut d = portal.0.borrow_mut();
    d.entity_type = "";
    d.chat_type = "chat";
}

#[wasm_bindgen_test]
async fn a_write_whose_re_read_finds_a_group_chat_announces_that_the_widget_cannot_work_here() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::Ru);
    let changed = portal.clone();
    fake.on(PIN, move |_| {
        becomes_group_chat(&changed);
        Ok(json!(true))
    });
    let w = pin_until_the_controls_are_gone(&portal, &fake, "Закрепить диалог").await;
    assert_replaced_and_announced(&w, RU_NOT_OPEN_LINE);
}

#[wasm_bindgen_test]
async fn a_refused_write_whose_re_read_finds_a_group_chat_announces_that_not_a_try_again() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let changed = portal.clone();
    fake.on(PIN, move |_| {
        becomes_group_chat(&changed);
        Err(rest_error(400, "CHAT_TYPE", "Chat type is not LINES"))
    });
    let w = pin_until_the_controls_are_gone(&portal, &fake, "Pin dialog").await;
    // Not "Pinning failed … Try again": there is nothing left to try it on.
    assert_replaced_and_announced(&w, NOT_OPEN_LINE);
}

#[wasm_bindgen_test]
async fn a_write_whose_re_read_finds_dialog_get_missing_announces_which_method_is_missing() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::De);
    let re_read = answer_after_the_write(&portal, &fake);
    re_read.replace(Some(rest_error(
        404,
        "ERROR_METHOD_NOT_FOUND",
        "Method not found!",
    )));
    let w = pin_until_the_controls_are_gone(&portal, &fake, "Dialog anheften").await;
    assert_replaced_and_announced(&w, DE_LOAD_PORTAL_TOO_OLD);
}

#[wasm_bindgen_test]
async fn a_write_whose_re_read_finds_no_host_announces_that_bitrix24_is_gone() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::Ua);
    answer_after_the_write(&portal, &fake).replace(Some(CallError::NoHost));
    let w = pin_until_the_controls_are_gone(&portal, &fake, "Закріпити діалог").await;
    assert_replaced_and_announced(&w, UA_NO_HOST);
}

#[wasm_bindgen_test]
async fn try_again_after_a_failed_first_read_that_finds_access_lost_announces_it() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let first = Rc::new(RefCell::new(true));
    fake.on(DIALOG_GET, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            Err(CallError::Timeout)
        } else {
            Err(rest_error(
                400,
                "ACCESS_ERROR",
                "You do not have access to the specified dialog",
            ))
        }
    });
    let w = mount(&fake);
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    w.click("Try again");
    w.until("the notice is shown", || !w.all("p.olm-notice").is_empty())
        .await;
    w.settle().await;
    assert_replaced_and_announced(&w, NO_DIALOG_ACCESS);
    assert!(w.writes().is_empty());
}

#[wasm_bindgen_test]
async fn coming_back_to_a_chat_that_became_a_group_chat_announces_it() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    becomes_group_chat(&portal);
    fake.become_visible(); // the host reports the page visible again
    w.until("the controls are gone", || w.switches().is_empty())
        .await;
    w.settle().await;
    assert_replaced_and_announced(&w, NOT_OPEN_LINE);
}

#[wasm_bindgen_test]
async fn a_second_click_in_flight_when_the_controls_go_does_not_overwrite_the_announcement() {
    // Pin and whisper both in flight; the pin's re-read finds a group chat, then the whisper's
    // refusal arrives: the alert keeps saying why the controls are gone, with no "Try again".
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    let changed = portal.clone();
    fake.on(PIN, move |_| {
        becomes_group_chat(&changed);
        Ok(json!(true))
    });
    fake.on(SILENT, |_| {
        Err(rest_error(400, "CHAT_TYPE", "Chat type is not LINES"))
    });
    fake.hold();
    w.click_switch("Pin dialog");
    w.click_switch("Whisper mode");
    w.until("both writes are sent", || fake.held() == 2).await;
    fake.release_all();
    w.until("the controls are gone", || w.switches().is_empty())
        .await;
    w.settle().await;
    assert_replaced_and_announced(&w, NOT_OPEN_LINE);
    assert_eq!(w.writes().len(), 2);
}

async fn toggle_failing_to_notice(err: CallError) -> Widget {
    let fake = sidebar(&Portal::new(), Locale::En);
    fake.on(PIN, move |_| Err(err.clone()));
    let w = open_widget(&fake).await;
    assert!(w.buttons() > 2, "controls are shown before the write");
    w.click_switch("Pin dialog");
    w.until("the controls are gone", || w.switches().is_empty())
        .await;
    w.settle().await;
    w
}

// ---------------------------------------------------------------------------------------------
// 14. Pin all / unpin all, behind a confirmation
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn pin_all_asks_for_confirmation_before_sending_anything() {
    let fake = sidebar(&Portal::new(), Locale::En);
    let w = open_widget(&fake).await;
    assert!(w.confirmation().is_none());
    fake.clear_requests();
    w.click("Pin all my dialogs");
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    w.settle().await;
    let group = w.confirmation().unwrap();
    assert!(text_of(&group).contains("Pin all your active dialogs to you?"));
    assert!(w.button("Confirm").is_some());
    assert!(w.button("Cancel").is_some());
    assert!(fake.requests().is_empty(), "nothing sent before confirming");
}

#[wasm_bindgen_test]
async fn cancelling_pin_all_sends_nothing_and_closes_the_confirmation() {
    let fake = sidebar(&Portal::new(), Locale::En);
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click("Pin all my dialogs");
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    w.click("Cancel");
    w.until("the confirmation closes", || w.confirmation().is_none())
        .await;
    w.settle().await;
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    assert_eq!(w.status_text(), "");
}

#[wasm_bindgen_test]
async fn escape_closes_the_confirmation_without_sending() {
    let fake = sidebar(&Portal::new(), Locale::En);
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click("Unpin all my dialogs");
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    w.until("focus moves to Confirm", || {
        focused().is_some_and(|f| text_of(&f) == "Confirm")
    })
    .await;
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    // From the Confirm button (where focus is), bubbling up to the confirmation.
    w.button("Confirm")
        .unwrap()
        .dispatch_event(&escape)
        .unwrap();
    w.until("the confirmation closes", || w.confirmation().is_none())
        .await;
    w.settle().await;
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    assert_eq!(
        focused().map(|f| text_of(&f)).as_deref(),
        Some("Unpin all my dialogs"),
        "focus goes back to the button that opened the confirmation"
    );
}

/// Runs a confirmed bulk command whose portal answers `ids`; returns the widget.
async fn confirm_bulk(
    portal: &Portal,
    locale: Locale,
    button: &str,
    confirm: &str,
    ids: Vec<u64>,
) -> Widget {
    portal.0.borrow_mut().bulk_ids = ids;
    let fake = sidebar(portal, locale);
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click(button);
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    w.click(confirm);
    w.until("the outcome is announced", || !w.status_text().is_empty())
        .await;
    w.settle().await;
    w
}

#[wasm_bindgen_test]
async fn confirming_pin_all_sends_one_pin_all_reports_the_count_and_rereads_the_dialog() {
    let portal = Portal::new();
    let w = confirm_bulk(
        &portal,
        Locale::En,
        "Pin all my dialogs",
        "Confirm",
        vec![1, 2, 3],
    )
    .await;
    let requests = w.fake.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_eq!(
        requests[0],
        Request::Call {
            method: PIN_ALL.into(),
            params: json!({})
        }
    );
    assert!(
        matches!(&requests[1], Request::Batch(calls) if calls[0].method == DIALOG_GET),
        "the current dialog is read again: {requests:?}"
    );
    assert_eq!(w.status_text(), "3 dialogs pinned");
    assert_eq!(w.alert_text(), "");
    assert!(w.confirmation().is_none());
    assert_eq!(
        w.checked("Pin dialog").as_deref(),
        Some("true"),
        "the re-read shows this dialog pinned too"
    );
}

#[wasm_bindgen_test]
async fn in_russian_pin_all_reports_zakrepleno_3_dialoga() {
    let w = confirm_bulk(
        &Portal::new(),
        Locale::Ru,
        "Закрепить все мои диалоги",
        "Подтвердить",
        vec![1, 2, 3],
    )
    .await;
    assert_eq!(w.status_text(), "Закреплено 3 диалога");
    assert_eq!(w.writes(), vec![(PIN_ALL.to_owned(), json!({}))]);
}

#[wasm_bindgen_test]
async fn pin_all_words_the_count_for_zero_one_few_many_and_twenty_one() {
    let en = (Locale::En, "Pin all my dialogs", "Confirm");
    let ru = (Locale::Ru, "Закрепить все мои диалоги", "Подтвердить");
    let cases = [
        (en, 0, "No dialogs needed pinning"),
        (en, 1, "1 dialog pinned"),
        (ru, 0, "Нет диалогов, которые нужно закрепить"),
        (ru, 1, "Закреплён 1 диалог"),
        (ru, 5, "Закреплено 5 диалогов"),
        (ru, 21, "Закреплён 21 диалог"),
    ];
    for ((locale, pin_all, confirm), n, expected) in cases {
        let w = confirm_bulk(&Portal::new(), locale, pin_all, confirm, (1..=n).collect()).await;
        assert_eq!(w.status_text(), expected, "{locale:?} {n}");
    }
}

#[wasm_bindgen_test]
async fn confirming_unpin_all_sends_one_unpin_all_reports_the_count_and_rereads_the_dialog() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = confirm_bulk(
        &portal,
        Locale::En,
        "Unpin all my dialogs",
        "Confirm",
        vec![7, 8],
    )
    .await;
    let requests = w.fake.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_eq!(
        requests[0],
        Request::Call {
            method: UNPIN_ALL.into(),
            params: json!({})
        }
    );
    assert!(matches!(&requests[1], Request::Batch(_)));
    assert_eq!(w.status_text(), "2 dialogs unpinned");
    assert_eq!(w.status_text(), "2 dialogs unpinned");
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn in_russian_unpin_all_is_confirmed_with_podtverdit() {
    let portal = Portal::new().with(|d| d.pinned = true);
    let w = confirm_bulk(
        &portal,
        Locale::Ru,
        "Открепить все мои диалоги",
        "Подтвердить",
        vec![],
    )
    .await;
    assert_eq!(w.status_text(), "Нет закреплённых диалогов");
    assert_eq!(w.writes(), vec![(UNPIN_ALL.to_owned(), json!({}))]);
}

#[wasm_bindgen_test]
async fn in_russian_cancelling_with_otmena_sends_nothing() {
    let fake = sidebar(&Portal::new(), Locale::Ru);
    let w = open_widget(&fake).await;
    fake.clear_requests();
    w.click("Открепить все мои диалоги");
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    assert!(w.button("Подтвердить").is_some());
    w.click("Отмена");
    w.until("the confirmation closes", || w.confirmation().is_none())
        .await;
    w.settle().await;
    assert!(fake.requests().is_empty());
}

// ---------------------------------------------------------------------------------------------
// 15. Text stays text
// ---------------------------------------------------------------------------------------------

const MARKUP: &str = "<img src=x onerror=\"window.__olm_injected=1\">";

#[wasm_bindgen_test]
async fn a_dialog_name_with_markup_is_shown_literally_and_creates_no_element() {
    let portal = Portal::new().with(|d| d.name = format!("Anna {MARKUP}"));
    let w = open_widget(&sidebar(&portal, Locale::En)).await;
    assert_eq!(
        text_of(&w.one(".olm-dialog-name")),
        format!("Anna {MARKUP}")
    );
    assert!(w.all("img").is_empty(), "no element made from the name");
}

#[wasm_bindgen_test]
async fn an_error_description_with_markup_creates_no_element_and_is_not_shown() {
    let w = toggle_failing(
        &Portal::new(),
        Locale::En,
        PIN,
        rest_error(400, "SOMETHING_NEW", MARKUP),
        "Pin dialog",
    )
    .await;
    assert!(
        w.all("img").is_empty(),
        "no element made from the description"
    );
    assert_eq!(
        w.alert_text(),
        PIN_UNKNOWN,
        "the operator gets the catalogue text; the raw description goes to the console"
    );
    assert!(
        w.fake.logs().iter().any(|l| l.contains(MARKUP)),
        "logged for engineers: {:?}",
        w.fake.logs()
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions found by reading this suite's results.
// ---------------------------------------------------------------------------------------------

/// Bug: after a failed first read the skeleton stayed up, busy, saying "Loading dialog…".
#[wasm_bindgen_test]
async fn a_failed_first_read_shows_no_loading_skeleton_only_the_alert() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    fake.on(DIALOG_GET, |_| Err(CallError::Timeout));
    let w = mount(&fake);
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert!(!w.loading(), "nothing is loading any more");
    assert!(!w.shows(LOADING));
    assert!(w.button("Try again").is_some());
}

/// Bug (fault matrix F06): a pin without an answer was announced only after the re-read, so
/// when the re-read hung too (expired token, the portal never answering the refresh) the
/// operator heard nothing for two deadlines (30 s). Now the alert comes at the write's deadline;
/// "Try again" with the re-read's result.
#[wasm_bindgen_test]
async fn a_pin_without_an_answer_is_announced_at_its_deadline_before_the_re_read_returns() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    fake.on(PIN, |_| Err(CallError::Timeout));
    let w = open_widget(&fake).await;
    fake.clear_requests();
    fake.hold();
    w.click_switch("Pin dialog");
    w.until("the pin is sent", || fake.held() == 1).await;
    assert!(fake.release(), "the pin's deadline passes");
    w.until("the re-read is sent", || fake.held() == 1).await;
    w.settle().await;
    // The re-read is still out: the alert is up already, without a "Try again" for now.
    assert_eq!(w.alert_text(), PIN_NO_ANSWER);
    assert!(w.button("Try again").is_none());
    assert_eq!(
        aria(&w.switch("Pin dialog"), "aria-busy").as_deref(),
        Some("true"),
        "busy until the state is read again"
    );

    fake.release_all();
    w.until("the pin switch is no longer busy", || {
        aria(&w.switch("Pin dialog"), "aria-busy").is_none()
    })
    .await;
    w.settle().await;
    assert_eq!(w.alert_text(), PIN_NO_ANSWER);
    assert!(w.button("Try again").is_some());
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    assert_eq!(w.writes(), vec![(PIN.to_owned(), pin_params("Y"))]);
}

/// Bug: a write that succeeded but whose re-read failed said "pinned" beside an unpinned switch.
#[wasm_bindgen_test]
async fn an_accepted_pin_whose_state_cannot_be_read_back_claims_no_success() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    fake.on(DIALOG_GET, |_| Err(CallError::Timeout));
    w.click_switch("Pin dialog");
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    assert_eq!(
        w.status_text(),
        "",
        "no success claim over a state we could not read"
    );
    assert_eq!(w.alert_text(), LOAD_NO_ANSWER);
    assert_eq!(w.writes().len(), 1);
}

/// Bug: a portal without imopenlines.dialog.get was told it lacks the session.mode methods.
#[wasm_bindgen_test]
async fn a_portal_without_dialog_get_is_told_which_method_is_missing() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    fake.on(DIALOG_GET, |_| {
        Err(rest_error(
            404,
            "ERROR_METHOD_NOT_FOUND",
            "Method not found!",
        ))
    });
    let w = open_widget(&fake).await;
    assert!(
        w.shows(LOAD_PORTAL_TOO_OLD),
        "names imopenlines.dialog.get: {}",
        w.visible_text()
    );
    assert!(w.switches().is_empty());
}

/// Bug: "Try again" after a failed pin-all sent focus to a heading that cannot take it.
#[wasm_bindgen_test]
async fn try_again_after_a_failed_pin_all_keeps_focus_on_pin_all() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    let w = open_widget(&fake).await;
    fake.on(PIN_ALL, |_| Err(rest_error(400, "", "")));
    w.click("Pin all my dialogs");
    w.until("the confirmation opens", || w.confirmation().is_some())
        .await;
    w.click("Confirm");
    w.until("an alert is shown", || !w.alert_text().is_empty())
        .await;
    w.settle().await;
    w.click("Try again");
    w.settle().await;
    // Focus goes through the port: the widget asks for the pin-all button, which is there.
    assert_eq!(fake.focused(), vec![PIN_ALL_ID.to_owned()]);
    let target = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(PIN_ALL_ID)
        .expect("the pin-all button");
    assert_eq!(text_of(&target), "Pin all my dialogs");
}

// ---------------------------------------------------------------------------------------------
// Overlapping writes: each write's verdict comes from the state shown after it
// ---------------------------------------------------------------------------------------------

/// Clicks the pin, then the whisper switch while the pin is in flight, lets both writes be
/// answered in order, and returns once both re-reads are held (the pin's first, index 0).
async fn overlap_pin_and_whisper(fake: &FakeHost, w: &Widget) {
    fake.hold();
    w.click_switch("Pin dialog");
    w.until("the pin is sent", || fake.held() == 1).await;
    w.click_switch("Whisper mode");
    w.until("the whisper is sent", || fake.held() == 2).await;
    assert!(fake.release_at(0), "the pin is answered");
    w.until("the pin's re-read is sent", || fake.held() == 2)
        .await;
    assert!(fake.release_at(0), "the whisper is answered");
    w.until("the whisper's re-read is sent", || fake.held() == 2)
        .await;
}

/// Regression: a pin that the portal answered `true` without applying got no alert when the
/// whisper click's re-read answered before the pin's own re-read (the pin's read was then
/// "stale", and a stale read counted as "could not read back").
#[wasm_bindgen_test]
async fn a_pin_that_did_not_take_is_reported_even_when_a_newer_read_answers_first() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    fake.on(PIN, |_| Ok(json!(true))); // says yes, changes nothing (the queue-lock quirk)
    let w = open_widget(&fake).await;
    overlap_pin_and_whisper(&fake, &w).await;
    assert!(
        fake.release_at(1),
        "the whisper's (newer) re-read answers first"
    );
    w.until("whisper mode shows on", || {
        w.checked("Whisper mode").as_deref() == Some("true")
    })
    .await;
    fake.release_all(); // the pin's (older) re-read
    w.until("both switches are idle", || {
        w.switches().iter().all(|s| aria(s, "aria-busy").is_none())
    })
    .await;
    w.settle().await;
    assert_eq!(
        w.alert_text(),
        PIN_UNKNOWN,
        "the pin's verdict, judged on the newer state"
    );
    assert!(w.button("Try again").is_some());
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("false"));
    assert_eq!(w.status_text(), WHISPER_TURNED_ON);
}

/// Regression (fault 1): a newer re-read that *failed* counted as newer news, so the older
/// re-read that succeeded was dropped and the pin, which had worked, was judged on the state
/// from before it: "Pinning failed" with Try again.
#[wasm_bindgen_test]
async fn a_pin_that_worked_is_not_reported_failed_when_a_newer_read_fails_first() {
    let portal = Portal::new();
    let fake = sidebar(&portal, Locale::En);
    // Reads of the dialog in the order they are answered: the first load, then the whisper's
    // (newer) re-read, which fails, then the pin's (older) re-read.
    let answered = Rc::new(RefCell::new(0));
    let p = portal.clone();
    let n = answered.clone();
    fake.on(DIALOG_GET, move |_| {
        *n.borrow_mut() += 1;
        if *n.borrow() == 2 {
            Err(CallError::Timeout)
        } else {
            Ok(p.dialog_json())
        }
    });
    let w = open_widget(&fake).await;
    overlap_pin_and_whisper(&fake, &w).await;
    assert!(
        fake.release_at(1),
        "the whisper's (newer) re-read fails first"
    );
    w.until("the failed read is said", || !w.alert_text().is_empty())
        .await;
    fake.release_all(); // the pin's (older) re-read, which succeeds
    w.until("both switches are idle", || {
        w.switches().iter().all(|s| aria(s, "aria-busy").is_none())
    })
    .await;
    w.settle().await;
    assert!(portal.pinned(), "the pin took on the portal");
    assert_eq!(w.checked("Pin dialog").as_deref(), Some("true"));
    assert_eq!(w.checked("Whisper mode").as_deref(), Some("true"));
    assert_ne!(
        w.alert_text(),
        PIN_UNKNOWN,
        "a pin that worked is not reported as failed"
    );
    assert_eq!(w.status_text(), DIALOG_PINNED);
}
