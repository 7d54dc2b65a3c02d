//! The operator's open-line dialogs on the app's page, in a browser over the fake host with a
//! small portal behind it (the server's rules for pin, silent and pinAll, docs/bitrix24.md
//! §1 and §11): what the list shows, a row's switches, the bulk forecast, and failures.
#![cfg(target_arch = "wasm32")]

mod catalogues;
mod fake;
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use fake::FakeHost;
use openline_modes::domain::error::CallError;
use serde_json::{json, Value};
use support::{text_of, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ME: u64 = 1;

/// One dialog of the fake portal.
#[derive(Clone)]
struct Dialog {
    chat: u64,
    title: &'static str,
    connector: &'static str,
    owner: u64,
    pinned: bool,
    whisper: bool,
    session: u64,
    status: u64,
}

/// The dialogs behind the fake host, changed by the writes as the server changes them.
#[derive(Clone)]
struct Portal(Rc<RefCell<Vec<Dialog>>>);

impl Portal {
    fn seeded() -> Self {
        let d = |chat, title, connector, owner, pinned, whisper, session, status| Dialog {
            chat,
            title,
            connector,
            owner,
            pinned,
            whisper,
            session,
            status,
        };
        Portal(Rc::new(RefCell::new(vec![
            d(22, "Visitor 22", "livechat", 0, false, false, 501, 0),
            d(
                12,
                "Alice - Telegram",
                "telegrambot",
                ME,
                false,
                false,
                343,
                20,
            ),
            d(13, "Bob - Live chat", "livechat", ME, true, false, 342, 40),
            d(15, "Carol - Viber", "viber", 2, false, true, 345, 20),
            d(14, "Dave - closing", "livechat", ME, false, false, 344, 50),
        ])))
    }

    fn item(d: &Dialog) -> Value {
        json!({
            "id": format!("chat{}", d.chat),
            "chat_id": d.chat,
            "title": d.title,
            "pinned": false,
            "chat": {
                "id": d.chat, "name": d.title, "owner": d.owner, "type": "lines",
                "entity_type": "LINES", "entity_id": format!("{}|1|{}|7", d.connector, d.chat),
                "entity_data_1": format!("Y|LEAD|1|{}|N|{}|0|0|0|0", if d.pinned { "Y" } else { "N" }, d.session),
                "entity_data_3": if d.whisper { "Y" } else { "N" },
                "message_type": "L"
            },
            "lines": {"id": d.session, "status": d.status}
        })
    }

    fn serve(&self, fake: &FakeHost) {
        let p = self.clone();
        fake.on("im.recent.get", move |_| {
            let mut items: Vec<Value> = p.0.borrow().iter().map(Self::item).collect();
            items.insert(1, Value::Null); // an offer without a message
            Ok(Value::Array(items))
        });
        let p = self.clone();
        fake.on("imopenlines.session.mode.pin", move |params| {
            let chat = params["CHAT_ID"].as_u64().unwrap();
            let mut all = p.0.borrow_mut();
            let d = all.iter_mut().find(|d| d.chat == chat).unwrap();
            if d.owner != ME {
                return Err(CallError::Rest {
                    status: 400,
                    code: String::new(),
                    description: String::new(),
                });
            }
            d.pinned = params["ACTIVATE"] == "Y";
            Ok(json!(true))
        });
        let p = self.clone();
        fake.on("imopenlines.session.mode.silent", move |params| {
            let chat = params["CHAT_ID"].as_u64().unwrap();
            let mut all = p.0.borrow_mut();
            let d = all.iter_mut().find(|d| d.chat == chat).unwrap();
            d.whisper = params["ACTIVATE"] == "Y";
            Ok(json!(true))
        });
        let p = self.clone();
        fake.on("imopenlines.session.mode.pinAll", move |_| {
            let mut changed = Vec::new();
            for d in p.0.borrow_mut().iter_mut() {
                if d.owner == ME && (10..50).contains(&d.status) && !d.pinned {
                    d.pinned = true;
                    changed.push(d.session);
                }
            }
            Ok(json!(changed))
        });
    }
}

async fn open(fake: &FakeHost) -> Mounted {
    let page = Mounted::admin(fake);
    page.settle(fake).await;
    page
}

fn rows(page: &Mounted) -> Vec<Element> {
    page.all("tr.olm-row")
}

/// A row's cells as shown: title (and what was said on it), channel, status, operator.
fn cells(row: &Element) -> Vec<String> {
    let list = row.query_selector_all("th, td").unwrap();
    (0..4)
        .map(|i| text_of(&list.item(i).unwrap().unchecked_into::<Element>()))
        .collect()
}

fn switch(page: &Mounted, id: &str) -> HtmlElement {
    page.all(&format!("#{id}"))
        .pop()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

fn checked(page: &Mounted, id: &str) -> String {
    switch(page, id)
        .get_attribute("aria-checked")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_dialog_is_listed_with_its_true_state_after_one_request_in_work_first() {
    let fake = FakeHost::app_page("en", false);
    Portal::seeded().serve(&fake);
    let page = open(&fake).await;
    // One request to the true states: whether the portal is installing the app, the list, and
    // who is looking, in one batch.
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let fake::Request::Batch(calls) = &requests[0] else {
        panic!("not a batch: {requests:?}");
    };
    assert_eq!(
        calls.iter().map(|c| c.method.as_str()).collect::<Vec<_>>(),
        ["app.info", "im.recent.get", "profile"]
    );
    let shown: Vec<Vec<String>> = rows(&page).iter().map(cells).collect();
    assert_eq!(
        shown,
        [
            ["Alice - Telegram", "Telegram", "In work", "You"],
            ["Bob - Live chat", "Live chat", "In work", "You"],
            ["Carol - Viber", "Viber", "In work", "Not you"],
            [
                "Visitor 22",
                "Live chat",
                "Waiting for an operator",
                "Not you"
            ],
            ["Dave - closing", "Live chat", "Closing", "You"],
        ]
    );
    assert!(page.shows("5 dialogs"));
    assert_eq!(checked(&page, "olm-pin-12"), "false");
    assert_eq!(checked(&page, "olm-pin-13"), "true");
    assert_eq!(checked(&page, "olm-whisper-15"), "true");
    assert_eq!(
        switch(&page, "olm-pin-12")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Pin dialog Alice - Telegram")
    );
    // Another operator's dialog and an offer: no pin.
    for id in ["olm-pin-15", "olm-pin-22"] {
        assert_eq!(
            switch(&page, id).get_attribute("aria-disabled").as_deref(),
            Some("true"),
            "{id}"
        );
    }
}

#[wasm_bindgen_test]
async fn no_dialogs_says_so_without_a_table() {
    let fake = FakeHost::app_page("en", false);
    let page = open(&fake).await;
    assert!(page.shows("You have no open-line dialogs right now"));
    assert!(rows(&page).is_empty());
}

#[wasm_bindgen_test]
async fn a_rows_pin_is_sent_once_then_the_list_is_read_again_and_the_row_says_so() {
    let fake = FakeHost::app_page("en", false);
    Portal::seeded().serve(&fake);
    let page = open(&fake).await;
    fake.clear_requests();
    switch(&page, "olm-pin-12").click();
    page.settle(&fake).await;
    assert_eq!(
        fake.calls(),
        [
            (
                "imopenlines.session.mode.pin".to_string(),
                json!({ "CHAT_ID": 12, "ACTIVATE": "Y" })
            ),
            (
                "im.recent.get".to_string(),
                json!({ "ONLY_OPENLINES": "Y" })
            ),
            ("profile".to_string(), json!({})),
        ]
    );
    assert_eq!(checked(&page, "olm-pin-12"), "true");
    // Every row has its live regions; only this one says something.
    let said: Vec<String> = page
        .all("tr.olm-row [role=status]")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(said, ["The dialog is pinned to you.", "", "", "", ""]);
    // A click on a disabled pin sends nothing.
    fake.clear_requests();
    switch(&page, "olm-pin-15").click();
    page.settle(&fake).await;
    assert!(fake.requests().is_empty());
}

#[wasm_bindgen_test]
async fn a_refused_row_write_is_said_on_the_row_with_try_again_that_sends_it_once_more() {
    let fake = FakeHost::app_page("en", false);
    Portal::seeded().serve(&fake);
    fake.on("imopenlines.session.mode.silent", |_| {
        Err(CallError::Rest {
            status: 503,
            code: "QUERY_LIMIT_EXCEEDED".into(),
            description: "Too many requests".into(),
        })
    });
    let page = open(&fake).await;
    fake.clear_requests();
    switch(&page, "olm-whisper-12").click();
    page.settle(&fake).await;
    let said: Vec<String> = page
        .all("tr.olm-row [role=alert]")
        .iter()
        .map(text_of)
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        said,
        [
            "Turning whisper mode on failed. Bitrix24 is receiving too many requests right now. \
          Wait a minute and try again.Try again"
        ],
        "{}",
        page.visible_text()
    );
    assert_eq!(checked(&page, "olm-whisper-12"), "false");
    let silent = |fake: &FakeHost| fake.calls_of("imopenlines.session.mode.silent").len();
    assert_eq!(silent(&fake), 1);
    page.click(&fake, "Try again").await;
    assert_eq!(silent(&fake), 2);
    // The button went with its message: the keyboard is on the row's switch.
    assert_eq!(
        fake.focused().last().map(String::as_str),
        Some("olm-whisper-12")
    );
}

#[wasm_bindgen_test]
async fn pin_all_says_how_many_listed_dialogs_it_will_pin_and_the_result_matches() {
    let fake = FakeHost::app_page("en", false);
    Portal::seeded().serve(&fake);
    let page = open(&fake).await;
    page.click(&fake, "Pin all my dialogs").await;
    // Alice (mine, in work, unpinned) only: Bob is pinned, Carol not mine, Dave closing.
    assert!(
        page.shows("1 dialog in work will be pinned to you. Pin all?"),
        "{}",
        page.visible_text()
    );
    fake.clear_requests();
    page.click(&fake, "Confirm").await;
    assert_eq!(fake.calls_of("imopenlines.session.mode.pinAll").len(), 1);
    assert_eq!(
        fake.calls_of("im.recent.get").len(),
        1,
        "the list is read again"
    );
    assert_eq!(page.status(), "1 dialog pinned");
    assert_eq!(checked(&page, "olm-pin-12"), "true");
}

#[wasm_bindgen_test]
async fn a_result_other_than_the_forecast_says_what_the_list_expected() {
    let fake = FakeHost::app_page("en", false);
    Portal::seeded().serve(&fake);
    // The server also changed a session the list does not show (docs/bitrix24.md §11.2).
    fake.on("imopenlines.session.mode.pinAll", |_| Ok(json!([343, 999])));
    let page = open(&fake).await;
    page.click(&fake, "Pin all my dialogs").await;
    page.click(&fake, "Confirm").await;
    assert_eq!(page.status(), "2 dialogs pinned. The list expected 1.");
}

#[wasm_bindgen_test]
async fn a_failed_read_of_the_list_says_why_and_try_again_reads_it_again() {
    let fake = FakeHost::app_page("en", false);
    fake.on("im.recent.get", |_| Err(CallError::Timeout));
    let page = open(&fake).await;
    assert!(page.alert().starts_with("Could not"), "{}", page.alert());
    Portal::seeded().serve(&fake);
    page.click(&fake, "Try again").await;
    assert_eq!(page.alert(), "");
    assert_eq!(rows(&page).len(), 5);
}
